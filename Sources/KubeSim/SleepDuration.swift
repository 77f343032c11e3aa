/// The duration syntax of `sleep` in GNU coreutils and busybox: a non-negative decimal number
/// (an exponent allowed, as `strtod` allows it) with an optional `s`, `m`, `h` or `d` suffix, or `inf` / `infinity` (any case), which
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
    guard isDecimal(number), let value = Double(number) else { return nil }
    return value * unit
  }

  /// Whether `text` is a non-negative decimal as `strtod` reads one: digits with at most one
  /// point, then an optional exponent (`1.5`, `.5`, `1e3`); past a double's range it is
  /// infinite, and coreutils takes that overflow as an infinite sleep.
  private static func isDecimal(_ text: Substring) -> Bool {
    let isDigit = { (character: Character) in ("0"..."9").contains(character) }
    var rest = text
    let mantissa = rest.prefix { isDigit($0) || $0 == "." }
    guard mantissa.contains(where: isDigit), mantissa.filter({ $0 == "." }).count <= 1 else { return false }
    rest = rest.dropFirst(mantissa.count)
    if rest.first == "e" || rest.first == "E" {
      rest = rest.dropFirst()
      if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
      guard let first = rest.first, isDigit(first) else { return false }
      rest = rest.drop(while: isDigit)
    }
    return rest.isEmpty
  }

  /// The milliseconds `text` stands for, clamped to `Int64`, or nil for an invalid interval
  /// and for `inf` (a sleep that never ends).
  public static func milliseconds(_ text: String) -> Int64? {
    guard let seconds = seconds(text), seconds.isFinite else { return nil }
    return Int64.clamping((seconds * 1000).rounded(.down))
  }
}
