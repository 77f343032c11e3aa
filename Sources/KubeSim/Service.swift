/// A Service: a stable virtual IP and ports in front of the pods its selector picks.
public struct Service: Sendable, Equatable {
  /// A port's `targetPort`: a number, or the name of a container port.
  public enum Target: Sendable, Equatable, CustomStringConvertible {
    case number(Int)
    case name(String)

    /// The value as kubectl prints it (`8080`, `http`).
    public var description: String {
      switch self {
      case .number(let number): return String(number)
      case .name(let name): return name
      }
    }

    var json: JSONValue {
      switch self {
      case .number(let number): return .int(Int64(number))
      case .name(let name): return .string(name)
      }
    }
  }

  /// One entry of `spec.ports`.
  public struct Port: Sendable, Equatable {
    public var name: String?
    public var port: Int
    public var targetPort: Target
    public var `protocol`: APIField<PortProtocol>
    public var nodePort: Int?

    /// Creates a port whose target is a number.
    public init(
      name: String? = nil, port: Int, targetPort: Int, protocol: APIField<PortProtocol> = .known(.tcp),
      nodePort: Int? = nil
    ) {
      self.init(name: name, port: port, target: .number(targetPort), protocol: `protocol`, nodePort: nodePort)
    }

    /// Creates a port.
    public init(
      name: String? = nil, port: Int, target: Target, protocol: APIField<PortProtocol> = .known(.tcp),
      nodePort: Int? = nil
    ) {
      self.name = name
      self.port = port
      self.targetPort = target
      self.protocol = `protocol`
      self.nodePort = nodePort
    }
  }

  /// The value of `clusterIP` that makes a Service headless.
  public static let headless = "None"

  public var metadata: ObjectMeta
  public var type = APIField<ServiceType>.known(.clusterIP)
  /// The virtual IP; `None` for a headless Service, empty until allocated or for ExternalName.
  public var clusterIP: String
  public var ports: [Port]
  /// The pods it fronts; empty for a Service whose endpoints are managed by hand.
  public var selector: [String: String] = [:]
  /// The DNS name an ExternalName Service aliases.
  public var externalName: String?
  /// Whether pods that are not ready are published as endpoints too.
  public var publishNotReadyAddresses = false

  /// Creates a Service.
  public init(
    metadata: ObjectMeta, type: APIField<ServiceType> = .known(.clusterIP), clusterIP: String = "", ports: [Port],
    selector: [String: String] = [:]
  ) {
    self.metadata = metadata
    self.type = type
    self.clusterIP = clusterIP
    self.ports = ports
    self.selector = selector
  }

  /// Whether the Service has no virtual IP (`clusterIP: None`).
  public var isHeadless: Bool { clusterIP == Self.headless }

  /// Whether its ports get node ports (NodePort and LoadBalancer).
  public var hasNodePorts: Bool { type.value == .nodePort || type.value == .loadBalancer }

  /// The Service as `kubectl get svc -o yaml` shows it.
  public var json: JSONValue {
    var spec = JSONObjectBuilder()
    if type.value == .loadBalancer { spec.set("allocateLoadBalancerNodePorts", .bool(true)) }
    if type.value != .externalName {
      spec.set("clusterIP", .string(clusterIP))
      spec.set("clusterIPs", .array([.string(clusterIP)]))
    }
    if hasNodePorts { spec.set("externalTrafficPolicy", .string("Cluster")) }
    spec.set("externalName", externalName.map(JSONValue.string))
    if type.value != .externalName {
      spec.set("internalTrafficPolicy", .string("Cluster"))
      spec.set("ipFamilies", .array([.string("IPv4")]))
      spec.set("ipFamilyPolicy", .string("SingleStack"))
    }
    if !ports.isEmpty {
      spec.set(
        "ports",
        .array(
          ports.map { port in
            var entry = JSONObjectBuilder()
            entry.set("name", port.name.map(JSONValue.string))
            entry.set("nodePort", port.nodePort.map { .int(Int64($0)) })
            entry.set("port", .int(Int64(port.port)))
            entry.set("protocol", .string(port.protocol.text))
            entry.set("targetPort", port.targetPort.json)
            return entry.value
          }))
    }
    if publishNotReadyAddresses { spec.set("publishNotReadyAddresses", .bool(true)) }
    if !selector.isEmpty { spec.set("selector", .stringMap(selector)) }
    spec.set("sessionAffinity", .string("None"))
    spec.set("type", .string(type.text))
    return .object([
      ("apiVersion", .string("v1")), ("kind", .string("Service")), ("metadata", metadata.json),
      ("spec", spec.value), ("status", .object([("loadBalancer", .object([]))])),
    ])
  }
}

extension Service: StoredResource {
  public static let resource = ResourceType(
    plural: "services", singular: "service", kind: "Service", group: "", shortNames: ["svc"], namespaced: true)
  public static var store: KeyPath<Cluster, [String: Service]> { \.services }
  public func json(now: Timestamp) -> JSONValue { json }
}
