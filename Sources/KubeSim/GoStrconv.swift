/// Go's `strconv.ParseInt` and `strconv.Atoi` (`strconv/atoi.go`), for numbers on command
/// lines and in schedules: their bounds and their error texts (`strconv.ParseInt: parsing
/// "99999999999999999999": value out of range`).
public enum GoStrconv {
  /// A number Go refuses, with the text of its `*NumError`.
  public struct NumberError: Error, Sendable, Equatable {
    /// `strconv.ParseInt: parsing "x": invalid syntax` and the like.
    public var message: String
  }

  /// `strconv.ParseInt(text, base, bits)` for base 10 or 0 (0: a `0x`, `0o`, `0b` or `0`
  /// prefix picks the base, and `_` may separate digits).
  public static func parseInt(_ text: String, base: Int = 10, bits: Int = 64) -> Result<Int64, NumberError> {
    parseInt(text, base: base, bits: bits, function: "ParseInt")
  }

  /// `strconv.ParseUint(text, 10, bits)`: no sign allowed, at most 2^bits - 1.
  public static func parseUint(_ text: String, bits: Int) -> Result<UInt64, NumberError> {
    let quoted = Validation.quote(text)
    let syntax = NumberError(message: "strconv.ParseUint: parsing \(quoted): invalid syntax")
    let range = NumberError(message: "strconv.ParseUint: parsing \(quoted): value out of range")
    guard let parsed = parseUnsigned(Array(text.utf8)[...], base: 10, whole: text) else { return .failure(syntax) }
    guard case .success(let value) = parsed, bits >= 64 || value < UInt64(1) << UInt64(bits) else {
      return .failure(range)
    }
    return .success(value)
  }

  /// `strconv.Atoi(text)`: base 10 into a 64-bit `int`.
  public static func atoi(_ text: String) -> Result<Int, NumberError> {
    parseInt(text, base: 10, bits: 64, function: "Atoi").map { Int($0) }
  }

  private static func parseInt(_ text: String, base: Int, bits: Int, function: String) -> Result<Int64, NumberError> {
    let quoted = Validation.quote(text)
    let syntax = NumberError(message: "strconv.\(function): parsing \(quoted): invalid syntax")
    let range = NumberError(message: "strconv.\(function): parsing \(quoted): value out of range")
    var body = Array(text.utf8)[...]
    var negative = false
    if let sign = body.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
      negative = sign == UInt8(ascii: "-")
      body = body.dropFirst()
    }
    guard let magnitude = parseUnsigned(body, base: base, whole: text) else { return .failure(syntax) }
    guard case .success(let value) = magnitude else { return .failure(range) }
    let cutoff = UInt64(1) << UInt64(bits - 1)
    if !negative && value >= cutoff { return .failure(range) }
    if negative && value > cutoff { return .failure(range) }
    if negative { return .success(value == cutoff ? Int64.min >> (64 - bits) : -Int64(value)) }
    return .success(Int64(value))
  }

  /// `ParseUint`'s loop: nil for a syntax error, `.failure` when the digits overflow 64 bits
  /// (Go reports that at the first digit that overflows, before any later bad character).
  private static func parseUnsigned(_ digits: ArraySlice<UInt8>, base: Int, whole: String) -> Result<
    UInt64, NumberError
  >? {
    guard !digits.isEmpty else { return nil }
    var body = digits
    var radix = UInt64(base)
    let baseZero = base == 0
    if baseZero {
      radix = 10
      let lowered = Array(body.prefix(2)).map { $0 | 0x20 }
      if body.first == UInt8(ascii: "0") {
        if body.count >= 3, lowered.count == 2, lowered[1] == UInt8(ascii: "x") {
          radix = 16
          body = body.dropFirst(2)
        } else if body.count >= 3, lowered.count == 2, lowered[1] == UInt8(ascii: "o") {
          radix = 8
          body = body.dropFirst(2)
        } else if body.count >= 3, lowered.count == 2, lowered[1] == UInt8(ascii: "b") {
          radix = 2
          body = body.dropFirst(2)
        } else {
          radix = 8
          body = body.dropFirst()
        }
      }
    }
    var value: UInt64 = 0
    var sawUnderscore = false
    for byte in body {
      let digit: UInt64
      switch byte {
      case UInt8(ascii: "_") where baseZero:
        sawUnderscore = true
        continue
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = UInt64(byte - UInt8(ascii: "a")) + 10
      case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = UInt64(byte - UInt8(ascii: "A")) + 10
      default: return nil
      }
      guard digit < radix else { return nil }
      let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
      let (sum, carry) = shifted.addingReportingOverflow(digit)
      guard !overflow, !carry else { return .failure(NumberError(message: "")) }
      value = sum
    }
    if sawUnderscore && !underscoresSeparateDigits(whole) { return nil }
    return .success(value)
  }

  /// Go's `underscoreOK`: every `_` sits between digits (a base prefix counts as a digit).
  private static func underscoresSeparateDigits(_ text: String) -> Bool {
    var bytes = Array(text.utf8)[...]
    if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    var saw: Character = "^"
    var hex = false
    let prefix = Array(bytes.prefix(2))
    if prefix.count == 2, prefix[0] == UInt8(ascii: "0"),
      [UInt8(ascii: "b"), UInt8(ascii: "o"), UInt8(ascii: "x")]
        .contains(prefix[1] | 0x20)
    {
      bytes = bytes.dropFirst(2)
      saw = "0"
      hex = prefix[1] | 0x20 == UInt8(ascii: "x")
    }
    for byte in bytes {
      let lower = byte | 0x20
      if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        || (hex && (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(lower))
      {
        saw = "0"
        continue
      }
      if byte == UInt8(ascii: "_") {
        if saw != "0" { return false }
        saw = "_"
        continue
      }
      if saw == "_" { return false }
      saw = "!"
    }
    return saw != "_"
  }
}
