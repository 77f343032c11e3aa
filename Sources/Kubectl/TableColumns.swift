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

  /// One `kubectl get pods` row (printPod).
  static func podRow(_ pod: Pod, now: Timestamp) -> [String] {
    let total = pod.spec.containers.count
    var ready = 0
    var restarts = 0
    var reason = pod.status.reason ?? pod.status.phase.rawValue
    var lastFinished: Timestamp?
    for status in pod.status.containerStatuses.reversed() {
      restarts += status.restartCount
      if case .terminated(_, _, _, let finished)? = status.lastTerminated {
        lastFinished = max(lastFinished ?? finished, finished)
      }
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
      } else if !pod.status.phase.isTerminal {
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
    case .true: status = "Ready"
    case .false, .unknown: status = "NotReady"
    }
    if node.spec.unschedulable { status += ",SchedulingDisabled" }
    let roles = node.roles
    return [
      node.metadata.name, status, roles.isEmpty ? "<none>" : roles.joined(separator: ","),
      age(node.metadata.creationTimestamp, now: now), node.status.kubeletVersion,
      node.status.internalIP, "<none>", node.status.osImage, node.status.kernelVersion,
      node.status.containerRuntimeVersion,
    ]
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

  /// A Job's row (§3.7): STATUS from its conditions, COMPLETIONS, DURATION.
  static func jobRow(_ job: Job, now: Timestamp) -> [String] {
    let status: String
    if job.status.has("Complete") {
      status = "Complete"
    } else if job.status.has("Failed") {
      status = "Failed"
    } else if job.metadata.deletionTimestamp != nil {
      status = "Terminating"
    } else if job.status.has("Suspended") {
      status = "Suspended"
    } else if job.status.has("FailureTarget") {
      status = "FailureTarget"
    } else {
      status = "Running"
    }
    let completions: String
    if let total = job.completions {
      completions = "\(job.status.succeeded)/\(total)"
    } else {
      completions =
        job.parallelism > 1 ? "\(job.status.succeeded)/1 of \(job.parallelism)" : "\(job.status.succeeded)/1"
    }
    var duration = ""
    if let start = job.status.startTime {
      let end = job.status.completionTime ?? now
      duration = HumanDuration.format(milliseconds: end.milliseconds - start.milliseconds)
    }
    return [
      job.metadata.name, status, completions, duration, age(job.metadata.creationTimestamp, now: now),
      job.template.spec.containers.map(\.name).joined(separator: ","),
      job.template.spec.containers.map(\.image).joined(separator: ","), job.selector.formatted,
    ]
  }

  static func namespaceRow(_ namespace: Namespace, now: Timestamp) -> [String] {
    [namespace.metadata.name, namespace.phase.rawValue, age(namespace.metadata.creationTimestamp, now: now)]
  }
}
