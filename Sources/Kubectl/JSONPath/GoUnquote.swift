/// Go's `strconv` quoting where JSONPath output depends on it: `UnquoteExtend` (client-go's
/// `strconv.Unquote` that also takes single quotes), `Quote` and `IsPrint`.
enum GoUnquote {
  /// client-go's `UnquoteExtend`: the text between matching `"` or `'` quotes with Go's
  /// escapes (`\n`, `\t`, `\x41`, `\101`, `\u00e9`, ...) resolved; nil for invalid syntax.
  static func unquoteExtend(_ quoted: String) -> String? {
    let scalars = Array(quoted.unicodeScalars)
    guard scalars.count >= 2, let quote = scalars.first, quote == scalars.last, quote == "\"" || quote == "'"
    else { return nil }
    let body = Array(scalars[1..<(scalars.count - 1)])
    var result = String.UnicodeScalarView()
    var index = 0
    while index < body.count {
      let scalar = body[index]
      if scalar == quote { return nil }
      guard scalar == "\\" else {
        result.append(scalar)
        index += 1
        continue
      }
      index += 1
      guard index < body.count else { return nil }
      let escape = body[index]
      index += 1
      switch escape {
      case "a": result.append("\u{07}")
      case "b": result.append("\u{08}")
      case "f": result.append("\u{0C}")
      case "n": result.append("\n")
      case "r": result.append("\r")
      case "t": result.append("\t")
      case "v": result.append("\u{0B}")
      case "\\": result.append("\\")
      case "'", "\"":
        guard escape == quote else { return nil }
        result.append(escape)
      case "x", "u", "U":
        let count = escape == "x" ? 2 : escape == "u" ? 4 : 8
        guard index + count <= body.count else { return nil }
        var value: UInt32 = 0
        for digit in body[index..<(index + count)] {
          guard let nibble = hexValue(digit) else { return nil }
          value = value << 4 | nibble
        }
        index += count
        // `\x` is a byte: kubebook keeps the text valid UTF-8, as Go does for bytes below 0x80.
        guard let decoded = Unicode.Scalar(value), escape != "x" || value < 0x80 else { return nil }
        result.append(decoded)
      case "0"..."7":
        guard index + 2 <= body.count else { return nil }
        var value = escape.value - 0x30
        for digit in body[index..<(index + 2)] {
          guard digit.value >= 0x30 && digit.value <= 0x37 else { return nil }
          value = value << 3 | (digit.value - 0x30)
        }
        index += 2
        guard value < 0x80, let decoded = Unicode.Scalar(value) else { return nil }
        result.append(decoded)
      default:
        return nil
      }
    }
    return String(result)
  }

  /// The value of a hexadecimal digit.
  private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
    switch scalar.value {
    case 0x30...0x39: return scalar.value - 0x30
    case 0x41...0x46: return scalar.value - 0x41 + 10
    case 0x61...0x66: return scalar.value - 0x61 + 10
    default: return nil
    }
  }

  /// `strconv.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space.
  static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
    if scalar == " " { return true }
    switch scalar.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator,
      .spaceSeparator:
      return false
    default:
      return true
    }
  }

  /// `strconv.Quote` (and `%q`, `%#v` of a string): double quotes, Go's escapes, printable
  /// characters as they are.
  static func quote(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\u{07}": result += "\\a"
      case "\u{08}": result += "\\b"
      case "\u{0C}": result += "\\f"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{0B}": result += "\\v"
      default:
        if isPrint(scalar) {
          result.unicodeScalars.append(scalar)
        } else if scalar.value < 0x20 || scalar.value == 0x7F {
          result += "\\x" + hex(scalar.value, digits: 2)
        } else if scalar.value < 0x10000 {
          result += "\\u" + hex(scalar.value, digits: 4)
        } else {
          result += "\\U" + hex(scalar.value, digits: 8)
        }
      }
    }
    return result + "\""
  }

  /// `value` in lower-case hexadecimal, zero-padded to `digits`.
  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
