/// A ClusterRoleBinding (rbac.authorization.k8s.io/v1): grants a ClusterRole's rules in every
/// namespace and on cluster-scoped resources.
public struct ClusterRoleBinding: RBACBinding, Sendable, Equatable {
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

extension ClusterRoleBinding {
  public static let resource = ResourceType(
    plural: "clusterrolebindings", singular: "clusterrolebinding", kind: "ClusterRoleBinding",
    group: "rbac.authorization.k8s.io", shortNames: [], namespaced: false)
  public static var store: KeyPath<Cluster, [String: ClusterRoleBinding]> { \.clusterRoleBindings }
}

extension Cluster {
  /// Admits a new ClusterRoleBinding (`ValidateClusterRoleBinding`).
  @discardableResult
  public mutating func createClusterRoleBinding(_ binding: ClusterRoleBinding) throws(APIError)
    -> ClusterRoleBinding
  {
    try requireStoreRoom(clusterRoleBindings.count, kind: "ClusterRoleBindings")
    return try admitNew(
      binding, causes: Self.bindingCauses(binding.roleRef, binding.subjects, namespaced: false), generation: false)
  }

  /// Replaces a ClusterRoleBinding's subjects, labels and annotations; its role cannot change.
  public mutating func updateClusterRoleBinding(_ binding: ClusterRoleBinding) throws(APIError) {
    var causes = Self.bindingCauses(binding.roleRef, binding.subjects, namespaced: false)
    if let live = clusterRoleBindings[binding.metadata.name], live.roleRef != binding.roleRef {
      causes.append(Self.roleRefChange(binding.roleRef))
    }
    try replace(binding, causes: causes) { _, _ in true }
  }

  /// Deletes a ClusterRoleBinding.
  public mutating func deleteClusterRoleBinding(_ name: String) throws(APIError) {
    try remove(ClusterRoleBinding.self, name, namespace: "")
  }
}
