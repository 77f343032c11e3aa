import Testing

@testable import KubeSim

/// Tables ported by name from Kubernetes' `pkg/controller/deployment/util/deployment_util_test.go`
/// (kubernetes/kubernetes; the cases that were already in the file at v1.32), run against the
/// simulator's equivalents of `ResolveFenceposts`, `MaxUnavailable`, `NewRSNewReplicas`,
/// `DeploymentComplete` and `DeploymentProgressing`. Expected values are upstream's, unchanged.
@Suite struct DeploymentUtilTests {
  /// A Deployment like upstream's `generateDeployment`: one container, the given strategy.
  static func deployment(replicas: Int, strategy: Deployment.Strategy) -> Deployment {
    let labels = ["name": "nginx"]
    var d = Deployment(
      metadata: ObjectMeta(name: "nginx", namespace: "default", labels: labels),
      selector: SelectorSpec(matchLabels: labels),
      template: PodTemplate(labels: labels, spec: PodSpec(containers: [Container(name: "nginx", image: "nginx")])))
    d.replicas = replicas
    d.strategy = strategy
    return d
  }

  /// A ReplicaSet like upstream's `generateRS`, with `replicas` in its spec.
  static func replicaSet(_ name: String, replicas: Int) -> ReplicaSet {
    let labels = ["name": "nginx"]
    return ReplicaSet(
      metadata: ObjectMeta(name: name, namespace: "default", labels: labels), replicas: replicas,
      selector: SelectorSpec(matchLabels: labels),
      template: PodTemplate(labels: labels, spec: PodSpec(containers: [Container(name: "nginx", image: "nginx")])))
  }

  /// A `TestResolveFenceposts` row: maxSurge, maxUnavailable, desired and the expected pair.
  struct FencepostCase: Sendable, CustomTestStringConvertible {
    var maxSurge: IntOrPercent
    var maxUnavailable: IntOrPercent
    var desired: Int
    var surge: Int
    var unavailable: Int
    var testDescription: String { "maxSurge=\(maxSurge.text) maxUnavailable=\(maxUnavailable.text) desired=\(desired)" }
  }

  /// deployment_util_test.go `TestResolveFenceposts`, the rows whose values parse ("oops" and
  /// "urg" are refused when the manifest is read, before any controller runs).
  static let fencepostCases: [FencepostCase] = [
    FencepostCase(maxSurge: .percent(0), maxUnavailable: .percent(0), desired: 0, surge: 0, unavailable: 1),
    FencepostCase(maxSurge: .percent(39), maxUnavailable: .percent(39), desired: 10, surge: 4, unavailable: 3),
  ]

  @Test(arguments: fencepostCases) func testResolveFenceposts(_ c: FencepostCase) {
    let (surge, unavailable) = Deployment.resolveFenceposts(
      maxSurge: c.maxSurge, maxUnavailable: c.maxUnavailable, desired: c.desired)
    #expect(surge == c.surge)
    #expect(unavailable == c.unavailable)
  }

  /// A `TestMaxUnavailable` row: upstream's name, the Deployment and the expected value.
  struct MaxUnavailableCase: Sendable, CustomTestStringConvertible {
    var name: String
    var replicas: Int
    var strategy: Deployment.Strategy
    var expected: Int
    var testDescription: String { name }

    /// Upstream's `deployment(replicas, maxUnavailable)` helper: RollingUpdate with maxSurge 1.
    init(_ name: String, replicas: Int, maxUnavailable: IntOrPercent, expected: Int) {
      self.name = name
      self.replicas = replicas
      self.strategy = .rollingUpdate(maxSurge: .int(1), maxUnavailable: maxUnavailable)
      self.expected = expected
    }

    /// A row with an explicit strategy.
    init(_ name: String, replicas: Int, strategy: Deployment.Strategy, expected: Int) {
      self.name = name
      self.replicas = replicas
      self.strategy = strategy
      self.expected = expected
    }
  }

  /// deployment_util_test.go `TestMaxUnavailable` (upstream's Recreate row leaves replicas
  /// unset; `MaxUnavailable` returns before reading it, so any count stands in).
  static let maxUnavailableCases: [MaxUnavailableCase] = [
    MaxUnavailableCase("maxUnavailable less than replicas", replicas: 10, maxUnavailable: .int(5), expected: 5),
    MaxUnavailableCase("maxUnavailable equal replicas", replicas: 10, maxUnavailable: .int(10), expected: 10),
    MaxUnavailableCase("maxUnavailable greater than replicas", replicas: 5, maxUnavailable: .int(10), expected: 5),
    MaxUnavailableCase("maxUnavailable with replicas is 0", replicas: 0, maxUnavailable: .int(10), expected: 0),
    MaxUnavailableCase(
      "maxUnavailable with Recreate deployment strategy", replicas: 1, strategy: .recreate, expected: 0),
    MaxUnavailableCase(
      "maxUnavailable less than replicas with percents", replicas: 10, maxUnavailable: .percent(50), expected: 5),
    MaxUnavailableCase(
      "maxUnavailable equal replicas with percents", replicas: 10, maxUnavailable: .percent(100), expected: 10),
    MaxUnavailableCase(
      "maxUnavailable greater than replicas with percents", replicas: 5, maxUnavailable: .percent(100), expected: 5),
  ]

  @Test(arguments: maxUnavailableCases) func testMaxUnavailable(_ c: MaxUnavailableCase) {
    #expect(Self.deployment(replicas: c.replicas, strategy: c.strategy).fenceposts.maxUnavailable == c.expected)
  }

  /// A `TestNewRSNewReplicas` row: upstream's name, strategy, Deployment and new ReplicaSet
  /// replicas, integer maxSurge and the expected new ReplicaSet size.
  struct NewReplicasCase: Sendable, CustomTestStringConvertible {
    var name: String
    var recreate: Bool
    var depReplicas: Int
    var newRSReplicas: Int
    var maxSurge: Int
    var expected: Int
    var testDescription: String { name }
  }

  /// deployment_util_test.go `TestNewRSNewReplicas`. Upstream passes `[rs5]` (a ReplicaSet of
  /// 5) as the ReplicaSets and the new one beside it, with maxUnavailable 1; the simulator's
  /// `all` is the old ReplicaSets and it counts the new one on top, which changes no row's result.
  static let newReplicasCases: [NewReplicasCase] = [
    NewReplicasCase(
      name: "can not scale up - to newRSReplicas", recreate: false, depReplicas: 1, newRSReplicas: 5, maxSurge: 1,
      expected: 5),
    NewReplicasCase(
      name: "scale up - to depReplicas", recreate: false, depReplicas: 6, newRSReplicas: 2, maxSurge: 10, expected: 6),
    NewReplicasCase(
      name: "recreate - to depReplicas", recreate: true, depReplicas: 3, newRSReplicas: 1, maxSurge: 1, expected: 3),
  ]

  @Test(arguments: newReplicasCases) func testNewRSNewReplicas(_ c: NewReplicasCase) {
    let strategy: Deployment.Strategy =
      c.recreate ? .recreate : .rollingUpdate(maxSurge: .int(c.maxSurge), maxUnavailable: .int(1))
    let d = Self.deployment(replicas: c.depReplicas, strategy: strategy)
    let newSet = Self.replicaSet("nginx-new", replicas: c.newRSReplicas)
    let rs5 = Self.replicaSet("nginx-rs5", replicas: 5)
    #expect(DeploymentController.newReplicaSetReplicas(d, all: [rs5], newSet: newSet) == c.expected)
  }

  /// A `TestDeploymentComplete` row: upstream's name, its `deployment(desired, current,
  /// updated, available, maxUnavailable, maxSurge)` arguments and the expected answer.
  struct CompleteCase: Sendable, CustomTestStringConvertible {
    var name: String
    var desired, current, updated, available, maxUnavailable, maxSurge: Int
    var expected: Bool
    var testDescription: String { name }
  }

  /// deployment_util_test.go `TestDeploymentComplete`.
  static let completeCases: [CompleteCase] = [
    CompleteCase(
      name: "not complete: min but not all pods become available", desired: 5, current: 5, updated: 5, available: 4,
      maxUnavailable: 1, maxSurge: 0, expected: false),
    CompleteCase(
      name: "not complete: min availability is not honored", desired: 5, current: 5, updated: 5, available: 3,
      maxUnavailable: 1, maxSurge: 0, expected: false),
    CompleteCase(
      name: "complete", desired: 5, current: 5, updated: 5, available: 5, maxUnavailable: 0, maxSurge: 0,
      expected: true),
    CompleteCase(
      name: "not complete: all pods are available but not updated", desired: 5, current: 5, updated: 4, available: 5,
      maxUnavailable: 0, maxSurge: 0, expected: false),
    CompleteCase(
      name: "not complete: still running old pods", desired: 1, current: 2, updated: 1, available: 1,
      maxUnavailable: 0, maxSurge: 1, expected: false),
    CompleteCase(
      name: "not complete: one replica deployment never comes up", desired: 1, current: 1, updated: 1, available: 0,
      maxUnavailable: 1, maxSurge: 1, expected: false),
  ]

  @Test(arguments: completeCases) func testDeploymentComplete(_ c: CompleteCase) {
    var d = Self.deployment(
      replicas: c.desired, strategy: .rollingUpdate(maxSurge: .int(c.maxSurge), maxUnavailable: .int(c.maxUnavailable)))
    d.status.replicas = c.current
    d.status.updatedReplicas = c.updated
    d.status.availableReplicas = c.available
    #expect(DeploymentController.isComplete(d) == c.expected)
  }

  /// A `TestDeploymentProgressing` row: upstream's name, the old and new (current, updated,
  /// ready, available) counts and the expected answer.
  struct ProgressingCase: Sendable, CustomTestStringConvertible {
    var name: String
    var old: [Int]
    var new: [Int]
    var expected: Bool
    var testDescription: String { name }

    /// The counts as a Deployment status, in upstream's argument order.
    static func status(_ counts: [Int]) -> Deployment.Status {
      var status = Deployment.Status()
      status.replicas = counts[0]
      status.updatedReplicas = counts[1]
      status.readyReplicas = counts[2]
      status.availableReplicas = counts[3]
      return status
    }
  }

  /// deployment_util_test.go `TestDeploymentProgressing`.
  static let progressingCases: [ProgressingCase] = [
    ProgressingCase(name: "progressing: updated pods", old: [10, 4, 4, 4], new: [10, 6, 4, 4], expected: true),
    ProgressingCase(name: "not progressing", old: [10, 4, 4, 4], new: [10, 4, 4, 4], expected: false),
    ProgressingCase(name: "progressing: old pods removed", old: [10, 4, 6, 6], new: [8, 4, 6, 6], expected: true),
    ProgressingCase(name: "not progressing: less new pods", old: [10, 7, 3, 3], new: [10, 6, 3, 3], expected: false),
    ProgressingCase(
      name: "progressing: less overall but more new pods", old: [10, 4, 7, 7], new: [8, 8, 5, 5], expected: true),
    ProgressingCase(name: "progressing: more ready pods", old: [10, 10, 9, 8], new: [10, 10, 10, 8], expected: true),
    ProgressingCase(
      name: "progressing: more available pods", old: [10, 10, 10, 9], new: [10, 10, 10, 10], expected: true),
  ]

  @Test(arguments: progressingCases) func testDeploymentProgressing(_ c: ProgressingCase) {
    let progressed = DeploymentController.madeProgress(
      old: ProgressingCase.status(c.old), new: ProgressingCase.status(c.new))
    #expect(progressed == c.expected)
  }
}
