/// What quota counts (`pkg/quota/v1/evaluator/core`): a pod's usage (`pods`, CPU and memory
/// requests and limits), a namespace's usage summed over its pods and its objects, and the
/// units those values are kept in (millicores for CPU, bytes for memory, objects for counts).
enum ResourceQuotaUsage {
  /// The resource names a quota may cap without a `/` (`standardQuotaResources` and the
  /// names `ValidateResourceQuotaResourceName` accepts).
  static let standardNames: Set<String> = [
    "pods", "services", "replicationcontrollers", "resourcequotas", "secrets", "configmaps",
    "persistentvolumeclaims", "services.nodeports", "services.loadbalancers", "cpu", "memory", "ephemeral-storage",
    "storage", "requests.cpu", "requests.memory", "requests.storage", "requests.ephemeral-storage", "limits.cpu",
    "limits.memory", "limits.ephemeral-storage",
  ]

  /// The object counts the simulator keeps, by quota name (`count/<resource>[.<group>]`, and
  /// the legacy names of core kinds).
  static let objectCounts: [String: @Sendable (Cluster, String) -> Int] = [
    "services": count(Service.self), "count/services": count(Service.self),
    "configmaps": count(ConfigMap.self), "count/configmaps": count(ConfigMap.self),
    "secrets": count(Secret.self), "count/secrets": count(Secret.self),
    "persistentvolumeclaims": count(PersistentVolumeClaim.self),
    "count/persistentvolumeclaims": count(PersistentVolumeClaim.self),
    "replicationcontrollers": count(ReplicationController.self),
    "count/replicationcontrollers": count(ReplicationController.self),
    "resourcequotas": count(ResourceQuota.self), "count/resourcequotas": count(ResourceQuota.self),
    "count/serviceaccounts": count(ServiceAccount.self), "count/deployments.apps": count(Deployment.self),
    "count/replicasets.apps": count(ReplicaSet.self), "count/statefulsets.apps": count(StatefulSet.self),
    "count/daemonsets.apps": count(DaemonSet.self), "count/jobs.batch": count(Job.self),
    "count/cronjobs.batch": count(CronJob.self),
  ]

  /// Counts a kind's objects in a namespace.
  static func count<Kind: APIResource>(_: Kind.Type) -> @Sendable (Cluster, String) -> Int {
    { cluster, namespace in Kind.list(in: cluster, namespace: namespace).count }
  }

  /// Whether `name` is a standard quota resource name.
  static func isStandard(_ name: String) -> Bool {
    standardNames.contains(name) || name.hasPrefix("hugepages-") || name.hasPrefix("requests.hugepages-")
  }

  /// `PodUsageFunc`: a pod that has not finished counts once, with the sum of its containers'
  /// requests and limits (`cpu`/`memory` are the requests).
  static func podUsage(_ pod: Pod) -> [String: Int64] {
    guard !pod.status.phase.isTerminal else { return [:] }
    var usage: [String: Int64] = ["pods": 1, "count/pods": 1]
    for (resource, quotaNames) in [("cpu", ["requests.cpu", "cpu"]), ("memory", ["requests.memory", "memory"])] {
      let total = pod.spec.containers.reduce(Int64(0)) { $0.saturatingAdd($1.resources.requests[resource] ?? 0) }
      for name in quotaNames { usage[name] = total }
      usage["limits." + resource] = pod.spec.containers.reduce(Int64(0)) {
        $0.saturatingAdd($1.resources.limits[resource] ?? 0)
      }
    }
    return usage
  }

  /// `podEvaluator.Constraints`: when a quota caps CPU or memory requests or limits, every
  /// container must state them; the message lists, per resource, the containers that do not
  /// (`must specify limits.cpu for: web; requests.memory for: web,sidecar`). Nil when all do.
  static func missingRequests(_ pod: Pod, tracked: some Sequence<String>) -> String? {
    var missing: [String: [String]] = [:]
    for name in tracked {
      let (resource, inLimits): (String, Bool)
      switch name {
      case "cpu", "requests.cpu": (resource, inLimits) = ("cpu", false)
      case "memory", "requests.memory": (resource, inLimits) = ("memory", false)
      case "limits.cpu": (resource, inLimits) = ("cpu", true)
      case "limits.memory": (resource, inLimits) = ("memory", true)
      default: continue
      }
      for container in pod.spec.containers {
        let stated = inLimits ? container.resources.limits[resource] : container.resources.requests[resource]
        if stated == nil { missing[name, default: []].append(container.name) }
      }
    }
    guard !missing.isEmpty else { return nil }
    return "must specify "
      + missing.keys.sorted().map { "\($0) for: \(Set(missing[$0] ?? []).sorted().joined(separator: ","))" }
      .joined(separator: "; ")
  }

  /// What the namespace uses now: its unfinished pods' usage and its object counts.
  static func namespaceUsage(_ namespace: String, in cluster: Cluster) -> [String: Int64] {
    var usage: [String: Int64] = ["pods": 0, "count/pods": 0]
    for key in ["cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"] { usage[key] = 0 }
    for pod in cluster.listPods(namespace: namespace) {
      for (name, value) in podUsage(pod) { usage[name, default: 0] = usage[name, default: 0].saturatingAdd(value) }
    }
    return usage
  }

  /// The value of `name` used in `namespace` (nil for a resource the simulator does not count).
  static func used(_ name: String, namespace: String, podUsage: [String: Int64], in cluster: Cluster) -> Int64? {
    if let value = podUsage[name] { return value }
    return objectCounts[name].map { Int64($0(cluster, namespace)) }
  }

  /// A quota's quantity text in the unit usage is kept in for `name` (millicores for CPU).
  static func value(_ name: String, _ text: String) -> Int64 {
    let isCPU = name == "cpu" || name.hasSuffix(".cpu")
    return (try? (isCPU ? Quantity.millis(text) : Quantity.units(text))) ?? 0
  }

  /// A usage value as `Quantity.String()` writes it: CPU in cores or `m`, memory in its
  /// binary unit, counts as integers.
  static func format(_ name: String, _ value: Int64) -> String {
    if name == "cpu" || name.hasSuffix(".cpu") { return ResourceRequirements.format("cpu", value) }
    if name == "memory" || name.hasSuffix(".memory") { return ResourceRequirements.format("memory", value) }
    return String(value)
  }
}
