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
    let causes = Validation.objectMeta(claim.metadata) + claim.validate()
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
    let causes = Validation.objectMeta(volume.metadata)
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
