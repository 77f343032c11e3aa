/// The scheduler: binds each unscheduled pod to a feasible node, spreading pods evenly.
///
/// Feasible: Ready, not cordoned, every NoSchedule/NoExecute taint tolerated, nodeSelector
/// matched, below the node's pod limit. Among feasible nodes the one running the fewest pods
/// wins, ties broken by name, so placement is deterministic.
enum Scheduler {
  /// What decides where a pod may go; pods from one template share it.
  private struct Signature: Hashable {
    var tolerations: [Toleration]
    var nodeSelector: [String: String]
  }

  static func reconcile(_ cluster: inout Cluster) {
    guard !cluster.unscheduled.isEmpty else { return }
    let pending = cluster.unscheduled.sorted()
    let nodeNames = cluster.nodes.keys.sorted()
    var counts = nodeNames.map { cluster.podsPerNode[$0] ?? 0 }
    let capacity = nodeNames.map { cluster.nodes[$0]!.status.maxPods }
    var feasibleBySignature: [Signature: (nodes: [Int], rejections: [String: Int])] = [:]
    // Pods of one controller come from one template, so they share where they may go.
    var feasibleByOwner: [String: (nodes: [Int], rejections: [String: Int])] = [:]
    for key in pending {
      guard var pod = cluster.pods[key], pod.spec.nodeName == nil, pod.metadata.deletionTimestamp == nil else {
        cluster.unscheduled.remove(key)
        continue
      }
      let owner = pod.metadata.controllerUID
      if let owner, let cached = feasibleByOwner[owner] {
        bind(
          &pod, key: key, feasible: cached, nodeNames: nodeNames, counts: &counts, capacity: capacity, cluster: &cluster
        )
        continue
      }
      let signature = Signature(tolerations: pod.spec.tolerations, nodeSelector: pod.spec.nodeSelector)
      if feasibleBySignature[signature] == nil {
        var feasible: [Int] = []
        var rejections: [String: Int] = [:]
        for (index, name) in nodeNames.enumerated() {
          if let reason = cluster.nodes[name].flatMap({ unfitReason(pod, $0, podCount: 0) }) {
            rejections[reason, default: 0] += 1
          } else {
            feasible.append(index)
          }
        }
        feasibleBySignature[signature] = (feasible, rejections)
      }
      let entry = feasibleBySignature[signature]!
      if let owner { feasibleByOwner[owner] = entry }
      bind(
        &pod, key: key, feasible: entry, nodeNames: nodeNames, counts: &counts, capacity: capacity, cluster: &cluster)
    }
  }

  /// Binds `pod` to the least loaded of its feasible nodes, or records why it cannot be placed.
  private static func bind(
    _ pod: inout Pod, key: String, feasible entry: (nodes: [Int], rejections: [String: Int]), nodeNames: [String],
    counts: inout [Int], capacity: [Int], cluster: inout Cluster
  ) {
    let (feasible, staticRejections) = entry
    do {
      var best: Int?
      var bestCount = Int.max
      var full = 0
      for index in feasible {
        let count = counts[index]
        if count >= capacity[index] {
          full += 1
          continue
        }
        if count < bestCount {
          best = index
          bestCount = count
        }
      }
      let namespace = pod.metadata.namespace ?? "default"
      if let index = best {
        let node = nodeNames[index]
        pod.spec.nodeName = node
        setCondition(&pod, type: "PodScheduled", status: "True", at: cluster.now)
        counts[index] += 1
        cluster.update(pod)
        cluster.record(
          Event(
            namespace: namespace, involvedKind: "Pod", involvedName: pod.metadata.name,
            reason: "Scheduled",
            message: "Successfully assigned \(namespace)/\(pod.metadata.name) to \(node)",
            source: "default-scheduler", at: cluster.now))
      } else if !pod.status.conditions.contains(where: { $0.type == "PodScheduled" }) {
        // Stays in `unscheduled`: a node added, uncordoned or recovered later may fit it.
        var rejections = staticRejections
        if full > 0 { rejections["Too many pods", default: 0] += full }
        let total = nodeNames.count
        let reasons = rejections.keys.sorted().map { "\(rejections[$0]!) \($0)" }.joined(separator: ", ")
        let message =
          "0/\(total) nodes are available: \(reasons). preemption: 0/\(total) nodes are available: \(total) Preemption is not helpful for scheduling."
        pod.status.conditions.append(
          PodCondition(
            type: "PodScheduled", status: "False", lastTransitionTime: cluster.now, reason: "Unschedulable",
            message: message))
        cluster.update(pod)
        cluster.record(
          Event(
            namespace: namespace, involvedKind: "Pod", involvedName: pod.metadata.name,
            type: "Warning", reason: "FailedScheduling", message: message,
            source: "default-scheduler", at: cluster.now))
      }
    }
  }

  /// Why `node` cannot take `pod`, in the scheduler's words, or nil when it can.
  static func unfitReason(_ pod: Pod, _ node: Node, podCount: Int) -> String? {
    if !node.isReady { return "node(s) were not ready" }
    if node.spec.unschedulable { return "node(s) were unschedulable" }
    for taint in node.spec.taints where taint.effect == "NoSchedule" || taint.effect == "NoExecute" {
      if !pod.spec.tolerations.contains(where: { tolerates($0, taint) }) {
        return "node(s) had untolerated taint {\(taint.key): \(taint.value ?? "")}"
      }
    }
    for (key, value) in pod.spec.nodeSelector where node.metadata.labels[key] != value {
      return "node(s) didn't match Pod's node affinity/selector"
    }
    if podCount >= node.status.maxPods { return "Too many pods" }
    return nil
  }

  /// Whether `toleration` tolerates `taint` (`v1.Toleration.ToleratesTaint`).
  static func tolerates(_ toleration: Toleration, _ taint: Taint) -> Bool {
    if let effect = toleration.effect, !effect.isEmpty, effect != taint.effect { return false }
    if let key = toleration.key, !key.isEmpty, key != taint.key { return false }
    if toleration.key == nil || toleration.key == "" {
      if toleration.operator != "Exists" { return false }
    }
    switch toleration.operator ?? "Equal" {
    case "Exists": return true
    case "Equal", "": return (toleration.value ?? "") == (taint.value ?? "")
    default: return false
    }
  }

  static func setCondition(_ pod: inout Pod, type: String, status: String, at time: Timestamp) {
    if let index = pod.status.conditions.firstIndex(where: { $0.type == type }) {
      if pod.status.conditions[index].status != status {
        pod.status.conditions[index] = PodCondition(type: type, status: status, lastTransitionTime: time)
      }
    } else {
      pod.status.conditions.append(PodCondition(type: type, status: status, lastTransitionTime: time))
    }
  }
}
