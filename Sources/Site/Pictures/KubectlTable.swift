/// A table as `kubectl get` prints it, as values (``ObjectTables``): its column names and its
/// rows of cells.
struct KubectlTable: Equatable, Sendable {
  /// The column names, as in the header (`NAME`, `READY`, `NOMINATED NODE`).
  var header: [String]
  /// The rows' cells, one per column.
  var rows: [[String]]

  /// The index of column `name`, if the table has it.
  func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}
