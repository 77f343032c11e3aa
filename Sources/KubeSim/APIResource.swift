/// A kind of object the API server serves: its names, its metadata, its JSON form and how the
/// store lists it. Each kind's type conforms once, beside its declaration; the kubectl layer
/// refines this protocol with what kubectl needs (printer columns, describer, manifests), so a
/// kind that lacks a piece does not compile.
public protocol APIResource: Sendable {
  /// The names discovery serves the kind under.
  static var resource: ResourceType { get }
  /// The object's name, namespace, labels, owners and versions.
  var metadata: ObjectMeta { get set }
  /// The object as the API server returns it (`-o yaml|json`) at `now`.
  func json(now: Timestamp) -> JSONValue
  /// The objects of the kind in `namespace` (all when nil), in the order the server lists them.
  static func list(in cluster: Cluster, namespace: String?) -> [Self]
  /// The object called `name` (in `namespace` when the kind is namespaced).
  static func get(_ name: String, namespace: String, in cluster: Cluster) -> Self?
}

/// A kind kept in one of the cluster's dictionaries, keyed by `NAMESPACE/NAME` (or by name
/// when cluster-scoped): listing and reading it need nothing more than where it is kept.
public protocol StoredResource: APIResource {
  /// Where the cluster keeps the kind's objects.
  static var store: KeyPath<Cluster, [String: Self]> { get }
}

extension StoredResource {
  /// The objects in key order (the etcd key order the API server lists in), filtered by
  /// namespace.
  public static func list(in cluster: Cluster, namespace: String?) -> [Self] {
    let objects = cluster[keyPath: store]
    return objects.keys.sorted().compactMap { key in
      guard let object = objects[key] else { return nil }
      if let namespace, resource.namespaced, object.metadata.namespace != namespace { return nil }
      return object
    }
  }

  /// The object under its key.
  public static func get(_ name: String, namespace: String, in cluster: Cluster) -> Self? {
    cluster[keyPath: store][resource.namespaced ? Cluster.key(namespace, name) : name]
  }
}
