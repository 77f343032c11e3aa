/// Text from a lesson or a command made safe to print on a terminal: control characters that
/// a terminal would act on (ESC starting a colour or a title change, CR, BEL, backspace, DEL,
/// the C1 controls) are shown instead, in `cat -v`'s caret notation (`^[`, `^M`, `^?`) or as
/// `<U+009B>`. Tabs and newlines stay as they are.
public enum TerminalText {
  /// `text` with every control character but tab and newline made visible.
  public static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      guard isControl(scalar) else {
        result.unicodeScalars.append(scalar)
        continue
      }
      switch scalar.value {
      case 0x7F: result += "^?"
      case 0..<0x20: result += "^" + String(UnicodeScalar(UInt8(scalar.value) + 0x40))
      default: result += "<U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + ">"
      }
    }
    return result
  }

  /// Whether a terminal would act on `scalar` rather than show it.
  static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09, 0x0A: return false
    case 0..<0x20, 0x7F, 0x80..<0xA0: return true
    default: return false
    }
  }
}

extension String {
  /// The string with zeros in front up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
