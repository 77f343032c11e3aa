/// The text a quantity is written back as (apimachinery's `Quantity.MarshalJSON`): the text
/// given when `ParseQuantity` found it canonical already, else `CanonicalizeBytes` — no
/// trailing zeros, an exponent that is a multiple of 3 (`0.5` is `500m`, `1000` is `1k`),
/// binary quantities in the largest power of 1024 that divides them (`1024Mi` is `1Gi`).
extension Quantity {
  /// How a quantity is written: `DecimalSI`, `BinarySI` or `DecimalExponent`.
  private enum Format { case decimalSI, binarySI, decimalExponent }

  /// The canonical text of `text`, or apimachinery's parse error. A quantity past what an
  /// `int64Amount` holds keeps its text (apimachinery would use an arbitrary-precision decimal).
  public static func canonical(_ text: String) throws(ParseError) -> String {
    _ = try value(text, decimalScale: 0)
    let parts = try split(text)
    let (base, exponent) = try interpret(parts.suffix)
    let format: Format =
      base == 2 ? .binarySI : (parts.suffix.first == "e" || parts.suffix.first == "E") ? .decimalExponent : .decimalSI
    let shifted = Array(parts.integer.isEmpty ? [UInt8(ascii: "0")] : Array(parts.integer)) + Array(parts.fraction)
    let significant = shifted.drop { $0 == UInt8(ascii: "0") }
    guard significant.count <= 18 else { return text }
    var mantissa = significant.reduce(Int64(0)) { $0 * 10 + Int64($1 - UInt8(ascii: "0")) }
    var scale = -parts.fraction.count + (base == 10 ? exponent : 0)
    // ParseQuantity's fast path keeps the text of a quantity already in canonical form.
    if base == 10, scale >= -9, shifted.count <= 18, scale % 3 == 0, shifted.last != UInt8(ascii: "0"),
      shifted.first != UInt8(ascii: "0")
    {
      return text
    }
    if base == 2, parts.fraction.isEmpty, exponent % 10 == 0, mantissa & 7 != 0,
      15 - parts.integer.count - exponent * 3 / 10 - 1 >= 0
    {
      return text
    }
    if mantissa == 0 { return "0" }
    if base == 2 {
      guard exponent < 63, mantissa.leadingZeroBitCount > exponent + 1 else { return text }
      mantissa <<= exponent
    }
    if scale < -9 {
      // Rounded up to nano units (`inf.RoundUp`).
      var divisor: Int64 = 1
      for _ in 0..<(-9 - scale) {
        let (next, overflow) = divisor.multipliedReportingOverflow(by: 10)
        if overflow { return text }
        divisor = next
      }
      mantissa = mantissa / divisor + (mantissa % divisor == 0 ? 0 : 1)
      scale = -9
    }
    let sign = parts.negative ? "-" : ""
    if format == .binarySI, let whole = wholeValue(mantissa, scale: scale), whole >= 1024 {
      var amount = whole
      var power = 0
      while amount % 1024 == 0 && power < 6 {
        amount /= 1024
        power += 1
      }
      return sign + String(amount) + ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"][power]
    }
    while mantissa % 10 == 0 {
      mantissa /= 10
      scale += 1
    }
    let extra = ((scale % 3) + 3) % 3
    for _ in 0..<extra {
      let (next, overflow) = mantissa.multipliedReportingOverflow(by: 10)
      if overflow { return text }
      mantissa = next
    }
    scale -= extra
    if format == .decimalExponent { return sign + String(mantissa) + (scale == 0 ? "" : "e\(scale)") }
    let suffixes = [-9: "n", -6: "u", -3: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E"]
    guard let suffix = suffixes[scale] else { return text }
    return sign + String(mantissa) + suffix
  }

  /// `mantissa × 10^scale` when it is a whole number within `Int64`.
  private static func wholeValue(_ mantissa: Int64, scale: Int) -> Int64? {
    var value = mantissa
    if scale < 0 {
      for _ in 0..<(-scale) {
        guard value % 10 == 0 else { return nil }
        value /= 10
      }
      return value
    }
    for _ in 0..<scale {
      let (next, overflow) = value.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      value = next
    }
    return value
  }
}
