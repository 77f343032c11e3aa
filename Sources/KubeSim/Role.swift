/// A Role (rbac.authorization.k8s.io/v1): rules that grant access inside one namespace, once a
/// RoleBinding there names it.
public struct Role: Sendable, Equatable {
  public var metadata: ObjectMeta
  public var rules: [PolicyRule]

  /// Creates a Role.
  public init(metadata: ObjectMeta, rules: [PolicyRule]) {
    self.metadata = metadata
    self.rules = rules
  }

  /// The Role as `kubectl get role -o yaml` shows it; `rules` has no `omitempty`, so a Role
  /// without rules shows `rules: null`.
  public var json: JSONValue {
    .object([
      ("apiVersion", .string("rbac.authorization.k8s.io/v1")), ("kind", .string("Role")),
      ("metadata", metadata.json), ("rules", rules.isEmpty ? .null : .array(rules.map(\.json))),
    ])
  }
}

extension Role: StoredResource {
  public static let resource = ResourceType(
    plural: "roles", singular: "role", kind: "Role", group: "rbac.authorization.k8s.io", shortNames: [],
    namespaced: true)
  public static var store: KeyPath<Cluster, [String: Role]> { \.roles }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension Cluster {
  /// Admits a new Role: every rule validated (`ValidateRole`), no generation.
  @discardableResult
  public mutating func createRole(_ role: Role) throws(APIError) -> Role {
    try requireStoreRoom(roles.count, kind: "Roles")
    return try admitNew(role, causes: Self.ruleCauses(role.rules, namespaced: true), generation: false)
  }

  /// Replaces a Role's rules, labels and annotations (apply).
  public mutating func updateRole(_ role: Role) throws(APIError) {
    try replace(role, causes: Self.ruleCauses(role.rules, namespaced: true)) { _, _ in true }
  }

  /// Deletes a Role.
  public mutating func deleteRole(_ name: String, namespace: String) throws(APIError) {
    try remove(Role.self, name, namespace: namespace)
  }

  /// `ValidatePolicyRule` for every rule, at `rules[i]`.
  static func ruleCauses(_ rules: [PolicyRule], namespaced: Bool) -> [FieldError] {
    rules.enumerated().flatMap { index, rule in rule.validate(namespaced: namespaced, path: "rules[\(index)]") }
  }
}
