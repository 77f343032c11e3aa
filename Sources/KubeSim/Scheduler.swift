/// The scheduler: binds each unscheduled pod to a feasible node, spreading pods evenly.
///
/// Feasible: Ready, not cordoned, every NoSchedule/NoExecute taint tolerated, nodeSelector
/// matched, below the node's pod limit. Among feasible nodes the one running the fewest pods
/// wins, ties broken by name, so placement is deterministic.
enum Scheduler {
  static func reconcile(_ cluster: inout Cluster) {
    guard !cluster.unscheduled.isEmpty else { return }
    let pending = cluster.unscheduled.sorted()
    var podsPerNode: [String: Int] = [:]
    for pod in cluster.pods.values {
      if let node = pod.spec.nodeName { podsPerNode[node, default: 0] += 1 }
    }
    let nodes = cluster.sortedNodes
    for key in pending {
      guard var pod = cluster.pods[key], pod.spec.nodeName == nil, pod.metadata.deletionTimestamp == nil else {
        cluster.unscheduled.remove(key)
        continue
      }
      var rejections: [String: Int] = [:]
      var best: Node?
      for node in nodes {
        if let reason = unfitReason(pod, node, podCount: podsPerNode[node.metadata.name, default: 0]) {
          rejections[reason, default: 0] += 1
          continue
        }
        if let current = best,
          podsPerNode[current.metadata.name, default: 0] <= podsPerNode[node.metadata.name, default: 0]
        {
          continue
        }
        best = node
      }
      let namespace = pod.metadata.namespace ?? "default"
      if let node = best {
        pod.spec.nodeName = node.metadata.name
        setCondition(&pod, type: "PodScheduled", status: "True", at: cluster.now)
        podsPerNode[node.metadata.name, default: 0] += 1
        cluster.update(pod)
        cluster.record(
          Event(
            namespace: namespace, involvedKind: "Pod", involvedName: pod.metadata.name,
            reason: "Scheduled",
            message: "Successfully assigned \(namespace)/\(pod.metadata.name) to \(node.metadata.name)",
            source: "default-scheduler", at: cluster.now))
      } else if !pod.status.conditions.contains(where: { $0.type == "PodScheduled" }) {
        // Stays in `unscheduled`: a node added, uncordoned or recovered later may fit it.
        let reasons = rejections.keys.sorted().map { "\(rejections[$0]!) \($0)" }.joined(separator: ", ")
        let message =
          "0/\(nodes.count) nodes are available: \(reasons). preemption: 0/\(nodes.count) nodes are available: \(nodes.count) Preemption is not helpful for scheduling."
        pod.status.conditions.append(
          PodCondition(
            type: "PodScheduled", status: "False", lastTransitionTime: cluster.now,
            reason: "Unschedulable", message: message))
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
