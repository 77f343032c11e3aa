import KubeSim

/// `kubectl get events` (`docs/reference/kubectl-output.md` §3.18): LAST SEEN, TYPE, REASON, OBJECT,
/// MESSAGE, in the server's order: etcd key order, that is by namespace, then by event name, which
/// client-go's recorder makes `<object name>.<hex UnixNano of the first timestamp>` (so `web-1.…`
/// comes before `web.…`: `-` sorts before `.`).
enum EventsTable {
  /// Prints the events of `namespace` (all when nil) that `fieldSelector` selects.
  static func run(
    namespace: String?, now: Timestamp, cluster: Cluster, fieldSelector: FieldSelector = .everything,
    output: inout OutputBuffer
  ) {
    let events = cluster.events.enumerated()
      .filter { namespace == nil || $0.element.namespace == namespace }
      .filter { fieldSelector.matches(Event.selectableFields.values(of: $0.element)) }
      .sorted { a, b in
        if a.element.namespace != b.element.namespace { return a.element.namespace < b.element.namespace }
        if a.element.involvedName != b.element.involvedName {
          return (a.element.involvedName + ".").utf8.lexicographicallyPrecedes((b.element.involvedName + ".").utf8)
        }
        if a.element.firstTimestamp != b.element.firstTimestamp {
          return a.element.firstTimestamp < b.element.firstTimestamp
        }
        return a.offset < b.offset
      }
      .map(\.element)
    guard !events.isEmpty else {
      output.line(namespace.map { "No resources found in \($0) namespace." } ?? "No resources found")
      return
    }
    var rows: [[String]] = []
    if namespace == nil {
      rows.append(["NAMESPACE", "LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"])
    } else {
      rows.append(["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"])
    }
    for event in events {
      var row = [
        HumanDuration.format(milliseconds: now.milliseconds - event.lastTimestamp.milliseconds), event.type.rawValue,
        event.reason, event.involvedKind.lowercased() + "/" + event.involvedName, event.message,
      ]
      if namespace == nil { row.insert(event.namespace, at: 0) }
      rows.append(row)
    }
    output.write(TabWriter.get.format(rows))
  }
}
