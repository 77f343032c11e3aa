/// The HPA controller (`docs/reference/controllers.md` §5): every 15 s, from the CPU usage the simulated
/// metrics report for the target's pods, the replica count of ``ReplicaCalculator``
/// (0.1 tolerance), normalized by ``normalize(_:proposal:current:now:)`` (no `spec.behavior`)
/// or ``normalizeWithBehavior(_:_:proposal:current:now:)``.
///
/// The value holds the controller's own state (``Cluster/autoscalerController``); its steps are
/// static and take the whole cluster, whose store they read and write.
struct HorizontalPodAutoscalerController: ControlLoop {
  /// When each autoscaler (by `namespace/name`) last synced.
  var syncedAt: [String: Timestamp] = [:]
  /// Instants at which an autoscaler's next sync is due; they only ask for a round.
  var wakeups = DeadlineQueue<Int>()

  static let syncMilliseconds: Int64 = 15_000
  static let stabilizationMilliseconds: Int64 = 300_000

  static func reconcile(_ cluster: inout Cluster) {
    guard !cluster.autoscalers.isEmpty else { return }
    for key in cluster.autoscalers.keys.sorted() {
      guard var hpa = cluster.autoscalers[key] else { continue }
      let due =
        cluster.autoscalerController.syncedAt[key].map { $0.adding(milliseconds: syncMilliseconds) <= cluster.now }
        ?? true
      guard due else { continue }
      cluster.autoscalerController.syncedAt[key] = cluster.now
      cluster.autoscalerController.wakeups.wake(
        at: cluster.now.adding(milliseconds: syncMilliseconds), after: cluster.now)
      let before = hpa
      sync(&hpa, cluster: &cluster)
      if hpa != before {
        hpa.metadata.resourceVersion = cluster.nextResourceVersion()
        cluster.autoscalers[key] = hpa
      }
    }
  }

  /// The target's replicas and selector.
  static func target(of hpa: HorizontalPodAutoscaler, cluster: Cluster) -> (replicas: Int, selector: LabelSelector)? {
    let key = Cluster.key(hpa.metadata.namespace ?? "default", hpa.targetName)
    switch hpa.targetKind {
    case "Deployment": return cluster.deployments[key].map { ($0.replicas, $0.selector.selector) }
    case "ReplicaSet": return cluster.replicaSets[key].map { ($0.replicas, $0.selector.selector) }
    case "StatefulSet": return cluster.statefulSets[key].map { ($0.replicas, $0.selector.selector) }
    case "ReplicationController":
      return cluster.replicationControllers[key].map { ($0.replicas, LabelSelector(matchLabels: $0.selector)) }
    default: return nil
    }
  }

  static func sync(_ hpa: inout HorizontalPodAutoscaler, cluster: inout Cluster) {
    let now = cluster.now
    guard let (current, selector) = target(of: hpa, cluster: cluster) else {
      set(
        &hpa, "AbleToScale", .false, "FailedGetScale",
        "the HPA controller was unable to get the target's current scale: \(hpa.targetKind.lowercased())s.apps \"\(hpa.targetName)\" not found",
        now)
      return
    }
    set(
      &hpa, "AbleToScale", .true, "SucceededGetScale", "the HPA controller was able to get the target's current scale",
      now)
    hpa.currentReplicas = current
    // recordInitialRecommendation: the first look remembers the current count.
    if hpa.recommendations.isEmpty { hpa.recommendations = [(now, current)] }
    let pods = cluster.listPods(namespace: hpa.metadata.namespace ?? "default").filter {
      selector.matches($0.metadata.labels) && $0.metadata.deletionTimestamp == nil && !$0.status.phase.isTerminal
    }
    var desired = current
    var reason = ""
    if current == 0 && hpa.minReplicas != 0 {
      set(
        &hpa, "ScalingActive", .false, "ScalingDisabled",
        "scaling is disabled since the replica count of the target is zero", now)
      return
    } else if current > hpa.maxReplicas {
      desired = hpa.maxReplicas
      reason = "Current number of replicas above Spec.MaxReplicas"
    } else if current < hpa.minReplicas {
      desired = hpa.minReplicas
      reason = "Current number of replicas below Spec.MinReplicas"
    } else {
      let result: (replicas: Int, utilization: Int, averageUsage: Int)
      switch resourceProposal(hpa, pods: pods, current: current, cluster: cluster) {
      case .success(let proposal): result = proposal
      case .failure(let failure):
        failMetric(&hpa, failure.message, cluster: &cluster)
        return
      }
      hpa.currentUtilization = result.utilization
      hpa.currentAverageMillicores = result.averageUsage
      set(
        &hpa, "ScalingActive", .true, "ValidMetricFound",
        "the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)",
        now)
      // reconcileAutoscaler: the reason follows the metrics' proposal, before normalization.
      if result.replicas > current {
        reason = "cpu resource utilization (percentage of request) above target"
      } else if result.replicas < current {
        reason = "All metrics below target"
      }
      if let behavior = hpa.behavior {
        desired = normalizeWithBehavior(&hpa, behavior, proposal: result.replicas, current: current, now: now)
      } else {
        desired = normalize(&hpa, proposal: result.replicas, current: current, now: now)
      }
    }
    hpa.desiredReplicas = desired
    if desired != current {
      scale(hpa, to: desired, cluster: &cluster)
      hpa.lastScaleTime = now
      set(
        &hpa, "AbleToScale", .true, "SucceededRescale",
        "the HPA controller was able to update the target scale to \(desired)", now)
      cluster.record(
        "HorizontalPodAutoscaler", hpa.metadata, reason: "SuccessfulRescale",
        message: "New size: \(desired); reason: \(reason)", source: "horizontal-pod-autoscaler")
      storeScaleEvent(&hpa, from: current, to: desired, now: now)
    }
  }

  /// Why a metric yields no proposal: the error text of `computeStatusForResourceMetricGeneric`.
  struct MetricFailure: Error {
    var message: String
  }

  /// `GetResourceReplicas` for the CPU target over the target's pods: metrics come from the
  /// running, ready pods; every pod listed needs a CPU request (`calculatePodRequests`).
  static func resourceProposal(
    _ hpa: HorizontalPodAutoscaler, pods: [Pod], current: Int, cluster: Cluster
  ) -> Result<(replicas: Int, utilization: Int, averageUsage: Int), MetricFailure> {
    let ready = pods.filter { $0.status.phase == .running && $0.isReady }
    guard !ready.isEmpty else {
      return .failure(
        MetricFailure(
          message: "failed to get cpu utilization: did not receive metrics for targeted pods (pods might be unready)"))
    }
    let lacking = { (container: Container) in container.resources.requests["cpu"] == nil }
    if let pod = pods.first(where: { $0.spec.containers.contains(where: lacking) }) {
      let container = pod.spec.containers.first(where: lacking)?.name ?? ""
      return .failure(
        MetricFailure(
          message:
            "failed to get cpu utilization: missing request for cpu in container \(container) of Pod \(pod.metadata.name)"
        ))
    }
    let notReady = pods.filter { !($0.status.phase == .running && $0.isReady) }
    return .success(
      ReplicaCalculator.resourceReplicas(
        current: current, targetUtilization: hpa.targetCPUUtilization,
        ready: ready.map { (cluster.cpuUsage(of: $0), Int($0.requested("cpu"))) },
        unreadyRequests: notReady.map { Int($0.requested("cpu")) }))
  }

  /// A metric that yields no proposal: `getUnableComputeReplicaCountCondition`'s Warning and
  /// condition, then `reconcileAutoscaler`'s `FailedComputeMetricsReplicas` with the error
  /// `computeReplicasForMetrics` wraps. The recorder folds the repeats of each sync into one
  /// event with a count.
  static func failMetric(_ hpa: inout HorizontalPodAutoscaler, _ message: String, cluster: inout Cluster) {
    hpa.currentUtilization = nil
    hpa.currentAverageMillicores = nil
    let namespace = hpa.metadata.namespace ?? "default"
    cluster.recordAggregated(
      Event(
        namespace: namespace, involvedKind: "HorizontalPodAutoscaler", involvedName: hpa.metadata.name,
        type: .warning, reason: "FailedGetResourceMetric", message: message, source: "horizontal-pod-autoscaler",
        at: cluster.now))
    set(
      &hpa, "ScalingActive", .false, "FailedGetResourceMetric",
      "the HPA was unable to compute the replica count: \(message)", cluster.now)
    cluster.recordAggregated(
      Event(
        namespace: namespace, involvedKind: "HorizontalPodAutoscaler", involvedName: hpa.metadata.name,
        type: .warning, reason: "FailedComputeMetricsReplicas",
        message:
          "invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: \(message)",
        source: "horizontal-pod-autoscaler", at: cluster.now))
  }

  /// Writes the target's scale.
  static func scale(_ hpa: HorizontalPodAutoscaler, to replicas: Int, cluster: inout Cluster) {
    let key = Cluster.key(hpa.metadata.namespace ?? "default", hpa.targetName)
    switch hpa.targetKind {
    case "Deployment":
      if var d = cluster.deployments[key] {
        d.replicas = replicas
        try? cluster.updateDeployment(d)
      }
    case "ReplicaSet":
      if var set = cluster.replicaSets[key] {
        set.replicas = replicas
        try? cluster.updateReplicaSet(set)
      }
    case "StatefulSet":
      if var set = cluster.statefulSets[key] {
        set.replicas = replicas
        try? cluster.updateStatefulSet(set)
      }
    default:
      if var controller = cluster.replicationControllers[key] {
        controller.replicas = replicas
        try? cluster.updateReplicationController(controller)
      }
    }
  }

  /// Sets a condition, keeping its transition time when its status did not change.
  static func set(
    _ hpa: inout HorizontalPodAutoscaler, _ type: String, _ status: ConditionStatus, _ reason: String,
    _ message: String,
    _ now: Timestamp
  ) {
    if let index = hpa.conditions.firstIndex(where: { $0.type == type }) {
      let time = hpa.conditions[index].status == status ? hpa.conditions[index].time : now
      hpa.conditions[index] = .init(type: type, status: status, reason: reason, message: message, time: time)
    } else {
      hpa.conditions.append(.init(type: type, status: status, reason: reason, message: message, time: now))
    }
  }
}
