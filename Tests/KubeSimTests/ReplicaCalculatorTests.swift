import Testing

@testable import KubeSim

/// Cases of `replica_calculator_test.go` (the CPU-utilization ones whose pods all report
/// metrics and are past their initialization period): current replicas, target, the ready
/// pods' usage and requests in millicores, the unready pods' requests (failed and deleted
/// pods are left out before the calculation), expected replicas and utilization.
@Suite struct ReplicaCalculatorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var current: Int
    var target: Int
    var ready: [(Int, Int)]
    var unready: [Int] = []
    var replicas: Int
    var utilization: Int
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "TestReplicaCalcScaleUp", current: 3, target: 30, ready: [(300, 1000), (500, 1000), (700, 1000)],
      replicas: 5, utilization: 50),
    Case(
      name: "TestReplicaCalcScaleUpUnreadyLessScale", current: 3, target: 30, ready: [(500, 1000), (700, 1000)],
      unready: [1000], replicas: 4, utilization: 60),
    Case(
      name: "TestReplicaCalcScaleUpUnreadyNoScale", current: 3, target: 30, ready: [(400, 1000)],
      unready: [1000, 1000], replicas: 3, utilization: 40),
    Case(
      name: "TestReplicaCalcScaleUpIgnoresFailedPods", current: 2, target: 30, ready: [(500, 1000), (700, 1000)],
      replicas: 4, utilization: 60),
    Case(
      name: "TestReplicaCalcScaleDown", current: 5, target: 50,
      ready: [(100, 1000), (300, 1000), (500, 1000), (250, 1000), (250, 1000)], replicas: 3, utilization: 28),
    Case(
      name: "TestReplicaCalcScaleDownIncludeUnreadyPods", current: 5, target: 50,
      ready: [(100, 1000), (300, 1000), (500, 1000)], unready: [1000, 1000], replicas: 2, utilization: 30),
    Case(
      name: "TestReplicaCalcScaleDownExcludeUnscheduledPods", current: 5, target: 50, ready: [(100, 1000)],
      unready: [1000, 1000, 1000, 1000], replicas: 1, utilization: 10),
    Case(
      name: "TestReplicaCalcTolerance", current: 3, target: 100, ready: [(1010, 900), (1030, 1000), (1020, 1100)],
      replicas: 3, utilization: 102),
  ]

  @Test(arguments: cases)
  func replicaCount(_ example: Case) {
    let result = ReplicaCalculator.resourceReplicas(
      current: example.current, targetUtilization: example.target,
      ready: example.ready.map { (usage: $0.0, request: $0.1) }, unreadyRequests: example.unready)
    #expect(result.replicas == example.replicas)
    #expect(result.utilization == example.utilization)
  }
}
