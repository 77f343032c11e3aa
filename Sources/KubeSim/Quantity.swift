/// apimachinery's `resource.ParseQuantity` (`k8s.io/apimachinery/pkg/api/resource/quantity.go`):
/// a signed decimal number with an optional suffix — SI (`n`, `u`, `m`, `k`, `M`, `G`, `T`,
/// `P`, `E`), binary (`Ki` … `Ei`) or a decimal exponent (`e3`, `E-2`). The value is read in
/// a unit of the caller's choice (millicores, bytes), rounded up as `MilliValue` and `Value`
/// round, and clamped to `Int64` where apimachinery would keep an arbitrary-precision decimal
/// (its binary quantities are capped at 2^63-1 the same way).
public enum Quantity {
  /// The regular expression in ``ParseError/formatWrong``'s text (`splitREString`).
  public static let pattern = "^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$"

  /// apimachinery's parse errors, with their texts.
  public enum ParseError: Error, Sendable, Equatable {
    /// `ErrFormatWrong`: the text does not have a quantity's shape.
    case formatWrong
    /// `ErrSuffix`: the suffix is not one Kubernetes knows.
    case suffix

    /// The error's text, as the API server and kubectl print it.
    public var message: String {
      switch self {
      case .formatWrong: return "quantities must match the regular expression '\(Quantity.pattern)'"
      case .suffix: return "unable to parse quantity's suffix"
      }
    }
  }

  /// Millicores of a CPU quantity (`250m` → 250, `0.5` → 500, `2` → 2000).
  public static func millis(_ text: String) throws(ParseError) -> Int64 {
    try value(text, decimalScale: -3)
  }

  /// Whole units of a quantity such as memory or storage (`64Mi`, `1G`), rounded up.
  public static func units(_ text: String) throws(ParseError) -> Int64 {
    try value(text, decimalScale: 0)
  }

  /// The quantity in units of 10^`decimalScale`, rounded away from zero, clamped to `Int64`.
  public static func value(_ text: String, decimalScale: Int) throws(ParseError) -> Int64 {
    let parts = try split(text)
    let (base, exponent) = try interpret(parts.suffix)
    var digits = Array((parts.integer + parts.fraction).drop { $0 == UInt8(ascii: "0") })
    // value = digits × 10^power10 × 2^power2, in the caller's unit.
    var power10 = -parts.fraction.count - decimalScale + (base == 10 ? exponent : 0)
    let power2 = base == 2 ? exponent : 0
    while digits.last == UInt8(ascii: "0") {
      digits.removeLast()
      power10 += 1
    }
    guard !digits.isEmpty else { return 0 }
    let magnitude = scaled(digits: digits, power10: power10, power2: power2)
    return parts.negative ? -magnitude : magnitude
  }

  /// The text cut as `parseQuantityString` cuts it: sign, integer digits, fraction digits
  /// and suffix.
  static func split(_ text: String) throws(ParseError) -> (
    negative: Bool, integer: ArraySlice<UInt8>, fraction: ArraySlice<UInt8>, suffix: String
  ) {
    let bytes = Array(text.utf8)
    guard !bytes.isEmpty else { throw .formatWrong }
    var position = 0
    var negative = false
    if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
      negative = bytes[0] == UInt8(ascii: "-")
      position = 1
    }
    let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    let integerStart = position
    while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    let integer = bytes[integerStart..<position]
    var fraction = bytes[position..<position]
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      let fractionStart = position
      while position < bytes.count, isDigit(bytes[position]) { position += 1 }
      fraction = bytes[fractionStart..<position]
    }
    let suffixStart = position
    let suffixLetters = Set("eEinumkKMGTP".utf8)
    while position < bytes.count, suffixLetters.contains(bytes[position]) { position += 1 }
    if position < bytes.count, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
      position += 1
    }
    while position < bytes.count, isDigit(bytes[position]) { position += 1 }
    guard position == bytes.count else { throw .formatWrong }
    return (negative, integer, fraction, String(decoding: bytes[suffixStart...], as: UTF8.self))
  }

  /// The base and exponent a suffix stands for (`suffix.go`'s `interpret`): `Ki` is 2^10,
  /// `k` is 10^3, `e5` is 10^5 (its exponent read as Go's `int32(ParseInt(…))` reads it).
  static func interpret(_ suffix: String) throws(ParseError) -> (base: Int, exponent: Int) {
    let decimal = ["": 0, "n": -9, "u": -6, "m": -3, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18]
    let binary = ["Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60]
    if let exponent = decimal[suffix] { return (10, exponent) }
    if let exponent = binary[suffix] { return (2, exponent) }
    if suffix.count > 1, suffix.first == "e" || suffix.first == "E" {
      let digits = suffix.dropFirst()
      let unsigned = digits.first == "+" || digits.first == "-" ? digits.dropFirst() : digits
      // strconv.ParseInt: an optional sign, then digits only, within Int64.
      guard !unsigned.isEmpty, unsigned.allSatisfy({ ("0"..."9").contains($0) }), let exponent = Int64(digits)
      else { throw .suffix }
      return (10, Int(Int32(truncatingIfNeeded: exponent)))
    }
    throw .suffix
  }

  /// `digits × 10^power10 × 2^power2`, rounded up to a whole number and clamped to
  /// `Int64.max`. Past 38 significant digits the rest only rounds a fraction up.
  private static func scaled(digits: [UInt8], power10: Int, power2: Int) -> Int64 {
    var power10 = power10
    var mantissa: UInt128 = 0
    var droppedNonZero = false
    for (index, digit) in digits.enumerated() {
      if index < 38 {
        mantissa = mantissa * 10 + UInt128(digit - UInt8(ascii: "0"))
      } else {
        power10 += 1
        droppedNonZero = droppedNonZero || digit != UInt8(ascii: "0")
      }
    }
    let limit = UInt128(Int64.max)
    if power10 >= 0 {
      // Whole: past Int64.max it saturates (10^19 > Int64.max bounds the loop).
      guard power10 <= 19 else { return .max }
      var value = mantissa
      for _ in 0..<power10 {
        guard value <= limit else { return .max }
        value *= 10
      }
      for _ in 0..<power2 {
        guard value <= limit else { return .max }
        value *= 2
      }
      return value > limit ? .max : Int64(value)
    }
    // A fraction: ⌈mantissa × 2^power2 / 10^-power10⌉ by long division, one doubling at a time.
    guard -power10 <= 38 else {
      // Below 10^-38 of the mantissa's scale: at most 2^60 × 10^38 / 10^39 < 1.2 × 10^17,
      // so the quotient of the leading digits is what remains.
      let shift = -power10 - 38
      var reduced = mantissa
      var remainderNonZero = droppedNonZero
      for _ in 0..<min(shift, 39) {
        remainderNonZero = remainderNonZero || reduced % 10 != 0
        reduced /= 10
      }
      return roundedUpQuotient(reduced, power2: power2, divisor: power(38), sticky: remainderNonZero)
    }
    return roundedUpQuotient(mantissa, power2: power2, divisor: power(-power10), sticky: droppedNonZero)
  }

  /// ⌈`dividend` × 2^`power2` / `divisor`⌉ (plus one when `sticky` says a smaller part was
  /// dropped and the division is exact), clamped to `Int64.max`.
  private static func roundedUpQuotient(_ dividend: UInt128, power2: Int, divisor: UInt128, sticky: Bool) -> Int64 {
    var quotient = dividend / divisor
    var remainder = dividend % divisor
    for _ in 0..<power2 {
      guard quotient <= UInt128(Int64.max) else { return .max }
      quotient *= 2
      remainder *= 2
      if remainder >= divisor {
        remainder -= divisor
        quotient += 1
      }
    }
    if remainder > 0 || sticky { quotient += 1 }
    return quotient > UInt128(Int64.max) ? .max : Int64(quotient)
  }

  /// 10^`exponent` for `exponent` ≤ 38.
  private static func power(_ exponent: Int) -> UInt128 {
    var value: UInt128 = 1
    for _ in 0..<exponent { value *= 10 }
    return value
  }
}
