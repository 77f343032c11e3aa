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
