extension Cluster {
  // MARK: - ReplicaSets

  /// The ReplicaSets in `namespace` (all when nil), in key order.
  public func listReplicaSets(namespace: String?) -> [ReplicaSet] {
    replicaSets.keys.sorted().compactMap { replicaSets[$0] }.filter {
      namespace == nil || $0.metadata.namespace == namespace
    }
  }

  /// Admits and stores a new ReplicaSet.
  @discardableResult
  public mutating func createReplicaSet(_ set: ReplicaSet) throws(APIError) -> ReplicaSet {
    var set = set
    let namespace = set.metadata.namespace ?? "default"
    set.metadata.namespace = namespace
    try requireNamespace(namespace)
    var causes = Validation.objectMeta(set.metadata)
    causes += WorkloadValidation.validate(
      replicas: set.replicas, selector: set.selector, template: set.template, limits: config.limits)
    if !causes.isEmpty { throw .invalid(kind: "ReplicaSet", name: set.metadata.name, causes: causes) }
    if replicaSets[Self.key(namespace, set.metadata.name)] != nil {
      throw .alreadyExists(resource: "replicasets.apps", name: set.metadata.name)
    }
    set.metadata.creationTimestamp = now
    set.metadata.generation = 1
    set.status = ReplicaCounts()
    stamp(&set.metadata)
    replicaSetController.dirty.insert(set.metadata.uid)
    recordWatch(.added, set)
    replicaSets[Self.key(namespace, set.metadata.name)] = set
    return set
  }

  /// Writes a ReplicaSet back, bumping its resource version.
  mutating func storeReplicaSet(_ set: ReplicaSet) {
    var set = set
    set.metadata.resourceVersion = nextResourceVersion()
    replicaSetController.dirty.insert(set.metadata.uid)
    let key = Self.key(set.metadata)
    recordWatch(replicaSets[key] == nil ? .added : .modified, set)
    replicaSets[key] = set
  }

  /// Writes a Deployment back as it is (its resource version already set).
  mutating func storeDeployment(_ deployment: Deployment) {
    let key = Self.key(deployment.metadata)
    recordWatch(deployments[key] == nil ? .added : .modified, deployment)
    deployments[key] = deployment
  }

  /// Writes a ReplicationController back as it is (its resource version already set).
  mutating func storeReplicationController(_ controller: ReplicationController) {
    let key = Self.key(controller.metadata)
    recordWatch(
      replicationControllers[key] == nil ? .added : .modified, controller)
    replicationControllers[key] = controller
  }

  /// Replaces a ReplicaSet's spec (replicas, template, labels) as an update through the API.
  public mutating func updateReplicaSet(_ set: ReplicaSet) throws(APIError) {
    let key = Self.key(set.metadata)
    guard var current = replicaSets[key] else { throw .notFound(resource: "replicasets.apps", name: set.metadata.name) }
    let causes =
      Validation.labelsAndAnnotations(set.metadata, path: "metadata")
      + WorkloadValidation.validate(
        replicas: set.replicas, selector: set.selector, template: set.template, limits: config.limits)
      + WorkloadValidation.immutableSelector(set.selector, old: current.selector)
    if !causes.isEmpty { throw .invalid(kind: "ReplicaSet", name: set.metadata.name, causes: causes) }
    if current.replicas != set.replicas || current.template != set.template
      || current.minReadySeconds != set.minReadySeconds
    {
      current.metadata.generation += 1
    }
    if current.template != set.template { replicaSetController.fullyLabeledCheckedAt[current.metadata.uid] = nil }
    current.replicas = set.replicas
    current.template = set.template
    current.minReadySeconds = set.minReadySeconds
    current.metadata.labels = set.metadata.labels
    current.metadata.annotations = set.metadata.annotations
    storeReplicaSet(current)
  }

  /// Deletes a ReplicaSet with background propagation (its pods go through the garbage
  /// collector).
  public mutating func deleteReplicaSet(_ name: String, namespace: String) {
    guard replicaSets[Self.key(namespace, name)] != nil else { return }
    removeWorkload(kind: "ReplicaSet", key: Self.key(namespace, name))
    writeCount += 1
  }

  // MARK: - ReplicationControllers

  /// Admits and stores a new ReplicationController.
  @discardableResult
  public mutating func createReplicationController(_ controller: ReplicationController) throws(APIError)
    -> ReplicationController
  {
    var controller = controller
    let namespace = controller.metadata.namespace ?? "default"
    controller.metadata.namespace = namespace
    try requireNamespace(namespace)
    if controller.selector.isEmpty { controller.selector = controller.template.labels }
    if controller.metadata.labels.isEmpty { controller.metadata.labels = controller.template.labels }
    var causes = Validation.objectMeta(controller.metadata)
    causes += WorkloadValidation.validate(
      replicas: controller.replicas, selector: SelectorSpec(matchLabels: controller.selector),
      template: controller.template, limits: config.limits)
    if !causes.isEmpty { throw .invalid(kind: "ReplicationController", name: controller.metadata.name, causes: causes) }
    if replicationControllers[Self.key(namespace, controller.metadata.name)] != nil {
      throw .alreadyExists(resource: "replicationcontrollers", name: controller.metadata.name)
    }
    controller.metadata.creationTimestamp = now
    controller.metadata.generation = 1
    stamp(&controller.metadata)
    replicaSetController.dirty.insert(controller.metadata.uid)
    storeReplicationController(controller)
    return controller
  }

  /// Replaces a ReplicationController's spec.
  public mutating func updateReplicationController(_ controller: ReplicationController) throws(APIError) {
    let key = Self.key(controller.metadata)
    guard var current = replicationControllers[key] else {
      throw .notFound(resource: "replicationcontrollers", name: controller.metadata.name)
    }
    if current.replicas != controller.replicas || current.template != controller.template {
      current.metadata.generation += 1
    }
    current.replicas = controller.replicas
    current.template = controller.template
    current.metadata.labels = controller.metadata.labels
    current.metadata.annotations = controller.metadata.annotations
    current.metadata.resourceVersion = nextResourceVersion()
    replicaSetController.dirty.insert(current.metadata.uid)
    storeReplicationController(current)
  }

  // MARK: - Deployments

  /// Admits and stores a new Deployment.
  @discardableResult
  public mutating func createDeployment(_ deployment: Deployment) throws(APIError) -> Deployment {
    var deployment = deployment
    let namespace = deployment.metadata.namespace ?? "default"
    deployment.metadata.namespace = namespace
    try requireNamespace(namespace)
    var causes = Validation.objectMeta(deployment.metadata)
    causes += WorkloadValidation.validate(deployment, limits: config.limits)
    if !causes.isEmpty { throw .invalid(kind: "Deployment", name: deployment.metadata.name, causes: causes) }
    if deployments[Self.key(namespace, deployment.metadata.name)] != nil {
      throw .alreadyExists(resource: "deployments.apps", name: deployment.metadata.name)
    }
    deployment.metadata.creationTimestamp = now
    deployment.metadata.generation = 1
    deployment.status = Deployment.Status()
    stamp(&deployment.metadata)
    storeDeployment(deployment)
    return deployment
  }

  /// Replaces a Deployment's spec and metadata as an update through the API; the
  /// generation moves when the spec changed.
  public mutating func updateDeployment(_ deployment: Deployment) throws(APIError) {
    let key = Self.key(deployment.metadata)
    guard var current = deployments[key] else {
      throw .notFound(resource: "deployments.apps", name: deployment.metadata.name)
    }
    let causes =
      Validation.labelsAndAnnotations(deployment.metadata, path: "metadata")
      + WorkloadValidation.validate(deployment, limits: config.limits)
      + WorkloadValidation.immutableSelector(deployment.selector, old: current.selector)
    if !causes.isEmpty { throw .invalid(kind: "Deployment", name: deployment.metadata.name, causes: causes) }
    let specChanged =
      current.replicas != deployment.replicas || current.template != deployment.template
      || current.strategy != deployment.strategy || current.minReadySeconds != deployment.minReadySeconds
      || current.revisionHistoryLimit != deployment.revisionHistoryLimit
      || current.progressDeadlineSeconds != deployment.progressDeadlineSeconds || current.paused != deployment.paused
    if specChanged { current.metadata.generation += 1 }
    current.replicas = deployment.replicas
    current.template = deployment.template
    current.strategy = deployment.strategy
    current.minReadySeconds = deployment.minReadySeconds
    current.revisionHistoryLimit = deployment.revisionHistoryLimit
    current.progressDeadlineSeconds = deployment.progressDeadlineSeconds
    current.paused = deployment.paused
    current.metadata.labels = deployment.metadata.labels
    current.metadata.annotations = deployment.metadata.annotations
    current.metadata.resourceVersion = nextResourceVersion()
    storeDeployment(current)
  }

  // MARK: - Deletion with propagation

  /// How a delete treats the object's dependents (`--cascade`).
  public enum Propagation: Sendable {
    case background, foreground, orphan
  }

  /// Deletes a workload (Deployment, ReplicaSet or ReplicationController) by key with the
  /// given propagation; returns false when there is no such object.
  @discardableResult
  public mutating func deleteWorkload(kind: String, name: String, namespace: String, propagation: Propagation) -> Bool {
    let key = Self.key(namespace, name)
    let uid: String?
    switch kind {
    case "Deployment": uid = deployments[key]?.metadata.uid
    case "ReplicaSet": uid = replicaSets[key]?.metadata.uid
    case "DaemonSet": uid = daemonSets[key]?.metadata.uid
    default: uid = replicationControllers[key]?.metadata.uid
    }
    guard let uid else { return false }
    switch propagation {
    case .orphan:
      orphanDependents(of: uid)
      removeWorkload(kind: kind, key: key)
    case .background:
      removeWorkload(kind: kind, key: key)
    case .foreground:
      markForegroundDeletion(kind: kind, key: key)
    }
    writeCount += 1
    return true
  }

  mutating func removeWorkload(kind: String, key: String) {
    switch kind {
    case "Deployment":
      if let old = deployments.removeValue(forKey: key) { recordWatch(.deleted, old) }
    case "ReplicaSet":
      if let old = replicaSets.removeValue(forKey: key) { recordWatch(.deleted, old) }
    case "DaemonSet":
      if let old = daemonSets.removeValue(forKey: key) {
        daemonSetController.revisions[old.metadata.uid] = nil
        daemonSetController.hashes[old.metadata.uid] = nil
      }
    default:
      if let old = replicationControllers.removeValue(forKey: key) {
        recordWatch(.deleted, old)
      }
    }
  }

  mutating func markForegroundDeletion(kind: String, key: String) {
    allWorkloadsDirty = true
    switch kind {
    case "Deployment":
      deployments[key]?.metadata.deletionTimestamp = now
      deployments[key]?.metadata.finalizers = ["foregroundDeletion"]
    case "ReplicaSet":
      replicaSets[key]?.metadata.deletionTimestamp = now
      replicaSets[key]?.metadata.finalizers = ["foregroundDeletion"]
    case "DaemonSet":
      daemonSets[key]?.metadata.deletionTimestamp = now
      daemonSets[key]?.metadata.finalizers = ["foregroundDeletion"]
    default:
      replicationControllers[key]?.metadata.deletionTimestamp = now
      replicationControllers[key]?.metadata.finalizers = ["foregroundDeletion"]
    }
  }

  /// Removes the owner reference to `uid` from every dependent.
  mutating func orphanDependents(of uid: String) {
    for key in replicaSets.keys.sorted() {
      guard var set = replicaSets[key], set.metadata.ownerReferences.contains(where: { $0.uid == uid }) else {
        continue
      }
      set.metadata.ownerReferences.removeAll { $0.uid == uid }
      storeReplicaSet(set)
    }
    for pod in pods(ownedBy: uid) {
      var orphan = pod
      orphan.metadata.ownerReferences.removeAll { $0.uid == uid }
      update(orphan)
    }
  }
}

extension Cluster {
  /// The namespaces the API server refuses to delete (`NamespaceLifecycle` admission).
  static let immortalNamespaces: Set<String> = ["default", "kube-system", "kube-public"]

  /// Starts deleting a namespace: it turns Terminating, the namespace controller deletes
  /// everything in it, and it disappears once its last pod is gone.
  public mutating func deleteNamespace(_ name: String) throws(APIError) {
    if Self.immortalNamespaces.contains(name) {
      throw .forbidden(resource: "namespaces", name: name, reason: "this namespace may not be deleted")
    }
    guard var namespace = namespaces[name] else { throw .notFound(resource: "namespaces", name: name) }
    guard namespace.metadata.deletionTimestamp == nil else { return }
    namespace.phase = .terminating
    namespace.metadata.deletionTimestamp = now
    namespace.metadata.resourceVersion = nextResourceVersion()
    namespaces[name] = namespace
  }

  /// Creates a namespace.
  @discardableResult
  public mutating func createNamespace(_ name: String, labels: [String: String] = [:]) throws(APIError) -> Namespace {
    if namespaces[name] != nil { throw .alreadyExists(resource: "namespaces", name: name) }
    // ValidateNamespace: the name is a DNS-1123 label (each rule it breaks), then the labels.
    let causes =
      Validation.dns1123Label(name, field: "metadata.name") + Validation.labels(labels, field: "metadata.labels")
    if !causes.isEmpty { throw .invalid(kind: "Namespace", name: name, causes: causes) }
    var meta = ObjectMeta(name: name, labels: labels.merging(["kubernetes.io/metadata.name": name]) { $1 })
    meta.creationTimestamp = now
    stamp(&meta)
    let namespace = Namespace(metadata: meta)
    namespaces[name] = namespace
    publishRootCA(in: name)
    addDefaultServiceAccount(in: name)
    return namespace
  }
}

extension Cluster {
  /// A Deployment's ReplicaSets, oldest first, and which of them is the new one (the one whose
  /// template matches the Deployment's).
  public func replicaSets(of deployment: Deployment) -> (newSet: ReplicaSet?, all: [ReplicaSet]) {
    let sets = DeploymentController.sortedByAge(
      replicaSets.values.filter { $0.metadata.controllerUID == deployment.metadata.uid })
    return (DeploymentController.findNewReplicaSet(deployment, sets), sets)
  }
}

extension Cluster {
  /// Replaces the labels and annotations of any object (what `kubectl label` and `annotate`
  /// change); returns false when there is no such object.
  @discardableResult
  public mutating func updateObjectMetadata(
    kind: String, namespace: String, name: String, labels: [String: String], annotations: [String: String]
  ) -> Bool {
    let key = Self.key(namespace, name)
    switch kind {
    case "Pod":
      guard pods[key] != nil else { return false }
      updateMetadata(of: name, namespace: namespace, labels: labels, annotations: annotations)
    case "Deployment":
      guard var deployment = deployments[key] else { return false }
      deployment.metadata.labels = labels
      deployment.metadata.annotations = annotations
      deployment.metadata.resourceVersion = nextResourceVersion()
      storeDeployment(deployment)
    case "ReplicaSet":
      guard var set = replicaSets[key] else { return false }
      set.metadata.labels = labels
      set.metadata.annotations = annotations
      storeReplicaSet(set)
      allWorkloadsDirty = true
    case "ReplicationController":
      guard var controller = replicationControllers[key] else { return false }
      controller.metadata.labels = labels
      controller.metadata.annotations = annotations
      controller.metadata.resourceVersion = nextResourceVersion()
      storeReplicationController(controller)
    case "Node":
      guard var node = nodes[name] else { return false }
      node.metadata.labels = labels
      node.metadata.annotations = annotations
      node.metadata.resourceVersion = nextResourceVersion()
      nodes[name] = node
    case "Namespace":
      guard var space = namespaces[name] else { return false }
      space.metadata.labels = labels
      space.metadata.annotations = annotations
      space.metadata.resourceVersion = nextResourceVersion()
      namespaces[name] = space
    default:
      return false
    }
    return true
  }
}
