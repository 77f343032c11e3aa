/// What the kubelet builds for a container from its pod's ConfigMaps and Secrets
/// (`makeEnvironmentVariables`), or the error that keeps it from starting.
enum ContainerConfig {
  /// The environment of `container`, in the order the kubelet assembles it (`envFrom`
  /// sources first, then `env`), with Secret values decoded; or the kubelet's error for the
  /// first missing, non-optional reference.
  static func environment(of container: Container, in pod: Pod, cluster: Cluster) -> Result<
    [(String, String)], ConfigError
  > {
    let namespace = pod.metadata.namespace ?? "default"
    var result: [(String, String)] = []
    func set(_ name: String, _ value: String) {
      if let index = result.firstIndex(where: { $0.0 == name }) {
        result[index].1 = value
      } else {
        result.append((name, value))
      }
    }
    for source in container.envFrom {
      let key = Cluster.key(namespace, source.name)
      let data: [String: String]?
      if source.kind == "ConfigMap" {
        data = cluster.configMaps[key]?.data
      } else {
        data = cluster.secrets[key].map { $0.data.mapValues { Base64.decode($0) ?? "" } }
      }
      guard let data else {
        if source.optional == true { continue }
        return .failure(ConfigError(message: "\(source.kind.lowercased()) \"\(source.name)\" not found"))
      }
      for name in data.keys.sorted() { set((source.prefix ?? "") + name, data[name]!) }
    }
    for variable in container.env {
      switch variable.source {
      case nil:
        set(variable.name, variable.value ?? "")
      case .field(let path)?:
        set(variable.name, PodFields.value(path, of: pod))
      case .configMapKey(let name, let key, let optional)?:
        guard let configMap = cluster.configMaps[Cluster.key(namespace, name)] else {
          if optional == true { continue }
          return .failure(ConfigError(message: "configmap \"\(name)\" not found"))
        }
        guard let value = configMap.data[key] else {
          if optional == true { continue }
          return .failure(ConfigError(message: "couldn't find key \(key) in ConfigMap \(namespace)/\(name)"))
        }
        set(variable.name, value)
      case .secretKey(let name, let key, let optional)?:
        guard let secret = cluster.secrets[Cluster.key(namespace, name)] else {
          if optional == true { continue }
          return .failure(ConfigError(message: "secret \"\(name)\" not found"))
        }
        guard let value = secret.data[key] else {
          if optional == true { continue }
          return .failure(ConfigError(message: "couldn't find key \(key) in Secret \(namespace)/\(name)"))
        }
        set(variable.name, Base64.decode(value) ?? "")
      }
    }
    return .success(result)
  }

  /// The first volume whose ConfigMap or Secret is missing: the kubelet cannot mount it.
  static func missingVolume(of pod: Pod, cluster: Cluster) -> (volume: String, message: String)? {
    let namespace = pod.metadata.namespace ?? "default"
    for volume in pod.spec.volumes {
      switch volume.source {
      case .configMap(let name, let optional) where optional != true:
        if cluster.configMaps[Cluster.key(namespace, name)] == nil {
          return (volume.name, "configmap \"\(name)\" not found")
        }
      case .secret(let name, let optional) where optional != true:
        if cluster.secrets[Cluster.key(namespace, name)] == nil { return (volume.name, "secret \"\(name)\" not found") }
      default:
        continue
      }
    }
    return nil
  }

}

/// The downward API: a pod's own fields by path.
public enum PodFields {
  /// The value of `path` (`metadata.name`, `status.podIP`, ...) for `pod`.
  public static func value(_ path: String, of pod: Pod) -> String {
    switch path {
    case "metadata.name": return pod.metadata.name
    case "metadata.namespace": return pod.metadata.namespace ?? "default"
    case "metadata.uid": return pod.metadata.uid
    case "spec.nodeName": return pod.spec.nodeName ?? ""
    case "spec.serviceAccountName": return pod.spec.serviceAccountName
    case "status.podIP": return pod.status.podIP ?? ""
    case "status.hostIP": return pod.status.hostIP ?? ""
    default: return ""
    }
  }
}

/// Why the kubelet could not build a container's configuration.
struct ConfigError: Error, Sendable, Equatable {
  var message: String
}

/// Base64 as Secrets store their values (RFC 4648, with padding).
public enum Base64 {
  static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// The encoding of the UTF-8 bytes of `text`.
  public static func encode(_ text: String) -> String {
    encode(Array(text.utf8))
  }

  /// The encoding of `bytes`.
  public static func encode(_ bytes: [UInt8]) -> String {
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let chunk = bytes[index..<min(index + 3, bytes.count)]
      let b0 = chunk[chunk.startIndex]
      let b1 = chunk.count > 1 ? chunk[chunk.startIndex + 1] : 0
      let b2 = chunk.count > 2 ? chunk[chunk.startIndex + 2] : 0
      output.append(alphabet[Int(b0 >> 2)])
      output.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
      output.append(chunk.count > 1 ? alphabet[Int((b1 & 0x0f) << 2 | b2 >> 6)] : UInt8(ascii: "="))
      output.append(chunk.count > 2 ? alphabet[Int(b2 & 0x3f)] : UInt8(ascii: "="))
      index += 3
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The text whose UTF-8 bytes `encoded` holds, or nil when it is not valid base64.
  public static func decode(_ encoded: String) -> String? {
    var values: [UInt8] = []
    for byte in encoded.utf8 where byte != UInt8(ascii: "=") {
      guard let value = alphabet.firstIndex(of: byte) else { return nil }
      values.append(UInt8(value))
    }
    guard values.count % 4 != 1 else { return nil }
    var bytes: [UInt8] = []
    var index = 0
    while index < values.count {
      let group = values[index..<min(index + 4, values.count)]
      let v = Array(group) + Array(repeating: 0, count: 4 - group.count)
      bytes.append(v[0] << 2 | v[1] >> 4)
      if group.count > 2 { bytes.append((v[1] & 0x0f) << 4 | v[2] >> 2) }
      if group.count > 3 { bytes.append((v[2] & 0x03) << 6 | v[3]) }
      index += 4
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
