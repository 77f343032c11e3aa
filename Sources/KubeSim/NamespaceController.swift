/// The namespace controller: empties a Terminating namespace (every object in it deleted, pods
/// gracefully) and removes the namespace once its last pod is gone.
enum NamespaceController: ControlLoop {
  /// The namespaced kinds deleted by store alone.
  static let sweptKinds: [any StoredResource.Type] = [
    Ingress.self, PodDisruptionBudget.self, ServiceAccount.self, Role.self, RoleBinding.self,
    ResourceQuota.self, LimitRange.self,
  ]

  /// Opens the kind's type to delete its objects in `namespace`.
  static func removeAll<Kind: StoredResource>(_ kind: Kind.Type, namespace: String, from cluster: inout Cluster) {
    cluster.removeAll(kind, namespace: namespace)
  }

  static func reconcile(_ cluster: inout Cluster) {
    let terminating = cluster.namespaces.values.filter { $0.metadata.deletionTimestamp != nil }.map(\.metadata.name)
    guard !terminating.isEmpty else { return }
    for name in terminating.sorted() {
      let prefix = name + "/"
      for key in cluster.deployments.keys.sorted() where key.hasPrefix(prefix) {
        _ = cluster.deleteWorkload(
          kind: "Deployment", name: String(key.dropFirst(prefix.count)), namespace: name, propagation: .background)
      }
      for key in cluster.replicaSets.keys.sorted() where key.hasPrefix(prefix) {
        _ = cluster.deleteWorkload(
          kind: "ReplicaSet", name: String(key.dropFirst(prefix.count)), namespace: name, propagation: .background)
      }
      for key in cluster.replicationControllers.keys.sorted() where key.hasPrefix(prefix) {
        _ = cluster.deleteWorkload(
          kind: "ReplicationController", name: String(key.dropFirst(prefix.count)), namespace: name,
          propagation: .background)
      }
      for key in cluster.daemonSets.keys.sorted() where key.hasPrefix(prefix) {
        _ = cluster.deleteWorkload(
          kind: "DaemonSet", name: String(key.dropFirst(prefix.count)), namespace: name, propagation: .background)
      }
      for key in cluster.cronJobs.keys.sorted() where key.hasPrefix(prefix) {
        try? cluster.deleteCronJob(String(key.dropFirst(prefix.count)), namespace: name, propagation: .background)
      }
      for key in cluster.jobs.keys.sorted() where key.hasPrefix(prefix) {
        try? cluster.deleteJob(String(key.dropFirst(prefix.count)), namespace: name, propagation: .background)
      }
      for key in cluster.services.keys.sorted() where key.hasPrefix(prefix) {
        try? cluster.deleteService(String(key.dropFirst(prefix.count)), namespace: name)
      }
      for key in cluster.configMaps.keys.sorted() where key.hasPrefix(prefix) {
        try? cluster.deleteConfigMap(String(key.dropFirst(prefix.count)), namespace: name)
      }
      for key in cluster.secrets.keys.sorted() where key.hasPrefix(prefix) {
        try? cluster.deleteSecret(String(key.dropFirst(prefix.count)), namespace: name)
      }
      // Kinds with no dependents and nothing to clean up beside their store go in one sweep.
      for kind in sweptKinds { removeAll(kind, namespace: name, from: &cluster) }
      for type in cluster.customResourceTypes where type.namespaced {
        cluster.removeCustomObjects(of: type, namespace: name)
      }
      var podsLeft = false
      for pod in cluster.listPods(namespace: name) {
        podsLeft = true
        if pod.metadata.deletionTimestamp == nil { _ = try? cluster.deletePod(pod.metadata.name, namespace: name) }
      }
      if !podsLeft {
        cluster.namespaces[name] = nil
        cluster.endpoints = cluster.endpoints.filter { !$0.key.hasPrefix(prefix) }
        cluster.writeCount += 1
      }
    }
  }
}
