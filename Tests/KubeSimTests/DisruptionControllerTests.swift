import Testing

@testable import KubeSim

/// Cases of Kubernetes' `pkg/controller/disruption/disruption_test.go` (kubernetes/kubernetes,
/// v1.32-era) run against ``DisruptionController``: the same budgets, controllers and pods put
/// straight into the store (as upstream's fake listers hold them, with no other controller
/// running), one `sync`, and upstream's `VerifyPdbStatus(disruptionsAllowed, currentHealthy,
/// desiredHealthy, expectedPods)`.
@Suite struct DisruptionControllerTests {
  /// upstream's `fooBar()` selector and the pods' labels.
  static let labels = ["foo": "bar"]

  /// A cluster with the budget (upstream's `newMinAvailablePodDisruptionBudget` or
  /// `newMaxUnavailablePodDisruptionBudget`, selector `foo=bar`).
  static func cluster(
    minAvailable: PodDisruptionBudget.Amount? = nil, maxUnavailable: PodDisruptionBudget.Amount? = nil
  )
    -> Cluster
  {
    var cluster = Cluster()
    var metadata = ObjectMeta(name: "foobar", namespace: "default")
    metadata.generation = 1
    cluster.podDisruptionBudgets["default/foobar"] = PodDisruptionBudget(
      metadata: metadata, minAvailable: minAvailable, maxUnavailable: maxUnavailable,
      selector: SelectorSpec(matchLabels: labels))
    return cluster
  }

  /// upstream's `newPod`: Ready, labelled `foo=bar`, owned by `owner` when given.
  static func addPod(
    _ name: String, owner: (kind: String, meta: ObjectMeta)?, ready: Bool = true, to cluster: inout Cluster
  ) {
    var metadata = ObjectMeta(name: name, namespace: "default", labels: labels)
    if let owner {
      metadata.ownerReferences = [
        OwnerReference(apiVersion: "apps/v1", kind: owner.kind, name: owner.meta.name, uid: owner.meta.uid)
      ]
    }
    var pod = Pod(metadata: metadata, spec: PodSpec(containers: [Container(name: "c", image: "nginx")]))
    pod.status.phase = .running
    if ready { pod.status.conditions = [PodCondition(type: "Ready", status: .true, lastTransitionTime: cluster.now)] }
    cluster.pods["default/" + name] = pod
  }

  static func meta(_ name: String, uid: String) -> ObjectMeta {
    var metadata = ObjectMeta(name: name, namespace: "default", labels: labels)
    metadata.uid = uid
    return metadata
  }

  static let template = PodTemplate(labels: labels, spec: PodSpec(containers: [Container(name: "c", image: "nginx")]))

  /// `(disruptionsAllowed, currentHealthy, desiredHealthy, expectedPods)` after one sync.
  static func status(after cluster: inout Cluster) -> [Int] {
    DisruptionController.sync(cluster.podDisruptionBudgets["default/foobar"]!, in: &cluster)
    let status = cluster.podDisruptionBudgets["default/foobar"]!.status
    return [status.disruptionsAllowed, status.currentHealthy, status.desiredHealthy, status.expectedPods]
  }

  /// `TestIntegerMaxUnavailableWithScaling`: maxUnavailable 2 over a ReplicaSet of 7, then 5.
  @Test func integerMaxUnavailableWithScaling() {
    var cluster = Self.cluster(maxUnavailable: .int(2))
    let set = ReplicaSet(
      metadata: Self.meta("rs", uid: "rs-uid"), replicas: 7, selector: .init(matchLabels: Self.labels),
      template: Self.template)
    cluster.replicaSets["default/rs"] = set
    Self.addPod("pod", owner: ("ReplicaSet", set.metadata), to: &cluster)
    #expect(Self.status(after: &cluster) == [0, 1, 5, 7])
    cluster.replicaSets["default/rs"]?.replicas = 5
    #expect(Self.status(after: &cluster) == [0, 1, 3, 5])
  }

  /// `TestPercentageMaxUnavailableWithScaling`: 30% of 7 rounds up to 3, of 3 to 1.
  @Test func percentageMaxUnavailableWithScaling() {
    var cluster = Self.cluster(maxUnavailable: .string("30%"))
    let set = ReplicaSet(
      metadata: Self.meta("rs", uid: "rs-uid"), replicas: 7, selector: .init(matchLabels: Self.labels),
      template: Self.template)
    cluster.replicaSets["default/rs"] = set
    Self.addPod("pod", owner: ("ReplicaSet", set.metadata), to: &cluster)
    #expect(Self.status(after: &cluster) == [0, 1, 4, 7])
    cluster.replicaSets["default/rs"]?.replicas = 3
    #expect(Self.status(after: &cluster) == [0, 1, 2, 3])
  }

  /// `TestReplicaSet`: a ReplicaSet without a Deployment counts its own scale.
  @Test func replicaSetWithoutDeployment() {
    var cluster = Self.cluster(minAvailable: .string("20%"))
    let set = ReplicaSet(
      metadata: Self.meta("rs", uid: "rs-uid"), replicas: 10, selector: .init(matchLabels: Self.labels),
      template: Self.template)
    cluster.replicaSets["default/rs"] = set
    Self.addPod("pod", owner: ("ReplicaSet", set.metadata), to: &cluster)
    #expect(Self.status(after: &cluster) == [0, 1, 2, 10])
  }

  /// `TestReplicationController` and `TestStatefulSetController`: 34% of 3 rounds up to 2;
  /// with no pods nothing is known; a rogue pod without a controller is healthy but not expected.
  @Test(arguments: ["ReplicationController", "StatefulSet"])
  func controllerScale(kind: String) {
    var cluster = Self.cluster(minAvailable: .string("34%"))
    let owner = Self.meta("owner", uid: "owner-uid")
    if kind == "StatefulSet" {
      var set = StatefulSet(
        metadata: owner, selector: .init(matchLabels: Self.labels), template: Self.template, serviceName: "s")
      set.replicas = 3
      cluster.statefulSets["default/owner"] = set
    } else {
      cluster.replicationControllers["default/owner"] = ReplicationController(
        metadata: owner, replicas: 3, selector: Self.labels, template: Self.template)
    }
    #expect(Self.status(after: &cluster) == [0, 0, 0, 0])
    let expected = [[0, 1, 2, 3], [0, 2, 2, 3], [1, 3, 2, 3]]
    for index in 0..<3 {
      Self.addPod("foobar-\(index)", owner: (kind, owner), to: &cluster)
      #expect(Self.status(after: &cluster) == expected[index])
    }
    guard kind == "ReplicationController" else { return }
    Self.addPod("rogue", owner: nil, to: &cluster)
    #expect(Self.status(after: &cluster)[0] == 2)
  }

  /// `TestNakedPod` and `TestIntegerMaxUnavailable`: a pod without a controller allows no
  /// disruption under a percentage or a maxUnavailable budget.
  @Test(arguments: [
    (PodDisruptionBudget.Amount?.some(.string("28%")), PodDisruptionBudget.Amount?.none),
    (nil, .some(.int(1))),
  ])
  func nakedPod(minAvailable: PodDisruptionBudget.Amount?, maxUnavailable: PodDisruptionBudget.Amount?) {
    var cluster = Self.cluster(minAvailable: minAvailable, maxUnavailable: maxUnavailable)
    #expect(Self.status(after: &cluster)[0] == 0)
    Self.addPod("naked", owner: nil, to: &cluster)
    #expect(Self.status(after: &cluster)[0] == 0)
  }

  /// `getExpectedScale` through the generic scale finder: a DaemonSet has no scale
  /// subresource, so the sync fails (`failSafe`): no disruption, condition `SyncFailed`.
  @Test func daemonSetPodsFailTheSync() {
    var cluster = Self.cluster(maxUnavailable: .int(1))
    Self.addPod("daemon", owner: ("DaemonSet", Self.meta("ds", uid: "ds-uid")), to: &cluster)
    #expect(Self.status(after: &cluster)[0] == 0)
    let condition = cluster.podDisruptionBudgets["default/foobar"]?.status.condition
    #expect(condition?.status == .false)
    #expect(condition?.reason == "SyncFailed")
    #expect(condition?.message == "daemonsets.apps does not implement the scale subresource")
  }

  /// The eviction subresource (`eviction.go` `checkAndDecrement`): a budget with a disruption
  /// to spare lets one eviction through and spends it; the next is refused with 429.
  @Test func evictionSpendsTheBudget() throws {
    var cluster = Self.cluster(minAvailable: .int(1))
    Self.addPod("a", owner: nil, to: &cluster)
    Self.addPod("b", owner: nil, to: &cluster)
    #expect(Self.status(after: &cluster) == [1, 2, 1, 2])
    try cluster.evictPod("a", namespace: "default")
    #expect(cluster.podDisruptionBudgets["default/foobar"]?.status.disruptionsAllowed == 0)
    #expect(cluster.podDisruptionBudgets["default/foobar"]?.status.disruptedPods["a"] != nil)
    #expect(throws: APIError.tooManyRequests("Cannot evict pod as it would violate the pod's disruption budget.")) {
      try cluster.evictPod("b", namespace: "default")
    }
  }

  /// A budget the controller has not synced since it was created refuses every eviction.
  @Test func unsyncedBudgetRefuses() {
    var cluster = Self.cluster(minAvailable: .int(0))
    Self.addPod("a", owner: nil, to: &cluster)
    #expect(throws: APIError.tooManyRequests("Cannot evict pod as it would violate the pod's disruption budget.")) {
      try cluster.evictPod("a", namespace: "default")
    }
  }

  /// `eviction.go`: an unready pod may go while the budget is otherwise met, or always under
  /// `AlwaysAllow`; without either it needs a disruption like any pod.
  @Test func unreadyPods() throws {
    var cluster = Self.cluster(minAvailable: .int(1))
    Self.addPod("ready", owner: nil, to: &cluster)
    Self.addPod("unready", owner: nil, ready: false, to: &cluster)
    #expect(Self.status(after: &cluster) == [0, 1, 1, 2])
    try cluster.evictPod("unready", namespace: "default")
    #expect(cluster.podDisruptionBudgets["default/foobar"]?.status.disruptedPods.isEmpty == true)

    var strict = Self.cluster(minAvailable: .int(2))
    Self.addPod("ready", owner: nil, to: &strict)
    Self.addPod("unready", owner: nil, ready: false, to: &strict)
    _ = Self.status(after: &strict)
    #expect(throws: APIError.tooManyRequests(Cluster.budgetRefusal)) {
      try strict.evictPod("unready", namespace: "default")
    }
    strict.podDisruptionBudgets["default/foobar"]?.unhealthyPodEvictionPolicy = "AlwaysAllow"
    try strict.evictPod("unready", namespace: "default")
  }

  /// A budget whose spec changed after its last sync (generation ahead of observedGeneration)
  /// refuses until the controller has caught up; several budgets covering a pod are a 500.
  @Test func staleAndSeveralBudgets() throws {
    var cluster = Self.cluster(minAvailable: .int(0))
    Self.addPod("a", owner: nil, to: &cluster)
    #expect(Self.status(after: &cluster) == [1, 1, 0, 1])
    cluster.podDisruptionBudgets["default/foobar"]?.metadata.generation = 2
    #expect(throws: APIError.tooManyRequests(Cluster.budgetRefusal)) { try cluster.evictPod("a", namespace: "default") }
    var second = cluster.podDisruptionBudgets["default/foobar"]!
    second.metadata.name = "second"
    cluster.podDisruptionBudgets["default/second"] = second
    #expect(
      throws: APIError.internalError(
        "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.")
    ) { try cluster.evictPod("a", namespace: "default") }
  }
}
