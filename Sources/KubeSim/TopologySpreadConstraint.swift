/// One `spec.topologySpreadConstraints` entry (`core/v1` `TopologySpreadConstraint`).
public struct TopologySpreadConstraint: Sendable, Equatable {
  public var maxSkew: Int
  public var topologyKey: String
  /// `DoNotSchedule` (a filter) or `ScheduleAnyway` (a score).
  public var whenUnsatisfiable: String
  /// Nil selects no pod.
  public var labelSelector: SelectorSpec?
  public var minDomains: Int?
  /// `Honor` (the default) or `Ignore`: whether nodes the pod's node affinity and selector
  /// exclude count as domains.
  public var nodeAffinityPolicy: String?
  /// `Ignore` (the default) or `Honor`: whether nodes with taints the pod does not tolerate
  /// count as domains.
  public var nodeTaintsPolicy: String?
  /// Label keys whose values, taken from the incoming pod, narrow the selector.
  public var matchLabelKeys: [String] = []

  /// Creates a constraint.
  public init(maxSkew: Int, topologyKey: String, whenUnsatisfiable: String, labelSelector: SelectorSpec?) {
    self.maxSkew = maxSkew
    self.topologyKey = topologyKey
    self.whenUnsatisfiable = whenUnsatisfiable
    self.labelSelector = labelSelector
  }

  /// Whether the constraint is a filter (`DoNotSchedule`) rather than a score.
  var isHard: Bool { whenUnsatisfiable == "DoNotSchedule" }

  /// The selector that counts pods for `pod`: `labelSelector` with `matchLabelKeys` added as
  /// `key In (value)` for each key the pod has (`filterTopologySpreadConstraints`); nil
  /// matches no pod.
  func selector(for pod: Pod) -> LabelSelector? {
    guard var selector = labelSelector?.selector else { return nil }
    for key in matchLabelKeys {
      if let value = pod.metadata.labels[key] {
        selector.requirements.append(.init(key: key, op: .in, values: [value]))
      }
    }
    return selector
  }

  var json: JSONValue {
    var object = JSONObjectBuilder()
    object.set("labelSelector", labelSelector?.json)
    if !matchLabelKeys.isEmpty { object.set("matchLabelKeys", .array(matchLabelKeys.map(JSONValue.string))) }
    object.set("maxSkew", .int(Int64(maxSkew)))
    object.set("minDomains", minDomains.map { .int(Int64($0)) })
    object.set("nodeAffinityPolicy", nodeAffinityPolicy.map(JSONValue.string))
    object.set("nodeTaintsPolicy", nodeTaintsPolicy.map(JSONValue.string))
    object.set("topologyKey", .string(topologyKey))
    object.set("whenUnsatisfiable", .string(whenUnsatisfiable))
    return object.value
  }
}
