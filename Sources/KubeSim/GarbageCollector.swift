/// The garbage collector (`docs/reference/controllers.md` §8): deletes dependents whose owner is gone, and
/// finishes foreground deletions once no blocking dependent remains.
enum GarbageCollector: ControlLoop {
  static func reconcile(_ cluster: inout Cluster) {
    var live: [String: Bool] = [:]  // owner uid → being deleted in the foreground
    for node in cluster.nodes.values { live[node.metadata.uid] = false }
    for deployment in cluster.deployments.values {
      live[deployment.metadata.uid] = deployment.metadata.finalizers.contains("foregroundDeletion")
    }
    for set in cluster.replicaSets.values {
      live[set.metadata.uid] = set.metadata.finalizers.contains("foregroundDeletion")
    }
    for controller in cluster.replicationControllers.values {
      live[controller.metadata.uid] = controller.metadata.finalizers.contains("foregroundDeletion")
    }
    for set in cluster.daemonSets.values {
      live[set.metadata.uid] = set.metadata.finalizers.contains("foregroundDeletion")
    }
    for job in cluster.jobs.values { live[job.metadata.uid] = false }
    for set in cluster.statefulSets.values { live[set.metadata.uid] = false }
    for cronJob in cluster.cronJobs.values { live[cronJob.metadata.uid] = false }
    // Jobs whose CronJob is gone.
    for key in cluster.jobs.keys.sorted() {
      guard let job = cluster.jobs[key], let owner = job.metadata.controllerUID,
        job.metadata.controller?.kind == CronJob.resource.kind,
        live[owner] == nil
      else { continue }
      try? cluster.deleteJob(
        job.metadata.name, namespace: job.metadata.namespace ?? "default", propagation: .background)
      live[job.metadata.uid] = nil
    }
    // ReplicaSets whose Deployment is gone or going.
    for key in cluster.replicaSets.keys.sorted() {
      guard let set = cluster.replicaSets[key], let owner = set.metadata.controllerUID else { continue }
      switch live[owner] {
      case nil:
        cluster.deleteWorkload(
          kind: "ReplicaSet", name: set.metadata.name, namespace: set.metadata.namespace ?? "default",
          propagation: .background)
      case true? where set.metadata.deletionTimestamp == nil:
        cluster.deleteWorkload(
          kind: "ReplicaSet", name: set.metadata.name, namespace: set.metadata.namespace ?? "default",
          propagation: .foreground)
      default:
        break
      }
    }
    // Pods whose controller is gone or going.
    for owner in cluster.podsByOwner.keys.sorted() where live[owner] != false {
      for pod in cluster.pods(ownedBy: owner) where pod.metadata.deletionTimestamp == nil {
        _ = try? cluster.deletePod(pod.metadata.name, namespace: pod.metadata.namespace ?? "default")
      }
    }
    // Foreground deletions whose dependents are all gone.
    for key in cluster.replicaSets.keys.sorted() {
      guard let set = cluster.replicaSets[key], set.metadata.finalizers.contains("foregroundDeletion"),
        cluster.podsByOwner[set.metadata.uid]?.isEmpty ?? true
      else { continue }
      cluster.removeWorkload(kind: "ReplicaSet", key: key)
      cluster.writeCount += 1
    }
    for key in cluster.replicationControllers.keys.sorted() {
      guard let controller = cluster.replicationControllers[key],
        controller.metadata.finalizers.contains("foregroundDeletion"),
        cluster.podsByOwner[controller.metadata.uid]?.isEmpty ?? true
      else { continue }
      cluster.removeWorkload(kind: "ReplicationController", key: key)
      cluster.writeCount += 1
    }
    for key in cluster.daemonSets.keys.sorted() {
      guard let set = cluster.daemonSets[key], set.metadata.finalizers.contains("foregroundDeletion"),
        cluster.podsByOwner[set.metadata.uid]?.isEmpty ?? true
      else { continue }
      cluster.removeWorkload(kind: "DaemonSet", key: key)
      cluster.writeCount += 1
    }
    for key in cluster.deployments.keys.sorted() {
      guard let deployment = cluster.deployments[key], deployment.metadata.finalizers.contains("foregroundDeletion"),
        !cluster.replicaSets.values.contains(where: { $0.metadata.controllerUID == deployment.metadata.uid })
      else { continue }
      cluster.removeWorkload(kind: "Deployment", key: key)
      cluster.writeCount += 1
    }
  }
}
