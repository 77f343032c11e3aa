/// A ConfigMap: non-confidential configuration as string keys and values.
public struct ConfigMap: Sendable, Equatable {
  public var metadata: ObjectMeta
  public var data: [String: String]

  /// Creates a ConfigMap.
  public init(metadata: ObjectMeta, data: [String: String]) {
    self.metadata = metadata
    self.data = data
  }

  /// The ConfigMap as `kubectl get cm -o yaml` shows it (`apiVersion, data, kind, metadata`).
  public var json: JSONValue {
    var object = JSONObjectBuilder()
    object.set("apiVersion", .string("v1"))
    if !data.isEmpty { object.set("data", .stringMap(data)) }
    object.set("kind", .string("ConfigMap"))
    object.set("metadata", metadata.json)
    return object.value
  }
}

/// A Secret: like a ConfigMap, but its values are stored base64-encoded (encoded, not
/// encrypted) and handled with more care by the kubelet and RBAC.
public struct Secret: Sendable, Equatable {
  public var metadata: ObjectMeta
  /// `Opaque` unless a type such as `kubernetes.io/tls` is given.
  public var type: String
  /// The values, base64-encoded as the API stores them.
  public var data: [String: String]

  /// Creates a Secret from base64-encoded values.
  public init(metadata: ObjectMeta, type: String = "Opaque", data: [String: String]) {
    self.metadata = metadata
    self.type = type
    self.data = data
  }

  /// The Secret as `kubectl get secret -o yaml` shows it (`apiVersion, data, kind, metadata, type`).
  public var json: JSONValue {
    var object = JSONObjectBuilder()
    object.set("apiVersion", .string("v1"))
    if !data.isEmpty { object.set("data", .stringMap(data)) }
    object.set("kind", .string("Secret"))
    object.set("metadata", metadata.json)
    object.set("type", .string(type))
    return object.value
  }
}

extension ConfigMap: StoredResource {
  public static let resource = ResourceType(
    plural: "configmaps", singular: "configmap", kind: "ConfigMap", group: "", shortNames: ["cm"], namespaced: true)
  public static var store: KeyPath<Cluster, [String: ConfigMap]> { \.configMaps }
  public func json(now: Timestamp) -> JSONValue { json }
}

extension Secret: StoredResource {
  public static let resource = ResourceType(
    plural: "secrets", singular: "secret", kind: "Secret", group: "", shortNames: [], namespaced: true)
  public static var store: KeyPath<Cluster, [String: Secret]> { \.secrets }
  public func json(now: Timestamp) -> JSONValue { json }
}
