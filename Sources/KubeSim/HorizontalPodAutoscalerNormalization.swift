/// How the HPA controller turns the metrics' proposal into the replica count it writes
/// (`pkg/controller/podautoscaler/horizontal.go`, `docs/reference/controllers.md` §5.4): the
/// legacy rules without `spec.behavior`, the behavior's windows and rate limits with it.
extension HorizontalPodAutoscalerController {
  /// `normalizeDesiredReplicas`: the highest recommendation of the last 5 minutes, then
  /// `convertDesiredReplicasWithRules`.
  static func normalize(_ hpa: inout HorizontalPodAutoscaler, proposal: Int, current: Int, now: Timestamp) -> Int {
    let stabilized = stabilize(&hpa, proposal: proposal, now: now)
    if stabilized != proposal {
      set(
        &hpa, "AbleToScale", .true, "ScaleDownStabilized",
        "recent recommendations were higher than current one, applying the highest recent recommendation", now)
    } else {
      set(&hpa, "AbleToScale", .true, "ReadyForNewScale", "recommended size matches current size", now)
    }
    let limited = limitByRules(
      current: current, desired: stabilized, minReplicas: hpa.minReplicas, maxReplicas: hpa.maxReplicas)
    set(&hpa, "ScalingLimited", limited.replicas == stabilized ? .false : .true, limited.reason, limited.message, now)
    return limited.replicas
  }

  /// `stabilizeRecommendation`: the highest of the new proposal and the recommendations not
  /// older than the 5-minute window; the new one replaces an old one or is appended.
  static func stabilize(_ hpa: inout HorizontalPodAutoscaler, proposal: Int, now: Timestamp) -> Int {
    let cutoff = now.milliseconds - stabilizationMilliseconds
    var highest = proposal
    var oldIndex: Int?
    for (index, recommendation) in hpa.recommendations.enumerated() {
      if recommendation.time.milliseconds < cutoff {
        oldIndex = index
      } else {
        highest = max(highest, recommendation.replicas)
      }
    }
    remember(&hpa, proposal: proposal, replacing: oldIndex, now: now)
    return highest
  }

  /// `convertDesiredReplicasWithRules`: at least `minReplicas`, at most `maxReplicas` and the
  /// scale-up limit `max(2 × current, 4)`; the limit that binds names the reason.
  static func limitByRules(current: Int, desired: Int, minReplicas: Int, maxReplicas: Int) -> (
    replicas: Int, reason: String, message: String
  ) {
    let scaleUpLimit = max(current.saturatingMultiply(2), 4)
    let maximum: Int
    let reason: String
    let message: String
    if maxReplicas > scaleUpLimit {
      (maximum, reason, message) = (
        scaleUpLimit, "ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate"
      )
    } else {
      (maximum, reason, message) = (
        maxReplicas, "TooManyReplicas", "the desired replica count is more than the maximum replica count"
      )
    }
    if desired < minReplicas {
      return (minReplicas, "TooFewReplicas", "the desired replica count is less than the minimum replica count")
    }
    if desired > maximum { return (maximum, reason, message) }
    return (desired, "DesiredWithinRange", "the desired count is within the acceptable range")
  }

  /// `normalizeDesiredReplicasWithBehaviors`: the proposal held between the lowest
  /// recommendation of the scale-up window and the highest of the scale-down window
  /// (`stabilizeRecommendationWithBehaviors`), then limited by the policies' rates and
  /// the bounds (`convertDesiredReplicasWithBehaviorRate`).
  static func normalizeWithBehavior(
    _ hpa: inout HorizontalPodAutoscaler, _ behavior: HorizontalPodAutoscalerBehavior, proposal: Int, current: Int,
    now: Timestamp
  ) -> Int {
    // maybeInitScaleDownStabilizationWindow: an unset scale-down window is the controller's.
    let upWindow = Int64(behavior.scaleUp.stabilizationWindowSeconds ?? 0) * 1000
    let downWindow = behavior.scaleDown.stabilizationWindowSeconds.map { Int64($0) * 1000 } ?? stabilizationMilliseconds
    let upCutoff = now.milliseconds - upWindow
    let downCutoff = now.milliseconds - downWindow
    var lowestUp = proposal
    var highestDown = proposal
    var oldIndex: Int?
    for (index, recommendation) in hpa.recommendations.enumerated() {
      let time = recommendation.time.milliseconds
      if time > upCutoff { lowestUp = min(lowestUp, recommendation.replicas) }
      if time > downCutoff { highestDown = max(highestDown, recommendation.replicas) }
      if time < upCutoff && time < downCutoff { oldIndex = index }
    }
    let stabilized = min(max(current, lowestUp), highestDown)
    remember(&hpa, proposal: proposal, replacing: oldIndex, now: now)
    if stabilized != proposal {
      if proposal >= current {
        set(
          &hpa, "AbleToScale", .true, "ScaleUpStabilized",
          "recent recommendations were lower than current one, applying the lowest recent recommendation", now)
      } else {
        set(
          &hpa, "AbleToScale", .true, "ScaleDownStabilized",
          "recent recommendations were higher than current one, applying the highest recent recommendation", now)
      }
    } else {
      set(&hpa, "AbleToScale", .true, "ReadyForNewScale", "recommended size matches current size", now)
    }
    let limited = limitByRate(hpa, behavior, current: current, desired: stabilized, now: now)
    set(&hpa, "ScalingLimited", limited.replicas == stabilized ? .false : .true, limited.reason, limited.message, now)
    return limited.replicas
  }

  /// `convertDesiredReplicasWithBehaviorRate`: a scale-up stops at the policies' limit or
  /// `maxReplicas`, a scale-down at the policies' limit or `minReplicas`.
  static func limitByRate(
    _ hpa: HorizontalPodAutoscaler, _ behavior: HorizontalPodAutoscalerBehavior, current: Int, desired: Int,
    now: Timestamp
  ) -> (replicas: Int, reason: String, message: String) {
    if desired > current {
      let limit = max(scaleUpLimit(hpa, behavior.scaleUp, current: current, now: now), current)
      let maximum = min(hpa.maxReplicas, limit)
      if desired > maximum {
        return hpa.maxReplicas > limit
          ? (maximum, "ScaleUpLimit", "the desired replica count is increasing faster than the maximum scale rate")
          : (maximum, "TooManyReplicas", "the desired replica count is more than the maximum replica count")
      }
    } else if desired < current {
      let limit = min(scaleDownLimit(hpa, behavior.scaleDown, current: current, now: now), current)
      let minimum = max(hpa.minReplicas, limit)
      if desired < minimum {
        return hpa.minReplicas < limit
          ? (minimum, "ScaleDownLimit", "the desired replica count is decreasing faster than the maximum scale rate")
          : (minimum, "TooFewReplicas", "the desired replica count is less than the minimum replica count")
      }
    }
    return (desired, "DesiredWithinRange", "the desired count is within the acceptable range")
  }

  /// `calculateScaleUpLimitWithScalingRules`: per policy, the replicas at the start of its
  /// period plus the pods or percent it allows (rounded up); `Max` takes the largest,
  /// `Min` the smallest, `Disabled` keeps the current count.
  static func scaleUpLimit(
    _ hpa: HorizontalPodAutoscaler, _ rules: HorizontalPodAutoscalerBehavior.Rules, current: Int, now: Timestamp
  ) -> Int {
    if rules.selectPolicy == "Disabled" { return current }
    var result: Int?
    for policy in rules.policies {
      let start = periodStart(hpa, policy: policy, current: current, now: now)
      let proposed =
        policy.type == "Pods"
        ? start.saturatingAdd(policy.value)
        : Int.clamping((Double(start) * (1 + Double(policy.value) / 100)).rounded(.up)) ?? start
      result = result.map { rules.selectPolicy == "Min" ? min($0, proposed) : max($0, proposed) } ?? proposed
    }
    return result ?? (rules.selectPolicy == "Min" ? Int(Int32.max) : Int(Int32.min))
  }

  /// `calculateScaleDownLimitWithBehaviors`: per policy, the replicas at the start of its
  /// period less the pods or percent it allows (truncated); `Max` takes the lowest.
  static func scaleDownLimit(
    _ hpa: HorizontalPodAutoscaler, _ rules: HorizontalPodAutoscalerBehavior.Rules, current: Int, now: Timestamp
  ) -> Int {
    if rules.selectPolicy == "Disabled" { return current }
    var result: Int?
    for policy in rules.policies {
      let start = periodStart(hpa, policy: policy, current: current, now: now)
      let proposed =
        policy.type == "Pods"
        ? start.saturatingSubtract(policy.value)
        : Int.clamping(Double(start) * (1 - Double(policy.value) / 100)) ?? start
      result = result.map { rules.selectPolicy == "Min" ? max($0, proposed) : min($0, proposed) } ?? proposed
    }
    return result ?? (rules.selectPolicy == "Min" ? Int(Int32.min) : Int(Int32.max))
  }

  /// The replicas at the start of a policy's period: the current count less the pods added
  /// and plus the pods removed by the scale events newer than the period
  /// (`getReplicasChangePerPeriod`).
  static func periodStart(
    _ hpa: HorizontalPodAutoscaler, policy: HorizontalPodAutoscalerBehavior.Policy, current: Int, now: Timestamp
  ) -> Int {
    let cutoff = now.milliseconds - Int64(policy.periodSeconds) * 1000
    let added = hpa.scaleUpEvents.filter { $0.time.milliseconds > cutoff }.reduce(0) { $0.saturatingAdd($1.change) }
    let removed = hpa.scaleDownEvents.filter { $0.time.milliseconds > cutoff }.reduce(0) {
      $0.saturatingAdd($1.change)
    }
    return current.saturatingSubtract(added).saturatingAdd(removed)
  }

  /// `storeScaleEvent`: with a behavior, the scale is remembered in its direction's list,
  /// in the place of an event older than the direction's longest policy period if there is one.
  static func storeScaleEvent(_ hpa: inout HorizontalPodAutoscaler, from previous: Int, to new: Int, now: Timestamp) {
    guard let behavior = hpa.behavior else { return }
    let up = new > previous
    let rules = up ? behavior.scaleUp : behavior.scaleDown
    var events = up ? hpa.scaleUpEvents : hpa.scaleDownEvents
    let cutoff = now.milliseconds - Int64(rules.longestPeriodSeconds) * 1000
    var oldIndex: Int?
    for index in events.indices {
      if events[index].time.milliseconds < cutoff { events[index].outdated = true }
      if events[index].outdated { oldIndex = index }
    }
    let event = HorizontalPodAutoscaler.ScaleEvent(time: now, change: up ? new - previous : previous - new)
    if let oldIndex { events[oldIndex] = event } else { events.append(event) }
    if up { hpa.scaleUpEvents = events } else { hpa.scaleDownEvents = events }
  }

  /// Records the unstabilized proposal, in the place of an expired one if given.
  static func remember(_ hpa: inout HorizontalPodAutoscaler, proposal: Int, replacing oldIndex: Int?, now: Timestamp) {
    if let oldIndex {
      hpa.recommendations[oldIndex] = (now, proposal)
    } else {
      hpa.recommendations.append((now, proposal))
    }
  }
}
