/// Go's `time.ParseDuration`, for flags such as `--timeout=1m30s`: a sequence of decimal
/// numbers, each with a unit (`ns`, `us`, `µs`, `ms`, `s`, `m`, `h`), or a bare `0`.
enum GoDuration {
  /// The duration `text` stands for, in milliseconds (rounded down), or nil when Go would
  /// reject it.
  static func milliseconds(_ text: String) -> Int64? {
    var rest = Substring(text)
    var negative = false
    if rest.first == "-" || rest.first == "+" {
      negative = rest.first == "-"
      rest = rest.dropFirst()
    }
    if rest == "0" { return 0 }
    guard !rest.isEmpty else { return nil }
    let units: [(String, Double)] = [
      ("ns", 1e-6), ("us", 1e-3), ("µs", 1e-3), ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000),
    ]
    var total = 0.0
    while !rest.isEmpty {
      let number = rest.prefix { $0.isASCIIDigitCharacter || $0 == "." }
      guard !number.isEmpty, number != ".", let value = Double(number) else { return nil }
      rest = rest.dropFirst(number.count)
      let unitText = rest.prefix { !($0.isASCIIDigitCharacter || $0 == ".") }
      guard let unit = units.first(where: { $0.0 == unitText }) else { return nil }
      rest = rest.dropFirst(unitText.count)
      total += value * unit.1
    }
    let milliseconds = Int64(total)
    return negative ? -milliseconds : milliseconds
  }
}
