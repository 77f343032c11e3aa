/// The Endpoints object of a Service (named like it): the addresses of the pods behind it,
/// ready ones in `addresses`, the others in `notReadyAddresses`, grouped by port list.
public struct Endpoints: Sendable, Equatable {
  /// One pod's address.
  public struct Address: Sendable, Equatable {
    public var ip: String
    public var hostname: String?
    public var nodeName: String?
    /// The pod it belongs to (`targetRef`), if any.
    public var podName: String?
    public var podNamespace: String?
    public var podUID: String?

    /// Creates an address, optionally of a pod.
    public init(
      ip: String, hostname: String? = nil, nodeName: String? = nil, podName: String? = nil,
      podNamespace: String? = nil, podUID: String? = nil
    ) {
      self.ip = ip
      self.hostname = hostname
      self.nodeName = nodeName
      self.podName = podName
      self.podNamespace = podNamespace
      self.podUID = podUID
    }
  }

  /// One port of a subset.
  public struct Port: Sendable, Equatable {
    public var name: String?
    public var port: Int
    public var `protocol`: APIField<PortProtocol>

    /// Creates a port.
    public init(name: String? = nil, port: Int, protocol: APIField<PortProtocol> = .known(.tcp)) {
      self.name = name
      self.port = port
      self.protocol = `protocol`
    }
  }

  /// Addresses that share one list of ports.
  public struct Subset: Sendable, Equatable {
    public var addresses: [Address] = []
    public var notReadyAddresses: [Address] = []
    public var ports: [Port] = []

    /// Creates a subset.
    public init(addresses: [Address] = [], notReadyAddresses: [Address] = [], ports: [Port] = []) {
      self.addresses = addresses
      self.notReadyAddresses = notReadyAddresses
      self.ports = ports
    }
  }

  public var metadata: ObjectMeta
  public var subsets: [Subset]

  /// Creates an Endpoints object.
  public init(metadata: ObjectMeta, subsets: [Subset]) {
    self.metadata = metadata
    self.subsets = subsets
  }

  /// The object as `kubectl get ep -o yaml` shows it.
  public var json: JSONValue {
    func address(_ address: Address) -> JSONValue {
      var entry = JSONObjectBuilder()
      entry.set("hostname", address.hostname.map(JSONValue.string))
      entry.set("ip", .string(address.ip))
      entry.set("nodeName", address.nodeName.map(JSONValue.string))
      if let name = address.podName {
        entry.set(
          "targetRef",
          .object([
            ("kind", .string("Pod")), ("name", .string(name)),
            ("namespace", .string(address.podNamespace ?? "default")), ("uid", .string(address.podUID ?? "")),
          ]))
      }
      return entry.value
    }
    let subsetValues = subsets.map { subset in
      var entry = JSONObjectBuilder()
      if !subset.addresses.isEmpty { entry.set("addresses", .array(subset.addresses.map(address))) }
      if !subset.notReadyAddresses.isEmpty {
        entry.set("notReadyAddresses", .array(subset.notReadyAddresses.map(address)))
      }
      entry.set(
        "ports",
        .array(
          subset.ports.map { port in
            var item = JSONObjectBuilder()
            item.set("name", port.name.map(JSONValue.string))
            item.set("port", .int(Int64(port.port)))
            item.set("protocol", .string(port.protocol.text))
            return item.value
          }))
      return entry.value
    }
    var pairs: [(String, JSONValue)] = [
      ("apiVersion", .string("v1")), ("kind", .string("Endpoints")), ("metadata", metadata.json),
    ]
    if !subsetValues.isEmpty { pairs.append(("subsets", .array(subsetValues))) }
    return .object(pairs)
  }

  /// `ip:port` of every ready address, port-major, as `kubectl get ep` and `describe svc`
  /// list them (bare IPs for a subset without ports).
  public var readyEndpoints: [String] {
    var result: [String] = []
    for subset in subsets {
      if subset.ports.isEmpty {
        result += subset.addresses.map(\.ip)
        continue
      }
      for port in subset.ports {
        result += subset.addresses.map { "\($0.ip):\(port.port)" }
      }
    }
    return result
  }
}

extension Endpoints: StoredResource {
  public static let resource = ResourceType(
    plural: "endpoints", singular: "endpoints", kind: "Endpoints", group: "", shortNames: ["ep"], namespaced: true)
  public static var store: KeyPath<Cluster, [String: Endpoints]> { \.endpoints }
  public func json(now: Timestamp) -> JSONValue { json }
}
