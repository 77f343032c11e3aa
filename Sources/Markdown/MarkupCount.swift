/// Counts a source's markup characters: those where cmark may make a node of its own (line
/// breaks, `\`, `` ` ``, `&`, `<`, `>`, `[`, `]`, `!`, `*`, `_`, `-`, `+`, a `.` or `)` after
/// a digit) and the pipes that make table cells. cmark keeps every node of a document at
/// once, about 150 bytes each, so a line of five million `[` took a gigabyte; a source with
/// more than ``MarkdownParser/maximumMarkup`` of them is refused before cmark sees it.
enum MarkupCount {
  /// The 1-based line on which `source`'s markup characters pass `limit`, or nil when they
  /// never do.
  static func lineExceeding(_ limit: Int, in source: String) -> Int? {
    var source = source
    return source.withUTF8 { bytes -> Int? in
      var count = 0
      var line = 1
      var previous: UInt8 = 0
      for byte in bytes {
        switch byte {
        case UInt8(ascii: "\n"), UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "&"), UInt8(ascii: "<"),
          UInt8(ascii: ">"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "*"),
          UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "|"):
          count += 1
        case UInt8(ascii: "."), UInt8(ascii: ")"):
          if previous >= UInt8(ascii: "0") && previous <= UInt8(ascii: "9") { count += 1 }
        default:
          break
        }
        if count > limit { return line }
        if byte == UInt8(ascii: "\n") { line += 1 }
        previous = byte
      }
      return nil
    }
  }
}
