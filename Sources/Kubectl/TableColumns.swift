import KubeSim

/// A printed table: column headers (with wide-only columns marked) and rows of cells, as the
/// API server's table printers produce them.
struct Table {
  /// One column definition.
  struct Column {
    var name: String
    /// Shown only with `-o wide` (priority 1).
    var wide = false
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
  static let podColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Ready"), .init(name: "Status"), .init(name: "Restarts"),
    .init(name: "Age"), .init(name: "IP", wide: true), .init(name: "Node", wide: true),
    .init(name: "Nominated Node", wide: true), .init(name: "Readiness Gates", wide: true),
  ]

  static let nodeColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Status"), .init(name: "Roles"), .init(name: "Age"),
    .init(name: "Version"), .init(name: "Internal-IP", wide: true),
    .init(name: "External-IP", wide: true), .init(name: "OS-Image", wide: true),
    .init(name: "Kernel-Version", wide: true), .init(name: "Container-Runtime", wide: true),
  ]

  static let namespaceColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Status"), .init(name: "Age"),
  ]

  static func age(_ time: Timestamp, now: Timestamp) -> String {
    HumanDuration.format(milliseconds: now.milliseconds - time.milliseconds)
  }

  /// One `kubectl get pods` row (printPod).
  static func podRow(_ pod: Pod, now: Timestamp) -> [String] {
    let total = pod.spec.containers.count
    var ready = 0
    var restarts = 0
    var reason = pod.status.reason ?? pod.status.phase
    var lastFinished: Timestamp?
    for status in pod.status.containerStatuses.reversed() {
      restarts += status.restartCount
      switch status.state {
      case .waiting(let waitingReason, _) where !waitingReason.isEmpty:
        reason = waitingReason
      case .terminated(let exitCode, let terminatedReason, _, let finished):
        reason = terminatedReason.isEmpty ? "ExitCode:\(exitCode)" : terminatedReason
        lastFinished = max(lastFinished ?? finished, finished)
      case .running where status.ready:
        ready += 1
      default:
        break
      }
    }
    if reason == "Completed" && ready > 0 { reason = pod.isReady ? "Running" : "NotReady" }
    if pod.metadata.deletionTimestamp != nil {
      if pod.status.reason == "NodeLost" {
        reason = "Unknown"
      } else if pod.status.phase != "Succeeded" && pod.status.phase != "Failed" {
        reason = "Terminating"
      }
    }
    var restartsCell = String(restarts)
    if restarts > 0, let lastFinished {
      restartsCell += " (\(age(lastFinished, now: now)) ago)"
    }
    return [
      pod.metadata.name, "\(ready)/\(total)", reason, restartsCell, age(pod.metadata.creationTimestamp, now: now),
      pod.status.podIP ?? "<none>", pod.spec.nodeName ?? "<none>", "<none>", "<none>",
    ]
  }

  /// One `kubectl get nodes` row (printNode).
  static func nodeRow(_ node: Node, now: Timestamp) -> [String] {
    var status: String
    switch node.status.ready {
    case "True": status = "Ready"
    case "": status = "Unknown"
    default: status = "NotReady"
    }
    if node.spec.unschedulable { status += ",SchedulingDisabled" }
    var roles: Set<String> = []
    for (key, value) in node.metadata.labels {
      if key.hasPrefix("node-role.kubernetes.io/") {
        let role = String(key.dropFirst("node-role.kubernetes.io/".count))
        if !role.isEmpty { roles.insert(role) }
      } else if key == "kubernetes.io/role", !value.isEmpty {
        roles.insert(value)
      }
    }
    return [
      node.metadata.name, status, roles.isEmpty ? "<none>" : roles.sorted().joined(separator: ","),
      age(node.metadata.creationTimestamp, now: now), node.status.kubeletVersion,
      node.status.internalIP, "<none>", node.status.osImage, node.status.kernelVersion,
      node.status.containerRuntimeVersion,
    ]
  }

  static func namespaceRow(_ namespace: Namespace, now: Timestamp) -> [String] {
    [namespace.metadata.name, namespace.phase, age(namespace.metadata.creationTimestamp, now: now)]
  }
}
