/// The role a binding grants (`rbac/v1 RoleRef`): a Role in the binding's namespace or a
/// ClusterRole. It cannot change once the binding exists.
public struct RoleRef: Sendable, Equatable {
  /// `Role` or `ClusterRole`.
  public var kind: String
  public var name: String
  public var apiGroup = "rbac.authorization.k8s.io"

  /// Creates a reference.
  public init(kind: String, name: String) {
    self.kind = kind
    self.name = name
  }

  /// The reference as the API serialises it.
  public var json: JSONValue {
    .object([("apiGroup", .string(apiGroup)), ("kind", .string(kind)), ("name", .string(name))])
  }

  /// `ValidateRoleBinding`'s roleRef checks: the RBAC group, a supported kind (a
  /// ClusterRoleBinding takes only ClusterRoles) and a name.
  func validate(namespaced: Bool) -> [FieldError] {
    var causes: [FieldError] = []
    if apiGroup != "rbac.authorization.k8s.io" {
      causes.append(
        FieldError(
          field: "roleRef.apiGroup", type: "Unsupported value", value: Validation.quote(apiGroup),
          detail: "supported values: \"rbac.authorization.k8s.io\""))
    }
    let kinds = namespaced ? ["Role", "ClusterRole"] : ["ClusterRole"]
    if !kinds.contains(kind) {
      causes.append(
        FieldError(
          field: "roleRef.kind", type: "Unsupported value", value: Validation.quote(kind),
          detail: "supported values: " + kinds.map(Validation.quote).joined(separator: ", ")))
    }
    if name.isEmpty { causes.append(FieldError(field: "roleRef.name", type: "Required value")) }
    return causes
  }
}
