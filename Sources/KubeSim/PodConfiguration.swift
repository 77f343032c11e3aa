/// An environment variable of a container: a literal value, or one taken from a ConfigMap,
/// a Secret or the pod's own fields.
public struct EnvVar: Sendable, Equatable {
  /// Where a variable's value comes from when it is not written literally.
  public enum Source: Sendable, Equatable {
    case configMapKey(name: String, key: String, optional: Bool?)
    case secretKey(name: String, key: String, optional: Bool?)
    case field(path: String)
  }

  public var name: String
  public var value: String?
  public var source: Source?

  /// Creates a variable.
  public init(name: String, value: String? = nil, source: Source? = nil) {
    self.name = name
    self.value = value
    self.source = source
  }

  var json: JSONValue {
    var object = JSONObjectBuilder()
    object.set("name", .string(name))
    object.set("value", value.map(JSONValue.string))
    switch source {
    case .configMapKey(let name, let key, let optional)?:
      object.set("valueFrom", .object([("configMapKeyRef", Self.keyRef(name: name, key: key, optional: optional))]))
    case .secretKey(let name, let key, let optional)?:
      object.set("valueFrom", .object([("secretKeyRef", Self.keyRef(name: name, key: key, optional: optional))]))
    case .field(let path)?:
      object.set(
        "valueFrom",
        .object([("fieldRef", .object([("apiVersion", .string("v1")), ("fieldPath", .string(path))]))]))
    case nil:
      break
    }
    return object.value
  }

  static func keyRef(name: String, key: String, optional: Bool?) -> JSONValue {
    var object = JSONObjectBuilder()
    object.set("key", .string(key))
    object.set("name", .string(name))
    object.set("optional", optional.map(JSONValue.bool))
    return object.value
  }
}

/// `envFrom`: every key of a ConfigMap or Secret as a variable.
public struct EnvFromSource: Sendable, Equatable {
  /// `ConfigMap` or `Secret`.
  public var kind: String
  public var name: String
  public var prefix: String?
  public var optional: Bool?

  /// Creates a source.
  public init(kind: String, name: String, prefix: String? = nil, optional: Bool? = nil) {
    self.kind = kind
    self.name = name
    self.prefix = prefix
    self.optional = optional
  }

  var json: JSONValue {
    var reference = JSONObjectBuilder()
    reference.set("name", .string(name))
    reference.set("optional", optional.map(JSONValue.bool))
    var object = JSONObjectBuilder()
    if kind == "ConfigMap" { object.set("configMapRef", reference.value) }
    object.set("prefix", prefix.map(JSONValue.string))
    if kind == "Secret" { object.set("secretRef", reference.value) }
    return object.value
  }
}

/// Where a container sees one of the pod's volumes.
public struct VolumeMount: Sendable, Equatable {
  public var name: String
  public var mountPath: String
  public var readOnly = false
  public var subPath: String?

  /// Creates a mount.
  public init(name: String, mountPath: String, readOnly: Bool = false, subPath: String? = nil) {
    self.name = name
    self.mountPath = mountPath
    self.readOnly = readOnly
    self.subPath = subPath
  }

  /// The mount in the spec, or (`status`) as the kubelet reports it.
  func json(status: Bool) -> JSONValue {
    var object = JSONObjectBuilder()
    object.set("mountPath", .string(mountPath))
    object.set("name", .string(name))
    if readOnly { object.set("readOnly", .bool(true)) }
    if readOnly && status { object.set("recursiveReadOnly", .string("Disabled")) }
    if !status { object.set("subPath", subPath.map(JSONValue.string)) }
    return object.value
  }
}

/// A volume of a pod and what backs it.
public struct Volume: Sendable, Equatable {
  /// What backs a volume.
  public enum Source: Sendable, Equatable {
    case configMap(name: String, optional: Bool?)
    case secret(name: String, optional: Bool?)
    case emptyDir
    case hostPath(path: String, type: String)
    case persistentVolumeClaim(claimName: String, readOnly: Bool)
  }

  public var name: String
  public var source: Source

  /// Creates a volume.
  public init(name: String, source: Source) {
    self.name = name
    self.source = source
  }

  var json: JSONValue {
    var object = JSONObjectBuilder()
    switch source {
    case .configMap(let configMap, let optional):
      var inner = JSONObjectBuilder()
      inner.set("defaultMode", .int(420))
      inner.set("name", .string(configMap))
      inner.set("optional", optional.map(JSONValue.bool))
      object.set("configMap", inner.value)
      object.set("name", .string(name))
    case .secret(let secret, let optional):
      object.set("name", .string(name))
      var inner = JSONObjectBuilder()
      inner.set("defaultMode", .int(420))
      inner.set("optional", optional.map(JSONValue.bool))
      inner.set("secretName", .string(secret))
      object.set("secret", inner.value)
    case .emptyDir:
      object.set("emptyDir", .object([]))
      object.set("name", .string(name))
    case .hostPath(let path, let type):
      object.set("hostPath", .object([("path", .string(path)), ("type", .string(type))]))
      object.set("name", .string(name))
    case .persistentVolumeClaim(let claimName, let readOnly):
      object.set("name", .string(name))
      var inner = JSONObjectBuilder()
      inner.set("claimName", .string(claimName))
      if readOnly { inner.set("readOnly", .bool(true)) }
      object.set("persistentVolumeClaim", inner.value)
    }
    return object.value
  }
}
