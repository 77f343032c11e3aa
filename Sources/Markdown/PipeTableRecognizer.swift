/// Recognises GitHub pipe tables in the source lines of a paragraph (cmark has no tables).
enum PipeTableRecognizer {
  /// A paragraph split into leading text and a table.
  struct Split {
    /// Paragraph text before the table (may be empty).
    var leadingText: String
    /// The 1-based source line of the table's header row.
    var tableLine: Int
    /// The table.
    var table: Table
  }

  /// Looks for a header row followed by a delimiter row among source lines `from...to`.
  ///
  /// `column` is the paragraph's 1-based start column, used to strip container prefixes
  /// such as list indentation or `> ` markers; `depth` how many containers hold the table
  /// (cells nest no deeper than the parser's limit; `tooDeep` is set when one would).
  static func recognize(lines: SourceLines, from: Int, to: Int, column: Int, depth: Int, tooDeep: inout Bool)
    -> Split?
  {
    guard from >= 1, to <= lines.count, to > from, lines.contains(UInt8(ascii: "|"), from: from, to: to),
      lines.contains(UInt8(ascii: "-"), from: from + 1, to: to)
    else { return nil }
    let texts = (from...to).map { strip(lines[$0], column: column) }
    for index in 0..<(texts.count - 1) {
      guard texts[index].contains("|"), let alignments = delimiterRow(texts[index + 1]) else { continue }
      let headerCells = cells(texts[index])
      guard alignments.count == headerCells.count else { continue }
      let header = headerCells.map { MarkdownParser.parseInlines($0, depth: depth, tooDeep: &tooDeep) }
      var rows: [[[Inline]]] = []
      for text in texts[(index + 2)...] {
        var rowCells = cells(text).map { MarkdownParser.parseInlines($0, depth: depth, tooDeep: &tooDeep) }
        if rowCells.count > header.count { rowCells.removeLast(rowCells.count - header.count) }
        while rowCells.count < header.count { rowCells.append([]) }
        rows.append(rowCells)
      }
      let leading = texts[..<index].joined(separator: "\n")
      return Split(
        leadingText: leading, tableLine: from + index,
        table: Table(alignments: alignments, header: header, rows: rows))
    }
    return nil
  }

  /// Removes up to `column - 1` characters of container prefix (spaces and `>`).
  private static func strip(_ line: Substring, column: Int) -> String {
    var result = line
    var removed = 0
    while removed < column - 1, let first = result.first, first == " " || first == ">" || first == "\t" {
      result = result.dropFirst()
      removed += 1
    }
    return String(result).trimmingSpaces()
  }

  /// Splits a row at unescaped pipes, dropping the optional outer pipes.
  static func cells(_ row: String) -> [String] {
    // Every character that matters here is ASCII, so the row is split as UTF-8 bytes.
    var text = Array(row.trimmingSpaces().utf8)[...]
    let bar = UInt8(ascii: "|")
    let backslash = UInt8(ascii: "\\")
    if text.first == bar { text = text.dropFirst() }
    if text.last == bar && !(text.count >= 2 && text[text.endIndex - 2] == backslash) { text = text.dropLast() }
    var result: [String] = []
    var current: [UInt8] = []
    var escaped = false
    for byte in text {
      if escaped {
        if byte != bar { current.append(backslash) }
        current.append(byte)
        escaped = false
      } else if byte == backslash {
        escaped = true
      } else if byte == bar {
        result.append(String(decoding: current, as: UTF8.self).trimmingSpaces())
        current.removeAll(keepingCapacity: true)
      } else {
        current.append(byte)
      }
    }
    if escaped { current.append(backslash) }
    result.append(String(decoding: current, as: UTF8.self).trimmingSpaces())
    return result
  }

  static func delimiterRow(_ row: String) -> [Table.Alignment]? {
    guard row.utf8.allSatisfy({ $0 == 45 || $0 == 124 || $0 == 58 || $0 == 32 || $0 == 9 }), row.contains("-")
    else { return nil }
    var alignments: [Table.Alignment] = []
    for cell in cells(row) {
      guard !cell.isEmpty else { return nil }
      let left = cell.hasPrefix(":")
      let right = cell.hasSuffix(":")
      let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right && cell.count > 1 ? 1 : 0)
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      switch (left, right) {
      case (true, true): alignments.append(.center)
      case (true, false): alignments.append(.left)
      case (false, true): alignments.append(.right)
      case (false, false): alignments.append(.none)
      }
    }
    return alignments
  }
}
