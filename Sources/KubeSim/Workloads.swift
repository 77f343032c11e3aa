/// A pod template: the labels, annotations and spec of the pods a controller makes.
public struct PodTemplate: Sendable, Equatable {
  public var labels: [String: String]
  public var annotations: [String: String] = [:]
  public var spec: PodSpec

  /// Creates a template.
  public init(labels: [String: String], annotations: [String: String] = [:], spec: PodSpec) {
    self.labels = labels
    self.annotations = annotations
    self.spec = spec
  }
}

/// A `metav1.LabelSelector` as written in a spec: `matchLabels` and `matchExpressions`.
public struct SelectorSpec: Sendable, Equatable {
  /// One `matchExpressions` entry.
  public struct Expression: Sendable, Equatable {
    public var key: String
    /// `In`, `NotIn`, `Exists` or `DoesNotExist` (other text as written).
    public var op: APIField<SelectorOperator>
    public var values: [String]

    /// Creates an expression.
    public init(key: String, op: APIField<SelectorOperator>, values: [String]) {
      self.key = key
      self.op = op
      self.values = values
    }
  }

  public var matchLabels: [String: String]
  public var matchExpressions: [Expression] = []

  /// Creates a selector.
  public init(matchLabels: [String: String], matchExpressions: [Expression] = []) {
    self.matchLabels = matchLabels
    self.matchExpressions = matchExpressions
  }

  /// Whether the selector has no requirement (and so selects everything).
  public var isEmpty: Bool { matchLabels.isEmpty && matchExpressions.isEmpty }

  /// The selector as requirements that can be matched.
  public var selector: LabelSelector {
    var requirements = LabelSelector(matchLabels: matchLabels).requirements
    for expression in matchExpressions {
      let op: LabelSelector.Requirement.Operator
      switch expression.op.value {
      case .in?: op = .in
      case .notIn?: op = .notIn
      case .exists?: op = .exists
      case .doesNotExist?, nil: op = .doesNotExist
      }
      requirements.append(.init(key: expression.key, op: op, values: expression.values))
    }
    return LabelSelector(requirements: requirements)
  }

  /// `metav1.FormatLabelSelector`: the SELECTOR column of `-o wide`. As `labels.Selector`
  /// prints it: requirements sorted by key, the values of `in`/`notin` sorted.
  public var formatted: String {
    var parts: [(key: String, text: String)] = matchLabels.keys.map { ($0, "\($0)=\(matchLabels[$0]!)") }
    for expression in matchExpressions {
      let values = expression.values.sorted().joined(separator: ",")
      switch expression.op.value {
      case .in?: parts.append((expression.key, "\(expression.key) in (\(values))"))
      case .notIn?: parts.append((expression.key, "\(expression.key) notin (\(values))"))
      case .exists?: parts.append((expression.key, expression.key))
      case .doesNotExist?, nil: parts.append((expression.key, "!" + expression.key))
      }
    }
    let ordered = parts.enumerated().sorted {
      $0.element.key != $1.element.key ? $0.element.key < $1.element.key : $0.offset < $1.offset
    }.map(\.element.text)
    return ordered.isEmpty ? "<none>" : ordered.joined(separator: ",")
  }
}

/// An int-or-percent value such as `maxSurge: 25%` (`intstr.IntOrString`).
public enum IntOrPercent: Sendable, Equatable {
  case int(Int)
  case percent(Int)

  /// `GetScaledValueFromIntOrPercent`: an int as is; `p%` of `total`, rounded up or down.
  public func scaled(total: Int, roundUp: Bool) -> Int {
    switch self {
    case .int(let value): return value
    case .percent(let percent):
      // A percentage may be any Int ("9223372036854775807%" passes the API's pattern).
      let product = percent.saturatingMultiply(total)
      return roundUp ? product.saturatingAdd(99) / 100 : product / 100
    }
  }

  /// The value as written (`1`, `25%`).
  public var text: String {
    switch self {
    case .int(let value): return String(value)
    case .percent(let value): return "\(value)%"
    }
  }
}

/// The part of a workload's status that the ReplicaSet controller computes.
public struct ReplicaCounts: Sendable, Equatable {
  public var replicas = 0
  public var fullyLabeledReplicas = 0
  public var readyReplicas = 0
  public var availableReplicas = 0
  public var observedGeneration = 0

  /// Creates zero counts.
  public init() {}
}

/// A ReplicaSet: keeps `replicas` pods matching its selector running.
public struct ReplicaSet: Sendable, Equatable {
  public var metadata: ObjectMeta
  public var replicas: Int
  public var selector: SelectorSpec
  public var template: PodTemplate
  public var minReadySeconds = 0
  public var status = ReplicaCounts()

  /// Creates a ReplicaSet.
  public init(metadata: ObjectMeta, replicas: Int, selector: SelectorSpec, template: PodTemplate) {
    self.metadata = metadata
    self.replicas = replicas
    self.selector = selector
    self.template = template
  }
}

/// A ReplicationController: the older ReplicaSet, with an equality-only selector.
public struct ReplicationController: Sendable, Equatable {
  public var metadata: ObjectMeta
  public var replicas: Int
  public var selector: [String: String]
  public var template: PodTemplate
  public var minReadySeconds = 0
  public var status = ReplicaCounts()

  /// Creates a ReplicationController.
  public init(metadata: ObjectMeta, replicas: Int, selector: [String: String], template: PodTemplate) {
    self.metadata = metadata
    self.replicas = replicas
    self.selector = selector
    self.template = template
  }
}

/// A Deployment: declares pods by template and rolls them out through ReplicaSets.
public struct Deployment: Sendable, Equatable {
  /// `RollingUpdate` or `Recreate`.
  public enum Strategy: Sendable, Equatable {
    case rollingUpdate(maxSurge: IntOrPercent, maxUnavailable: IntOrPercent)
    case recreate

    /// The strategy's `type`.
    public var type: DeploymentStrategyType {
      switch self {
      case .rollingUpdate: return .rollingUpdate
      case .recreate: return .recreate
      }
    }
  }

  /// A Deployment condition (`Available`, `Progressing`, `ReplicaFailure`).
  public struct Condition: Sendable, Equatable {
    public var type: String
    public var status: ConditionStatus
    public var reason: String
    public var message: String
    public var lastUpdateTime: Timestamp
    public var lastTransitionTime: Timestamp
  }

  /// The Deployment's observed state.
  public struct Status: Sendable, Equatable {
    public var observedGeneration = 0
    public var replicas = 0
    public var updatedReplicas = 0
    public var readyReplicas = 0
    public var availableReplicas = 0
    public var unavailableReplicas = 0
    public var conditions: [Condition] = []
    public var collisionCount: Int?
  }

  public var metadata: ObjectMeta
  public var replicas = 1
  public var selector: SelectorSpec
  public var template: PodTemplate
  public var strategy: Strategy = .rollingUpdate(maxSurge: .percent(25), maxUnavailable: .percent(25))
  /// Whether the manifest wrote `spec.strategy.rollingUpdate` (validation forbids it under
  /// `type: Recreate`).
  public var rollingUpdateWritten = false
  public var minReadySeconds = 0
  public var revisionHistoryLimit = 10
  public var progressDeadlineSeconds = 600
  public var paused = false
  public var status = Status()

  /// Creates a Deployment with the API server's defaults.
  public init(metadata: ObjectMeta, selector: SelectorSpec, template: PodTemplate) {
    self.metadata = metadata
    self.selector = selector
    self.template = template
  }

  /// The surge and unavailability the controller works with: `MaxSurge` and `MaxUnavailable`
  /// (§1.2 of `docs/reference/controllers.md`), zero for `Recreate`; the unavailability is
  /// clamped to `replicas`, and zero when `replicas` is zero.
  public var fenceposts: (maxSurge: Int, maxUnavailable: Int) {
    guard case .rollingUpdate(let surgeValue, let unavailableValue) = strategy else { return (0, 0) }
    let (surge, unavailable) = Self.resolveFenceposts(
      maxSurge: surgeValue, maxUnavailable: unavailableValue, desired: replicas)
    return (surge, replicas == 0 ? 0 : min(unavailable, replicas))
  }

  /// `ResolveFenceposts`: surge rounded up and unavailability rounded down against `desired`,
  /// with the unavailability forced to 1 when both come to zero (before any clamping).
  static func resolveFenceposts(maxSurge: IntOrPercent, maxUnavailable: IntOrPercent, desired: Int) -> (
    maxSurge: Int, maxUnavailable: Int
  ) {
    let surge = maxSurge.scaled(total: desired, roundUp: true)
    let unavailable = maxUnavailable.scaled(total: desired, roundUp: false)
    return (surge, surge == 0 && unavailable == 0 ? 1 : unavailable)
  }
}

extension Deployment: StoredResource {
  public static let resource = ResourceType(
    plural: "deployments", singular: "deployment", kind: "Deployment", group: "apps", shortNames: ["deploy"],
    namespaced: true)
  public static var store: KeyPath<Cluster, [String: Deployment]> { \.deployments }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension ReplicaSet: StoredResource {
  public static let resource = ResourceType(
    plural: "replicasets", singular: "replicaset", kind: "ReplicaSet", group: "apps", shortNames: ["rs"],
    namespaced: true)
  public static var store: KeyPath<Cluster, [String: ReplicaSet]> { \.replicaSets }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension ReplicationController: StoredResource {
  public static let resource = ResourceType(
    plural: "replicationcontrollers", singular: "replicationcontroller", kind: "ReplicationController", group: "",
    shortNames: ["rc"], namespaced: true)
  public static var store: KeyPath<Cluster, [String: ReplicationController]> { \.replicationControllers }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension Deployment: ScalableResource {
  public static func writeScale(_ object: Deployment, in cluster: inout Cluster) throws(APIError) {
    try cluster.updateDeployment(object)
  }
}

extension ReplicaSet: ScalableResource {
  public static func writeScale(_ object: ReplicaSet, in cluster: inout Cluster) throws(APIError) {
    try cluster.updateReplicaSet(object)
  }
}

extension ReplicationController: ScalableResource {
  public static func writeScale(_ object: ReplicationController, in cluster: inout Cluster) throws(APIError) {
    try cluster.updateReplicationController(object)
  }
}

extension Deployment: PodTemplated {
  public static func writeTemplate(_ object: Deployment, in cluster: inout Cluster) throws(APIError) {
    try cluster.updateDeployment(object)
  }
}

extension ReplicaSet: PodTemplated {
  public static func writeTemplate(_ object: ReplicaSet, in cluster: inout Cluster) throws(APIError) {
    try cluster.updateReplicaSet(object)
  }
}

extension ReplicationController: PodTemplated {
  public static func writeTemplate(_ object: ReplicationController, in cluster: inout Cluster) throws(APIError) {
    try cluster.updateReplicationController(object)
  }
}
