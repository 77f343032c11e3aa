extension Cluster {
  /// A workload's CPU demand, set by `sim load`: fixed total millicores, spread evenly over
  /// its ready pods.
  public struct Load: Sendable, Equatable {
    public var kind: String
    public var name: String
    public var namespace: String
    public var millicores: Int
  }

  /// Creates an autoscaler.
  @discardableResult
  public mutating func createAutoscaler(_ hpa: HorizontalPodAutoscaler) throws(APIError) -> HorizontalPodAutoscaler {
    var hpa = hpa
    let namespace = hpa.metadata.namespace ?? "default"
    hpa.metadata.namespace = namespace
    try admitCreate(in: namespace, resource: "horizontalpodautoscalers.autoscaling", name: hpa.metadata.name)
    var causes = Validation.objectMeta(hpa.metadata)
    if hpa.maxReplicas < 1 {
      causes.append(
        FieldError(
          field: "spec.maxReplicas", type: "Invalid value", value: String(hpa.maxReplicas),
          detail: "must be greater than or equal to 1"))
    } else if hpa.minReplicas > hpa.maxReplicas {
      causes.append(
        FieldError(
          field: "spec.maxReplicas", type: "Invalid value", value: String(hpa.maxReplicas),
          detail: "must be greater than or equal to `minReplicas`"))
    }
    causes += hpa.behavior?.validate() ?? []
    if !causes.isEmpty { throw .invalid(kind: "HorizontalPodAutoscaler", name: hpa.metadata.name, causes: causes) }
    let key = Self.key(namespace, hpa.metadata.name)
    if autoscalers[key] != nil {
      throw .alreadyExists(resource: "horizontalpodautoscalers.autoscaling", name: hpa.metadata.name)
    }
    hpa.metadata.creationTimestamp = now
    stampAside(&hpa.metadata, stream: "hpa:" + now.rfc3339)
    autoscalers[key] = hpa
    // The controller's first look comes with its next 15 s tick.
    autoscalerController.syncedAt[key] = now
    autoscalerController.wakeups.wake(
      at: now.adding(milliseconds: HorizontalPodAutoscalerController.syncMilliseconds), after: now)
    return hpa
  }

  /// Deletes an autoscaler.
  public mutating func deleteAutoscaler(_ name: String, namespace: String) throws(APIError) {
    let key = Self.key(namespace, name)
    guard autoscalers.removeValue(forKey: key) != nil else {
      throw .notFound(resource: "horizontalpodautoscalers.autoscaling", name: name)
    }
    autoscalerController.syncedAt[key] = nil
    writeCount += 1
  }

  /// Sets the CPU demand of a workload (`sim load`): `percent` of the summed CPU requests of
  /// its pods now, or an absolute figure in millicores.
  public mutating func setLoad(kind: String, name: String, namespace: String, percent: Int?, millicores: Int?) {
    var total = millicores ?? 0
    if let percent {
      let selector: LabelSelector?
      let key = Self.key(namespace, name)
      switch kind {
      case "Deployment": selector = deployments[key]?.selector.selector
      case "StatefulSet": selector = statefulSets[key]?.selector.selector
      case "ReplicaSet": selector = replicaSets[key]?.selector.selector
      default: selector = nil
      }
      let pods = listPods(namespace: namespace).filter {
        selector?.matches($0.metadata.labels) ?? false && $0.metadata.deletionTimestamp == nil
      }
      let requests = pods.reduce(0) { $0.saturatingAdd(Int($1.requested("cpu"))) }
      total = requests.saturatingMultiply(percent) / 100
    }
    loads.removeAll { $0.kind == kind && $0.name == name && $0.namespace == namespace }
    loads.append(Load(kind: kind, name: name, namespace: namespace, millicores: total))
  }

  /// The CPU a pod uses now, in millicores: its share of its workload's load, or 1m at rest.
  public func cpuUsage(of pod: Pod) -> Int {
    guard pod.status.phase == .running, pod.isReady else { return 0 }
    let namespace = pod.metadata.namespace ?? "default"
    for load in loads where load.namespace == namespace {
      let key = Self.key(namespace, load.name)
      let selector: LabelSelector?
      switch load.kind {
      case "Deployment": selector = deployments[key]?.selector.selector
      case "StatefulSet": selector = statefulSets[key]?.selector.selector
      case "ReplicaSet": selector = replicaSets[key]?.selector.selector
      default: selector = nil
      }
      guard let selector, selector.matches(pod.metadata.labels) else { continue }
      let sharers = listPods(namespace: namespace).filter {
        selector.matches($0.metadata.labels) && $0.status.phase == .running && $0.isReady
          && $0.metadata.deletionTimestamp == nil
      }.count
      return sharers == 0 ? 0 : max(1, load.millicores / sharers)
    }
    return 1
  }
}
