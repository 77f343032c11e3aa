/// The RBAC authorizer (`plugin/pkg/auth/authorizer/rbac/rbac.go`) over the stored Roles,
/// ClusterRoles and their bindings: a request is allowed when some rule that a binding grants
/// the user allows it; nothing else denies.
public enum RBACAuthorizer {
  /// The answer to one request: allowed or not, and the reason RBAC gives when it is not
  /// (`RBAC: ...` naming roles that bindings refer to but that do not exist).
  public struct Decision: Sendable, Equatable {
    public var allowed: Bool
    public var reason: String
  }

  /// `RBACAuthorizer.Authorize`: visits the rules granted to `user` for the request's
  /// namespace and stops at the first that allows it.
  public static func authorize(_ user: UserInfo, _ request: AccessRequest, in cluster: Cluster) -> Decision {
    let (rules, errors) = rulesFor(user, namespace: request.namespace, in: cluster)
    if rules.contains(where: { $0.allows(request) }) { return Decision(allowed: true, reason: "") }
    return Decision(allowed: false, reason: errors.isEmpty ? "" : "RBAC: " + aggregate(errors))
  }

  /// `VisitRulesFor` (`pkg/registry/rbac/validation/rule.go`): the rules of the ClusterRoles
  /// that ClusterRoleBindings grant `user`, then, in `namespace`, of the Roles and ClusterRoles
  /// its RoleBindings grant; with the errors for referenced roles that are missing.
  public static func rulesFor(_ user: UserInfo, namespace: String, in cluster: Cluster) -> (
    rules: [PolicyRule], errors: [String]
  ) {
    var rules: [PolicyRule] = []
    var errors: [String] = []
    for binding in ClusterRoleBinding.list(in: cluster, namespace: nil)
    where binding.subjects.contains(where: { $0.applies(to: user, bindingNamespace: "") }) {
      guard let role = cluster.clusterRoles[binding.roleRef.name] else {
        errors.append("clusterrole.rbac.authorization.k8s.io \(Validation.quote(binding.roleRef.name)) not found")
        continue
      }
      rules += role.rules
    }
    guard !namespace.isEmpty else { return (rules, errors) }
    for binding in RoleBinding.list(in: cluster, namespace: namespace)
    where binding.subjects.contains(where: { $0.applies(to: user, bindingNamespace: namespace) }) {
      if binding.roleRef.kind == "Role" {
        guard let role = cluster.roles[Cluster.key(namespace, binding.roleRef.name)] else {
          errors.append("role.rbac.authorization.k8s.io \(Validation.quote(binding.roleRef.name)) not found")
          continue
        }
        rules += role.rules
      } else {
        guard let role = cluster.clusterRoles[binding.roleRef.name] else {
          errors.append("clusterrole.rbac.authorization.k8s.io \(Validation.quote(binding.roleRef.name)) not found")
          continue
        }
        rules += role.rules
      }
    }
    return (rules, errors)
  }

  /// `utilerrors.NewAggregate(errs).Error()`: one error as is, several in brackets.
  static func aggregate(_ errors: [String]) -> String {
    var unique: [String] = []
    for error in errors where !unique.contains(error) { unique.append(error) }
    return unique.count == 1 ? unique[0] : "[" + unique.joined(separator: ", ") + "]"
  }
}
