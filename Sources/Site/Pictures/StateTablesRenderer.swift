import BookConfig

/// The state tables after a scenario: kubectl's own tables of the lesson's objects as HTML
/// tables, STATUS coloured by what it means, and rows that are new or changed since the
/// block before marked (AGE aside, which changes always).
enum StateTablesRenderer {
  static func render(_ state: ClusterState, previous: ClusterState?, strings: SiteStrings) -> String {
    guard !state.tables.isEmpty else { return "" }
    var html = "<div class=\"state-tables\">"
    for entry in state.tables {
      let table = entry.table
      let before = previous?.tables.first { $0.kind == entry.kind }.map { rowsByKey($0.table) } ?? [:]
      let statusColumn = table.column("STATUS")
      html += "<div class=\"table-wrapper\"><table class=\"state\"><caption><code>kubectl get "
      html += HTML.escape(entry.kind) + "</code></caption><thead><tr>"
      for name in table.header { html += "<th scope=\"col\">" + HTML.escape(name) + "</th>" }
      html += "</tr></thead><tbody>"
      for row in table.rows {
        let key = Self.key(row, table)
        let mark: String
        if let old = before[key] {
          mark = old == comparable(row, table) ? "" : "changed"
        } else {
          mark = "new"
        }
        html += mark.isEmpty ? "<tr>" : "<tr class=\"\(mark)\">"
        for (column, cell) in row.enumerated() {
          let text = HTML.escape(cell)
          if column == 0 {
            let label = mark == "new" ? strings[.rowNew] : mark == "changed" ? strings[.rowChanged] : ""
            html += "<th scope=\"row\">" + text
            if !label.isEmpty {
              html +=
                " <span class=\"row-mark\" title=\"\(HTML.escape(strings[.rowMarkTitle]))\">\(HTML.escape(label))</span>"
            }
            html += "</th>"
          } else if column == statusColumn {
            html += "<td><span class=\"status status-\(tone(of: cell))\">" + text + "</span></td>"
          } else {
            html += "<td>" + text + "</td>"
          }
        }
        html += "</tr>"
      }
      html += "</tbody></table></div>"
    }
    return html + "</div>"
  }

  /// A row's identity: its namespace (when shown) and name.
  static func key(_ row: [String], _ table: KubectlTable) -> String {
    let namespace = table.column("NAMESPACE").map { row[$0] + "/" } ?? ""
    let name = table.column("NAME").map { row[$0] } ?? row.first ?? ""
    return namespace + name
  }

  /// The cells that say something changed: all but AGE, and RESTARTS without its
  /// "(5s ago)".
  static func comparable(_ row: [String], _ table: KubectlTable) -> [String] {
    row.enumerated().compactMap { column, cell in
      switch table.header[column] {
      case "AGE": return nil
      case "RESTARTS": return String(cell.prefix { $0 != " " })
      default: return cell
      }
    }
  }

  static func rowsByKey(_ table: KubectlTable) -> [String: [String]] {
    Dictionary(table.rows.map { (key($0, table), comparable($0, table)) }, uniquingKeysWith: { first, _ in first })
  }

  /// What a pod's or node's STATUS means at a glance: `ok`, `wait`, `done` or `bad`.
  static func tone(of status: String) -> String {
    switch status {
    case "Running", "Ready", "Active", "Bound", "Complete": return "ok"
    case "Completed", "Succeeded", "Terminating", "Released": return "done"
    case "Pending", "ContainerCreating", "PodInitializing", "Available", "Waiting":
      return "wait"
    default:
      if status.hasPrefix("Init:") && !status.contains("Err") && !status.contains("BackOff") { return "wait" }
      return "bad"
    }
  }
}
