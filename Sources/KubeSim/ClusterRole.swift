/// A ClusterRole (rbac.authorization.k8s.io/v1): rules across the cluster (or in one namespace,
/// through a RoleBinding), on namespaced and cluster-scoped resources and non-resource URLs.
/// An aggregated ClusterRole (`aggregationRule`) gets its rules from the ClusterRoles its
/// selectors match (``Cluster/aggregateClusterRoles()``).
public struct ClusterRole: Sendable, Equatable {
  public var metadata: ObjectMeta
  public var rules: [PolicyRule]
  /// `aggregationRule.clusterRoleSelectors`, as label maps (`matchLabels`); nil when the role
  /// is not aggregated.
  public var aggregationSelectors: [[String: String]]?

  /// Creates a ClusterRole.
  public init(metadata: ObjectMeta, rules: [PolicyRule], aggregationSelectors: [[String: String]]? = nil) {
    self.metadata = metadata
    self.rules = rules
    self.aggregationSelectors = aggregationSelectors
  }

  /// The ClusterRole as `kubectl get clusterrole -o yaml` shows it.
  public var json: JSONValue {
    var object = JSONObjectBuilder()
    if let selectors = aggregationSelectors {
      object.set(
        "aggregationRule",
        .object([("clusterRoleSelectors", .array(selectors.map { .object([("matchLabels", .stringMap($0))]) }))]))
    }
    object.set("apiVersion", .string("rbac.authorization.k8s.io/v1"))
    object.set("kind", .string("ClusterRole"))
    object.set("metadata", metadata.json)
    object.set("rules", rules.isEmpty ? .null : .array(rules.map(\.json)))
    return object.value
  }
}

extension ClusterRole: StoredResource {
  public static let resource = ResourceType(
    plural: "clusterroles", singular: "clusterrole", kind: "ClusterRole", group: "rbac.authorization.k8s.io",
    shortNames: [], namespaced: false)
  public static var store: KeyPath<Cluster, [String: ClusterRole]> { \.clusterRoles }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension Cluster {
  /// Admits a new ClusterRole, then lets the aggregation controller react.
  @discardableResult
  public mutating func createClusterRole(_ role: ClusterRole) throws(APIError) -> ClusterRole {
    try requireStoreRoom(clusterRoles.count, kind: "ClusterRoles")
    let created = try admitNew(role, causes: Self.ruleCauses(role.rules, namespaced: false), generation: false)
    aggregateClusterRoles()
    return created
  }

  /// Replaces a ClusterRole (apply), then re-aggregates.
  public mutating func updateClusterRole(_ role: ClusterRole) throws(APIError) {
    try replace(role, causes: Self.ruleCauses(role.rules, namespaced: false)) { _, _ in true }
    aggregateClusterRoles()
  }

  /// Deletes a ClusterRole, then re-aggregates.
  public mutating func deleteClusterRole(_ name: String) throws(APIError) {
    try remove(ClusterRole.self, name, namespace: "")
    aggregateClusterRoles()
  }

  /// The clusterrole-aggregation controller (`pkg/controller/clusterroleaggregation`), run on
  /// every ClusterRole write rather than per round: each aggregated role's rules become the
  /// rules of the other ClusterRoles its selectors match, in name order, each rule once.
  mutating func aggregateClusterRoles() {
    // An aggregated role may feed another (`edit` feeds `admin`): repeat until nothing changes,
    // at most once per role.
    var passes = 0
    while passes <= clusterRoles.count, aggregationPass() { passes += 1 }
  }

  /// One pass of ``aggregateClusterRoles()``; whether some role changed.
  private mutating func aggregationPass() -> Bool {
    var changed = false
    for name in clusterRoles.keys.sorted() {
      guard var role = clusterRoles[name], let selectors = role.aggregationSelectors else { continue }
      var rules: [PolicyRule] = []
      for selector in selectors {
        for other in clusterRoles.keys.sorted() where other != name {
          guard let source = clusterRoles[other],
            selector.allSatisfy({ source.metadata.labels[$0.key] == $0.value })
          else { continue }
          for rule in source.rules where !rules.contains(rule) { rules.append(rule) }
        }
      }
      guard rules != role.rules else { continue }
      role.rules = rules
      writeStatus(role)
      changed = true
    }
    return changed
  }
}
