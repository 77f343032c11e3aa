extension Cluster {
  /// The eviction subresource (`POST pods/NAME/eviction`,
  /// `pkg/registry/core/pod/storage/eviction.go`): deletes the pod gracefully, as `delete`
  /// would, unless the one PodDisruptionBudget that covers it has no disruption to spare.
  ///
  /// A pod that is Pending, finished or already terminating is deleted without asking any
  /// budget. An unready pod is let go while its budget is otherwise met (or its policy is
  /// `AlwaysAllow`). A budget that allows an eviction spends one disruption and remembers the
  /// pod until the disruption controller sees it deleted.
  ///
  /// - Throws: ``APIError/tooManyRequests(_:)`` when the budget refuses (or has not been
  ///   synced since its spec changed), ``APIError/internalError(_:)`` when several budgets
  ///   cover the pod, ``APIError/notFound(resource:name:)`` when there is no such pod.
  public mutating func evictPod(_ name: String, namespace: String, gracePeriod: Int? = nil) throws(APIError) {
    guard let pod = pods[Self.key(namespace, name)] else { throw .notFound(resource: "pods", name: name) }
    let exempt =
      pod.metadata.deletionTimestamp != nil
      || [PodPhase.succeeded, .failed, .pending].contains(pod.status.phase)
    if !exempt { try spendDisruption(for: pod) }
    _ = try deletePod(name, namespace: namespace, gracePeriod: gracePeriod)
  }

  /// The message of an eviction a disruption budget refuses (HTTP 429).
  public static let budgetRefusal = "Cannot evict pod as it would violate the pod's disruption budget."

  /// `checkAndDecrement` against the budget covering `pod`, if any.
  mutating func spendDisruption(for pod: Pod) throws(APIError) {
    let budgets = PodDisruptionBudget.list(in: self, namespace: pod.metadata.namespace).filter { $0.covers(pod) }
    guard budgets.count <= 1 else {
      throw .internalError(
        "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.")
    }
    guard var budget = budgets.first else { return }
    if !pod.isReady {
      let status = budget.status
      if budget.unhealthyPodEvictionPolicy == "AlwaysAllow"
        || (status.currentHealthy >= status.desiredHealthy && status.desiredHealthy > 0)
      {
        return
      }
    }
    guard let observed = budget.status.observedGeneration, observed >= budget.metadata.generation,
      budget.status.disruptionsAllowed > 0
    else {
      throw .tooManyRequests(Self.budgetRefusal)
    }
    budget.status.disruptionsAllowed -= 1
    if budget.status.disruptionsAllowed == 0 {
      budget.status.condition = DisruptionController.condition(
        .false, reason: "InsufficientPods", message: "", generation: observed, previous: budget.status.condition,
        now: now)
    }
    budget.status.disruptedPods[pod.metadata.name] = now
    writeStatus(budget)
  }
}
