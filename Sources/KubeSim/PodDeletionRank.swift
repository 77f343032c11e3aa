/// Everything `ActivePodsWithRanks.Less` (`pkg/controller/controller_utils.go`) compares for
/// one pod, computed once; ordered so that the pod to delete first is the smallest
/// (`docs/reference/controllers.md` §2.2). With the LogarithmicScaleDown feature (on by
/// default since v1.22) ready and creation times count by their base-2 logarithmic bucket of
/// the time since (`logarithmicRankDiff`), the uid breaking a tie within one bucket; the
/// name breaks the last tie, where upstream leaves the order open.
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
  /// `logarithmicRankDiff`'s bucket of the time since the pod turned ready and since it was created.
  var readyBucket: Int
  var createdBucket: Int
  var uid: String
  var name: String

  /// The key of `pod`, at `index` in the caller's list, with `rank` active pods beside it on
  /// its node, ranked at `now` (`ActivePodsWithRanks.Now`).
  init(index: Int, pod: Pod, rank: Int, now: Timestamp) {
    self.index = index
    assigned = pod.spec.nodeName != nil
    phase = Self.phaseOrder(pod.status.phase)
    ready = pod.isReady
    cost = Int(pod.metadata.annotations["controller.kubernetes.io/pod-deletion-cost"] ?? "") ?? 0
    self.rank = rank
    readySince = ReplicaSetController.readyTime(pod)
    restarts = pod.status.containerStatuses.map(\.restartCount).max() ?? 0
    created = pod.metadata.creationTimestamp
    readyBucket = readySince.map { Self.bucket(since: $0, now: now) } ?? -1
    createdBucket = Self.bucket(since: created, now: now)
    uid = pod.metadata.uid
    name = pod.metadata.name
  }

  /// `int64(math.Log2(float64(now.Sub(t))))` for a positive duration in nanoseconds, else -1:
  /// the exponent of the duration, which is what the truncated logarithm comes to.
  static func bucket(since time: Timestamp, now: Timestamp) -> Int {
    let milliseconds = now.milliseconds.saturatingSubtract(time.milliseconds)
    guard milliseconds > 0 else { return -1 }
    return Int((Double(milliseconds) * 1_000_000).exponent)
  }

  /// `afterOrZero`: the zero time (the epoch here) counts as after any other.
  static func afterOrZero(_ a: Timestamp, _ b: Timestamp) -> Bool {
    if a.milliseconds == 0 || b.milliseconds == 0 { return a.milliseconds == 0 }
    return a > b
  }

  /// The later time's pod first by bucket, then by uid (Go's string order) within one bucket.
  static func byBucket(_ a: PodDeletionRank, _ aBucket: Int, _ b: PodDeletionRank, _ bBucket: Int) -> Bool {
    if aBucket != bBucket { return aBucket < bBucket }
    return Array(a.uid.utf8).lexicographicallyPrecedes(Array(b.uid.utf8))
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
      if aTime.milliseconds == 0 || bTime.milliseconds == 0 { return afterOrZero(aTime, bTime) }
      return byBucket(a, a.readyBucket, b, b.readyBucket)
    }
    if a.restarts != b.restarts { return a.restarts > b.restarts }
    if a.created != b.created {
      if a.created.milliseconds == 0 || b.created.milliseconds == 0 { return afterOrZero(a.created, b.created) }
      return byBucket(a, a.createdBucket, b, b.createdBucket)
    }
    return a.name < b.name
  }

  /// Identity within the caller's list.
  static func == (a: PodDeletionRank, b: PodDeletionRank) -> Bool { a.index == b.index }
}
