extension PodTemplate {
  /// The template as the API server serialises it (`creationTimestamp: null` included).
  public var json: JSONValue {
    var metadata = JSONObjectBuilder()
    if !annotations.isEmpty { metadata.set("annotations", .stringMap(annotations)) }
    metadata.set("creationTimestamp", .null)
    if !labels.isEmpty { metadata.set("labels", .stringMap(labels)) }
    return .object([("metadata", metadata.value), ("spec", spec.templateJSON)])
  }
}

extension PodSpec {
  /// A template's pod spec as the API server serialises it: defaults, but nothing the
  /// admission plugins add to real pods (no tolerations or token volume).
  var templateJSON: JSONValue {
    var object = JSONObjectBuilder()
    object.set("containers", .array(containers.map { $0.json(tokenVolume: nil) }))
    object.set("dnsPolicy", .string(dnsPolicy.text))
    if hostNetwork { object.set("hostNetwork", .bool(true)) }
    if !nodeSelector.isEmpty { object.set("nodeSelector", .stringMap(nodeSelector)) }
    if let priorityClassName { object.set("priorityClassName", .string(priorityClassName)) }
    object.set("restartPolicy", .string(restartPolicy.text))
    object.set("schedulerName", .string("default-scheduler"))
    object.set("securityContext", .object([]))
    if serviceAccountName != "default" {
      object.set("serviceAccount", .string(serviceAccountName))
      object.set("serviceAccountName", .string(serviceAccountName))
    }
    object.set("terminationGracePeriodSeconds", .int(Int64(terminationGracePeriodSeconds)))
    let userTolerations = tolerations.filter {
      !($0.tolerationSeconds == 300
        && ($0.key == "node.kubernetes.io/not-ready" || $0.key == "node.kubernetes.io/unreachable"))
    }
    if !userTolerations.isEmpty { object.set("tolerations", .array(userTolerations.map(\.json))) }
    return object.value
  }
}

extension SelectorSpec {
  /// The selector as the API server serialises it.
  public var json: JSONValue {
    var object = JSONObjectBuilder()
    if !matchExpressions.isEmpty {
      object.set(
        "matchExpressions",
        .array(
          matchExpressions.map { expression in
            var entry = JSONObjectBuilder()
            entry.set("key", .string(expression.key))
            entry.set("operator", .string(expression.op.text))
            if !expression.values.isEmpty { entry.set("values", .array(expression.values.map(JSONValue.string))) }
            return entry.value
          }))
    }
    if !matchLabels.isEmpty { object.set("matchLabels", .stringMap(matchLabels)) }
    return object.value
  }
}

extension IntOrPercent {
  var json: JSONValue {
    switch self {
    case .int(let value): return .int(Int64(value))
    case .percent: return .string(text)
    }
  }
}

extension ReplicaCounts {
  func json(includeFullyLabeled: Bool = true) -> JSONValue {
    var object = JSONObjectBuilder()
    if availableReplicas > 0 { object.set("availableReplicas", .int(Int64(availableReplicas))) }
    if includeFullyLabeled && fullyLabeledReplicas > 0 {
      object.set("fullyLabeledReplicas", .int(Int64(fullyLabeledReplicas)))
    }
    if observedGeneration > 0 { object.set("observedGeneration", .int(Int64(observedGeneration))) }
    if readyReplicas > 0 { object.set("readyReplicas", .int(Int64(readyReplicas))) }
    object.set("replicas", .int(Int64(replicas)))
    return object.value
  }
}

extension ReplicaSet {
  /// The ReplicaSet as `kubectl get rs -o yaml` shows it.
  public var json: JSONValue {
    var spec = JSONObjectBuilder()
    if minReadySeconds > 0 { spec.set("minReadySeconds", .int(Int64(minReadySeconds))) }
    spec.set("replicas", .int(Int64(replicas)))
    spec.set("selector", selector.json)
    spec.set("template", template.json)
    return .object([
      ("apiVersion", .string("apps/v1")), ("kind", .string("ReplicaSet")), ("metadata", metadata.json),
      ("spec", spec.value), ("status", status.json()),
    ])
  }
}

extension ReplicationController {
  /// The ReplicationController as `kubectl get rc -o yaml` shows it.
  public var json: JSONValue {
    var spec = JSONObjectBuilder()
    if minReadySeconds > 0 { spec.set("minReadySeconds", .int(Int64(minReadySeconds))) }
    spec.set("replicas", .int(Int64(replicas)))
    spec.set("selector", .stringMap(selector))
    spec.set("template", template.json)
    return .object([
      ("apiVersion", .string("v1")), ("kind", .string("ReplicationController")), ("metadata", metadata.json),
      ("spec", spec.value), ("status", status.json()),
    ])
  }
}

extension Deployment {
  /// The Deployment as `kubectl get deploy -o yaml` shows it.
  public var json: JSONValue {
    var spec = JSONObjectBuilder()
    if minReadySeconds > 0 { spec.set("minReadySeconds", .int(Int64(minReadySeconds))) }
    if paused { spec.set("paused", .bool(true)) }
    spec.set("progressDeadlineSeconds", .int(Int64(progressDeadlineSeconds)))
    spec.set("replicas", .int(Int64(replicas)))
    spec.set("revisionHistoryLimit", .int(Int64(revisionHistoryLimit)))
    spec.set("selector", selector.json)
    switch strategy {
    case .rollingUpdate(let surge, let unavailable):
      spec.set(
        "strategy",
        .object([
          ("rollingUpdate", .object([("maxSurge", surge.json), ("maxUnavailable", unavailable.json)])),
          ("type", .string(strategy.type.rawValue)),
        ]))
    case .recreate:
      spec.set("strategy", .object([("type", .string(strategy.type.rawValue))]))
    }
    spec.set("template", template.json)
    var statusObject = JSONObjectBuilder()
    if status.availableReplicas > 0 { statusObject.set("availableReplicas", .int(Int64(status.availableReplicas))) }
    if let collisionCount = status.collisionCount { statusObject.set("collisionCount", .int(Int64(collisionCount))) }
    if !status.conditions.isEmpty {
      statusObject.set(
        "conditions",
        .array(
          status.conditions.map { condition in
            .object([
              ("lastTransitionTime", .string(condition.lastTransitionTime.rfc3339)),
              ("lastUpdateTime", .string(condition.lastUpdateTime.rfc3339)),
              ("message", .string(condition.message)), ("reason", .string(condition.reason)),
              ("status", .string(condition.status.rawValue)), ("type", .string(condition.type)),
            ])
          }))
    }
    if status.observedGeneration > 0 {
      statusObject.set("observedGeneration", .int(Int64(status.observedGeneration)))
    }
    if status.readyReplicas > 0 { statusObject.set("readyReplicas", .int(Int64(status.readyReplicas))) }
    if status.replicas > 0 { statusObject.set("replicas", .int(Int64(status.replicas))) }
    if status.unavailableReplicas > 0 {
      statusObject.set("unavailableReplicas", .int(Int64(status.unavailableReplicas)))
    }
    if status.updatedReplicas > 0 { statusObject.set("updatedReplicas", .int(Int64(status.updatedReplicas))) }
    return .object([
      ("apiVersion", .string("apps/v1")), ("kind", .string("Deployment")), ("metadata", metadata.json),
      ("spec", spec.value), ("status", statusObject.value),
    ])
  }
}

extension DaemonSet {
  /// The DaemonSet as `kubectl get ds -o yaml` shows it.
  public var json: JSONValue {
    var spec = JSONObjectBuilder()
    if minReadySeconds > 0 { spec.set("minReadySeconds", .int(Int64(minReadySeconds))) }
    spec.set("revisionHistoryLimit", .int(Int64(revisionHistoryLimit)))
    spec.set("selector", selector.json)
    spec.set("template", template.json)
    if updateStrategy.value == .rollingUpdate {
      spec.set(
        "updateStrategy",
        .object([
          (
            "rollingUpdate",
            .object([("maxSurge", maxSurge.json), ("maxUnavailable", maxUnavailable.json)])
          ),
          ("type", .string(updateStrategy.text)),
        ]))
    } else {
      spec.set("updateStrategy", .object([("type", .string(updateStrategy.text))]))
    }
    var statusObject = JSONObjectBuilder()
    statusObject.set("currentNumberScheduled", .int(Int64(status.currentNumberScheduled)))
    statusObject.set("desiredNumberScheduled", .int(Int64(status.desiredNumberScheduled)))
    if status.numberAvailable > 0 { statusObject.set("numberAvailable", .int(Int64(status.numberAvailable))) }
    statusObject.set("numberMisscheduled", .int(Int64(status.numberMisscheduled)))
    statusObject.set("numberReady", .int(Int64(status.numberReady)))
    let unavailable = status.desiredNumberScheduled - status.numberAvailable
    if unavailable > 0 { statusObject.set("numberUnavailable", .int(Int64(unavailable))) }
    statusObject.set("observedGeneration", .int(Int64(status.observedGeneration)))
    if status.updatedNumberScheduled > 0 {
      statusObject.set("updatedNumberScheduled", .int(Int64(status.updatedNumberScheduled)))
    }
    return .object([
      ("apiVersion", .string("apps/v1")), ("kind", .string("DaemonSet")), ("metadata", metadata.json),
      ("spec", spec.value), ("status", statusObject.value),
    ])
  }
}
