/// One inter-pod affinity term (`core/v1` `PodAffinityTerm`): the pods its `labelSelector`
/// selects in its namespaces, counted per value of the node label `topologyKey`.
public struct PodAffinityTerm: Sendable, Equatable {
  /// Nil selects no pod; an empty selector selects every pod.
  public var labelSelector: SelectorSpec?
  public var namespaces: [String] = []
  /// Nil: only `namespaces` (or the pod's own when that is empty); empty: every namespace.
  public var namespaceSelector: SelectorSpec?
  public var topologyKey: String

  /// Creates a term.
  public init(labelSelector: SelectorSpec?, topologyKey: String) {
    self.labelSelector = labelSelector
    self.topologyKey = topologyKey
  }

  /// The term resolved for a pod in `namespace`, as `framework.NewAffinityTerm` does.
  func resolved(in namespace: String) -> ResolvedAffinityTerm {
    let listed = namespaces.isEmpty && namespaceSelector == nil ? [namespace] : namespaces
    return ResolvedAffinityTerm(
      selector: labelSelector?.selector, namespaces: Set(listed), namespaceSelector: namespaceSelector?.selector,
      topologyKey: topologyKey)
  }

  var json: JSONValue {
    var object = JSONObjectBuilder()
    object.set("labelSelector", labelSelector?.json)
    object.set("namespaceSelector", namespaceSelector?.json)
    if !namespaces.isEmpty { object.set("namespaces", .array(namespaces.map(JSONValue.string))) }
    object.set("topologyKey", .string(topologyKey))
    return object.value
  }
}

/// A preferred inter-pod affinity term and its weight (`WeightedPodAffinityTerm`).
public struct WeightedPodAffinityTerm: Sendable, Equatable {
  public var weight: Int
  public var term: PodAffinityTerm

  /// Creates a weighted term.
  public init(weight: Int, term: PodAffinityTerm) {
    self.weight = weight
    self.term = term
  }

  var json: JSONValue {
    .object([("podAffinityTerm", term.json), ("weight", .int(Int64(weight)))])
  }
}

/// A pod affinity term ready to match pods (`framework.AffinityTerm`).
struct ResolvedAffinityTerm {
  /// Nil matches no pod.
  var selector: LabelSelector?
  var namespaces: Set<String>
  var namespaceSelector: LabelSelector?
  var topologyKey: String

  /// Whether `pod`, in a namespace labelled `namespaceLabels`, is one the term selects
  /// (`AffinityTerm.Matches`).
  func matches(_ pod: Pod, namespaceLabels: [String: String]) -> Bool {
    guard let selector else { return false }
    let namespace = pod.metadata.namespace ?? "default"
    let inNamespace =
      namespaces.contains(namespace) || (namespaceSelector.map { $0.matches(namespaceLabels) } ?? false)
    return inNamespace && selector.matches(pod.metadata.labels)
  }
}
