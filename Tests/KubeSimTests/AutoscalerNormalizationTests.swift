import Testing

@testable import KubeSim

/// The HPA controller's normalization (`pkg/controller/podautoscaler/horizontal.go`):
/// `convertDesiredReplicasWithRules` without a behavior, the policies' rate limits with one
/// (cases of `TestCalculateScaleUpLimitWithScalingRules` and
/// `TestCalculateScaleDownLimitWithBehaviors`, read in Karmada's copy of the controller,
/// `pkg/controllers/federatedhpa`), and the defaults of `pkg/apis/autoscaling/v2/defaults.go`.
@Suite struct AutoscalerNormalizationTests {
  typealias Controller = HorizontalPodAutoscalerController
  typealias Policy = HorizontalPodAutoscalerBehavior.Policy
  typealias Rules = HorizontalPodAutoscalerBehavior.Rules

  /// `convertDesiredReplicasWithRules`: the scale-up limit `max(2 × current, 4)` binds before
  /// `maxReplicas` when it is the lower; `TooFewReplicas` is checked first.
  @Test(arguments: [
    // current, desired, min, max → replicas, reason
    (1, 20, 1, 10, 4, "ScaleUpLimit"),
    (3, 20, 1, 5, 5, "TooManyReplicas"),
    (3, 6, 1, 6, 6, "DesiredWithinRange"),
    (5, 11, 1, 10, 10, "TooManyReplicas"),
    (5, 0, 2, 10, 2, "TooFewReplicas"),
    (4, 3, 1, 10, 3, "DesiredWithinRange"),
  ])
  func legacyRules(_ example: (Int, Int, Int, Int, Int, String)) {
    let (current, desired, minimum, maximum, replicas, reason) = example
    let limited = Controller.limitByRules(
      current: current, desired: desired, minReplicas: minimum, maxReplicas: maximum)
    #expect(limited.replicas == replicas)
    #expect(limited.reason == reason)
  }

  /// An autoscaler with the given behavior and scale events at `now`.
  static func autoscaler(
    up: [HorizontalPodAutoscaler.ScaleEvent] = [], down: [HorizontalPodAutoscaler.ScaleEvent] = []
  ) -> HorizontalPodAutoscaler {
    var hpa = HorizontalPodAutoscaler(
      metadata: ObjectMeta(name: "web"), targetKind: "Deployment", targetName: "web", maxReplicas: 100)
    hpa.scaleUpEvents = up
    hpa.scaleDownEvents = down
    return hpa
  }

  static let now = Timestamp(milliseconds: 1_000_000)
  static let thirtySecondsAgo = Timestamp(milliseconds: 970_000)

  /// `TestCalculateScaleUpLimitWithScalingRules`.
  @Test func scaleUpLimits() {
    let pods4 = Policy(type: "Pods", value: 4, periodSeconds: 60)
    let plain = Self.autoscaler()
    let recent = Self.autoscaler(up: [.init(time: Self.thirtySecondsAgo, change: 2)])
    func limit(_ hpa: HorizontalPodAutoscaler, _ current: Int, _ select: String, _ policies: [Policy]) -> Int {
      Controller.scaleUpLimit(
        hpa, Rules(stabilizationWindowSeconds: 0, selectPolicy: select, policies: policies), current: current,
        now: Self.now)
    }
    #expect(limit(plain, 5, "Max", [pods4]) == 9)
    #expect(limit(recent, 5, "Max", [pods4]) == 7)
    #expect(limit(plain, 5, "Disabled", [pods4]) == 5)
    #expect(limit(plain, 5, "Min", [pods4, Policy(type: "Pods", value: 2, periodSeconds: 60)]) == 7)
    #expect(limit(plain, 10, "Max", [Policy(type: "Percent", value: 50, periodSeconds: 60)]) == 15)
  }

  /// `TestCalculateScaleDownLimitWithBehaviors`.
  @Test func scaleDownLimits() {
    let percent20 = Policy(type: "Percent", value: 20, periodSeconds: 60)
    let plain = Self.autoscaler()
    let recent = Self.autoscaler(down: [.init(time: Self.thirtySecondsAgo, change: 1)])
    func limit(_ hpa: HorizontalPodAutoscaler, _ current: Int, _ select: String, _ policies: [Policy]) -> Int {
      Controller.scaleDownLimit(
        hpa, Rules(stabilizationWindowSeconds: nil, selectPolicy: select, policies: policies), current: current,
        now: Self.now)
    }
    #expect(limit(plain, 10, "Max", [percent20]) == 8)
    #expect(limit(recent, 10, "Max", [percent20]) == 8)
    let mixed = [
      Policy(type: "Percent", value: 10, periodSeconds: 60), Policy(type: "Pods", value: 5, periodSeconds: 60),
    ]
    #expect(limit(plain, 100, "Max", mixed) == 90)
    #expect(limit(plain, 10, "Disabled", [percent20]) == 10)
    let minMixed = [
      Policy(type: "Percent", value: 10, periodSeconds: 60), Policy(type: "Pods", value: 15, periodSeconds: 60),
    ]
    #expect(limit(plain, 100, "Min", minMixed) == 90)
  }

  /// An event exactly one period old no longer counts (`getReplicasChangePerPeriod` keeps
  /// events `After` the cutoff).
  @Test func eventsOlderThanThePeriodDoNotCount() {
    let hpa = Self.autoscaler(up: [.init(time: Timestamp(milliseconds: 940_000), change: 3)])
    let rules = Rules(
      stabilizationWindowSeconds: 0, selectPolicy: "Max", policies: [Policy(type: "Pods", value: 1, periodSeconds: 60)])
    #expect(Controller.scaleUpLimit(hpa, rules, current: 4, now: Self.now) == 5)
  }

  /// `defaultHPAScaleUpRules` and `defaultHPAScaleDownRules`; `copyHPAScalingRules` keeps what is given.
  @Test func defaults() {
    #expect(Rules.scaleUpDefaults.stabilizationWindowSeconds == 0)
    #expect(Rules.scaleUpDefaults.selectPolicy == "Max")
    #expect(
      Rules.scaleUpDefaults.policies == [
        Policy(type: "Pods", value: 4, periodSeconds: 15), Policy(type: "Percent", value: 100, periodSeconds: 15),
      ])
    #expect(Rules.scaleDownDefaults.stabilizationWindowSeconds == nil)
    #expect(Rules.scaleDownDefaults.policies == [Policy(type: "Percent", value: 100, periodSeconds: 15)])
    let filled = Rules.filled(
      stabilizationWindowSeconds: 30, selectPolicy: nil, policies: nil, over: .scaleDownDefaults)
    #expect(
      filled == Rules(stabilizationWindowSeconds: 30, selectPolicy: "Max", policies: Rules.scaleDownDefaults.policies))
  }
}
