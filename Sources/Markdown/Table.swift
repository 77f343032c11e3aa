/// A GitHub-style pipe table.
public struct Table: Sendable, Equatable {
  /// The horizontal alignment of a column.
  public enum Alignment: Sendable, Equatable {
    case none, left, center, right
  }

  /// The alignment of each column.
  public var alignments: [Alignment]
  /// The header cells.
  public var header: [[Inline]]
  /// The body rows; every row has as many cells as the header.
  public var rows: [[[Inline]]]

  /// Creates a table.
  public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
    self.alignments = alignments
    self.header = header
    self.rows = rows
  }
}
