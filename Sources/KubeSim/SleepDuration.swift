/// The duration syntax of `sleep` in GNU coreutils and busybox: a non-negative decimal number
/// with an optional `s`, `m`, `h` or `d` suffix, or `inf` / `infinity` (any case), which
/// sleeps forever — `sleep infinity` is the usual way to keep a container running.
public enum SleepDuration {
  /// The seconds `text` stands for (`Double.infinity` for `inf`, and for a number too large
  /// for a double), or nil when it is not a valid interval.
  public static func seconds(_ text: String) -> Double? {
    if ["inf", "infinity"].contains(text.lowercased()) { return .infinity }
    var number = Substring(text)
    var unit = 1.0
    switch number.last {
    case "s": number = number.dropLast()
    case "m": number = number.dropLast(); unit = 60
    case "h": number = number.dropLast(); unit = 3600
    case "d": number = number.dropLast(); unit = 86400
    default: break
    }
    guard !number.isEmpty, number.allSatisfy({ ("0"..."9").contains($0) || $0 == "." }),
      number.filter({ $0 == "." }).count <= 1, let value = Double(number)
    else { return nil }
    return value * unit
  }

  /// The milliseconds `text` stands for, clamped to `Int64`, or nil for an invalid interval
  /// and for `inf` (a sleep that never ends).
  public static func milliseconds(_ text: String) -> Int64? {
    guard let seconds = seconds(text), seconds.isFinite else { return nil }
    return Int64.clamping((seconds * 1000).rounded(.down))
  }
}
