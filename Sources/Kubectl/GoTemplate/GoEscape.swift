/// The escapers of Go's `text/template` (`html`, `js`, `urlquery`).
enum GoEscape {
  /// `template.HTMLEscapeString`.
  static func html(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "&#34;"
      case "'": result += "&#39;"
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\0": result += "\u{FFFD}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// `template.JSEscapeString`.
  static func javaScript(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case "'": result += "\\'"
      case "\"": result += "\\\""
      case "<": result += "\\u003C"
      case ">": result += "\\u003E"
      case "&": result += "\\u0026"
      case "=": result += "\\u003D"
      default:
        if scalar.value < 0x20 || (scalar.value >= 0x80 && !GoUnquote.isPrint(scalar)) {
          result += "\\u" + hex(scalar.value, digits: 4)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// `url.QueryEscape`.
  static func queryEscape(_ text: String) -> String {
    var result = ""
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
        UInt8(ascii: "~"):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      case UInt8(ascii: " "): result += "+"
      default: result += "%" + hex(UInt32(byte), digits: 2)
      }
    }
    return result
  }

  /// Upper-case hexadecimal, zero-padded to `digits`.
  private static func hex(_ value: UInt32, digits: Int) -> String {
    let text = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, digits - text.count)) + text
  }
}
