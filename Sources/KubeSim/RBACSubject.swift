/// Who a RoleBinding or ClusterRoleBinding grants its role to (`rbac/v1 Subject`): a user, a
/// group or a ServiceAccount (with its namespace).
public struct RBACSubject: Sendable, Equatable {
  /// `User`, `Group` or `ServiceAccount`.
  public var kind: String
  public var name: String
  /// A ServiceAccount's namespace; empty otherwise.
  public var namespace: String = ""
  /// `rbac.authorization.k8s.io` for users and groups, empty for ServiceAccounts.
  public var apiGroup: String

  /// Creates a subject; users and groups get the RBAC API group, as kubectl's generators and
  /// the API defaults give them.
  public init(kind: String, name: String, namespace: String = "", apiGroup: String? = nil) {
    self.kind = kind
    self.name = name
    self.namespace = namespace
    self.apiGroup = apiGroup ?? (kind == "ServiceAccount" ? "" : "rbac.authorization.k8s.io")
  }

  /// The subject as the API serialises it (keys sorted).
  public var json: JSONValue {
    var object = JSONObjectBuilder()
    if !apiGroup.isEmpty { object.set("apiGroup", .string(apiGroup)) }
    object.set("kind", .string(kind))
    object.set("name", .string(name))
    if !namespace.isEmpty { object.set("namespace", .string(namespace)) }
    return object.value
  }

  /// `appliesToUser` (`pkg/registry/rbac/validation/rule.go`): a user by name, a group by
  /// membership, a ServiceAccount by its `system:serviceaccount:NS:NAME` user name (a binding's
  /// own namespace when the subject names none).
  public func applies(to user: UserInfo, bindingNamespace: String) -> Bool {
    switch kind {
    case "User": return user.name == name
    case "Group": return user.groups.contains(name)
    case "ServiceAccount":
      let namespace = self.namespace.isEmpty ? bindingNamespace : self.namespace
      return !namespace.isEmpty && user.name == "system:serviceaccount:\(namespace):\(name)"
    default: return false
    }
  }

  /// `ValidateRoleBindingSubject` (`pkg/apis/rbac/validation`) for the subject at `path`.
  func validate(namespaced: Bool, path: String) -> [FieldError] {
    var causes: [FieldError] = []
    if name.isEmpty { causes.append(FieldError(field: path + ".name", type: "Required value")) }
    switch kind {
    case "ServiceAccount":
      if !apiGroup.isEmpty {
        causes.append(
          FieldError(
            field: path + ".apiGroup", type: "Unsupported value", value: Validation.quote(apiGroup),
            detail: "supported values: \"\""))
      }
      if !namespaced && namespace.isEmpty {
        causes.append(FieldError(field: path + ".namespace", type: "Required value"))
      }
    case "User", "Group":
      if apiGroup != "rbac.authorization.k8s.io" {
        causes.append(
          FieldError(
            field: path + ".apiGroup", type: "Unsupported value", value: Validation.quote(apiGroup),
            detail: "supported values: \"rbac.authorization.k8s.io\""))
      }
    default:
      causes.append(
        FieldError(
          field: path + ".kind", type: "Unsupported value", value: Validation.quote(kind),
          detail: "supported values: \"ServiceAccount\", \"User\", \"Group\""))
    }
    return causes
  }
}
