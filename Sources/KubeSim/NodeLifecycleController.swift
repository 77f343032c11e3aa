/// The node lifecycle controller (`docs/reference/controllers.md` §7.1): a node whose kubelet
/// stops reporting goes NotReady after the grace period and is tainted unreachable; its pods
/// turn unready, and the ``TaintEvictionController`` evicts them when their toleration for the
/// taint runs out.
enum NodeLifecycleController: ControlLoop {
  /// `--node-monitor-grace-period` in v1.32.
  static let gracePeriodMilliseconds: Int64 = 50_000
  static let unreachable = "node.kubernetes.io/unreachable"

  static func reconcile(_ cluster: inout Cluster) {
    for name in cluster.nodes.keys.sorted() {
      guard var node = cluster.nodes[name] else { continue }
      if node.status.reporting {
        if node.status.ready != .true {
          node.status.ready = .true
          node.status.readyChangedAt = cluster.now
          node.spec.taints.removeAll { $0.key == unreachable }
          node.metadata.resourceVersion = cluster.nextResourceVersion()
          cluster.nodes[name] = node
          cluster.record(
            "Node", node.metadata, reason: "NodeReady", message: "Node \(name) status is now: NodeReady",
            source: "kubelet")
          cluster.unscheduledNeedRetry()
          for pod in cluster.listPods(onNode: name) { cluster.kubelet.pending.insert(Cluster.key(pod.metadata)) }
        }
        continue
      }
      let lost = (node.status.lastHeartbeat ?? cluster.now).adding(milliseconds: gracePeriodMilliseconds)
      if node.status.ready == .true {
        guard lost <= cluster.now else {
          cluster.wake(at: lost)
          continue
        }
        node.status.ready = .unknown
        node.status.readyChangedAt = cluster.now
        node.spec.taints.append(Taint(key: unreachable, effect: .noSchedule))
        node.spec.taints.append(Taint(key: unreachable, effect: .noExecute, timeAdded: cluster.now))
        node.metadata.resourceVersion = cluster.nextResourceVersion()
        cluster.nodes[name] = node
        cluster.record(
          "Node", node.metadata, reason: "NodeNotReady", message: "Node \(name) status is now: NodeNotReady",
          source: "node-controller")
        markPodsNotReady(onNode: name, cluster: &cluster)
      }
    }
  }

  /// `MarkPodsNotReady` (`pkg/controller/util/node/controller_utils.go`): each pod on the
  /// node whose Ready condition changes to False, and only that condition, followed by the
  /// Warning `NodeNotReady` "Node is not ready" from the node controller's recorder.
  static func markPodsNotReady(onNode name: String, cluster: inout Cluster) {
    for pod in cluster.listPods(onNode: name) where pod.isReady {
      var unready = pod
      guard let index = unready.status.conditions.firstIndex(where: { $0.type == "Ready" }) else { continue }
      unready.status.conditions[index].status = .false
      unready.status.conditions[index].lastTransitionTime = cluster.now
      cluster.update(unready)
      cluster.record(
        "Pod", unready.metadata, reason: "NodeNotReady", message: "Node is not ready", type: .warning,
        source: "node-controller")
    }
  }
}
