/// The text a quantity is written back as (apimachinery v0.32 `pkg/api/resource/quantity.go`,
/// `Quantity.MarshalJSON` and `String`): the text given when `ParseQuantity` found it canonical
/// already (its `s` field), else `CanonicalizeBytes` — no trailing zeros, an exponent that is a
/// multiple of 3 (`0.5` is `500m`, `129e6` is `129M`), binary quantities in the largest power of
/// 1024 that divides them (`1.5Gi` is `1536Mi`), anything below a nano unit rounded up.
///
/// The value is kept as decimal digits and a power of ten, so any exponent is safe: Go's
/// `inf.Dec` keeps arbitrary precision the same way, and its `int32` scales wrap as `&+` does.
extension Quantity {
  /// How a quantity is written (`Format`): `DecimalSI` (`12M`), `BinarySI` (`12Mi`) or
  /// `DecimalExponent` (`12e6`).
  enum Format: Sendable, Equatable { case decimalSI, binarySI, decimalExponent }

  /// A quantity as `ParseQuantity` leaves it: `digits × 10^exponent` with its sign, the format
  /// its suffix chose, and the text when the parse kept it as canonical.
  struct Parsed: Sendable, Equatable {
    /// Whether the value is below zero.
    var negative: Bool
    /// The magnitude's decimal digits (0...9), no leading zeros; empty for zero.
    var digits: [UInt8]
    /// The power of ten the digits are scaled by.
    var exponent: Int
    /// The format the suffix chose.
    var format: Format
    /// The text `ParseQuantity` kept (`Quantity.s`), when it was canonical already.
    var kept: String?
  }

  /// The canonical text of `text` (`ParseQuantity(text).String()`), or apimachinery's parse
  /// error.
  public static func canonical(_ text: String) throws(ParseError) -> String {
    let parsed = try parse(text)
    return parsed.kept ?? canonicalText(parsed)
  }

  /// `Quantity.UnmarshalJSON`'s reading of a manifest value: surrounding white space is
  /// dropped (`strings.TrimSpace`), then the text is parsed and written back canonically.
  public static func canonicalJSON(_ text: String) throws(ParseError) -> String {
    let trimmed = text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
    return try canonical(String(trimmed))
  }

  /// `ParseQuantity`: the int64 fast path (which keeps canonical text), else the decimal
  /// path, rounded up to nano units, binary quantities capped at 2^63-1.
  static func parse(_ text: String) throws(ParseError) -> Parsed {
    guard !text.isEmpty else { throw .formatWrong }
    if text == "0" { return Parsed(negative: false, digits: [], exponent: 0, format: .decimalSI, kept: text) }
    let parts = try split(text)
    let (base, suffixExponent) = try interpret(parts.suffix)
    let format: Format =
      base == 2
      ? .binarySI
      : parts.suffix.count > 1 && (parts.suffix.first == "e" || parts.suffix.first == "E")
        ? .decimalExponent : .decimalSI
    let zero = UInt8(ascii: "0")
    let num = parts.integer.drop { $0 == zero }
    let denom = Array(parts.fraction)
    let numDigits = num.isEmpty ? [zero] : Array(num)
    let precision: Int
    if base == 10 {
      precision = 18 - (numDigits.count + denom.count)
    } else if suffixExponent >= 0 && denom.isEmpty {
      precision = 15 - numDigits.count - suffixExponent * 3 / 10 - 1
    } else {
      precision = -1
    }
    if precision >= 0 {
      // Go's int32 scale: `scale -= int32(len(denom))` wraps rather than traps.
      let scale = Int32(truncatingIfNeeded: base == 10 ? suffixExponent : 0) &- Int32(denom.count)
      let shifted = numDigits + denom
      if scale >= -9, let value = Int64(String(decoding: shifted, as: UTF8.self)) {
        let multiplier: Int64 = base == 2 ? 1 << Int64(suffixExponent) : 1
        let (result, overflow) = value.multipliedReportingOverflow(by: multiplier)
        if !overflow {
          let keep: Bool
          if base == 2 {
            keep = suffixExponent % 10 == 0 && value & 7 != 0
          } else {
            keep = scale % 3 == 0 && !shifted.reversed().starts(with: [zero, zero, zero]) && shifted.first != zero
          }
          let digits = Array(String(result).utf8).map { $0 - zero }.drop { $0 == 0 }
          return Parsed(
            negative: parts.negative && result != 0, digits: Array(digits), exponent: Int(scale), format: format,
            kept: keep ? text : nil)
        }
      }
    }
    return slowParse(parts, base: base, suffixExponent: suffixExponent, format: format)
  }

  /// `ParseQuantity`'s `inf.Dec` path for what the int64 path cannot hold.
  private static func slowParse(
    _ parts: (negative: Bool, integer: ArraySlice<UInt8>, fraction: ArraySlice<UInt8>, suffix: String),
    base: Int, suffixExponent: Int, format: Format
  ) -> Parsed {
    let zero = UInt8(ascii: "0")
    var digits = Array((parts.integer + parts.fraction).map { $0 - zero }.drop { $0 == 0 })
    // inf.Dec's scale is an int32: len(denom) - exponent, wrapping as Go's arithmetic does.
    let scale = Int32(truncatingIfNeeded: parts.fraction.count) &- Int32(base == 10 ? suffixExponent : 0)
    var exponent = -Int(scale)
    if base == 2 {
      for _ in 0..<suffixExponent { digits = doubled(digits) }
    }
    var format = format
    if !digits.isEmpty && exponent < -9 {
      // `amount.Round(amount, Nano.infScale(), inf.RoundUp)` on the magnitude.
      let dropped = min(-9 - exponent, digits.count)
      let droppedNonZero = digits.suffix(dropped).contains { $0 != 0 }
      digits.removeLast(dropped)
      exponent = -9
      if droppedNonZero { digits = incremented(digits) }
    }
    let maxAllowed = Array("9223372036854775807".utf8).map { $0 - zero }
    if format == .binarySI && compare(digits, exponent, maxAllowed) > 0 {
      digits = maxAllowed
      exponent = 0
    }
    if format == .binarySI && !digits.isEmpty && compare(digits, exponent, [1]) < 0 { format = .decimalSI }
    return Parsed(negative: parts.negative && !digits.isEmpty, digits: digits, exponent: exponent, format: format)
  }

  /// `CanonicalizeBytes`: zero is `0`; a BinarySI quantity below 1024 in magnitude, or not
  /// whole, is written as DecimalSI; decimal formats move factors of ten into an exponent
  /// that is a multiple of 3 (a DecimalSI exponent with no suffix, past `E`, is dropped, as
  /// upstream's `constructBytes` drops it); binary ones into a power of 1024.
  static func canonicalText(_ parsed: Parsed) -> String {
    var digits = parsed.digits
    var exponent = parsed.exponent
    guard !digits.isEmpty else { return "0" }
    while digits.count > 1, digits.last == 0 {
      digits.removeLast()
      exponent += 1
    }
    let sign = parsed.negative ? "-" : ""
    var format = parsed.format
    if format == .binarySI && (compare(digits, exponent, [1, 0, 2, 4]) < 0 || exponent < 0) {
      format = .decimalSI
    }
    if format == .binarySI {
      // Whole and at most 2^63-1 (ParseQuantity capped it).
      var value = digits.reduce(UInt64(0)) { $0 &* 10 &+ UInt64($1) }
      for _ in 0..<exponent { value = value &* 10 }
      var power = 0
      while value >= 1024 && value % 1024 == 0 && power < 6 {
        value /= 1024
        power += 1
      }
      return sign + String(value) + ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"][power]
    }
    while exponent % 3 != 0 {
      digits.append(0)
      exponent -= 1
    }
    let number = sign + String(decoding: digits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
    if format == .decimalExponent { return number + (exponent == 0 ? "" : "e\(exponent)") }
    let suffixes = [-9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E"]
    return number + (suffixes[exponent] ?? "")
  }

  /// The sign of `digits × 10^exponent − integer` (both magnitudes, `integer` as digits with
  /// no leading zeros).
  static func compare(_ digits: [UInt8], _ exponent: Int, _ integer: [UInt8]) -> Int {
    if digits.isEmpty { return integer.isEmpty ? 0 : -1 }
    // Digits before the decimal point; past the int range it only matters that it is large.
    let wholeLength = digits.count.saturatingAdd(exponent)
    if wholeLength != integer.count { return wholeLength > integer.count ? 1 : -1 }
    for index in 0..<integer.count {
      let digit = index < digits.count ? digits[index] : 0
      if digit != integer[index] { return digit > integer[index] ? 1 : -1 }
    }
    return digits.dropFirst(integer.count).contains { $0 != 0 } ? 1 : 0
  }

  /// The decimal digits of twice the number `digits`.
  private static func doubled(_ digits: [UInt8]) -> [UInt8] {
    var result = [UInt8](repeating: 0, count: digits.count)
    var carry: UInt8 = 0
    for index in digits.indices.reversed() {
      let value = digits[index] * 2 + carry
      result[index] = value % 10
      carry = value / 10
    }
    return carry > 0 ? [carry] + result : result
  }

  /// The decimal digits of the number `digits` plus one.
  private static func incremented(_ digits: [UInt8]) -> [UInt8] {
    var result = digits
    for index in result.indices.reversed() {
      if result[index] < 9 {
        result[index] += 1
        return result
      }
      result[index] = 0
    }
    return [1] + result
  }
}
