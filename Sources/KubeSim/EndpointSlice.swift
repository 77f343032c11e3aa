/// An EndpointSlice (`discovery.k8s.io/v1`) as the EndpointSlice controller keeps one per
/// selector-based Service: the same pods as the Service's Endpoints, each endpoint with its
/// `ready` condition. kubebook derives the slices from the Endpoints it maintains (one slice
/// per Service, as long as it has fewer than 100 endpoints), named `<service>-<5 random
/// characters>` from a seeded stream; the API server's own `kubernetes` slice is named after
/// the Service. Terminating pods, which real slices list with `terminating: true`, are left
/// out as they are from Endpoints.
public struct EndpointSlice: Sendable, Equatable {
  /// One endpoint: a pod's address and whether it is ready.
  public struct Endpoint: Sendable, Equatable {
    public var address: String
    public var ready: Bool
  }

  public var metadata: ObjectMeta
  public var addressType = "IPv4"
  public var endpoints: [Endpoint]
  /// The ports' numbers (kubectl prints only these).
  public var ports: [Int]
}

extension Cluster {
  /// The EndpointSlices of `namespace` (or of all namespaces), by name.
  public func listEndpointSlices(namespace: String?) -> [EndpointSlice] {
    Service.list(in: self, namespace: namespace).compactMap(endpointSlice(of:)).sorted {
      ($0.metadata.namespace ?? "", $0.metadata.name) < ($1.metadata.namespace ?? "", $1.metadata.name)
    }
  }

  /// The slice of one Service: none for an ExternalName Service, or one without a selector
  /// (other than the API server's `kubernetes`).
  func endpointSlice(of service: Service) -> EndpointSlice? {
    let namespace = service.metadata.namespace ?? "default"
    let isAPIServer = namespace == "default" && service.metadata.name == "kubernetes"
    guard service.type.value != .externalName, !service.selector.isEmpty || isAPIServer else { return nil }
    let endpointsObject = endpoints[Self.key(namespace, service.metadata.name)]
    var name = service.metadata.name
    if !isAPIServer {
      var generator = NameGenerator(seed: config.seed ^ ImageCatalog.fnv1a("endpointslice:" + service.metadata.uid))
      name += "-" + generator.randomString(length: 5)
    }
    var metadata = ObjectMeta(name: name, namespace: namespace)
    metadata.creationTimestamp = service.metadata.creationTimestamp
    metadata.labels = ["kubernetes.io/service-name": service.metadata.name]
    if !isAPIServer {
      metadata.labels["endpointslice.kubernetes.io/managed-by"] = "endpointslice-controller.k8s.io"
    }
    if service.isHeadless { metadata.labels["service.kubernetes.io/headless"] = "" }
    var slice = EndpointSlice(metadata: metadata, endpoints: [], ports: [])
    for subset in endpointsObject?.subsets ?? [] {
      slice.endpoints += subset.addresses.map { EndpointSlice.Endpoint(address: $0.ip, ready: true) }
      slice.endpoints += subset.notReadyAddresses.map { EndpointSlice.Endpoint(address: $0.ip, ready: false) }
      if slice.ports.isEmpty { slice.ports = subset.ports.map(\.port) }
    }
    return slice
  }
}

extension EndpointSlice: APIResource {
  /// Only the metadata: the rest is not simulated (`get` shows these as a table only).
  public func json(now: Timestamp) -> JSONValue { .object([("metadata", metadata.json)]) }

  public static func list(in cluster: Cluster, namespace: String?) -> [EndpointSlice] {
    cluster.listEndpointSlices(namespace: namespace)
  }

  public static func get(_ name: String, namespace: String, in cluster: Cluster) -> EndpointSlice? {
    cluster.listEndpointSlices(namespace: namespace).first { $0.metadata.name == name }
  }
  public static let resource = ResourceType(
    plural: "endpointslices", singular: "endpointslice", kind: "EndpointSlice", group: "discovery.k8s.io",
    shortNames: [], namespaced: true)
}
