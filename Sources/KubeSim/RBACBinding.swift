/// What a RoleBinding and a ClusterRoleBinding share: a role reference granted to subjects,
/// served as the same document under their own kind.
public protocol RBACBinding: StoredResource, Equatable {
  var subjects: [RBACSubject] { get set }
  var roleRef: RoleRef { get set }

  /// Creates a binding.
  init(metadata: ObjectMeta, subjects: [RBACSubject], roleRef: RoleRef)
}

extension RBACBinding {
  /// The binding as `kubectl get -o yaml` shows it (`subjects` omitted when empty).
  public var json: JSONValue {
    var object = JSONObjectBuilder()
    object.set("apiVersion", .string("rbac.authorization.k8s.io/v1"))
    object.set("kind", .string(Self.resource.kind))
    object.set("metadata", metadata.json)
    object.set("roleRef", roleRef.json)
    if !subjects.isEmpty { object.set("subjects", .array(subjects.map(\.json))) }
    return object.value
  }

  public func json(now: Timestamp) -> JSONValue { json }
}
