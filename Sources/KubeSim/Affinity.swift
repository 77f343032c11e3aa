/// A pod's `spec.affinity`: node affinity, pod affinity and pod anti-affinity, each with
/// required (`requiredDuringSchedulingIgnoredDuringExecution`) and preferred
/// (`preferredDuringSchedulingIgnoredDuringExecution`) rules (`core/v1` `Affinity`).
public struct Affinity: Sendable, Equatable {
  /// `nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`, ORed;
  /// nil when the pod has no required node affinity.
  public var requiredNodeTerms: [NodeSelectorTerm]?
  /// `nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution`.
  public var preferredNodeTerms: [PreferredSchedulingTerm] = []
  /// `podAffinity.requiredDuringSchedulingIgnoredDuringExecution`.
  public var requiredPodAffinity: [PodAffinityTerm] = []
  /// `podAffinity.preferredDuringSchedulingIgnoredDuringExecution`.
  public var preferredPodAffinity: [WeightedPodAffinityTerm] = []
  /// `podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution`.
  public var requiredPodAntiAffinity: [PodAffinityTerm] = []
  /// `podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution`.
  public var preferredPodAntiAffinity: [WeightedPodAffinityTerm] = []

  /// Creates an affinity with no rules.
  public init() {}

  /// Whether the affinity has no rule at all.
  public var isEmpty: Bool { self == Affinity() }

  /// Whether a rule depends on the pods already placed (inter-pod affinity of either kind).
  public var hasPodRules: Bool {
    !requiredPodAffinity.isEmpty || !preferredPodAffinity.isEmpty || !requiredPodAntiAffinity.isEmpty
      || !preferredPodAntiAffinity.isEmpty
  }

  /// The affinity as the API server serialises it, with `requiredNodeName` (a DaemonSet pod's
  /// pin) as its only required node term, as the DaemonSet controller writes it.
  func json(requiredNodeName: String?) -> JSONValue? {
    var nodeTerms = requiredNodeTerms
    if let requiredNodeName {
      nodeTerms = [
        NodeSelectorTerm(
          matchFields: [NodeSelectorRequirement(key: "metadata.name", operator: "In", values: [requiredNodeName])])
      ]
    }
    var object = JSONObjectBuilder()
    var node = JSONObjectBuilder()
    if !preferredNodeTerms.isEmpty {
      node.set("preferredDuringSchedulingIgnoredDuringExecution", .array(preferredNodeTerms.map(\.json)))
    }
    if let nodeTerms {
      node.set(
        "requiredDuringSchedulingIgnoredDuringExecution",
        .object([("nodeSelectorTerms", .array(nodeTerms.map(\.json)))]))
    }
    if !node.pairs.isEmpty { object.set("nodeAffinity", node.value) }
    object.set("podAffinity", Self.podRulesJSON(requiredPodAffinity, preferredPodAffinity))
    object.set("podAntiAffinity", Self.podRulesJSON(requiredPodAntiAffinity, preferredPodAntiAffinity))
    return object.pairs.isEmpty ? nil : object.value
  }

  /// One `podAffinity` or `podAntiAffinity` object, nil when it has no term.
  private static func podRulesJSON(_ required: [PodAffinityTerm], _ preferred: [WeightedPodAffinityTerm])
    -> JSONValue?
  {
    var object = JSONObjectBuilder()
    if !preferred.isEmpty {
      object.set("preferredDuringSchedulingIgnoredDuringExecution", .array(preferred.map(\.json)))
    }
    if !required.isEmpty {
      object.set("requiredDuringSchedulingIgnoredDuringExecution", .array(required.map(\.json)))
    }
    return object.pairs.isEmpty ? nil : object.value
  }
}
