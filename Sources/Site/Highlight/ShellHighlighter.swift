/// Shell command lines: the command word (first of the line and after `|`, `&&`, `||`,
/// `;`), flags, quoted strings, `$VARIABLES`, operators and redirections, and comments.
enum ShellHighlighter {
  static func write(_ code: ArraySlice<UInt8>, into writer: inout HighlightWriter) {
    for (index, line) in code.lines.enumerated() {
      if index > 0 { writer.plain([10]) }
      writeLine(line, commandFirst: true, into: &writer)
    }
  }

  /// One line; `commandFirst` says whether its first word is a command (not so for a line
  /// that continues the one before with `\`).
  static func writeLine(_ line: ArraySlice<UInt8>, commandFirst: Bool, into writer: inout HighlightWriter) {
    var expectCommand = commandFirst
    var index = line.startIndex
    while index < line.endIndex {
      let byte = line[index]
      if byte.isASCIIBlank {
        writer.plain(line[index...index])
        index += 1
      } else if byte == UInt8(ascii: "#") {
        writer.span(.comment, line[index...])
        return
      } else if byte == UInt8(ascii: "|") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: ";") {
        let operators = line[index...].prefix {
          $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: ";")
        }
        writer.span(.punctuation, operators)
        index += operators.count
        expectCommand = true
      } else if byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") {
        let operators = line[index...].prefix {
          $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "-")
        }
        writer.span(.punctuation, operators)
        index += operators.count
      } else {
        let word = self.word(in: line[index...])
        if expectCommand {
          writer.span(.command, word)
          expectCommand = false
        } else {
          writeWord(word, into: &writer)
        }
        index += word.count
      }
    }
  }

  /// The word starting the text: up to a blank or an operator outside quotes.
  static func word(in text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
    var quote: UInt8? = nil
    var index = text.startIndex
    while index < text.endIndex {
      let byte = text[index]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        quote = byte
      } else if byte.isASCIIBlank || "|&;<>".utf8.contains(byte) {
        break
      } else if byte == UInt8(ascii: "\\") {
        index += 1
      }
      index += 1
    }
    return text[text.startIndex..<min(index, text.endIndex)]
  }

  /// An argument: a flag (its `=value` shown as a value), or text with its quoted parts and
  /// variables marked.
  static func writeWord(_ word: ArraySlice<UInt8>, into writer: inout HighlightWriter) {
    if word.first == UInt8(ascii: "-"), word.count > 1 {
      if let equals = word.firstIndex(of: UInt8(ascii: "=")) {
        writer.span(.flag, word[word.startIndex...equals])
        writeText(word[(equals + 1)...], into: &writer)
      } else {
        writer.span(.flag, word)
      }
      return
    }
    writeText(word, into: &writer)
  }

  /// Text with its `'…'` and `"…"` parts as strings and `$NAME`, `${…}` as variables.
  static func writeText(_ text: ArraySlice<UInt8>, into writer: inout HighlightWriter) {
    var index = text.startIndex
    var plainStart = index
    func flush(_ upTo: Int, _ writer: inout HighlightWriter) {
      writer.plain(text[plainStart..<upTo])
    }
    while index < text.endIndex {
      let byte = text[index]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        flush(index, &writer)
        let close = text[(index + 1)...].firstIndex(of: byte).map { $0 + 1 } ?? text.endIndex
        writer.span(.string, text[index..<close])
        index = close
        plainStart = index
      } else if byte == UInt8(ascii: "$"), index + 1 < text.endIndex {
        flush(index, &writer)
        var end = index + 1
        if text[end] == UInt8(ascii: "{") {
          end = text[end...].firstIndex(of: UInt8(ascii: "}")).map { $0 + 1 } ?? text.endIndex
        } else {
          end =
            text[end...].firstIndex { !($0.isASCIIUppercase || $0.isASCIILowercase || $0.isASCIIDigit || $0 == 95) }
            ?? text.endIndex
        }
        writer.span(.variable, text[index..<max(end, index + 1)])
        index = max(end, index + 1)
        plainStart = index
      } else {
        index += 1
      }
    }
    flush(text.endIndex, &writer)
  }
}
