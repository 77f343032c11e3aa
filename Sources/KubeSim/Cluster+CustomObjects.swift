extension Cluster {
  /// The kinds the stored CustomResourceDefinitions define in at least one served version, in
  /// the order of the definitions' names: what discovery adds to the built-in resources.
  public var customResourceTypes: [ResourceType] {
    customResourceDefinitions.keys.sorted().compactMap { customResourceDefinitions[$0]?.servedType }.filter {
      !$0.versions.isEmpty
    }
  }

  /// The definition that defines `type`.
  public func customResourceDefinition(defining type: ResourceType) -> CustomResourceDefinition? {
    customResourceDefinitions[type.plural + "." + type.group]
  }

  /// The store key of a custom object: its resource, then `namespace/name` (or the name).
  public static func customObjectKey(_ type: ResourceType, name: String, namespace: String) -> String {
    type.qualifiedResource + "|" + (type.namespaced ? key(namespace, name) : name)
  }

  /// The objects of `type` in `namespace` (all when nil), in key order.
  public func customObjects(of type: ResourceType, namespace: String?) -> [CustomObject] {
    let prefix = type.qualifiedResource + "|"
    return customObjects.keys.filter { $0.hasPrefix(prefix) }.sorted().compactMap { key in
      guard let object = customObjects[key] else { return nil }
      if let namespace, type.namespaced, object.metadata.namespace != namespace { return nil }
      return object
    }
  }

  /// The object of `type` called `name`.
  public func customObject(of type: ResourceType, name: String, namespace: String) -> CustomObject? {
    customObjects[Self.customObjectKey(type, name: name, namespace: namespace)]
  }

  /// The schema errors of `object` against its definition's storage version.
  func schemaErrors(_ object: CustomObject) -> [FieldError] {
    guard let schema = customResourceDefinition(defining: object.type)?.preferredVersion?.schema else { return [] }
    return schema.validate(object: object.json)
  }

  /// Creates a custom object (already pruned): the namespace must exist, the name be a DNS
  /// subdomain and free, and the object valid against its schema; it gets generation 1.
  @discardableResult
  public mutating func createCustomObject(_ object: CustomObject) throws(APIError) -> CustomObject {
    var object = object
    let type = object.type
    let namespace = object.metadata.namespace ?? "default"
    if type.namespaced {
      object.metadata.namespace = namespace
      try admitCreate(in: namespace, resource: type.qualifiedResource, name: object.metadata.name)
    } else {
      object.metadata.namespace = nil
    }
    try requireStoreRoom(customObjects.count, kind: "custom objects")
    let causes = Validation.validateSubdomainName(object.metadata.name) + schemaErrors(object)
    if !causes.isEmpty { throw .invalid(kind: type.kind, name: object.metadata.name, causes: causes) }
    let key = Self.customObjectKey(type, name: object.metadata.name, namespace: namespace)
    if customObjects[key] != nil { throw .alreadyExists(resource: type.qualifiedResource, name: object.metadata.name) }
    object.metadata.creationTimestamp = now
    object.metadata.generation = 1
    stampAside(&object.metadata, stream: type.qualifiedResource + ":" + now.rfc3339)
    customObjects[key] = object
    return object
  }

  /// Replaces a custom object (an update): it keeps its identity; a change beyond the
  /// metadata bumps the generation (there is no status subresource).
  public mutating func updateCustomObject(_ object: CustomObject) throws(APIError) {
    let type = object.type
    let key = Self.customObjectKey(type, name: object.metadata.name, namespace: object.metadata.namespace ?? "")
    guard let live = customObjects[key] else {
      throw .notFound(resource: type.qualifiedResource, name: object.metadata.name)
    }
    let causes = schemaErrors(object)
    if !causes.isEmpty { throw .invalid(kind: type.kind, name: object.metadata.name, causes: causes) }
    var updated = object
    updated.metadata.namespace = live.metadata.namespace
    updated.metadata.uid = live.metadata.uid
    updated.metadata.creationTimestamp = live.metadata.creationTimestamp
    updated.metadata.generation = live.metadata.generation
    updated.metadata.resourceVersion = live.metadata.resourceVersion
    if updated == live { return }
    if updated.content != live.content { updated.metadata.generation += 1 }
    updated.metadata.resourceVersion = nextResourceVersion()
    customObjects[key] = updated
  }

  /// Deletes a custom object.
  public mutating func deleteCustomObject(of type: ResourceType, name: String, namespace: String) throws(APIError) {
    guard customObjects.removeValue(forKey: Self.customObjectKey(type, name: name, namespace: namespace)) != nil else {
      throw .notFound(resource: type.qualifiedResource, name: name)
    }
    writeCount += 1
  }

  /// Deletes every object of `type` (its definition going), or those in `namespace`.
  mutating func removeCustomObjects(of type: ResourceType, namespace: String? = nil) {
    let keys = customObjects(of: type, namespace: namespace).map {
      Self.customObjectKey(type, name: $0.metadata.name, namespace: $0.metadata.namespace ?? "")
    }
    guard !keys.isEmpty else { return }
    for key in keys { customObjects[key] = nil }
    writeCount += 1
  }
}
