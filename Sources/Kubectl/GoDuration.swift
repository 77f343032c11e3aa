/// Go's `time.ParseDuration` (`time/format.go`), for flags such as `--timeout=1m30s`: a
/// sequence of decimal numbers, each with a unit (`ns`, `us`, `µs`, `μs`, `ms`, `s`, `m`,
/// `h`), or a bare `0`, at most 2^63-1 nanoseconds (about 292 years) either way.
enum GoDuration {
  /// Why Go refuses a duration: the text of its error, such as
  /// `time: invalid duration "9999999999999999s"`.
  struct ParseError: Error, Equatable {
    /// The error's text as Go prints it.
    var message: String
  }

  /// Nanoseconds per unit, as in Go's `unitMap`.
  private static let units: [String: UInt64] = [
    "ns": 1, "us": 1000, "µs": 1000, "μs": 1000, "ms": 1_000_000, "s": 1_000_000_000,
    "m": 60_000_000_000, "h": 3_600_000_000_000,
  ]

  /// 2^63, the bound Go checks its unsigned sums against.
  private static let bound: UInt64 = 1 << 63

  /// `Duration.String()` of a whole number of milliseconds (`0s`, `500ms`, `10s`, `1m30s`,
  /// `1h0m0.5s`), as `%v` prints a duration.
  static func string(milliseconds: Int64) -> String {
    if milliseconds == 0 { return "0s" }
    let sign = milliseconds < 0 ? "-" : ""
    let magnitude = milliseconds.magnitude
    if magnitude < 1000 { return sign + "\(magnitude)ms" }
    let seconds = magnitude / 1000
    var fraction = ""
    if magnitude % 1000 != 0 {
      var digits = String(magnitude % 1000)
      digits = String(repeating: "0", count: 3 - digits.count) + digits
      while digits.hasSuffix("0") { digits.removeLast() }
      fraction = "." + digits
    }
    let secondsText = "\(seconds % 60)\(fraction)s"
    let hours = seconds / 3600
    let minutes = seconds / 60 % 60
    if hours > 0 { return sign + "\(hours)h\(minutes)m" + secondsText }
    if minutes > 0 { return sign + "\(minutes)m" + secondsText }
    return sign + secondsText
  }

  /// The duration `text` stands for, in milliseconds (rounded toward zero), or nil when Go
  /// would reject it.
  static func milliseconds(_ text: String) -> Int64? {
    try? parse(text)
  }

  /// The duration `text` stands for, in milliseconds (rounded toward zero).
  ///
  /// - Throws: Go's error for the text, word for word.
  static func parse(_ text: String) throws(ParseError) -> Int64 {
    let invalid = ParseError(message: "time: invalid duration " + quote(text))
    var rest = Array(text.utf8)[...]
    var negative = false
    if let sign = rest.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") {
      negative = sign == UInt8(ascii: "-")
      rest = rest.dropFirst()
    }
    if rest.elementsEqual("0".utf8) { return 0 }
    guard !rest.isEmpty else { throw invalid }
    var total: UInt64 = 0
    while let first = rest.first {
      guard first == UInt8(ascii: ".") || isDigit(first) else { throw invalid }
      let integerDigits = rest.prefix(while: isDigit)
      rest = rest.dropFirst(integerDigits.count)
      guard var value = leadingInt(integerDigits) else { throw invalid }
      var fraction: (value: UInt64, scale: Double) = (0, 1)
      var fractionDigits = 0
      if rest.first == UInt8(ascii: ".") {
        rest = rest.dropFirst()
        let digits = rest.prefix(while: isDigit)
        rest = rest.dropFirst(digits.count)
        fraction = leadingFraction(digits)
        fractionDigits = digits.count
      }
      guard !integerDigits.isEmpty || fractionDigits > 0 else { throw invalid }
      let unitBytes = rest.prefix { !($0 == UInt8(ascii: ".") || isDigit($0)) }
      rest = rest.dropFirst(unitBytes.count)
      guard !unitBytes.isEmpty else {
        throw ParseError(message: "time: missing unit in duration " + quote(text))
      }
      guard let unit = units[String(decoding: unitBytes, as: UTF8.self)] else {
        throw ParseError(message: "time: unknown unit \(quote(unitBytes)) in duration \(quote(text))")
      }
      guard value <= bound / unit else { throw invalid }
      value *= unit
      if fraction.value > 0 {
        // float64 keeps fractions of an hour nanosecond-exact, as Go's comment says.
        let perStep: Double = Double(unit) / fraction.scale
        let fractionNanoseconds: Double = Double(fraction.value) * perStep
        value += UInt64(fractionNanoseconds)
        guard value <= bound else { throw invalid }
      }
      total &+= value  // Go's uint64 sum wraps (2^63 + 2^63 is 0), as here
      guard total <= bound else { throw invalid }
    }
    guard negative || total <= bound - 1 else { throw invalid }
    // Whole milliseconds; -2^63 ns stays within Int64 after the division.
    let milliseconds = Int64(total / 1_000_000)
    return negative ? -milliseconds : milliseconds
  }

  /// Go's `leadingInt`: the digits' value, or nil beyond 2^63.
  private static func leadingInt(_ digits: ArraySlice<UInt8>) -> UInt64? {
    var value: UInt64 = 0
    for digit in digits {
      guard value <= bound / 10 else { return nil }
      value = value * 10 + UInt64(digit - UInt8(ascii: "0"))
      guard value <= bound else { return nil }
    }
    return value
  }

  /// Go's `leadingFraction`: the digits after the point as an integer and the power of ten
  /// it stands over; digits past what fits are dropped.
  private static func leadingFraction(_ digits: ArraySlice<UInt8>) -> (value: UInt64, scale: Double) {
    var value: UInt64 = 0
    var scale = 1.0
    for digit in digits {
      guard value <= (bound - 1) / 10 else { break }
      let next = value * 10 + UInt64(digit - UInt8(ascii: "0"))
      guard next <= bound else { break }
      value = next
      scale *= 10
    }
    return (value, scale)
  }

  /// Whether `byte` is an ASCII decimal digit.
  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }

  /// Go's `time.quote`: double quotes around the text, `"` and `\` escaped, and every byte
  /// of a control or non-ASCII character written as `\xNN`.
  static func quote<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
    let hex = Array("0123456789abcdef")
    var text = "\""
    for byte in bytes {
      if byte >= 0x80 || byte < 0x20 {
        text += "\\x" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
      } else {
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { text += "\\" }
        text.append(Character(Unicode.Scalar(byte)))
      }
    }
    return text + "\""
  }

  /// ``quote(_:)`` of a string's UTF-8 bytes.
  static func quote(_ text: String) -> String { quote(text.utf8) }
}
