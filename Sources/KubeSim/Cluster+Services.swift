extension Cluster {
  /// Stores one of the Services the cluster comes with.
  mutating func addBuiltInService(_ service: Service) {
    var service = service
    service.metadata.creationTimestamp = now
    // A uid from its own stream, so adding system objects leaves every generated pod name as it was.
    var generator = NameGenerator(seed: config.seed ^ ImageCatalog.fnv1a("service:" + Self.key(service.metadata)))
    service.metadata.uid = generator.uuid()
    stamp(&service.metadata)
    services[Self.key(service.metadata)] = service
  }

  /// The Services in `namespace` (all namespaces when nil), in key order.
  public func listServices(namespace: String?) -> [Service] {
    services.keys.sorted().compactMap { services[$0] }.filter {
      namespace == nil || $0.metadata.namespace == namespace
    }
  }
}
