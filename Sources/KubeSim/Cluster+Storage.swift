extension Cluster {
  /// kind's default StorageClass: `standard`, provisioned by `rancher.io/local-path` on the
  /// disk of the node where the first pod using the claim is scheduled.
  mutating func addDefaultStorageClass() {
    var meta = ObjectMeta(name: "standard")
    meta.annotations["storageclass.kubernetes.io/is-default-class"] = "true"
    meta.creationTimestamp = now
    stampAside(&meta, stream: "storageclass")
    var storageClass = StorageClass(metadata: meta, provisioner: "rancher.io/local-path")
    storageClass.volumeBindingMode = .waitForFirstConsumer
    storageClasses["standard"] = storageClass
  }

  /// Creates a claim; without a class it gets the default one (DefaultStorageClass admission).
  @discardableResult
  public mutating func createClaim(_ claim: PersistentVolumeClaim) throws(APIError) -> PersistentVolumeClaim {
    var claim = claim
    let namespace = claim.metadata.namespace ?? "default"
    claim.metadata.namespace = namespace
    try admitCreate(in: namespace, resource: "persistentvolumeclaims", name: claim.metadata.name)
    let causes = Validation.validateSubdomainName(claim.metadata.name)
    if !causes.isEmpty { throw .invalid(kind: "PersistentVolumeClaim", name: claim.metadata.name, causes: causes) }
    let key = Self.key(namespace, claim.metadata.name)
    if claims[key] != nil { throw .alreadyExists(resource: "persistentvolumeclaims", name: claim.metadata.name) }
    if claim.storageClassName == nil {
      claim.storageClassName = storageClasses.values.first { $0.isDefault }?.metadata.name
    }
    claim.metadata.finalizers = ["kubernetes.io/pvc-protection"]
    claim.metadata.creationTimestamp = now
    stampAside(&claim.metadata, stream: "pvc:" + now.rfc3339)
    claims[key] = claim
    unscheduledNeedRetry()
    return claim
  }

  /// Deletes a claim: while a pod still uses it, the `pvc-protection` finalizer keeps it
  /// Terminating; its volume goes with it (reclaim policy Delete).
  public mutating func deleteClaim(_ name: String, namespace: String) throws(APIError) {
    let key = Self.key(namespace, name)
    guard var claim = claims[key] else { throw .notFound(resource: "persistentvolumeclaims", name: name) }
    if claim.metadata.deletionTimestamp == nil {
      claim.metadata.deletionTimestamp = now
      claim.metadata.resourceVersion = nextResourceVersion()
      claims[key] = claim
    }
  }

  /// Creates a PersistentVolume (an administrator's static volume): Available until a claim
  /// binds it.
  @discardableResult
  public mutating func createVolume(_ volume: PersistentVolume) throws(APIError) -> PersistentVolume {
    var volume = volume
    let causes = Validation.validateSubdomainName(volume.metadata.name)
    if !causes.isEmpty { throw .invalid(kind: "PersistentVolume", name: volume.metadata.name, causes: causes) }
    if volumes[volume.metadata.name] != nil {
      throw .alreadyExists(resource: "persistentvolumes", name: volume.metadata.name)
    }
    volume.metadata.namespace = nil
    volume.phase = .available
    volume.claim = nil
    volume.metadata.finalizers = ["kubernetes.io/pv-protection"]
    volume.metadata.creationTimestamp = now
    stampAside(&volume.metadata, stream: "pv:" + now.rfc3339)
    volumes[volume.metadata.name] = volume
    return volume
  }

  /// Deletes a PersistentVolume that no claim is bound to.
  public mutating func deleteVolume(_ name: String) throws(APIError) {
    guard volumes.removeValue(forKey: name) != nil else { throw .notFound(resource: "persistentvolumes", name: name) }
    writeCount += 1
  }

  /// Whether claims of `className` wait for their first consumer before binding.
  func waitsForFirstConsumer(_ className: String?) -> Bool {
    guard let className, !className.isEmpty else { return false }
    return storageClasses[className]?.volumeBindingMode == .waitForFirstConsumer
  }

  /// The claims a pod's volumes name.
  func claimNames(of pod: Pod) -> [String] {
    pod.spec.volumes.compactMap { volume in
      if case .persistentVolumeClaim(let claimName, _) = volume.source { return claimName }
      return nil
    }
  }
}

/// The volume binder and the local-path provisioner: a claim waiting for its first consumer
/// gets a volume on the node its pod was scheduled to; a deleted claim no pod uses goes, and
/// its volume with it.
///
/// The value holds the binder's own state (``Cluster/volumeBinder``); its steps are static and
/// take the whole cluster, whose store they read and write.
struct VolumeBinder: ControlLoop {
  /// Scheduled pods whose claims may still need a volume, by key (the scheduler adds each pod
  /// it binds).
  var waitingPods: Set<String> = []

  static func reconcile(_ cluster: inout Cluster) {
    guard !cluster.claims.isEmpty else { return }
    bindStatic(&cluster)
    // Provision for scheduled pods whose claims are still pending.
    for key in cluster.volumeBinder.waitingPods.sorted() {
      cluster.volumeBinder.waitingPods.remove(key)
      guard let pod = cluster.pods[key], let node = pod.spec.nodeName else { continue }
      let namespace = pod.metadata.namespace ?? "default"
      for claimName in cluster.claimNames(of: pod) {
        let claimKey = Cluster.key(namespace, claimName)
        guard var claim = cluster.claims[claimKey], claim.phase == .pending,
          cluster.waitsForFirstConsumer(claim.storageClassName)
        else { continue }
        let volumeName = "pvc-" + claim.metadata.uid
        var meta = ObjectMeta(name: volumeName)
        meta.annotations["local.path.provisioner/selected-node"] = node
        meta.annotations["pv.kubernetes.io/provisioned-by"] = "rancher.io/local-path"
        meta.finalizers = ["kubernetes.io/pv-protection"]
        meta.creationTimestamp = cluster.now
        cluster.stampAside(&meta, stream: "pv")
        var volume = PersistentVolume(
          metadata: meta, capacity: claim.request, accessModes: claim.accessModes,
          storageClassName: claim.storageClassName ?? "standard",
          hostPath: "/var/local-path-provisioner/\(volumeName)_\(namespace)_\(claimName)")
        volume.node = node
        volume.claim = (namespace, claimName, claim.metadata.uid)
        cluster.volumes[volumeName] = volume
        claim.volumeName = volumeName
        claim.phase = .bound
        claim.metadata.annotations["pv.kubernetes.io/bind-completed"] = "yes"
        claim.metadata.annotations["pv.kubernetes.io/bound-by-controller"] = "yes"
        claim.metadata.annotations["volume.beta.kubernetes.io/storage-provisioner"] = "rancher.io/local-path"
        claim.metadata.annotations["volume.kubernetes.io/selected-node"] = node
        claim.metadata.annotations["volume.kubernetes.io/storage-provisioner"] = "rancher.io/local-path"
        claim.metadata.resourceVersion = cluster.nextResourceVersion()
        cluster.claims[claimKey] = claim
        cluster.record(
          "PersistentVolumeClaim", claim.metadata, reason: "ProvisioningSucceeded",
          message: "Successfully provisioned volume \(volumeName)",
          source: "rancher.io/local-path_local-path-provisioner")
      }
    }
    // Deleted claims that no pod uses any more.
    for key in cluster.claims.keys.sorted() {
      guard let claim = cluster.claims[key], claim.metadata.deletionTimestamp != nil else { continue }
      let namespace = claim.metadata.namespace ?? "default"
      let inUse = cluster.listPods(namespace: namespace).contains {
        cluster.claimNames(of: $0).contains(claim.metadata.name)
      }
      guard !inUse else { continue }
      cluster.claims[key] = nil
      // The reclaim policy: Delete removes the volume, Retain keeps it Released with its data.
      if let volumeName = claim.volumeName, var volume = cluster.volumes[volumeName] {
        if volume.reclaimPolicy.value == .delete {
          cluster.volumes[volumeName] = nil
        } else {
          volume.phase = .released
          volume.metadata.resourceVersion = cluster.nextResourceVersion()
          cluster.volumes[volumeName] = volume
        }
      }
      cluster.writeCount += 1
    }
  }

  /// The PV controller's static binding: a pending claim that does not wait for its first
  /// consumer takes the smallest Available volume of its class with the access modes it asks
  /// for and at least the size it requests.
  static func bindStatic(_ cluster: inout Cluster) {
    for key in cluster.claims.keys.sorted() {
      guard var claim = cluster.claims[key], claim.phase == .pending, claim.metadata.deletionTimestamp == nil,
        !cluster.waitsForFirstConsumer(claim.storageClassName)
      else { continue }
      let wanted = ResourceRequirements.parse("storage", claim.request) ?? 0
      let candidates = cluster.volumes.values.filter { volume in
        volume.phase == .available && volume.storageClassName == (claim.storageClassName ?? "")
          && claim.accessModes.allSatisfy(volume.accessModes.contains)
          && (ResourceRequirements.parse("storage", volume.capacity) ?? 0) >= wanted
      }.sorted {
        (ResourceRequirements.parse("storage", $0.capacity) ?? 0, $0.metadata.name)
          < (ResourceRequirements.parse("storage", $1.capacity) ?? 0, $1.metadata.name)
      }
      guard var volume = candidates.first else { continue }
      let namespace = claim.metadata.namespace ?? "default"
      volume.phase = .bound
      volume.claim = (namespace, claim.metadata.name, claim.metadata.uid)
      volume.metadata.annotations["pv.kubernetes.io/bound-by-controller"] = "yes"
      volume.metadata.resourceVersion = cluster.nextResourceVersion()
      cluster.volumes[volume.metadata.name] = volume
      claim.volumeName = volume.metadata.name
      claim.phase = .bound
      claim.capacity = volume.capacity
      claim.metadata.annotations["pv.kubernetes.io/bind-completed"] = "yes"
      claim.metadata.annotations["pv.kubernetes.io/bound-by-controller"] = "yes"
      claim.metadata.resourceVersion = cluster.nextResourceVersion()
      cluster.claims[key] = claim
      cluster.unscheduledNeedRetry()
    }
  }
}
