/// A HorizontalPodAutoscaler (autoscaling/v2) with one CPU utilization target, the form
/// `kubectl autoscale --cpu-percent` creates (`docs/reference/controllers.md` §5).
public struct HorizontalPodAutoscaler: Sendable, Equatable {
  /// One entry of `status.conditions`.
  public struct Condition: Sendable, Equatable {
    public var type: String
    public var status: ConditionStatus
    public var reason: String
    public var message: String
    public var time: Timestamp
  }

  public var metadata: ObjectMeta
  /// `Deployment`, `ReplicaSet`, `StatefulSet` or `ReplicationController`.
  public var targetKind: String
  public var targetName: String
  public var minReplicas = 1
  public var maxReplicas: Int
  /// `spec.behavior`, defaults filled in; nil when the manifest has none (the legacy rules).
  public var behavior: HorizontalPodAutoscalerBehavior?
  /// The CPU utilization target in percent of the pods' requests (80 when none is given).
  public var targetCPUUtilization = 80
  public var currentReplicas = 0
  public var desiredReplicas = 0
  /// The last measured utilization, or nil while unknown.
  public var currentUtilization: Int?
  public var currentAverageMillicores: Int?
  public var lastScaleTime: Timestamp?
  public var conditions: [Condition] = []
  /// The controller's recommendations (`timestampedRecommendation`), old ones reused in place.
  var recommendations: [(time: Timestamp, replicas: Int)] = []
  /// The controller's scale events with `behavior` set (`timestampedScaleEvent`): the pods
  /// added or removed, when, and whether the longest policy period has passed since.
  var scaleUpEvents: [ScaleEvent] = []
  var scaleDownEvents: [ScaleEvent] = []

  /// One scale the controller remembers for the behavior's rate limits (`timestampedScaleEvent`).
  struct ScaleEvent: Sendable, Equatable {
    var time: Timestamp
    /// The pods added (scale-up) or removed (scale-down), never negative.
    var change: Int
    var outdated = false
  }

  /// Creates an autoscaler.
  public init(metadata: ObjectMeta, targetKind: String, targetName: String, maxReplicas: Int) {
    self.metadata = metadata
    self.targetKind = targetKind
    self.targetName = targetName
    self.maxReplicas = maxReplicas
  }

  public static func == (a: HorizontalPodAutoscaler, b: HorizontalPodAutoscaler) -> Bool {
    a.metadata == b.metadata && a.targetKind == b.targetKind && a.targetName == b.targetName
      && a.minReplicas == b.minReplicas && a.maxReplicas == b.maxReplicas && a.behavior == b.behavior
      && a.targetCPUUtilization == b.targetCPUUtilization && a.currentReplicas == b.currentReplicas
      && a.desiredReplicas == b.desiredReplicas && a.currentUtilization == b.currentUtilization
      && a.currentAverageMillicores == b.currentAverageMillicores && a.lastScaleTime == b.lastScaleTime
      && a.conditions == b.conditions && a.recommendations.map(\.replicas) == b.recommendations.map(\.replicas)
      && a.recommendations.map(\.time) == b.recommendations.map(\.time)
      && a.scaleUpEvents == b.scaleUpEvents && a.scaleDownEvents == b.scaleDownEvents
  }

  /// The autoscaler as `kubectl get hpa -o yaml` shows it.
  public var json: JSONValue {
    let target: JSONValue = .object([
      ("name", .string("cpu")),
      (
        "target",
        .object([("averageUtilization", .int(Int64(targetCPUUtilization))), ("type", .string("Utilization"))])
      ),
    ])
    let group = targetKind == "ReplicationController" ? "v1" : "apps/v1"
    var spec = JSONObjectBuilder()
    spec.set("behavior", behavior?.json)
    spec.set("maxReplicas", .int(Int64(maxReplicas)))
    spec.set("metrics", .array([.object([("resource", target), ("type", .string("Resource"))])]))
    spec.set("minReplicas", .int(Int64(minReplicas)))
    spec.set(
      "scaleTargetRef",
      .object([("apiVersion", .string(group)), ("kind", .string(targetKind)), ("name", .string(targetName))]))
    var status = JSONObjectBuilder()
    if !conditions.isEmpty {
      status.set(
        "conditions",
        .array(
          conditions.map { condition in
            .object([
              ("lastTransitionTime", .string(condition.time.rfc3339)), ("message", .string(condition.message)),
              ("reason", .string(condition.reason)), ("status", .string(condition.status.rawValue)),
              ("type", .string(condition.type)),
            ])
          }))
    }
    if let utilization = currentUtilization, let millicores = currentAverageMillicores {
      status.set(
        "currentMetrics",
        .array([
          .object([
            (
              "resource",
              .object([
                (
                  "current",
                  .object([
                    ("averageUtilization", .int(Int64(utilization))), ("averageValue", .string("\(millicores)m")),
                  ])
                ), ("name", .string("cpu")),
              ])
            ), ("type", .string("Resource")),
          ])
        ]))
    }
    status.set("currentReplicas", .int(Int64(currentReplicas)))
    status.set("desiredReplicas", .int(Int64(desiredReplicas)))
    status.set("lastScaleTime", lastScaleTime.map { .string($0.rfc3339) })
    return .object([
      ("apiVersion", .string("autoscaling/v2")), ("kind", .string("HorizontalPodAutoscaler")),
      ("metadata", metadata.json), ("spec", spec.value), ("status", status.value),
    ])
  }
}

extension HorizontalPodAutoscaler: StoredResource {
  public static let resource = ResourceType(
    plural: "horizontalpodautoscalers", singular: "horizontalpodautoscaler", kind: "HorizontalPodAutoscaler",
    group: "autoscaling", shortNames: ["hpa"], namespaced: true, versions: ["v1", "v2"])
  public static var store: KeyPath<Cluster, [String: HorizontalPodAutoscaler]> { \.autoscalers }
  public func json(now: Timestamp) -> JSONValue { json }
}
