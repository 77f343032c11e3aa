/// A RoleBinding (rbac.authorization.k8s.io/v1): grants a Role of its namespace, or a
/// ClusterRole's rules limited to its namespace, to users, groups and ServiceAccounts.
public struct RoleBinding: RBACBinding, Sendable, Equatable {
  public var metadata: ObjectMeta
  public var subjects: [RBACSubject]
  public var roleRef: RoleRef

  /// Creates a binding.
  public init(metadata: ObjectMeta, subjects: [RBACSubject], roleRef: RoleRef) {
    self.metadata = metadata
    self.subjects = subjects
    self.roleRef = roleRef
  }
}

extension RoleBinding {
  public static let resource = ResourceType(
    plural: "rolebindings", singular: "rolebinding", kind: "RoleBinding", group: "rbac.authorization.k8s.io",
    shortNames: [], namespaced: true)
  public static var store: KeyPath<Cluster, [String: RoleBinding]> { \.roleBindings }
}

extension Cluster {
  /// Admits a new RoleBinding (`ValidateRoleBinding`: the role reference and every subject).
  @discardableResult
  public mutating func createRoleBinding(_ binding: RoleBinding) throws(APIError) -> RoleBinding {
    try requireStoreRoom(roleBindings.count, kind: "RoleBindings")
    return try admitNew(
      binding, causes: Self.bindingCauses(binding.roleRef, binding.subjects, namespaced: true), generation: false)
  }

  /// Replaces a RoleBinding's subjects, labels and annotations; its role cannot change
  /// (`ValidateRoleBindingUpdate`).
  public mutating func updateRoleBinding(_ binding: RoleBinding) throws(APIError) {
    var causes = Self.bindingCauses(binding.roleRef, binding.subjects, namespaced: true)
    if let live = roleBindings[Self.key(binding.metadata)], live.roleRef != binding.roleRef {
      causes.append(Self.roleRefChange(binding.roleRef))
    }
    try replace(binding, causes: causes) { _, _ in true }
  }

  /// Deletes a RoleBinding.
  public mutating func deleteRoleBinding(_ name: String, namespace: String) throws(APIError) {
    try remove(RoleBinding.self, name, namespace: namespace)
  }

  /// A binding's validation: its role reference, then each subject at `subjects[i]`.
  static func bindingCauses(_ roleRef: RoleRef, _ subjects: [RBACSubject], namespaced: Bool) -> [FieldError] {
    roleRef.validate(namespaced: namespaced)
      + subjects.enumerated().flatMap { index, subject in
        subject.validate(namespaced: namespaced, path: "subjects[\(index)]")
      }
  }

  /// The error for an update that changes a binding's roleRef.
  static func roleRefChange(_ roleRef: RoleRef) -> FieldError {
    FieldError(
      field: "roleRef", type: "Invalid value",
      value:
        "rbac.RoleRef{APIGroup:\(Validation.quote(roleRef.apiGroup)), Kind:\(Validation.quote(roleRef.kind)), Name:\(Validation.quote(roleRef.name))}",
      detail: "cannot change roleRef")
  }
}
