/// The disruption controller (`pkg/controller/disruption/disruption.go`): keeps each
/// PodDisruptionBudget's status — how many of its pods are expected, how many must stay
/// healthy, how many are, and so how many evictions it allows now (`docs/reference/controllers.md` §11).
///
/// It keeps no state between rounds: every round it recomputes each budget from the store
/// (nothing to do when there is no budget) and writes a status only when it changed, so a
/// quiet cluster stays quiet.
enum DisruptionController: ControlLoop {
  /// Why a budget's expected count cannot be known (its condition's message).
  struct SyncFailure: Error {
    var message: String
  }

  /// How long an eviction the budget allowed may wait for its pod's deletion (`DeletionTimeout`).
  static let deletionTimeoutMilliseconds: Int64 = 2 * 60 * 1000

  /// Syncs every budget, in key order.
  static func reconcile(_ cluster: inout Cluster) {
    guard !cluster.podDisruptionBudgets.isEmpty else { return }
    for budget in PodDisruptionBudget.list(in: cluster, namespace: nil) {
      sync(budget, in: &cluster)
    }
  }

  /// `trySync`, then `updatePdbStatus`, or `failSafe` when the expected count cannot be known.
  static func sync(_ budget: PodDisruptionBudget, in cluster: inout Cluster) {
    let pods = cluster.pods.values.filter { budget.covers($0) }.sorted { $0.metadata.name < $1.metadata.name }
    var updated = budget
    var events: [(EventType, String, String)] = []
    if pods.isEmpty { events.append((.normal, "NoPods", "No matching pods found")) }
    switch expectedCounts(budget, pods: pods, cluster: cluster) {
    case .failure(let error):
      updated.status.disruptionsAllowed = 0
      updated.status.condition = condition(
        .false, reason: "SyncFailed", message: error.message, generation: budget.status.observedGeneration ?? 0,
        previous: budget.status.condition, now: cluster.now)
      events.append(
        (
          .warning, "CalculateExpectedPodCountFailed",
          "Failed to calculate the number of expected pods: \(error.message)"
        ))
    case .success(let (expected, desired)):
      let disrupted = budget.status.disruptedPods.filter { name, time in
        guard let pod = pods.first(where: { $0.metadata.name == name }), pod.metadata.deletionTimestamp == nil
        else { return false }
        // `buildDisruptedPodMap` drops an entry only once its deletion is overdue.
        return !(time.adding(milliseconds: deletionTimeoutMilliseconds) < cluster.now)
      }
      let healthy = pods.count(where: { pod in
        // `countHealthyPods`: a pod evicted less than two minutes ago does not count.
        guard pod.metadata.deletionTimestamp == nil, pod.isReady else { return false }
        guard let evicted = disrupted[pod.metadata.name] else { return true }
        return !(evicted.adding(milliseconds: deletionTimeoutMilliseconds) > cluster.now)
      })
      var allowed = healthy.saturatingSubtract(desired)
      if expected <= 0 || allowed <= 0 { allowed = 0 }
      updated.status.currentHealthy = healthy
      updated.status.desiredHealthy = desired
      updated.status.expectedPods = expected
      updated.status.disruptionsAllowed = allowed
      updated.status.disruptedPods = disrupted
      updated.status.observedGeneration = budget.metadata.generation
      updated.status.condition = condition(
        allowed > 0 ? .true : .false, reason: allowed > 0 ? "SufficientPods" : "InsufficientPods", message: "",
        generation: budget.metadata.generation, previous: budget.status.condition, now: cluster.now)
    }
    guard updated.status != budget.status else { return }
    cluster.writeStatus(updated)
    for (type, reason, message) in events {
      cluster.record(
        PodDisruptionBudget.resource.kind, budget.metadata, reason: reason, message: message, type: type,
        source: "controllermanager")
    }
  }

  /// `getExpectedPodCount`: the pods expected and how many must stay healthy.
  static func expectedCounts(_ budget: PodDisruptionBudget, pods: [Pod], cluster: Cluster) -> Result<
    (expected: Int, desired: Int), SyncFailure
  > {
    if let maxUnavailable = budget.maxUnavailable {
      let expected: Int
      switch expectedScale(pods, cluster: cluster) {
      case .success(let count): expected = count
      case .failure(let error): return .failure(error)
      }
      guard let unavailable = maxUnavailable.scaled(total: expected) else { return .failure(notPercentage) }
      return .success((expected, max(0, expected.saturatingSubtract(unavailable))))
    }
    guard let minAvailable = budget.minAvailable else { return .success((0, 0)) }
    if case .int(let count) = minAvailable { return .success((pods.count, count)) }
    switch expectedScale(pods, cluster: cluster) {
    case .success(let expected):
      guard let desired = minAvailable.scaled(total: expected) else { return .failure(notPercentage) }
      return .success((expected, desired))
    case .failure(let error): return .failure(error)
    }
  }

  /// `GetScaledValueFromIntOrPercent`'s error for a string that is not a percentage.
  static let notPercentage = SyncFailure(
    message: "invalid value for IntOrString: invalid type: string is not a percentage")

  /// `getExpectedScale`: the summed `spec.replicas` of the pods' controllers (a Deployment
  /// for its ReplicaSets' pods), each counted once; pods without a controller are left out.
  static func expectedScale(_ pods: [Pod], cluster: Cluster) -> Result<Int, SyncFailure> {
    var scales: [String: Int] = [:]
    var seen: Set<String> = []
    for pod in pods {
      guard let owner = pod.metadata.controller, !seen.contains(owner.uid) else { continue }
      seen.insert(owner.uid)
      let namespace = pod.metadata.namespace ?? "default"
      let key = Cluster.key(namespace, owner.name)
      switch owner.kind {
      case ReplicationController.resource.kind:
        guard let controller = cluster.replicationControllers[key], controller.metadata.uid == owner.uid else {
          return .failure(noController(pod))
        }
        scales[owner.uid] = controller.replicas
      case ReplicaSet.resource.kind:
        guard let set = cluster.replicaSets[key], set.metadata.uid == owner.uid else {
          return .failure(noController(pod))
        }
        if let parent = set.metadata.controller, parent.kind == Deployment.resource.kind {
          guard let deployment = cluster.deployments[Cluster.key(namespace, parent.name)],
            deployment.metadata.uid == parent.uid
          else { return .failure(noController(pod)) }
          scales[deployment.metadata.uid] = deployment.replicas
        } else {
          scales[owner.uid] = set.replicas
        }
      case StatefulSet.resource.kind:
        guard let set = cluster.statefulSets[key], set.metadata.uid == owner.uid else {
          return .failure(noController(pod))
        }
        scales[owner.uid] = set.replicas
      default:
        // The generic finder asks the owner's scale subresource, which these kinds lack.
        let scaleless = [DaemonSet.resource, Job.resource].first { $0.kind == owner.kind }
        guard let resource = scaleless?.qualifiedResource else { return .failure(noController(pod)) }
        return .failure(SyncFailure(message: "\(resource) does not implement the scale subresource"))
      }
    }
    return .success(scales.values.reduce(0) { $0.saturatingAdd($1) })
  }

  /// `getExpectedScale`'s error for a pod whose controller cannot be found.
  static func noController(_ pod: Pod) -> SyncFailure {
    SyncFailure(message: "found no controllers for pod \"\(pod.metadata.name)\"")
  }

  /// `UpdateDisruptionAllowedCondition` / `SetStatusCondition`: the transition time moves
  /// only when the status flips.
  static func condition(
    _ status: ConditionStatus, reason: String, message: String, generation: Int,
    previous: PodDisruptionBudget.Condition?, now: Timestamp
  ) -> PodDisruptionBudget.Condition {
    PodDisruptionBudget.Condition(
      status: status, reason: reason, message: message, observedGeneration: generation,
      lastTransitionTime: previous.map { $0.status == status ? $0.lastTransitionTime : now } ?? now)
  }
}
