extension Cluster {

  /// Creates a StatefulSet after the API server's checks.
  @discardableResult
  public mutating func createStatefulSet(_ set: StatefulSet) throws(APIError) -> StatefulSet {
    var set = set
    let namespace = set.metadata.namespace ?? "default"
    set.metadata.namespace = namespace
    try admitCreate(in: namespace, resource: "statefulsets.apps", name: set.metadata.name)
    var causes = Validation.objectMeta(set.metadata)
    causes += WorkloadValidation.validate(
      replicas: set.replicas, selector: set.selector, template: set.template, limits: config.limits,
      claimNames: Set(set.claimTemplates.map(\.name)))
    if !causes.isEmpty { throw .invalid(kind: "StatefulSet", name: set.metadata.name, causes: causes) }
    let key = Self.key(namespace, set.metadata.name)
    if statefulSets[key] != nil { throw .alreadyExists(resource: "statefulsets.apps", name: set.metadata.name) }
    set.metadata.creationTimestamp = now
    set.metadata.generation = 1
    set.status = StatefulSet.Status()
    stamp(&set.metadata)
    statefulSets[key] = set
    recordWatch(.added, set)
    return set
  }

  /// Replaces a StatefulSet's replicas, template and update strategy (what may change).
  public mutating func updateStatefulSet(_ set: StatefulSet) throws(APIError) {
    let key = Self.key(set.metadata)
    guard var live = statefulSets[key] else {
      throw .notFound(resource: "statefulsets.apps", name: set.metadata.name)
    }
    let causes =
      Validation.labelsAndAnnotations(set.metadata, path: "metadata")
      + WorkloadValidation.validate(
        replicas: set.replicas, selector: set.selector, template: set.template, limits: config.limits,
        claimNames: Set(set.claimTemplates.map(\.name)))
    if !causes.isEmpty { throw .invalid(kind: "StatefulSet", name: set.metadata.name, causes: causes) }
    if live.replicas != set.replicas || live.template != set.template || live.updateStrategy != set.updateStrategy
      || live.partition != set.partition || live.minReadySeconds != set.minReadySeconds
    {
      live.metadata.generation += 1
    }
    live.replicas = set.replicas
    live.template = set.template
    live.updateStrategy = set.updateStrategy
    live.partition = set.partition
    live.minReadySeconds = set.minReadySeconds
    live.metadata.labels = set.metadata.labels
    live.metadata.annotations = set.metadata.annotations
    live.metadata.resourceVersion = nextResourceVersion()
    statefulSets[key] = live
    recordWatch(.modified, live)
  }

  /// The templates a StatefulSet has had (its ControllerRevisions), by revision number.
  public func revisions(of set: StatefulSet) -> [(number: Int, name: String, template: PodTemplate)] {
    (statefulSetController.revisions[set.metadata.uid] ?? []).map { ($0.number, $0.name, $0.template) }.sorted {
      $0.number < $1.number
    }
  }

  /// Deletes a StatefulSet; its pods follow through the garbage collector; its claims stay
  /// under the retention policy `whenDeleted: Retain` and go with it under `Delete` (they are
  /// owned by the set, and each waits for its pod to be gone, the pvc-protection finalizer).
  public mutating func deleteStatefulSet(_ name: String, namespace: String, propagation: Propagation) throws(APIError) {
    guard let set = statefulSets.removeValue(forKey: Self.key(namespace, name)) else {
      throw .notFound(resource: "statefulsets.apps", name: name)
    }
    if propagation == .orphan { orphanDependents(of: set.metadata.uid) }
    if set.claimsWhenDeleted.value == .delete && propagation != .orphan {
      for claim in StatefulSetController.claims(of: set, cluster: self) {
        try? deleteClaim(claim.metadata.name, namespace: namespace)
      }
    }
    statefulSetController.revisions[set.metadata.uid] = nil
    writeCount += 1
  }
}
