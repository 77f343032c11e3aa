extension ObjectMeta {
  /// The metadata as the API server serialises it.
  public var json: JSONValue {
    var object = JSONObjectBuilder()
    if !annotations.isEmpty { object.set("annotations", .stringMap(annotations)) }
    object.set("creationTimestamp", .string(creationTimestamp.rfc3339))
    if let seconds = deletionGracePeriodSeconds { object.set("deletionGracePeriodSeconds", .int(Int64(seconds))) }
    if let time = deletionTimestamp { object.set("deletionTimestamp", .string(time.rfc3339)) }
    if !finalizers.isEmpty { object.set("finalizers", .array(finalizers.map(JSONValue.string))) }
    if let generateName { object.set("generateName", .string(generateName)) }
    if generation > 0 { object.set("generation", .int(Int64(generation))) }
    if !labels.isEmpty { object.set("labels", .stringMap(labels)) }
    object.set("name", .string(name))
    if let namespace { object.set("namespace", .string(namespace)) }
    if !ownerReferences.isEmpty {
      object.set("ownerReferences", .array(ownerReferences.map(\.json)))
    }
    object.set("resourceVersion", .string(String(resourceVersion)))
    object.set("uid", .string(uid))
    return object.value
  }
}

extension OwnerReference {
  /// The reference as the API server serialises it.
  public var json: JSONValue {
    var object = JSONObjectBuilder()
    object.set("apiVersion", .string(apiVersion))
    if let blockOwnerDeletion { object.set("blockOwnerDeletion", .bool(blockOwnerDeletion)) }
    object.set("controller", .bool(controller))
    object.set("kind", .string(kind))
    object.set("name", .string(name))
    object.set("uid", .string(uid))
    return object.value
  }
}

extension JSONValue {
  /// An object of string values, keys in sorted order.
  public static func stringMap(_ map: [String: String]) -> JSONValue {
    .object(map.keys.sorted().map { ($0, .string(map[$0]!)) })
  }
}
