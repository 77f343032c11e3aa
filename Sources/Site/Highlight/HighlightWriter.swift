/// The HTML a highlighter writes: text escaped as it is copied, and runs of it wrapped in
/// `<span class="hl-KIND">`. Works on UTF-8 bytes: every character the highlighters look
/// at is ASCII, and other bytes (Chinese comments and values) are copied through.
struct HighlightWriter {
  /// What a span marks; its CSS class is `hl-` and the raw value.
  enum Kind: String {
    case key, string, number, keyword, comment, punctuation, command, flag, variable, header, prompt
  }

  private(set) var bytes: [UInt8] = []

  init(capacity: Int) {
    bytes.reserveCapacity(capacity + capacity / 2)
  }

  /// Swaps the written bytes with `other`: a writer can continue a buffer and give it back.
  mutating func exchangeBytes(with other: inout [UInt8]) {
    swap(&bytes, &other)
  }

  /// Appends `text` escaped.
  mutating func plain<Bytes: Collection>(_ text: Bytes) where Bytes.Element == UInt8 {
    HTML.appendEscaped(text, to: &bytes)
  }

  /// Appends `text` escaped inside a span of `kind`; nothing for empty text.
  mutating func span<Bytes: Collection>(_ kind: Kind, _ text: Bytes) where Bytes.Element == UInt8 {
    guard !text.isEmpty else { return }
    bytes.append(contentsOf: "<span class=\"hl-".utf8)
    bytes.append(contentsOf: kind.rawValue.utf8)
    bytes.append(contentsOf: "\">".utf8)
    plain(text)
    bytes.append(contentsOf: "</span>".utf8)
  }

  var html: String { String(decoding: bytes, as: UTF8.self) }
}

extension UInt8 {
  var isASCIIDigit: Bool { self >= 48 && self <= 57 }
  var isASCIIBlank: Bool { self == 32 || self == 9 }
  var isASCIIUppercase: Bool { self >= 65 && self <= 90 }
  var isASCIILowercase: Bool { self >= 97 && self <= 122 }
}

extension ArraySlice where Element == UInt8 {
  /// The lines of the text without their newlines (a final newline makes no empty line).
  var lines: [ArraySlice<UInt8>] {
    var result = split(separator: 10, omittingEmptySubsequences: false)
    if last == 10 { result.removeLast() }
    return result
  }

  /// Whether the text is one of `words`' ASCII spellings.
  func isOne(of words: [String]) -> Bool {
    words.contains { $0.utf8.elementsEqual(self) }
  }

  /// Whether the text reads as a number (YAML and JSON: sign, digits, point, exponent).
  var isNumber: Bool {
    var sawDigit = false
    for (offset, byte) in enumerated() {
      if byte.isASCIIDigit {
        sawDigit = true
      } else if (byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")) && offset == 0 {
        continue
      } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
        continue
      } else {
        return false
      }
    }
    return sawDigit && (first?.isASCIIDigit == true || dropFirst().first?.isASCIIDigit == true)
  }
}
