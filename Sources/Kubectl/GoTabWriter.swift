/// Go's `text/tabwriter` with its column-block rules, as `kubectl describe` uses it
/// (minwidth 0, padding 2): a cell followed by a tab is aligned with the cells of the same
/// column in the run of adjacent lines that also have that column; a line with fewer cells
/// ends the blocks of the columns it lacks (`docs/reference/kubectl-output.md` §1.2, §6.1).
struct GoTabWriter {
  var minWidth = 0
  var padding = 2

  /// Lays out `text` (one flush's worth of output).
  func format(_ text: String) -> String {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    let endsWithNewline = text.hasSuffix("\n")
    if endsWithNewline { lines.removeLast() }
    var output = ""
    var widths: [Int] = []
    formatBlock(lines, from: 0, to: lines.count, widths: &widths, output: &output)
    return endsWithNewline ? output : String(output.dropLast())
  }

  private func width(_ cell: String) -> Int { cell.unicodeScalars.count }

  private func formatBlock(_ lines: [[String]], from start: Int, to end: Int, widths: inout [Int], output: inout String)
  {
    var line0 = start
    let column = widths.count
    var this = start
    while this < end {
      if column >= lines[this].count - 1 {
        this += 1
        continue
      }
      writeLines(lines, from: line0, to: this, widths: widths, output: &output)
      line0 = this
      var columnWidth = minWidth
      while this < end, column < lines[this].count - 1 {
        columnWidth = max(columnWidth, width(lines[this][column]) + padding)
        this += 1
      }
      widths.append(columnWidth)
      formatBlock(lines, from: line0, to: this, widths: &widths, output: &output)
      widths.removeLast()
      line0 = this
    }
    writeLines(lines, from: line0, to: end, widths: widths, output: &output)
  }

  private func writeLines(_ lines: [[String]], from start: Int, to end: Int, widths: [Int], output: inout String) {
    guard start < end else { return }
    for index in start..<end {
      for (column, cell) in lines[index].enumerated() {
        output += cell
        if column < widths.count {
          output += String(repeating: " ", count: max(0, widths[column] - width(cell)))
        }
      }
      output += "\n"
    }
  }
}
