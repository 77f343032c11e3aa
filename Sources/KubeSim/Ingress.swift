/// An Ingress: HTTP routing rules (host and path → Service) for an ingress controller to
/// carry out. The simulated cluster, like a fresh kind cluster, runs no ingress controller, so
/// the rules are stored and shown but no address is ever assigned.
public struct Ingress: Sendable, Equatable {
  /// One path of a rule and the Service port it leads to (a number or a port name).
  public struct Path: Sendable, Equatable {
    public var path: String
    public var pathType: String
    public var service: String
    public var port: Service.Target

    /// Creates a path.
    public init(path: String, pathType: String, service: String, port: Service.Target) {
      self.path = path
      self.pathType = pathType
      self.service = service
      self.port = port
    }
  }

  /// A rule: an optional host and its paths.
  public struct Rule: Sendable, Equatable {
    public var host: String?
    public var paths: [Path]

    /// Creates a rule.
    public init(host: String?, paths: [Path]) {
      self.host = host
      self.paths = paths
    }
  }

  /// A TLS entry: the hosts a certificate Secret covers.
  public struct TLS: Sendable, Equatable {
    public var hosts: [String]
    public var secretName: String?

    /// Creates a TLS entry.
    public init(hosts: [String], secretName: String?) {
      self.hosts = hosts
      self.secretName = secretName
    }
  }

  public var metadata: ObjectMeta
  public var className: String?
  public var rules: [Rule]
  public var tls: [TLS] = []
  public var defaultBackend: (service: String, port: Service.Target)?

  /// Creates an Ingress.
  public init(metadata: ObjectMeta, className: String?, rules: [Rule]) {
    self.metadata = metadata
    self.className = className
    self.rules = rules
  }

  public static func == (a: Ingress, b: Ingress) -> Bool {
    a.metadata == b.metadata && a.className == b.className && a.rules == b.rules && a.tls == b.tls
      && a.defaultBackend?.service == b.defaultBackend?.service && a.defaultBackend?.port == b.defaultBackend?.port
  }

  static func backend(service: String, port: Service.Target) -> JSONValue {
    let portValue: JSONValue
    switch port {
    case .number(let number): portValue = .object([("number", .int(Int64(number)))])
    case .name(let name): portValue = .object([("name", .string(name))])
    }
    return .object([("service", .object([("name", .string(service)), ("port", portValue)]))])
  }

  /// The spec in field order (`order: .go` for a generator's JSON, sorted for the server's).
  public func specJSON(goOrder: Bool) -> JSONValue {
    var spec = JSONObjectBuilder()
    func path(_ path: Path) -> JSONValue {
      goOrder
        ? .object([
          ("path", .string(path.path)), ("pathType", .string(path.pathType)),
          ("backend", Self.backend(service: path.service, port: path.port)),
        ])
        : .object([
          ("backend", Self.backend(service: path.service, port: path.port)), ("path", .string(path.path)),
          ("pathType", .string(path.pathType)),
        ])
    }
    let defaultValue = defaultBackend.map { Self.backend(service: $0.service, port: $0.port) }
    let tlsValue: JSONValue? =
      tls.isEmpty
      ? nil
      : .array(
        tls.map { entry in
          var object = JSONObjectBuilder()
          if !entry.hosts.isEmpty { object.set("hosts", .array(entry.hosts.map(JSONValue.string))) }
          object.set("secretName", entry.secretName.map(JSONValue.string))
          return object.value
        })
    let rulesValue: JSONValue = .array(
      rules.map { rule in
        var object = JSONObjectBuilder()
        object.set("host", rule.host.map(JSONValue.string))
        object.set("http", .object([("paths", .array(rule.paths.map(path)))]))
        return object.value
      })
    if goOrder {
      spec.set("ingressClassName", className.map(JSONValue.string))
      spec.set("defaultBackend", defaultValue)
      spec.set("tls", tlsValue)
      spec.set("rules", rulesValue)
    } else {
      spec.set("defaultBackend", defaultValue)
      spec.set("ingressClassName", className.map(JSONValue.string))
      spec.set("rules", rulesValue)
      spec.set("tls", tlsValue)
    }
    return spec.value
  }

  /// The Ingress as `kubectl get ingress -o yaml` shows it.
  public var json: JSONValue {
    .object([
      ("apiVersion", .string("networking.k8s.io/v1")), ("kind", .string("Ingress")), ("metadata", metadata.json),
      ("spec", specJSON(goOrder: false)), ("status", .object([("loadBalancer", .object([]))])),
    ])
  }
}

extension Cluster {

  /// Creates an Ingress.
  @discardableResult
  public mutating func createIngress(_ ingress: Ingress) throws(APIError) -> Ingress {
    try admitNew(ingress, causes: [])
  }

  /// Deletes an Ingress.
  public mutating func deleteIngress(_ name: String, namespace: String) throws(APIError) {
    try remove(Ingress.self, name, namespace: namespace)
  }
}

extension Ingress: StoredResource {
  public static let resource = ResourceType(
    plural: "ingresses", singular: "ingress", kind: "Ingress", group: "networking.k8s.io", shortNames: ["ing"],
    namespaced: true)
  public static var store: KeyPath<Cluster, [String: Ingress]> { \.ingresses }
  public func json(now: Timestamp) -> JSONValue { json }
}
