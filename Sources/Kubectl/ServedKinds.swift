import KubeSim

/// The kinds the simulator serves, in discovery order (`kubectl api-resources`): the one list
/// a new kind joins.
enum ServedKinds {
  static let all: [any KubectlResource.Type] = [
    Pod.self, ReplicationController.self, Service.self, Endpoints.self, ConfigMap.self, Secret.self,
    ServiceAccount.self, ResourceQuota.self, LimitRange.self, Node.self, Namespace.self, DaemonSet.self,
    ControllerRevision.self,
    Deployment.self,
    ReplicaSet.self, StatefulSet.self,
    HorizontalPodAutoscaler.self, CronJob.self, Job.self, Lease.self, EndpointSlice.self, Ingress.self,
    PersistentVolumeClaim.self, PersistentVolume.self, StorageClass.self, CustomResourceDefinition.self,
    PodDisruptionBudget.self,
    ClusterRoleBinding.self,
    ClusterRole.self, RoleBinding.self, Role.self, PriorityClass.self,
  ]

  /// The kind served under `type`'s names, by plural and group.
  static func kind(of type: ResourceType) -> (any KubectlResource.Type)? {
    byResource[type.qualifiedResource]
  }

  private static let byResource: [String: any KubectlResource.Type] = Dictionary(
    all.map { ($0.resource.qualifiedResource, $0) }, uniquingKeysWith: { first, _ in first })
}
