import Testing

@testable import KubeSim

/// DefaultPreemption (`plugins/defaultpreemption/default_preemption_test.go`): nodes of 500m
/// CPU and 500 bytes (`veryLargeRes`), pods of `smallRes` (100m, 100), `mediumRes` (200m, 200),
/// `largeRes` (300m, 300) and `veryLargeRes`; priorities low 0, mid 100, high 1000.
@Suite struct PreemptionTests {
  static let (low, mid, high): (Int64, Int64, Int64) = (0, 100, 1000)

  static func node(_ name: String) -> Node {
    Node(
      metadata: ObjectMeta(name: name), spec: NodeSpec(podCIDR: "10.244.0.0/24"),
      status: NodeStatus(internalIP: "10.0.0.1", cpuMillis: 500, memoryBytes: 500))
  }

  /// A pod requesting `size` millicores and `size` bytes.
  static func pod(_ name: String, priority: Int64, size: Int64, node: String? = nil) -> Pod {
    var container = Container(name: "c", image: "nginx")
    container.resources.requests = ["cpu": size, "memory": size]
    var spec = PodSpec(containers: [container])
    spec.priority = priority
    spec.nodeName = node
    return Pod(metadata: ObjectMeta(name: name, namespace: "default"), spec: spec)
  }

  static func preemption(_ pods: [[Pod]]) -> Preemption {
    Preemption(
      nodes: pods.indices.map { node("node\($0 + 1)") }, podsByNode: pods, namespaceLabels: [:])
  }

  static func victims(_ outcome: Preemption.Outcome) -> (node: Int, names: [String])? {
    guard case .preempt(let candidate) = outcome else { return nil }
    return (candidate.node, candidate.victims.map(\.metadata.name))
  }

  /// TestDryRunPreemption, "a pod that fits on both nodes when lower priority pods are preempted".
  @Test func fitsOnBothNodesWhenLowerPriorityPodsArePreempted() {
    let preemption = Self.preemption([
      [Self.pod("p1", priority: Self.mid, size: 300, node: "node1")],
      [Self.pod("p2", priority: Self.mid, size: 300, node: "node2")],
    ])
    let outcome = preemption.evaluate(Self.pod("p", priority: Self.high, size: 300), resolvable: [0, 1])
    let chosen = Self.victims(outcome)
    #expect(chosen?.node == 0)
    #expect(chosen?.names == ["p1"])
  }

  /// TestDryRunPreemption, "a pod that would fit on the nodes, but other pods running are
  /// higher priority, no preemption would happen".
  @Test func higherPriorityPodsAreNoVictims() {
    let preemption = Self.preemption([
      [Self.pod("p1", priority: Self.mid, size: 300, node: "node1")],
      [Self.pod("p2", priority: Self.mid, size: 300, node: "node2")],
    ])
    let outcome = preemption.evaluate(Self.pod("p", priority: Self.low, size: 300), resolvable: [0, 1])
    guard case .none(let reasons) = outcome else {
      Issue.record("expected no candidate")
      return
    }
    #expect(reasons == ["No preemption victims found for incoming pod": 2])
  }

  /// TestDryRunPreemption, "medium priority pod is preempted, but lower priority one stays as it is small".
  @Test func smallLowerPriorityPodIsReprieved() {
    let preemption = Self.preemption([
      [
        Self.pod("p1.1", priority: Self.low, size: 100, node: "node1"),
        Self.pod("p1.2", priority: Self.mid, size: 300, node: "node1"),
      ],
      [Self.pod("p2", priority: Self.mid, size: 300, node: "node2")],
    ])
    let chosen = Self.victims(preemption.evaluate(Self.pod("p", priority: Self.high, size: 300), resolvable: [0, 1]))
    #expect(chosen?.node == 0)
    #expect(chosen?.names == ["p1.2"])
  }

  /// TestPickOneNodeForPreemption, "when highest priorities are the same, minimum sum of priorities is picked".
  @Test func sameHighestPriorityMinimumSumIsPicked() {
    let preemption = Self.preemption([
      [
        Self.pod("p1.1", priority: Self.mid, size: 200, node: "node1"),
        Self.pod("p1.2", priority: Self.mid, size: 300, node: "node1"),
      ],
      [
        Self.pod("p2.1", priority: Self.mid, size: 300, node: "node2"),
        Self.pod("p2.2", priority: Self.low, size: 200, node: "node2"),
      ],
      [
        Self.pod("p3.1", priority: Self.mid, size: 200, node: "node3"),
        Self.pod("p3.2", priority: Self.mid, size: 200, node: "node3"),
      ],
    ])
    let chosen = Self.victims(
      preemption.evaluate(Self.pod("p", priority: Self.high, size: 500), resolvable: [0, 1, 2]))
    #expect(chosen?.node == 1)
  }
}

/// Priority admission and preemption on the default cluster (two 4-CPU workers).
@Suite struct PriorityPreemptionClusterTests {
  static func requesting(_ name: String, cpu: Int64, priorityClass: String? = nil) -> Pod {
    var container = Container(name: "c", image: "nginx")
    container.resources.requests = ["cpu": cpu]
    var spec = PodSpec(containers: [container])
    spec.priorityClassName = priorityClass
    return Pod(metadata: ObjectMeta(name: name, namespace: "default"), spec: spec)
  }

  /// `plugin/pkg/admission/priority/admission.go`: "no PriorityClass with name %v was found".
  @Test func anUnknownClassIsForbidden() {
    var cluster = Cluster()
    #expect(
      throws: APIError.forbidden(
        resource: "pods", name: "vip", reason: "no PriorityClass with name nope was found")
    ) {
      try cluster.createPod(Self.requesting("vip", cpu: 100, priorityClass: "nope"))
    }
  }

  @Test func aHigherPriorityPodPreemptsAndIsNominated() throws {
    var cluster = Cluster()
    _ = try cluster.createPriorityClass(PriorityClass(metadata: ObjectMeta(name: "high"), value: 1000))
    try cluster.createPod(Self.requesting("low-1", cpu: 3000))
    try cluster.createPod(Self.requesting("low-2", cpu: 3000))
    try cluster.advance(seconds: 10)
    let vip = try cluster.createPod(Self.requesting("vip", cpu: 3000, priorityClass: "high"))
    #expect(vip.spec.priority == 1000)
    try cluster.settle()
    let preempted = try #require(cluster.events.first { $0.reason == "Preempted" })
    // The victim on the first node by name; the event text is `prepareCandidate`'s.
    #expect(preempted.involvedName == "low-1")
    #expect(preempted.message == "Preempted by pod \(vip.metadata.uid) on node worker-1")
    let failed = cluster.events.first { $0.reason == "FailedScheduling" && $0.involvedName == "vip" }
    #expect(
      failed?.message
        == "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu."
    )
    try cluster.advance(seconds: 40)
    let placed = try #require(cluster.pods["default/vip"])
    #expect(placed.spec.nodeName == "worker-1")
    #expect(placed.status.nominatedNodeName == "worker-1")
    #expect(cluster.pods["default/low-1"] == nil)
  }
}
