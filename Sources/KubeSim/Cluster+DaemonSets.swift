extension Cluster {
  /// Admits and stores a new DaemonSet, as the API server's create does.
  @discardableResult
  public mutating func createDaemonSet(_ set: DaemonSet) throws(APIError) -> DaemonSet {
    var set = set
    let namespace = set.metadata.namespace ?? "default"
    set.metadata.namespace = namespace
    try requireNamespace(namespace)
    var causes = Validation.objectMeta(set.metadata)
    causes += WorkloadValidation.validate(
      replicas: 0, selector: set.selector, template: set.template, limits: config.limits)
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

  /// Replaces a DaemonSet's spec, labels and annotations (as `kubectl apply` does); a new
  /// template bumps the generation, which starts a rolling update.
  public mutating func updateDaemonSet(_ set: DaemonSet) throws(APIError) {
    let key = Self.key(set.metadata)
    guard var current = daemonSets[key] else { throw .notFound(resource: "daemonsets.apps", name: set.metadata.name) }
    let causes =
      Validation.labelsAndAnnotations(set.metadata, path: "metadata")
      + WorkloadValidation.validate(
        replicas: 0, selector: set.selector, template: set.template, limits: config.limits)
    if !causes.isEmpty { throw .invalid(kind: "DaemonSet", name: set.metadata.name, causes: causes) }
    let templateChanged = current.template != set.template
    if templateChanged || current.updateStrategy != set.updateStrategy || current.maxUnavailable != set.maxUnavailable
      || current.minReadySeconds != set.minReadySeconds
    {
      current.metadata.generation += 1
    }
    current.template = set.template
    current.updateStrategy = set.updateStrategy
    current.maxUnavailable = set.maxUnavailable
    current.maxSurge = set.maxSurge
    current.minReadySeconds = set.minReadySeconds
    current.revisionHistoryLimit = set.revisionHistoryLimit
    current.metadata.labels = set.metadata.labels
    var annotations = set.metadata.annotations
    annotations["deprecated.daemonset.template.generation"] = String(current.metadata.generation)
    current.metadata.annotations = annotations
    current.metadata.resourceVersion = nextResourceVersion()
    daemonSets[key] = current
  }

}
