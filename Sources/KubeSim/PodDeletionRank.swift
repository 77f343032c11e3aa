/// Everything `ActivePodsWithRanks.Less` (`pkg/controller/controller_utils.go`) compares for
/// one pod, computed once; ordered so that the pod to delete first is the smallest
/// (`docs/reference/controllers.md` §2.2). With the LogarithmicScaleDown feature (on by
/// default since v1.22) ready and creation times count by their base-2 logarithmic bucket of
/// the time since (`logarithmicRankDiff`). Upstream breaks a tie within one bucket by the
/// uid, a random string; the simulator uses the name, as random and the tie it already used
/// for equal times. The order is a total one
/// (see `<`), so picking the smallest few needs no full sort.
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
    name = pod.metadata.name
  }

  /// `int64(math.Log2(float64(now.Sub(t))))` for a positive duration in nanoseconds, else -1:
  /// the exponent of the duration, which is what the truncated logarithm comes to.
  static func bucket(since time: Timestamp, now: Timestamp) -> Int {
    // `afterOrZero`: the zero time (the epoch here) counts as after any other.
    if time.milliseconds == 0 { return -2 }
    let milliseconds = now.milliseconds.saturatingSubtract(time.milliseconds)
    guard milliseconds > 0 else { return -1 }
    return Int((Double(milliseconds) * 1_000_000).exponent)
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
    // Rules 6 and 8 by bucket, then the name. Upstream goes on to the next rules between
    // equal times and compares uids between different ones in one bucket, which is not
    // transitive; one tie-breaker for both keeps the order total, so the choice cannot
    // depend on the order the pods come in. It differs from upstream only for pods ready at
    // the very same instant with different restart counts or creation buckets.
    if a.ready && b.ready {
      if a.readyBucket != b.readyBucket { return a.readyBucket < b.readyBucket }
      if a.name != b.name { return a.name < b.name }
    }
    if a.restarts != b.restarts { return a.restarts > b.restarts }
    if a.createdBucket != b.createdBucket { return a.createdBucket < b.createdBucket }
    return a.name < b.name
  }

  /// Identity within the caller's list.
  static func == (a: PodDeletionRank, b: PodDeletionRank) -> Bool { a.index == b.index }
}
