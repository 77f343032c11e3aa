/// A Service: a stable virtual IP and ports in front of the pods its selector picks.
///
/// The simulator serves the two every kubeadm cluster has (`default/kubernetes` and
/// `kube-system/kube-dns`); creating Services, Endpoints and traffic are #4's.
public struct Service: Sendable, Equatable {
  /// One entry of `spec.ports`.
  public struct Port: Sendable, Equatable {
    public var name: String?
    public var port: Int
    public var targetPort: Int
    public var `protocol`: String
    public var nodePort: Int?

    /// Creates a port.
    public init(name: String? = nil, port: Int, targetPort: Int, protocol: String = "TCP", nodePort: Int? = nil) {
      self.name = name
      self.port = port
      self.targetPort = targetPort
      self.protocol = `protocol`
      self.nodePort = nodePort
    }
  }

  public var metadata: ObjectMeta
  /// `ClusterIP`, `NodePort`, `LoadBalancer` or `ExternalName`.
  public var type = "ClusterIP"
  public var clusterIP: String
  public var ports: [Port]
  /// The pods it fronts; empty for a Service whose endpoints are managed by hand.
  public var selector: [String: String] = [:]

  /// Creates a ClusterIP Service.
  public init(metadata: ObjectMeta, clusterIP: String, ports: [Port], selector: [String: String] = [:]) {
    self.metadata = metadata
    self.clusterIP = clusterIP
    self.ports = ports
    self.selector = selector
  }

  /// The Service as `kubectl get svc -o yaml` shows it.
  public var json: JSONValue {
    var spec = JSONObjectBuilder()
    spec.set("clusterIP", .string(clusterIP))
    spec.set("clusterIPs", .array([.string(clusterIP)]))
    spec.set("internalTrafficPolicy", .string("Cluster"))
    spec.set("ipFamilies", .array([.string("IPv4")]))
    spec.set("ipFamilyPolicy", .string("SingleStack"))
    spec.set(
      "ports",
      .array(
        ports.map { port in
          var entry = JSONObjectBuilder()
          entry.set("name", port.name.map(JSONValue.string))
          entry.set("nodePort", port.nodePort.map { .int(Int64($0)) })
          entry.set("port", .int(Int64(port.port)))
          entry.set("protocol", .string(port.protocol))
          entry.set("targetPort", .int(Int64(port.targetPort)))
          return entry.value
        }))
    if !selector.isEmpty { spec.set("selector", .stringMap(selector)) }
    spec.set("sessionAffinity", .string("None"))
    spec.set("type", .string(type))
    return .object([
      ("apiVersion", .string("v1")), ("kind", .string("Service")), ("metadata", metadata.json),
      ("spec", spec.value), ("status", .object([("loadBalancer", .object([]))])),
    ])
  }
}
