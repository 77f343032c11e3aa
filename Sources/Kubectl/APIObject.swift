import KubeSim

/// Any object the simulator serves, for code that handles every kind alike: the object and,
/// through its type, everything kubectl knows about its kind.
struct APIObject {
  /// The object itself.
  var base: any KubectlResource

  init(_ base: any KubectlResource) { self.base = base }

  /// The names its kind is served under.
  var type: ResourceType { base.servedType }

  var metadata: ObjectMeta { base.metadata }

  /// The object as `-o yaml|json` shows it at `now` (a node's heartbeats depend on the time).
  func json(now: Timestamp) -> JSONValue { base.json(now: now) }

  /// Its `kubectl get` row.
  func row(now: Timestamp) -> [String] { base.row(now: now) }

  /// `<kind>[.<group>]/<name>`, as `-o name` prints it.
  var qualifiedName: String { type.qualifiedKind + "/" + metadata.name }

  /// The objects of `type` in `namespace` (all namespaces when nil), in the server's order:
  /// a built-in kind's, or those of a kind a CustomResourceDefinition defines.
  static func list(_ type: ResourceType, namespace: String?, cluster: Cluster) -> [APIObject] {
    guard let kind = type.served else { return CustomResources.list(type, namespace: namespace, in: cluster) }
    return kind.list(in: cluster, namespace: namespace).map(APIObject.init)
  }

  /// The object of `type` called `name`.
  static func lookup(_ type: ResourceType, name: String, namespace: String, cluster: Cluster) -> APIObject? {
    guard let kind = type.served else {
      return CustomResources.lookup(type, name: name, namespace: namespace, in: cluster)
    }
    return kind.get(name, namespace: namespace, in: cluster).map(APIObject.init)
  }

  /// The object as the cluster now stores it (itself when it is gone).
  func refreshed(in cluster: Cluster) -> APIObject {
    APIObject.lookup(type, name: metadata.name, namespace: metadata.namespace ?? "", cluster: cluster) ?? self
  }

  /// The live objects `TYPE NAME...`, `TYPE/NAME...` or, with `all`, `TYPE` names in
  /// `namespace`, as kubectl's resource builder visits them: a missing one is NotFound, a type
  /// without names and without `all` the builder's error.
  static func named(_ arguments: [String], all: Bool, namespace: String, cluster: Cluster) throws(KubectlError)
    -> [APIObject]
  {
    var objects: [APIObject] = []
    for request in try ResourceArguments.parse(arguments) {
      if request.names.isEmpty {
        guard all else { throw .plain("resource(s) were provided, but no name was specified") }
        objects += list(request.type, namespace: namespace, cluster: cluster)
        continue
      }
      for name in request.names {
        guard let object = lookup(request.type, name: name, namespace: namespace, cluster: cluster) else {
          throw .api(.notFound(resource: request.type.qualifiedResource, name: name))
        }
        objects.append(object)
      }
    }
    return objects
  }
}
