/// `strconv.FormatFloat` with a precision (`%e`, `%f`, `%g` of Go's `fmt`): the exact
/// decimal value of the double, rounded half to even as Go rounds it.
enum GoFloatText {
  /// Every decimal digit of `abs(value)` (no leading zeros) and the decimal point:
  /// `abs(value)` = 0.DIGITS × 10^point. A double has at most 767 significant digits.
  static func exactDigits(_ value: Double) -> (digits: [Character], point: Int) {
    let magnitude = abs(value)
    guard magnitude != 0, magnitude.isFinite else { return (["0"], 1) }
    var mantissa = UInt64(magnitude.significandBitPattern)
    var exponent = Int(magnitude.exponentBitPattern) - 1075
    if magnitude.exponentBitPattern == 0 {
      exponent = -1074
    } else {
      mantissa |= 1 << 52
    }
    // Limbs of nine decimal digits, least significant first.
    var limbs: [UInt64] = [
      mantissa % 1_000_000_000, mantissa / 1_000_000_000 % 1_000_000_000, mantissa / 1_000_000_000_000_000_000,
    ]
    let factor: UInt64 = exponent >= 0 ? 2 : 5
    for _ in 0..<abs(exponent) {
      var carry: UInt64 = 0
      for index in limbs.indices {
        let product = limbs[index] * factor + carry
        limbs[index] = product % 1_000_000_000
        carry = product / 1_000_000_000
      }
      if carry > 0 { limbs.append(carry) }
    }
    while limbs.count > 1 && limbs.last == 0 { limbs.removeLast() }
    var text = String(limbs.last ?? 0)
    for limb in limbs.dropLast().reversed() {
      let part = String(limb)
      text += String(repeating: "0", count: 9 - part.count) + part
    }
    var digits = Array(text)
    let point = exponent >= 0 ? digits.count : digits.count + exponent
    while digits.count > 1 && digits.last == "0" { digits.removeLast() }
    return (digits, point)
  }

  /// The digits of `abs(value)` rounded to `count` significant digits, and the decimal point.
  private static func rounded(_ value: Double, digits count: Int) -> (digits: [Character], point: Int) {
    var (digits, point) = exactDigits(value)
    if value == 0 { return (Array(repeating: "0", count: max(count, 1)), 1) }
    if count < 0 { return (["0"], point) }
    if digits.count > count {
      let next = digits[count]
      let rest = digits.dropFirst(count + 1)
      var roundUp = next > "5" || (next == "5" && rest.contains { $0 != "0" })
      if next == "5" && !rest.contains(where: { $0 != "0" }) {
        roundUp = count > 0 && (Int(String(digits[count - 1])) ?? 0) % 2 == 1
      }
      digits = Array(digits.prefix(count))
      if roundUp {
        var position = count - 1
        while position >= 0 && digits[position] == "9" {
          digits[position] = "0"
          position -= 1
        }
        if position >= 0 {
          digits[position] = Character(String((Int(String(digits[position])) ?? 0) + 1))
        } else {
          digits.insert("1", at: 0)
          digits.removeLast()
          point += 1
        }
      }
      if digits.isEmpty { return (["0"], point) }
    }
    if digits.count < count { digits += Array(repeating: "0", count: count - digits.count) }
    return (digits, point)
  }

  /// `%.Ne`.
  static func exponent(_ value: Double, precision: Int) -> String {
    let (digits, point) = rounded(value, digits: precision + 1)
    var text = value.sign == .minus ? "-" : ""
    text.append(digits[0])
    if precision > 0 { text += "." + String(digits.dropFirst().prefix(precision)) }
    let power = value == 0 ? 0 : point - 1
    let powerText = String(abs(power))
    return text + (power < 0 ? "e-" : "e+") + (powerText.count < 2 ? "0" : "") + powerText
  }

  /// `%.Nf`.
  static func fixed(_ value: Double, precision: Int) -> String {
    let (_, point) = exactDigits(value)
    var (digits, roundedPoint) = rounded(value, digits: max(point + precision, 0))
    if value == 0 { roundedPoint = 1 }
    if point + precision < 0 || digits == ["0"] && point + precision <= 0 {
      digits = []
      roundedPoint = 0
    }
    var text = value.sign == .minus ? "-" : ""
    let integer = roundedPoint > 0 ? String(digits.prefix(roundedPoint)) : ""
    text += integer.isEmpty ? "0" : integer
    if precision > 0 {
      var fraction = ""
      for position in roundedPoint..<(roundedPoint + precision) {
        fraction.append(position >= 0 && position < digits.count ? digits[position] : "0")
      }
      text += "." + fraction
    }
    return text
  }

  /// `%.Ng`: `%e` form when the exponent is below -4 or at least the precision, trailing
  /// zeros dropped.
  static func general(_ value: Double, precision: Int) -> String {
    let count = max(precision, 1)
    var (digits, point) = rounded(value, digits: count)
    while digits.count > 1 && digits.last == "0" { digits.removeLast() }
    var eprec = count
    if eprec > digits.count && digits.count >= point { eprec = digits.count }
    let power = value == 0 ? 0 : point - 1
    if power < -4 || power >= eprec {
      return exponent(value, precision: min(count, digits.count) - 1)
    }
    return fixed(value, precision: max((count > point ? digits.count : count) - point, 0))
  }

  /// `%x` (`strconv.FormatFloat(f, 'x', -1, 64)`): `0x1.8p+00`, the hexadecimal fraction
  /// without trailing zeros and at least two exponent digits.
  static func hexadecimal(_ value: Double) -> String {
    var mantissa = value.significandBitPattern
    var exponent = Int(value.exponentBitPattern) - 1023
    if value.exponentBitPattern == 0 {
      exponent += 1
    } else {
      mantissa |= 1 << 52
    }
    if mantissa == 0 { exponent = 0 }
    mantissa <<= 8
    while mantissa != 0 && mantissa & (1 << 60) == 0 {
      mantissa <<= 1
      exponent -= 1
    }
    let digits = Array("0123456789abcdef")
    var text = value.sign == .minus ? "-0x" : "0x"
    text.append(digits[Int((mantissa >> 60) & 1)])
    mantissa <<= 4
    if mantissa != 0 {
      text += "."
      while mantissa != 0 {
        text.append(digits[Int((mantissa >> 60) & 15)])
        mantissa <<= 4
      }
    }
    let power = String(abs(exponent))
    return text + (exponent < 0 ? "p-" : "p+") + (power.count < 2 ? "0" : "") + power
  }

  /// `%b` (`strconv.FormatFloat(f, 'b', -1, 64)`): the integer mantissa and binary exponent,
  /// `6755399441055744p-52`.
  static func binary(_ value: Double) -> String {
    var mantissa = value.significandBitPattern
    var exponent = Int(value.exponentBitPattern)
    if exponent == 0 {
      exponent += 1
    } else {
      mantissa |= 1 << 52
    }
    exponent -= 1023 + 52
    return (value.sign == .minus ? "-" : "") + String(mantissa) + (exponent < 0 ? "p" : "p+") + String(exponent)
  }
}
