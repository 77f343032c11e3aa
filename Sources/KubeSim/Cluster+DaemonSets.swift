extension Cluster {
  /// Admits and stores a new DaemonSet, as the API server's create does.
  @discardableResult
  public mutating func createDaemonSet(_ set: DaemonSet) throws(APIError) -> DaemonSet {
    var set = set
    let namespace = set.metadata.namespace ?? "default"
    set.metadata.namespace = namespace
    try requireNamespace(namespace)
    let causes = Validation.validateSubdomainName(set.metadata.name)
    if !causes.isEmpty { throw .invalid(kind: "DaemonSet", name: set.metadata.name, causes: causes) }
    if daemonSets[Self.key(namespace, set.metadata.name)] != nil {
      throw .alreadyExists(resource: "daemonsets.apps", name: set.metadata.name)
    }
    set.metadata.creationTimestamp = now
    set.metadata.generation = 1
    // The registry's strategy records the template generation for older clients.
    set.metadata.annotations["deprecated.daemonset.template.generation"] = "1"
    set.status = DaemonSet.Status()
    stamp(&set.metadata)
    daemonSets[Self.key(namespace, set.metadata.name)] = set
    return set
  }

  /// The DaemonSets in `namespace` (all namespaces when nil), in key order.
  public func listDaemonSets(namespace: String?) -> [DaemonSet] {
    daemonSets.keys.sorted().compactMap { daemonSets[$0] }.filter {
      namespace == nil || $0.metadata.namespace == namespace
    }
  }
}
