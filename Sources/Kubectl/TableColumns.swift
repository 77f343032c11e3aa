import KubeSim

/// A printed table: column headers (with wide-only columns marked) and rows of cells, as the
/// API server's table printers produce them.
struct Table {
  /// One column definition.
  struct Column {
    var name: String
    /// Shown only with `-o wide` (priority 1).
    var wide = false
    /// The column's `description` in the server's Table (printers.go), where kubebook has it.
    var description: String? = nil

    /// The `Name` column every printer starts with: `format: name` and `ObjectMeta`'s doc.
    static let objectName = Column(name: "Name", description: ObjectMetaDocs.name)
    /// The `Age` column: `ObjectMeta`'s doc of `creationTimestamp`.
    static let age = Column(name: "Age", description: ObjectMetaDocs.creationTimestamp)
  }

  var columns: [Column]
  var rows: [[String]]

  /// The header and rows with wide-only columns dropped unless `wide`.
  func visible(wide: Bool) -> (header: [String], rows: [[String]]) {
    let keep = columns.indices.filter { wide || !columns[$0].wide }
    return (keep.map { columns[$0].name.uppercased() }, rows.map { row in keep.map { row[$0] } })
  }
}

/// The server-side printers (`pkg/printers/internalversion/printers.go`) for the kinds the
/// simulator serves.
enum TablePrinters {
  /// ACCESS MODES: the short forms in the fixed order RWO, ROX, RWX, RWOP.
  static func accessModes(_ modes: [String]) -> String {
    let order = [
      ("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"), ("ReadWriteOncePod", "RWOP"),
    ]
    return order.filter { modes.contains($0.0) }.map(\.1).joined(separator: ",")
  }

  /// `labels.FormatLabels`: `k=v` pairs sorted by key, comma-joined, or `<none>`.
  static func formatLabels(_ map: [String: String]) -> String {
    map.isEmpty ? "<none>" : map.keys.sorted().map { "\($0)=\(map[$0]!)" }.joined(separator: ",")
  }

  static func age(_ time: Timestamp, now: Timestamp) -> String {
    HumanDuration.format(milliseconds: now.milliseconds - time.milliseconds)
  }

  /// The EXTERNAL-IP cell: the external name, `<pending>` for a load balancer no cloud has
  /// provisioned, `<none>` otherwise (the simulator has no external IPs).
  static func externalIP(of service: Service) -> String {
    switch service.type.value {
    case .externalName?: return service.externalName ?? "<none>"
    case .loadBalancer?: return "<pending>"
    case .clusterIP?, .nodePort?, nil: return "<none>"
    }
  }

  /// The ENDPOINTS cell (`formatEndpoints`): up to three ready `ip:port` entries, then
  /// ` + N more...`; `<none>` without subsets, empty when no address is ready.
  /// `listWithMoreString` (printers.go): up to three entries, ` + N more...`, `<unset>` for none.
  static func listWithMore(_ items: [String]) -> String {
    if items.isEmpty { return "<unset>" }
    let shown = items.prefix(3).joined(separator: ",")
    return items.count > 3 ? shown + " + \(items.count - 3) more..." : shown
  }

  static func formatEndpoints(_ endpoints: Endpoints) -> String {
    if endpoints.subsets.isEmpty { return "<none>" }
    let all = endpoints.readyEndpoints
    let shown = all.prefix(3).joined(separator: ",")
    return all.count > 3 ? shown + " + \(all.count - 3) more..." : shown
  }

}
