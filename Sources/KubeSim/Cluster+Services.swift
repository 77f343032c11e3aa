extension Cluster {
  /// The Service CIDR (kubeadm's default 10.96.0.0/12) as its first address and size.
  static let serviceNetworkBase: UInt32 = 10 << 24 | 96 << 16
  static let serviceNetworkSize: UInt32 = 1 << 20
  /// The low band kept for addresses users choose (`min(max(16, size/16), 256)`); random
  /// allocation takes addresses above it.
  static let serviceStaticBand: UInt32 = 256
  /// The NodePort range 30000–32767 and its static band (`min(max(16, size/32), 128)`).
  static let nodePortRange = 30000...32767
  static let nodePortStaticBand = 86

  /// Stores one of the Services the cluster comes with.
  mutating func addBuiltInService(_ service: Service) {
    var service = service
    service.metadata.creationTimestamp = now
    stampAside(&service.metadata, stream: "service")
    services[Self.key(service.metadata)] = service
    endpointsController.dirty.insert(service.metadata.namespace ?? "default")
  }

  /// Creates a Service: validates it as the API server does, allocates its cluster IP and
  /// node ports, and lets the Endpoints controller fill in its endpoints.
  public mutating func createService(_ service: Service) throws(APIError) -> Service {
    var service = service
    let namespace = service.metadata.namespace ?? "default"
    service.metadata.namespace = namespace
    try requireNamespace(namespace)
    let key = Self.key(namespace, service.metadata.name)
    let causes = ServiceValidation.validate(service, existing: nil, usedNodePorts: usedNodePorts(except: nil))
    if !causes.isEmpty { throw .invalid(kind: "Service", name: service.metadata.name, causes: causes) }
    if services[key] != nil { throw .alreadyExists(resource: "services", name: service.metadata.name) }
    if services.count >= config.limits.maxServices {
      throw .limitExceeded("kubebook simulates at most \(config.limits.maxServices) Services")
    }
    var generator = NameGenerator(seed: config.seed ^ ImageCatalog.fnv1a("service-ip:" + key))
    if service.type.value == .externalName {
      service.clusterIP = ""
    } else if service.clusterIP.isEmpty {
      service.clusterIP = allocateClusterIP(&generator)
    }
    if service.hasNodePorts {
      var used = usedNodePorts(except: nil)
      for index in service.ports.indices where service.ports[index].nodePort == nil {
        let port = allocateNodePort(&generator, used: used)
        service.ports[index].nodePort = port
        used.insert(port)
      }
    }
    service.metadata.creationTimestamp = now
    stampAside(&service.metadata, stream: "service:" + now.rfc3339)
    services[key] = service
    endpointsController.dirty.insert(namespace)
    return service
  }

  /// Replaces a Service's spec (as `kubectl apply` does), keeping its cluster IP and, where
  /// the port is unchanged, its node ports.
  public mutating func updateService(_ service: Service) throws(APIError) {
    let key = Self.key(service.metadata)
    guard let live = services[key] else { throw .notFound(resource: "services", name: service.metadata.name) }
    var service = service
    if service.clusterIP.isEmpty && service.type.value != .externalName { service.clusterIP = live.clusterIP }
    let causes = ServiceValidation.validate(service, existing: live, usedNodePorts: usedNodePorts(except: key))
    if !causes.isEmpty { throw .invalid(kind: "Service", name: service.metadata.name, causes: causes) }
    if service.hasNodePorts {
      var generator = NameGenerator(seed: config.seed ^ ImageCatalog.fnv1a("service-port:" + key + now.rfc3339))
      var used = usedNodePorts(except: key)
      for index in service.ports.indices where service.ports[index].nodePort == nil {
        let previous = live.ports.first { $0.port == service.ports[index].port && $0.nodePort != nil }?.nodePort
        let port = previous ?? allocateNodePort(&generator, used: used)
        service.ports[index].nodePort = port
        used.insert(port)
      }
    } else {
      for index in service.ports.indices { service.ports[index].nodePort = nil }
    }
    service.metadata.uid = live.metadata.uid
    service.metadata.creationTimestamp = live.metadata.creationTimestamp
    service.metadata.resourceVersion = nextResourceVersion()
    services[key] = service
    endpointsController.dirty.insert(service.metadata.namespace ?? "default")
  }

  /// Deletes a Service and its Endpoints.
  public mutating func deleteService(_ name: String, namespace: String) throws(APIError) {
    let key = Self.key(namespace, name)
    guard services.removeValue(forKey: key) != nil else { throw .notFound(resource: "services", name: name) }
    endpoints[key] = nil
    writeCount += 1
  }

  /// Node ports in use by every Service but the one at `key`.
  func usedNodePorts(except key: String?) -> Set<Int> {
    var used: Set<Int> = []
    for (serviceKey, service) in services where serviceKey != key {
      for port in service.ports { if let nodePort = port.nodePort { used.insert(nodePort) } }
    }
    return used
  }

  /// A free address from the dynamic band of the Service CIDR, chosen by the seeded generator.
  mutating func allocateClusterIP(_ generator: inout NameGenerator) -> String {
    let used = Set(services.values.map(\.clusterIP))
    let dynamic = Int(Self.serviceNetworkSize - Self.serviceStaticBand - 1)
    var offset = Self.serviceStaticBand + UInt32(generator.below(dynamic))
    for _ in 0..<dynamic {
      let address = Self.serviceNetworkBase + offset
      let text = "\(address >> 24).\(address >> 16 & 255).\(address >> 8 & 255).\(address & 255)"
      if address & 255 != 0 && !used.contains(text) { return text }
      offset = offset + 1 >= Self.serviceNetworkSize - 1 ? Self.serviceStaticBand : offset + 1
    }
    return ""
  }

  /// A free node port from the dynamic band of 30000–32767.
  func allocateNodePort(_ generator: inout NameGenerator, used: Set<Int>) -> Int {
    let low = Self.nodePortRange.lowerBound + Self.nodePortStaticBand
    let count = Self.nodePortRange.upperBound - low + 1
    var port = low + generator.below(count)
    for _ in 0..<count {
      if !used.contains(port) { return port }
      port = port == Self.nodePortRange.upperBound ? low : port + 1
    }
    return 0
  }
}
