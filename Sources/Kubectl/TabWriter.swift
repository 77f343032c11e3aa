/// Go's `text/tabwriter` as kubectl configures it, for whole tables whose rows all have
/// the same number of cells.
///
/// Each cell but the last of a row is padded to its column's width,
/// `max(minWidth, longest cell + padding)`, counted in Unicode scalars; the last cell is
/// written as is, so lines have no trailing spaces.
public struct TabWriter: Sendable {
  /// `kubectl get`: minwidth 6, padding 3.
  public static let get = TabWriter(minWidth: 6, padding: 3)
  /// `kubectl describe` and `rollout history`: minwidth 0, padding 2.
  public static let describe = TabWriter(minWidth: 0, padding: 2)

  public var minWidth: Int
  public var padding: Int

  /// Creates a writer with the given settings.
  public init(minWidth: Int, padding: Int) {
    self.minWidth = minWidth
    self.padding = padding
  }

  /// The column widths (for every column but the last) of `rows`, never narrower than
  /// `remembered` (the RememberWidths behaviour of `kubectl get -w`).
  public func widths(of rows: [[String]], remembered: [Int] = []) -> [Int] {
    var widths = remembered
    for row in rows {
      for (index, cell) in row.dropLast().enumerated() {
        let width = max(minWidth, cell.unicodeScalars.count + padding)
        if index < widths.count {
          widths[index] = max(widths[index], width)
        } else {
          widths.append(width)
        }
      }
    }
    return widths
  }

  /// Lays out `rows`, one line each, every line ending in a newline.
  public func format(_ rows: [[String]]) -> String {
    format(rows, widths: widths(of: rows))
  }

  /// Lays out `rows` with the given column widths.
  public func format(_ rows: [[String]], widths: [Int]) -> String {
    var output = ""
    for row in rows {
      for (index, cell) in row.enumerated() {
        output += cell
        if index < row.count - 1 {
          let width = index < widths.count ? widths[index] : cell.unicodeScalars.count + padding
          output += String(repeating: " ", count: max(0, width - cell.unicodeScalars.count))
        }
      }
      output += "\n"
    }
    return output
  }
}
