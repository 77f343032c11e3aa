/// YAML, line by line as a reader sees it: comments, `---`, sequence dashes, keys, and
/// scalar values (quoted or plain strings, numbers, `true`/`false`/`null`), with the lines
/// of a block scalar (`|`, `>`) shown as one string.
enum YAMLHighlighter {
  static func write(_ code: ArraySlice<UInt8>, into writer: inout HighlightWriter) {
    // The indentation a block scalar's lines must exceed, while inside one.
    var blockIndent: Int? = nil
    for (index, line) in code.lines.enumerated() {
      if index > 0 { writer.plain([10]) }
      let indent = line.prefix { $0 == 32 }.count
      let isBlank = line.allSatisfy(\.isASCIIBlank)
      if let outer = blockIndent {
        if isBlank || indent > outer {
          writer.span(.string, line)
          continue
        }
        blockIndent = nil
      }
      var rest = line.dropFirst(indent)
      writer.plain(line.prefix(indent))
      if rest.starts(with: "---".utf8) || rest.starts(with: "...".utf8), rest.count == 3 {
        writer.span(.punctuation, rest)
        continue
      }
      var itemIndent = indent
      // Sequence dashes, possibly several (`- - a`).
      while rest.first == UInt8(ascii: "-"), rest.count == 1 || rest.dropFirst().first == 32 {
        writer.span(.punctuation, rest.prefix(1))
        let spaces = rest.dropFirst().prefix { $0 == 32 }
        writer.plain(spaces)
        itemIndent = line.count - rest.count + 1 + spaces.count - 1
        rest = rest.dropFirst(1 + spaces.count)
      }
      if rest.first == UInt8(ascii: "#") {
        writer.span(.comment, rest)
        continue
      }
      if let colon = keyColon(in: rest) {
        writer.span(.key, rest[rest.startIndex..<colon])
        writer.plain(rest[colon...colon])
        rest = rest[(colon + 1)...]
        let spaces = rest.prefix { $0.isASCIIBlank }
        writer.plain(spaces)
        rest = rest.dropFirst(spaces.count)
      }
      if let first = rest.first, first == UInt8(ascii: "|") || first == UInt8(ascii: ">") {
        blockIndent = itemIndent
      }
      writeValue(rest, into: &writer)
    }
  }

  /// The `:` that ends a mapping key on this line: followed by a blank or the end, outside
  /// quotes, before any comment.
  static func keyColon(in text: ArraySlice<UInt8>) -> Int? {
    guard let first = text.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "{"),
      first != UInt8(ascii: "[")
    else { return nil }
    var quote: UInt8? = nil
    var index = text.startIndex
    while index < text.endIndex {
      let byte = text[index]
      if let open = quote {
        if byte == open { quote = nil }
      } else if (byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")) && index == text.startIndex {
        quote = byte
      } else if byte == UInt8(ascii: ":") {
        let next = index + 1 < text.endIndex ? text[index + 1] : 32
        if next.isASCIIBlank { return index }
      } else if byte == UInt8(ascii: "#"), index > text.startIndex, text[index - 1].isASCIIBlank {
        return nil
      }
      index += 1
    }
    return nil
  }

  /// A value after `key: ` or `- `: the scalar, then a trailing comment if there is one.
  static func writeValue(_ text: ArraySlice<UInt8>, into writer: inout HighlightWriter) {
    guard let first = text.first else { return }
    var value = text
    var comment: ArraySlice<UInt8> = []
    if first != UInt8(ascii: "\"") && first != UInt8(ascii: "'") {
      var index = text.startIndex
      while index < text.endIndex {
        if text[index] == UInt8(ascii: "#"), index == text.startIndex || text[index - 1].isASCIIBlank {
          value = text[text.startIndex..<index]
          comment = text[index...]
          break
        }
        index += 1
      }
    }
    let trimmed = value.reversed().prefix { $0.isASCIIBlank }.count
    let scalar = value.dropLast(trimmed)
    if scalar.isOne(of: ["true", "false", "null", "~", "True", "False", "Null"]) {
      writer.span(.keyword, scalar)
    } else if scalar.isNumber {
      writer.span(.number, scalar)
    } else if scalar.first == UInt8(ascii: "|") || scalar.first == UInt8(ascii: ">")
      || scalar.first == UInt8(ascii: "{") || scalar.first == UInt8(ascii: "[")
    {
      writer.span(.punctuation, scalar)
    } else {
      writer.span(.string, scalar)
    }
    writer.plain(value.suffix(trimmed))
    writer.span(.comment, comment)
  }
}
