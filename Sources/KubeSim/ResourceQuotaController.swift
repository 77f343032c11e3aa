/// The resource quota controller (`pkg/controller/resourcequota`): each round, every quota's
/// `status.hard` follows its spec and `status.used` what its namespace uses, for the names it
/// caps that the simulator counts. No quota, no work.
enum ResourceQuotaController: ControlLoop {
  static func reconcile(_ cluster: inout Cluster) {
    guard !cluster.resourceQuotas.isEmpty else { return }
    var usageByNamespace: [String: [String: Int64]] = [:]
    for quota in ResourceQuota.list(in: cluster, namespace: nil) {
      let namespace = quota.metadata.namespace ?? "default"
      let podUsage =
        usageByNamespace[namespace] ?? ResourceQuotaUsage.namespaceUsage(namespace, in: cluster)
      usageByNamespace[namespace] = podUsage
      var status = ResourceQuota.Status(hard: quota.hard)
      for name in quota.hard.keys {
        guard let used = ResourceQuotaUsage.used(name, namespace: namespace, podUsage: podUsage, in: cluster) else {
          continue
        }
        status.used[name] = ResourceQuotaUsage.format(name, used)
      }
      guard status != quota.status else { continue }
      var synced = quota
      synced.status = status
      cluster.writeStatus(synced)
    }
  }
}
