/// One node selector term (`core/v1` `NodeSelectorTerm`): its `matchExpressions` on node
/// labels and `matchFields` on node fields must all hold; a term with neither matches no node
/// (`component-helpers/scheduling/corev1/nodeaffinity`).
public struct NodeSelectorTerm: Sendable, Equatable {
  public var matchExpressions: [NodeSelectorRequirement]
  public var matchFields: [NodeSelectorRequirement]

  /// Creates a term.
  public init(matchExpressions: [NodeSelectorRequirement] = [], matchFields: [NodeSelectorRequirement] = []) {
    self.matchExpressions = matchExpressions
    self.matchFields = matchFields
  }

  /// Whether `node` satisfies the term. A requirement that cannot be parsed (`Gt` with two
  /// values, a field other than `metadata.name`) makes the term match nothing, as the
  /// parse error does upstream.
  public func matches(_ node: Node) -> Bool {
    if matchExpressions.isEmpty && matchFields.isEmpty { return false }
    for requirement in matchExpressions {
      guard Validation.qualifiedNameErrors(requirement.key).isEmpty,
        requirement.matches(node.metadata.labels[requirement.key]) == true
      else { return false }
    }
    for requirement in matchFields {
      // Only `metadata.name` with `In` or `NotIn` and one value is a valid field requirement.
      guard requirement.key == "metadata.name", requirement.values.count == 1,
        requirement.operator == "In" || requirement.operator == "NotIn",
        requirement.matches(node.metadata.name) == true
      else { return false }
    }
    return true
  }

  /// Whether `node` satisfies any of `terms` (they are ORed).
  public static func anyMatches(_ terms: [NodeSelectorTerm], _ node: Node) -> Bool {
    terms.contains { $0.matches(node) }
  }

  var json: JSONValue {
    var object = JSONObjectBuilder()
    if !matchExpressions.isEmpty { object.set("matchExpressions", .array(matchExpressions.map(\.json))) }
    if !matchFields.isEmpty { object.set("matchFields", .array(matchFields.map(\.json))) }
    return object.value
  }
}

/// A preferred node selector term and its weight (`core/v1` `PreferredSchedulingTerm`).
public struct PreferredSchedulingTerm: Sendable, Equatable {
  public var weight: Int
  public var preference: NodeSelectorTerm

  /// Creates a weighted term.
  public init(weight: Int, preference: NodeSelectorTerm) {
    self.weight = weight
    self.preference = preference
  }

  var json: JSONValue {
    .object([("preference", preference.json), ("weight", .int(Int64(weight)))])
  }
}
