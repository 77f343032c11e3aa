/// A table as kubectl prints it (`kubectl get`), cut into cells by its header: kubectl
/// pads every column but the last, so each column starts where its header word does.
struct KubectlTable: Equatable, Sendable {
  /// The column names, as in the header (`NAME`, `READY`, `NOMINATED NODE`).
  var header: [String]
  /// The rows' cells, one per column.
  var rows: [[String]]

  /// Parses kubectl's output; nil when it does not start with a header line (`No resources
  /// found ...`).
  init?(_ output: String) {
    let lines = output.split(separator: "\n").map(Array.init)
    guard let headerLine = lines.first, SyntaxHighlighter.isTableHeader(ArraySlice(Array(String(headerLine).utf8)))
    else { return nil }
    // Columns are separated by runs of two or more spaces (names have at most one).
    var starts: [Int] = []
    var index = 0
    while index < headerLine.count {
      if headerLine[index] != " "
        && (index == 0 || (index >= 2 && headerLine[index - 1] == " " && headerLine[index - 2] == " "))
      {
        starts.append(index)
      }
      index += 1
    }
    func cells(_ line: [Character]) -> [String] {
      starts.enumerated().map { column, start in
        let end = column + 1 < starts.count ? starts[column + 1] : line.count
        guard start < line.count else { return "" }
        return String(line[start..<min(end, line.count)]).trimmingCharacters(in: " ")
      }
    }
    header = cells(headerLine)
    rows = lines.dropFirst().map(cells)
  }

  /// The index of column `name`, if the table has it.
  func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}

extension String {
  /// The text without leading and trailing `character`s.
  func trimmingCharacters(in character: Character) -> String {
    String(drop { $0 == character }.reversed().drop { $0 == character }.reversed())
  }
}
