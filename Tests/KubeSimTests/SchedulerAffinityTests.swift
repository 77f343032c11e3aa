import Testing

@testable import KubeSim

/// Test fixtures shaped as the scheduler's own test helpers (`pkg/scheduler/testing/wrappers.go`).
private enum Fixture {
  static func node(_ name: String, _ labels: [String: String] = [:]) -> Node {
    Node(
      metadata: ObjectMeta(name: name, labels: labels), spec: NodeSpec(podCIDR: "10.244.0.0/24"),
      status: NodeStatus(internalIP: "10.0.0.1", cpuMillis: 4000, memoryBytes: 8 << 30))
  }

  static func pod(
    _ name: String, namespace: String = "default", labels: [String: String] = [:], node: String? = nil
  ) -> Pod {
    var spec = PodSpec(containers: [Container(name: "c", image: "nginx")])
    spec.nodeName = node
    return Pod(metadata: ObjectMeta(name: name, namespace: namespace, labels: labels), spec: spec)
  }

  static func expression(_ key: String, _ op: SelectorOperator, _ values: [String]) -> SelectorSpec {
    SelectorSpec(matchLabels: [:], matchExpressions: [.init(key: key, op: .known(op), values: values)])
  }
}

/// NodeAffinity's filter: `pkg/scheduler/framework/plugins/nodeaffinity/node_affinity_test.go`,
/// `TestNodeAffinity`, case by case (the case names are upstream's).
@Suite struct NodeAffinityFilterTests {
  typealias Case = (
    name: String, selector: [String: String], terms: [NodeSelectorTerm]?, labels: [String: String],
    nodeName: String, fits: Bool
  )

  static let cases: [Case] = [
    ("missing labels", ["foo": "bar"], nil, [:], "node", false),
    ("same labels", ["foo": "bar"], nil, ["foo": "bar"], "node", true),
    ("node labels are superset", ["foo": "bar"], nil, ["foo": "bar", "baz": "blah"], "node", true),
    ("node labels are subset", ["foo": "bar", "baz": "blah"], nil, ["foo": "bar"], "node", false),
    (
      "Pod with matchExpressions using In operator that matches the existing node", [:],
      [NodeSelectorTerm(matchExpressions: [.init(key: "foo", operator: "In", values: ["bar", "value2"])])],
      ["foo": "bar"], "node", true
    ),
    (
      "Pod with matchExpressions using Gt operator that matches the existing node", [:],
      [NodeSelectorTerm(matchExpressions: [.init(key: "kernel-version", operator: "Gt", values: ["0204"])])],
      ["kernel-version": "0206"], "node", true
    ),
    (
      "Pod with matchExpressions using NotIn operator that matches the existing node", [:],
      [NodeSelectorTerm(matchExpressions: [.init(key: "mem-type", operator: "NotIn", values: ["DDR", "DDR2"])])],
      ["mem-type": "DDR3"], "node", true
    ),
    (
      "Pod with matchExpressions using Exists operator that matches the existing node", [:],
      [NodeSelectorTerm(matchExpressions: [.init(key: "GPU", operator: "Exists")])],
      ["GPU": "NVIDIA-GRID-K1"], "node", true
    ),
    (
      "Pod with affinity that don't match node's labels won't schedule onto the node", [:],
      [NodeSelectorTerm(matchExpressions: [.init(key: "foo", operator: "In", values: ["value1", "value2"])])],
      ["foo": "bar"], "node", false
    ),
    (
      "Pod with empty MatchExpressions is not a valid value will match no objects and won't schedule onto the node",
      [:], [NodeSelectorTerm()], ["foo": "bar"], "node", false
    ),
    (
      "Pod with multiple matchExpressions ANDed that matches the existing node", [:],
      [
        NodeSelectorTerm(matchExpressions: [
          .init(key: "GPU", operator: "Exists"), .init(key: "GPU", operator: "NotIn", values: ["AMD", "INTER"]),
        ])
      ], ["GPU": "NVIDIA-GRID-K1"], "node", true
    ),
    (
      "Pod with multiple matchExpressions ANDed that doesn't match the existing node", [:],
      [
        NodeSelectorTerm(matchExpressions: [
          .init(key: "GPU", operator: "Exists"), .init(key: "GPU", operator: "In", values: ["AMD", "INTER"]),
        ])
      ], ["GPU": "NVIDIA-GRID-K1"], "node", false
    ),
    (
      "Pod with multiple NodeSelectorTerms ORed in affinity, matches the node's labels and will schedule onto the node",
      [:],
      [
        NodeSelectorTerm(matchExpressions: [.init(key: "foo", operator: "In", values: ["bar", "value2"])]),
        NodeSelectorTerm(matchExpressions: [.init(key: "diffkey", operator: "In", values: ["wrong", "value2"])]),
      ], ["foo": "bar"], "node", true
    ),
    (
      "Pod with an Affinity and a PodSpec.NodeSelector(the old thing that we are deprecating) both are satisfied, will schedule onto the node",
      ["foo": "bar"], [NodeSelectorTerm(matchExpressions: [.init(key: "foo", operator: "Exists")])],
      ["foo": "bar"], "node", true
    ),
    (
      "Pod with an Affinity matches node's labels but the PodSpec.NodeSelector(the old thing that we are deprecating) is not satisfied, won't schedule onto the node",
      ["foo": "bar"], [NodeSelectorTerm(matchExpressions: [.init(key: "foo", operator: "Exists")])],
      ["foo": "barrrrrr"], "node", false
    ),
    (
      "Pod with an invalid value in Affinity term won't be scheduled onto the node", [:],
      [NodeSelectorTerm(matchExpressions: [.init(key: "foo", operator: "NotIn", values: ["invalid value: ___@#$%^"])])],
      ["foo": "bar"], "node", false
    ),
    (
      "Pod with matchFields using In operator that matches the existing node", [:],
      [NodeSelectorTerm(matchFields: [.init(key: "metadata.name", operator: "In", values: ["node1"])])], [:],
      "node1", true
    ),
    (
      "Pod with matchFields using In operator that does not match the existing node", [:],
      [NodeSelectorTerm(matchFields: [.init(key: "metadata.name", operator: "In", values: ["node1"])])], [:],
      "node2", false
    ),
    (
      "Pod with two terms: matchFields does not match, but matchExpressions matches", [:],
      [
        NodeSelectorTerm(matchFields: [
          .init(key: "metadata.name", operator: "In", values: ["node1"]),
          .init(key: "metadata.name", operator: "In", values: ["node2"]),
        ]),
        NodeSelectorTerm(matchExpressions: [.init(key: "foo", operator: "In", values: ["bar"])]),
      ], ["foo": "bar"], "node2", true
    ),
  ]

  @Test(arguments: cases)
  func filter(_ testCase: Case) {
    var pod = Fixture.pod("p")
    pod.spec.nodeSelector = testCase.selector
    pod.spec.affinity.requiredNodeTerms = testCase.terms
    let node = Fixture.node(testCase.nodeName, testCase.labels)
    #expect(Scheduler.matchesNodeAffinity(pod, node) == testCase.fits, "\(testCase.name)")
  }

  /// `Lt` on a label that is not a number does not match (`labels.Requirement.Matches`).
  @Test func ltNeedsAnIntegerLabel() {
    let requirement = NodeSelectorRequirement(key: "v", operator: "Lt", values: ["5"])
    #expect(requirement.matches("3") == true)
    #expect(requirement.matches("7") == false)
    #expect(requirement.matches("x") == false)
    #expect(NodeSelectorRequirement(key: "v", operator: "Lt", values: ["5", "6"]).matches("3") == nil)
  }
}

/// InterPodAffinity's filter: `interpodaffinity/filtering_test.go`, `TestRequiredAffinitySingleNode`
/// (node1 labelled region=r1, zone=z11; the existing pod labelled service=securityscan).
@Suite struct InterPodAffinityFilterTests {
  static let node1 = Fixture.node("node1", ["region": "r1", "zone": "z11"])
  static let existing = Fixture.pod("existing", labels: ["service": "securityscan"], node: "node1")

  static func reason(_ pod: Pod, pods: [Pod] = [existing]) -> PlacementRules.Reason? {
    let rules = PlacementRules(nodes: [node1], pods: pods, namespaceLabels: [:])
    return rules.interPodReason(rules.interPodState(for: pod), node: 0)
  }

  static func affinityPod(_ term: PodAffinityTerm, labels: [String: String] = ["security": "S1"]) -> Pod {
    var pod = Fixture.pod("p", labels: labels)
    pod.spec.affinity.requiredPodAffinity = [term]
    return pod
  }

  @Test func satisfiesWithRequiredPodAffinityUsingInThatMatchesTheExistingPod() {
    let pod = Self.affinityPod(
      PodAffinityTerm(
        labelSelector: Fixture.expression("service", .in, ["securityscan", "value2"]), topologyKey: "region"))
    #expect(Self.reason(pod) == nil)
  }

  @Test func satisfiesUsingNotInInLabelSelectorThatMatchesTheExistingPod() {
    let pod = Self.affinityPod(
      PodAffinityTerm(
        labelSelector: Fixture.expression("service", .notIn, ["securityscan3", "value3"]), topologyKey: "region"))
    #expect(Self.reason(pod) == nil)
  }

  /// "Does not satisfy the PodAffinity with labelSelector because of diff Namespace".
  @Test func doesNotSatisfyBecauseOfDiffNamespace() {
    var term = PodAffinityTerm(
      labelSelector: Fixture.expression("service", .in, ["securityscan", "value2"]), topologyKey: "region")
    term.namespaces = ["DiffNameSpace"]
    let other = Fixture.pod("existing", namespace: "ns", labels: ["service": "securityscan"], node: "node1")
    #expect(Self.reason(Self.affinityPod(term), pods: [other]) == .affinity)
    #expect(PlacementRules.Reason.affinity.rawValue == "node(s) didn't match pod affinity rules")
  }

  /// "Doesn't satisfy the PodAffinity because of unmatching labelSelector with the existing pod".
  @Test func doesNotSatisfyBecauseOfUnmatchingLabelSelector() {
    let pod = Self.affinityPod(
      PodAffinityTerm(labelSelector: Fixture.expression("service", .in, ["antivirusscan", "value2"]), topologyKey: ""),
      labels: ["service": "securityscan"])
    #expect(Self.reason(pod) == .affinity)
  }

  /// The first pod of a group with affinity to itself may go anywhere (`satisfyPodAffinity`).
  @Test func aPodMatchingItsOwnAffinityMayGoFirst() {
    let pod = Self.affinityPod(
      PodAffinityTerm(labelSelector: SelectorSpec(matchLabels: ["app": "a"]), topologyKey: "zone"),
      labels: ["app": "a"])
    #expect(Self.reason(pod) == nil)
  }

  @Test func antiAffinityAndItsSymmetricCheck() {
    var incoming = Fixture.pod("p", labels: ["security": "S1"])
    incoming.spec.affinity.requiredPodAntiAffinity = [
      PodAffinityTerm(labelSelector: SelectorSpec(matchLabels: ["service": "securityscan"]), topologyKey: "zone")
    ]
    #expect(Self.reason(incoming) == .antiAffinity)
    #expect(PlacementRules.Reason.antiAffinity.rawValue == "node(s) didn't match pod anti-affinity rules")
    // The existing pod's anti-affinity selects the incoming pod: the symmetric check refuses it.
    var guarded = Self.existing
    guarded.spec.affinity.requiredPodAntiAffinity = [
      PodAffinityTerm(labelSelector: SelectorSpec(matchLabels: ["security": "S1"]), topologyKey: "region")
    ]
    #expect(Self.reason(Fixture.pod("p", labels: ["security": "S1"]), pods: [guarded]) == .existingAntiAffinity)
    #expect(
      PlacementRules.Reason.existingAntiAffinity.rawValue == "node(s) didn't satisfy existing pods anti-affinity rules")
  }
}

/// PodTopologySpread's filter: `podtopologyspread/filtering_test.go`, `TestSingleConstraint`
/// (nodes a and b in zone1, x and y in zone2; a constraint maxSkew 1 on `zone`, selector
/// `foo` Exists, the incoming pod labelled foo).
@Suite struct TopologySpreadFilterTests {
  static let nodes = [
    Fixture.node("node-a", ["zone": "zone1", "node": "node-a"]),
    Fixture.node("node-b", ["zone": "zone1", "node": "node-b"]),
    Fixture.node("node-x", ["zone": "zone2", "node": "node-x"]),
    Fixture.node("node-y", ["zone": "zone2", "node": "node-y"]),
  ]

  static func fits(_ existing: [(String, String, String)], minDomains: Int? = nil) -> [Bool] {
    var pod = Fixture.pod("p", labels: ["foo": ""])
    var constraint = TopologySpreadConstraint(
      maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "DoNotSchedule",
      labelSelector: Fixture.expression("foo", .exists, []))
    constraint.minDomains = minDomains
    pod.spec.topologySpreadConstraints = [constraint]
    let pods = existing.map { Fixture.pod($0.0, namespace: $0.1, labels: ["foo": ""], node: $0.2) }
    let rules = PlacementRules(nodes: nodes, pods: pods, namespaceLabels: [:])
    let counts = rules.spreadCounts(for: pod, hard: true)
    return nodes.indices.map { rules.spreadReason(counts, node: $0) == nil }
  }

  /// "pods spread across zones as 3/3, all nodes fit".
  @Test func spreadThreeThreeAllNodesFit() {
    let fits = Self.fits([
      ("p-a1", "default", "node-a"), ("p-a2", "default", "node-a"), ("p-b1", "default", "node-b"),
      ("p-y1", "default", "node-y"), ("p-y2", "default", "node-y"), ("p-y3", "default", "node-y"),
    ])
    #expect(fits == [true, true, true, true])
  }

  /// "namespace mismatch doesn't count": pods of ns1 and ns2 are not counted.
  @Test func namespaceMismatchDoesNotCount() {
    let fits = Self.fits([
      ("p-a1", "ns1", "node-a"), ("p-b1", "ns2", "node-a"), ("p-x1", "default", "node-x"),
      ("p-y1", "default", "node-y"),
    ])
    #expect(fits == [true, true, false, false])
  }

  /// A missing topology label is its own reason (`ErrReasonNodeLabelNotMatch`).
  @Test func nodeWithoutTheKey() {
    var pod = Fixture.pod("p", labels: ["foo": ""])
    pod.spec.topologySpreadConstraints = [
      TopologySpreadConstraint(
        maxSkew: 1, topologyKey: "rack", whenUnsatisfiable: "DoNotSchedule",
        labelSelector: Fixture.expression("foo", .exists, []))
    ]
    let rules = PlacementRules(nodes: Self.nodes, pods: [], namespaceLabels: [:])
    #expect(rules.spreadReason(rules.spreadCounts(for: pod, hard: true), node: 0) == .spreadMissingLabel)
    #expect(
      PlacementRules.Reason.spreadMissingLabel.rawValue
        == "node(s) didn't match pod topology spread constraints (missing required label)")
  }
}

/// The scheduler's FailedScheduling message for affinity (`framework/types.go`
/// `FitError.Error`: the "<count> <reason>" strings sorted; DefaultPreemption's summary, where
/// NodeAffinity and TaintToleration are `UnschedulableAndUnresolvable` and anti-affinity is
/// `Unschedulable`) on the default cluster: a tainted control plane and two workers.
@Suite struct AffinitySchedulingTests {
  func message(_ cluster: Cluster, _ name: String) -> String? {
    cluster.events.last { $0.reason == "FailedScheduling" && $0.involvedName == name }?.message
  }

  @Test func requiredNodeAffinityWithNoMatchingNodeStaysPending() throws {
    var cluster = Cluster()
    var pod = Fixture.pod("picky")
    pod.spec.affinity.requiredNodeTerms = [
      NodeSelectorTerm(matchExpressions: [.init(key: "disktype", operator: "In", values: ["ssd"])])
    ]
    _ = try cluster.createPod(pod)
    try cluster.advance(seconds: 2)
    #expect(cluster.pods["default/picky"]?.spec.nodeName == nil)
    #expect(
      message(cluster, "picky")
        == "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."
    )
  }

  @Test func requiredAntiAffinityPerHostnameKeepsReplicasApart() throws {
    var cluster = Cluster()
    var template = PodSpec(containers: [Container(name: "web", image: "nginx")])
    template.affinity.requiredPodAntiAffinity = [
      PodAffinityTerm(labelSelector: SelectorSpec(matchLabels: ["app": "web"]), topologyKey: "kubernetes.io/hostname")
    ]
    var deployment = Deployment(
      metadata: ObjectMeta(name: "web", namespace: "default", labels: ["app": "web"]),
      selector: SelectorSpec(matchLabels: ["app": "web"]),
      template: PodTemplate(labels: ["app": "web"], spec: template))
    deployment.replicas = 3
    _ = try cluster.createDeployment(deployment)
    try cluster.advance(seconds: 20)
    let pods = cluster.listPods(namespace: "default")
    let nodes = pods.compactMap(\.spec.nodeName).sorted()
    #expect(nodes == ["worker-1", "worker-2"])
    let pending = try #require(pods.first { $0.spec.nodeName == nil })
    #expect(
      message(cluster, pending.metadata.name)
        == "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod."
    )
  }

  @Test func preferredNodeAffinityPicksTheHeavierTerm() throws {
    var cluster = Cluster()
    var pod = Fixture.pod("fond")
    pod.spec.affinity.preferredNodeTerms = [
      PreferredSchedulingTerm(
        weight: 10,
        preference: NodeSelectorTerm(matchFields: [.init(key: "metadata.name", operator: "In", values: ["worker-2"])]))
    ]
    _ = try cluster.createPod(pod)
    try cluster.advance(seconds: 2)
    #expect(cluster.pods["default/fond"]?.spec.nodeName == "worker-2")
  }
}
