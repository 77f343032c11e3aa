import KubeSim

/// The pod a command that works on one pod (`logs`, `exec`) uses for `TYPE/NAME`: the pod
/// itself, or one of the pods a workload's selector picks (`polymorphichelpers`
/// `attachablePodForObject` and `logsForObject`).
enum AttachablePod {
  /// The pods `object`'s selector picks in `namespace`, not being deleted, in the store's order;
  /// nil when the kind has no pod selector.
  static func candidates(for object: APIObject, namespace: String, cluster: Cluster) -> [Pod]? {
    let selector: LabelSelector
    switch object.base {
    case let deployment as Deployment: selector = deployment.selector.selector
    case let set as ReplicaSet: selector = set.selector.selector
    case let set as StatefulSet: selector = set.selector.selector
    case let set as DaemonSet: selector = set.selector.selector
    case let controller as ReplicationController: selector = LabelSelector(matchLabels: controller.selector)
    case let job as Job: selector = job.selector.selector
    case let service as Service: selector = LabelSelector(matchLabels: service.selector)
    default: return nil
    }
    return cluster.listPods(namespace: namespace).filter {
      selector.matches($0.metadata.labels) && $0.metadata.deletionTimestamp == nil
    }
  }

  /// `pods` in the order `kubectl logs TYPE/NAME` picks from (`podutils.ByLogging`, sorted
  /// with Go's `sort.Sort`): assigned before unassigned; Running, then Unknown, then Pending
  /// (any other phase counts as Running, as Go's map lookup gives 0); ready before not ready;
  /// ready for longer first; more container restarts first; older first.
  static func byLogging(_ pods: [Pod]) -> [Pod] {
    func phaseRank(_ pod: Pod) -> Int {
      switch pod.status.phase {
      case .unknown: return 1
      case .pending: return 2
      default: return 0
      }
    }
    func restarts(_ pod: Pod) -> Int { pod.status.containerStatuses.map(\.restartCount).max() ?? 0 }
    /// `afterOrZero(t1, t2)`: an unset time sorts last.
    func afterOrZero(_ first: Timestamp?, _ second: Timestamp?) -> Bool {
      guard let first, let second else { return first == nil }
      return second < first
    }
    let order = GoSort.sort(count: pods.count) { i, j in
      let (a, b) = (pods[i], pods[j])
      let nodeA = a.spec.nodeName ?? ""
      let nodeB = b.spec.nodeName ?? ""
      if nodeA != nodeB && (nodeA.isEmpty || nodeB.isEmpty) { return !nodeA.isEmpty }
      if phaseRank(a) != phaseRank(b) { return phaseRank(a) < phaseRank(b) }
      if a.isReady != b.isReady { return a.isReady }
      if a.isReady && b.isReady && a.status.readySince != b.status.readySince {
        return afterOrZero(b.status.readySince, a.status.readySince)
      }
      if restarts(a) != restarts(b) { return restarts(a) > restarts(b) }
      if a.metadata.creationTimestamp != b.metadata.creationTimestamp {
        return afterOrZero(b.metadata.creationTimestamp, a.metadata.creationTimestamp)
      }
      return false
    }
    return order.map { pods[$0] }
  }
}
