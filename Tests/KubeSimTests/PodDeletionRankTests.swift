import Testing

@testable import KubeSim

/// `TestSortingActivePodsWithRanks` from Kubernetes' `pkg/controller/controller_utils_test.go`
/// (kubernetes/kubernetes, v1.32-era), run against the simulator's scale-down ordering
/// (`PodDeletionRank`, its `ActivePodsWithRanks.Less`). Pods, ranks and expectations are
/// upstream's; `now` is a fixed instant instead of the wall clock, and upstream's zero time is
/// the simulator's zero (the epoch).
@Suite struct PodDeletionRankTests {
  /// Upstream's `now`: 2025-01-01T00:00:00Z.
  static let now = Timestamp(seconds: 1_735_689_600)
  /// `now.AddDate(0, -1, 0)`: 2024-12-01T00:00:00Z.
  static let then1Month = Timestamp(seconds: 1_733_011_200)
  static let then2Hours = now.adding(seconds: -2 * 3600)
  static let then5Hours = now.adding(seconds: -5 * 3600)
  static let zeroTime = Timestamp(milliseconds: 0)

  /// Upstream's `pod(podName, nodeName, phase, ready, restarts, readySince, created, annotations)`.
  static func pod(
    _ name: String, _ nodeName: String, _ phase: PodPhase, _ ready: Bool, _ restarts: Int, _ readySince: Timestamp,
    _ created: Timestamp, _ annotations: [String: String] = [:]
  ) -> Pod {
    var metadata = ObjectMeta(name: name, namespace: "default")
    metadata.creationTimestamp = created
    metadata.annotations = annotations
    var spec = PodSpec(containers: [Container(name: "c", image: "nginx")])
    spec.nodeName = nodeName.isEmpty ? nil : nodeName
    var pod = Pod(metadata: metadata, spec: spec)
    pod.status.phase = phase
    if ready {
      pod.status.conditions = [PodCondition(type: "Ready", status: .true, lastTransitionTime: readySince)]
      var container = ContainerStatus(name: "c", image: "nginx", state: .running(startedAt: readySince))
      container.restartCount = restarts
      pod.status.containerStatuses = [container]
    }
    return pod
  }

  static let unscheduledPod = pod("unscheduled", "", .pending, false, 0, zeroTime, zeroTime)
  static let scheduledPendingPod = pod("pending", "node", .pending, false, 0, zeroTime, zeroTime)
  static let unknownPhasePod = pod("unknown-phase", "node", .unknown, false, 0, zeroTime, zeroTime)
  static let runningNotReadyPod = pod("not-ready", "node", .running, false, 0, zeroTime, zeroTime)
  static let runningReadyNoLastTransitionTimePod = pod(
    "ready-no-last-transition-time", "node", .running, true, 0, zeroTime, zeroTime)
  static let runningReadyNow = pod("ready-now", "node", .running, true, 0, now, now)
  static let runningReadyThen = pod("ready-then", "node", .running, true, 0, then1Month, then1Month)
  static let runningReadyNowHighRestarts = pod("ready-high-restarts", "node", .running, true, 9001, now, now)
  static let runningReadyNowCreatedThen = pod("ready-now-created-then", "node", .running, true, 0, now, then1Month)
  static let lowPodDeletionCost = pod(
    "low-deletion-cost", "node", .running, true, 0, now, then1Month,
    ["controller.kubernetes.io/pod-deletion-cost": "10"])
  static let highPodDeletionCost = pod(
    "high-deletion-cost", "node", .running, true, 0, now, then1Month,
    ["controller.kubernetes.io/pod-deletion-cost": "100"])
  static let ready2Hours = pod("ready-2-hours", "", .running, true, 0, then2Hours, then1Month)
  static let ready5Hours = pod("ready-5-hours", "", .running, true, 0, then5Hours, then1Month)

  /// Upstream's "Equality tests" whose two pods are the same pod (rows 0–8): neither sorts
  /// before the other.
  static let equalityPods: [Pod] = [
    unscheduledPod, scheduledPendingPod, unknownPhasePod, runningNotReadyPod, runningReadyNowCreatedThen,
    runningReadyNow, runningReadyThen, runningReadyNowHighRestarts, runningReadyNowCreatedThen,
  ]

  @Test(arguments: equalityPods) func equality(_ pod: Pod) {
    let key = PodDeletionRank(index: 0, pod: pod, rank: 1, now: Self.now)
    let same = PodDeletionRank(index: 1, pod: pod, rank: 1, now: Self.now)
    #expect(!(key < same) && !(same < key))
  }

  /// One "Inequality tests" row: the pod deleted first with its rank, then the other.
  struct InequalityCase: Sendable, CustomTestStringConvertible {
    var row: Int
    var lesser: Pod
    var lesserRank: Int
    var greater: Pod
    var greaterRank: Int
    var testDescription: String {
      "row \(row): \(lesser.metadata.name)/\(lesserRank) < \(greater.metadata.name)/\(greaterRank)"
    }
  }

  /// Upstream's "Inequality tests", by row. Left out: row 5 (a Ready pod without a transition
  /// time sorts first upstream; here every Ready pod has one) and row 14 (the PodDeletionCost
  /// gate turned off; the simulator has no feature gates).
  static let inequalityCases: [InequalityCase] = [
    InequalityCase(row: 0, lesser: unscheduledPod, lesserRank: 1, greater: scheduledPendingPod, greaterRank: 2),
    InequalityCase(row: 1, lesser: unscheduledPod, lesserRank: 2, greater: scheduledPendingPod, greaterRank: 1),
    InequalityCase(row: 2, lesser: scheduledPendingPod, lesserRank: 1, greater: unknownPhasePod, greaterRank: 2),
    InequalityCase(row: 3, lesser: unknownPhasePod, lesserRank: 1, greater: runningNotReadyPod, greaterRank: 2),
    InequalityCase(
      row: 4, lesser: runningNotReadyPod, lesserRank: 1, greater: runningReadyNoLastTransitionTimePod, greaterRank: 1
    ),
    InequalityCase(
      row: 6, lesser: runningReadyNow, lesserRank: 2, greater: runningReadyNoLastTransitionTimePod, greaterRank: 1),
    InequalityCase(row: 7, lesser: runningReadyNow, lesserRank: 1, greater: runningReadyThen, greaterRank: 1),
    InequalityCase(row: 8, lesser: runningReadyNow, lesserRank: 2, greater: runningReadyThen, greaterRank: 1),
    InequalityCase(
      row: 9, lesser: runningReadyNowHighRestarts, lesserRank: 1, greater: runningReadyNow, greaterRank: 1),
    InequalityCase(
      row: 10, lesser: runningReadyNow, lesserRank: 2, greater: runningReadyNowHighRestarts, greaterRank: 1),
    InequalityCase(
      row: 11, lesser: runningReadyNow, lesserRank: 1, greater: runningReadyNowCreatedThen, greaterRank: 1),
    InequalityCase(
      row: 12, lesser: runningReadyNowCreatedThen, lesserRank: 2, greater: runningReadyNow, greaterRank: 1),
    InequalityCase(row: 13, lesser: lowPodDeletionCost, lesserRank: 2, greater: highPodDeletionCost, greaterRank: 1),
    InequalityCase(row: 15, lesser: ready2Hours, lesserRank: 1, greater: ready5Hours, greaterRank: 1),
  ]

  @Test(arguments: inequalityCases) func inequality(_ c: InequalityCase) {
    let lesser = PodDeletionRank(index: 0, pod: c.lesser, rank: c.lesserRank, now: Self.now)
    let greater = PodDeletionRank(index: 1, pod: c.greater, rank: c.greaterRank, now: Self.now)
    #expect(lesser < greater)
    #expect(!(greater < lesser))
  }

  /// LogarithmicScaleDown (`logarithmicRankDiff`): ready 2 h and 2 h 10 min before `now`
  /// fall in one bucket (⌊log2 of the nanoseconds⌋ = 42 for both: 7.2e12 and 7.8e12 ns lie
  /// between 2^42 ≈ 4.4e12 and 2^43 ≈ 8.8e12), so the tie-breaker decides (upstream's uid,
  /// the name here), not which turned ready later; 5 h (1.8e13 ns, bucket 44) is a later bucket.
  @Test func readyTimesInOneBucketFallBackToTheName() {
    let older = Self.pod("a-older", "node", .running, true, 0, Self.now.adding(seconds: -7800), Self.then1Month)
    let newer = Self.pod("b-newer", "node", .running, true, 0, Self.then2Hours, Self.then1Month)
    #expect(PodDeletionRank.bucket(since: older.status.readySince!, now: Self.now) == 42)
    #expect(PodDeletionRank.bucket(since: newer.status.readySince!, now: Self.now) == 42)
    #expect(PodDeletionRank.bucket(since: Self.then5Hours, now: Self.now) == 44)
    let olderKey = PodDeletionRank(index: 0, pod: older, rank: 1, now: Self.now)
    let newerKey = PodDeletionRank(index: 1, pod: newer, rank: 1, now: Self.now)
    #expect(olderKey < newerKey)
    #expect(!(newerKey < olderKey))
  }

  /// Creation times in one bucket fall back to the tie-breaker as well (step 8 of `Less`).
  @Test func creationTimesInOneBucketFallBackToTheName() {
    let first = Self.pod("b-first", "node", .pending, false, 0, Self.zeroTime, Self.then2Hours)
    let second = Self.pod("a-second", "node", .pending, false, 0, Self.zeroTime, Self.now.adding(seconds: -7800))
    let firstKey = PodDeletionRank(index: 0, pod: first, rank: 1, now: Self.now)
    let secondKey = PodDeletionRank(index: 1, pod: second, rank: 1, now: Self.now)
    #expect(secondKey < firstKey)
  }
}
