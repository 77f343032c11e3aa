/// `GetResourceReplicas` of the HPA's replica calculator (`pkg/controller/podautoscaler/replica_calculator.go`)
/// for a utilization target, over pods that all report metrics: the ratio of summed usage to
/// summed requests (as a whole percentage) over the target; within the tolerance nothing
/// changes; ready pods alone decide a scale-down, while a scale-up counts the unready pods as
/// using nothing and is dropped if that would turn it into a scale-down.
public enum ReplicaCalculator {
  /// The default `--horizontal-pod-autoscaler-tolerance`.
  public static let tolerance = 0.1

  /// The proposed replica count, the current utilization (percent of requests) and the
  /// average usage of the ready pods.
  public static func resourceReplicas(
    current: Int, targetUtilization: Int, ready: [(usage: Int, request: Int)], unreadyRequests: [Int]
  ) -> (replicas: Int, utilization: Int, averageUsage: Int) {
    let usage = ready.reduce(0) { $0.saturatingAdd($1.usage) }
    let requests = ready.reduce(0) { $0.saturatingAdd($1.request) }
    guard !ready.isEmpty, requests > 0, targetUtilization > 0 else { return (current, 0, 0) }
    let utilization = usage.saturatingMultiply(100) / requests
    let ratio = Double(utilization) / Double(targetUtilization)
    let average = usage / ready.count
    let scaleUpWithUnready = !unreadyRequests.isEmpty && ratio > 1
    if !scaleUpWithUnready {
      if abs(1 - ratio) <= tolerance { return (current, utilization, average) }
      return (Int.clamping((ratio * Double(ready.count)).rounded(.up)) ?? current, utilization, average)
    }
    // Unready pods count as using none of their requests.
    let allRequests = unreadyRequests.reduce(requests) { $0.saturatingAdd($1) }
    let newRatio = Double(usage.saturatingMultiply(100) / allRequests) / Double(targetUtilization)
    if abs(1 - newRatio) <= tolerance || newRatio < 1 { return (current, utilization, average) }
    let proposal = Int.clamping((newRatio * Double(ready.count + unreadyRequests.count)).rounded(.up)) ?? current
    return (proposal < current ? current : proposal, utilization, average)
  }
}
