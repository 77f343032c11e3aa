extension Cluster {
  /// Where `Kind`'s objects are kept, writable: every ``StoredResource`` names one of the
  /// cluster's own dictionaries, which this module may write.
  func writableStore<Kind: StoredResource>(_: Kind.Type) throws(APIError) -> WritableKeyPath<Cluster, [String: Kind]> {
    guard let store = Kind.store as? WritableKeyPath<Cluster, [String: Kind]> else {
      throw .limitExceeded("\(Kind.resource.plural) are kept where the simulator cannot write them")
    }
    return store
  }

  /// The store key of `name` in `namespace` for `Kind`.
  static func key<Kind: StoredResource>(_: Kind.Type, _ name: String, namespace: String) -> String {
    Kind.resource.namespaced ? key(namespace, name) : name
  }

  /// Admits a new object the way the API server admits every kind: the namespace must exist
  /// and not be terminating, the name must be a DNS subdomain, `causes` (the kind's own
  /// validation) must be empty and the name free; then it gets its creation time, generation 1
  /// (unless `generation` is false: kinds whose registry strategy sets none, such as
  /// ServiceAccounts and the RBAC kinds), a uid from its own seeded stream (so generated pod
  /// names stay as they were) and a resource version.
  @discardableResult
  mutating func admitNew<Kind: StoredResource>(
    _ object: Kind, causes: [FieldError], generation: Bool = true
  ) throws(APIError) -> Kind {
    var object = object
    let type = Kind.resource
    let qualifiedResource = type.qualifiedResource
    let namespace = object.metadata.namespace ?? "default"
    if type.namespaced {
      object.metadata.namespace = namespace
      try admitCreate(in: namespace, resource: qualifiedResource, name: object.metadata.name)
    }
    let all = Validation.objectMeta(object.metadata) + causes
    if !all.isEmpty { throw .invalid(kind: type.kind, name: object.metadata.name, causes: all) }
    let store = try writableStore(Kind.self)
    let key = Self.key(Kind.self, object.metadata.name, namespace: namespace)
    if self[keyPath: store][key] != nil {
      throw .alreadyExists(resource: qualifiedResource, name: object.metadata.name)
    }
    object.metadata.creationTimestamp = now
    object.metadata.generation = generation ? 1 : 0
    stampAside(&object.metadata, stream: type.singular + ":" + now.rfc3339)
    self[keyPath: store][key] = object
    return object
  }

  /// Replaces a stored object with `object` (an update through the API): it keeps the live
  /// object's identity, and a new spec (`sameSpec` false) bumps the generation, as the
  /// registry strategies' `PrepareForUpdate` do; labels and annotations alone do not.
  mutating func replace<Kind: StoredResource & Equatable>(
    _ object: Kind, causes: [FieldError], sameSpec: (Kind, Kind) -> Bool
  ) throws(APIError) {
    let type = Kind.resource
    let store = try writableStore(Kind.self)
    let key = Self.key(Kind.self, object.metadata.name, namespace: object.metadata.namespace ?? "default")
    guard let live = self[keyPath: store][key] else {
      throw .notFound(resource: type.qualifiedResource, name: object.metadata.name)
    }
    let all = Validation.labelsAndAnnotations(object.metadata, path: "metadata") + causes
    if !all.isEmpty {
      throw .invalid(kind: type.kind, name: object.metadata.name, causes: all)
    }
    var updated = object
    updated.metadata.uid = live.metadata.uid
    updated.metadata.creationTimestamp = live.metadata.creationTimestamp
    updated.metadata.generation = live.metadata.generation
    updated.metadata.resourceVersion = live.metadata.resourceVersion
    if updated == live { return }
    if !sameSpec(updated, live) { updated.metadata.generation += 1 }
    updated.metadata.resourceVersion = nextResourceVersion()
    self[keyPath: store][key] = updated
  }

  /// Replaces a stored object's labels and annotations (`kubectl label` and `annotate`): a new
  /// resource version, the generation kept. False when there is no such object.
  public mutating func replaceMetadata<Kind: StoredResource>(
    of live: Kind, labels: [String: String], annotations: [String: String]
  ) -> Bool {
    guard let store = try? writableStore(Kind.self) else { return false }
    let key = Self.key(Kind.self, live.metadata.name, namespace: live.metadata.namespace ?? "default")
    guard var object = self[keyPath: store][key] else { return false }
    object.metadata.labels = labels
    object.metadata.annotations = annotations
    object.metadata.resourceVersion = nextResourceVersion()
    self[keyPath: store][key] = object
    writeCount += 1
    return true
  }

  /// Writes back an object's status (the status subresource): nothing else changes.
  mutating func writeStatus<Kind: StoredResource>(_ object: Kind) {
    guard let store = try? writableStore(Kind.self) else { return }
    var object = object
    object.metadata.resourceVersion = nextResourceVersion()
    self[keyPath: store][Self.key(Kind.self, object.metadata.name, namespace: object.metadata.namespace ?? "default")] =
      object
  }

  /// Deletes an object that has no dependents and no finalizers.
  mutating func remove<Kind: StoredResource>(_: Kind.Type, _ name: String, namespace: String) throws(APIError) {
    let type = Kind.resource
    let store = try writableStore(Kind.self)
    guard self[keyPath: store].removeValue(forKey: Self.key(Kind.self, name, namespace: namespace)) != nil else {
      throw .notFound(resource: type.qualifiedResource, name: name)
    }
    writeCount += 1
  }

  /// Deletes every object of `Kind` in `namespace` (the namespace controller emptying it).
  mutating func removeAll<Kind: StoredResource>(_: Kind.Type, namespace: String) {
    guard let store = try? writableStore(Kind.self) else { return }
    let prefix = namespace + "/"
    let keys = self[keyPath: store].keys.filter { $0.hasPrefix(prefix) }
    guard !keys.isEmpty else { return }
    for key in keys { self[keyPath: store][key] = nil }
    writeCount += 1
  }
}
