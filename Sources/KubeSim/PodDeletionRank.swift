/// Everything `ActivePodsWithRanks.Less` compares for one pod, computed once; ordered so that
/// the pod to delete first is the smallest (`docs/reference/controllers.md` §2.2). Times are
/// compared exactly (no logarithmic buckets) and the name breaks the last tie.
struct PodDeletionRank: Comparable {
  var index: Int
  var assigned: Bool
  var phase: Int
  var ready: Bool
  var cost: Int
  var rank: Int
  var readySince: Timestamp?
  var restarts: Int
  var created: Timestamp
  var name: String

  /// The key of `pod`, at `index` in the caller's list, with `rank` active pods beside it on its node.
  init(index: Int, pod: Pod, rank: Int) {
    self.index = index
    assigned = pod.spec.nodeName != nil
    phase = Self.phaseOrder(pod.status.phase)
    ready = pod.isReady
    cost = Int(pod.metadata.annotations["controller.kubernetes.io/pod-deletion-cost"] ?? "") ?? 0
    self.rank = rank
    readySince = ReplicaSetController.readyTime(pod)
    restarts = pod.status.containerStatuses.map(\.restartCount).max() ?? 0
    created = pod.metadata.creationTimestamp
    name = pod.metadata.name
  }

  /// `podPhaseToOrdinal`: Pending before Unknown before Running.
  static func phaseOrder(_ phase: PodPhase) -> Int {
    switch phase {
    case .pending: return 0
    case .unknown: return 1
    case .running: return 2
    case .succeeded, .failed: return 3
    }
  }

  /// Whether `a` is deleted before `b`.
  static func < (a: PodDeletionRank, b: PodDeletionRank) -> Bool {
    if a.assigned != b.assigned { return !a.assigned }
    if a.phase != b.phase { return a.phase < b.phase }
    if a.ready != b.ready { return !a.ready }
    if a.cost != b.cost { return a.cost < b.cost }
    if a.rank != b.rank { return a.rank > b.rank }
    if a.ready && b.ready, let aTime = a.readySince, let bTime = b.readySince, aTime != bTime {
      return aTime > bTime
    }
    if a.restarts != b.restarts { return a.restarts > b.restarts }
    if a.created != b.created { return a.created > b.created }
    return a.name < b.name
  }

  /// Identity within the caller's list.
  static func == (a: PodDeletionRank, b: PodDeletionRank) -> Bool { a.index == b.index }
}
