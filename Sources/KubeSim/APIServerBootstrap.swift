/// What the API server writes in its post-start hooks, before any controller or kubeadm phase
/// runs: the RBAC bootstrap policy (``RBACBootstrap``) and the system PriorityClasses
/// (``PriorityClass/systemClasses``). They take resource versions from a range just below
/// the first one the rest of the cluster uses, so everything created later keeps its version.
enum APIServerBootstrap {
  /// Resource versions set aside for these objects.
  static let reservedVersions = 100

  /// Stores the objects at `created`.
  static func seed(_ cluster: inout Cluster, created: Timestamp) {
    let first = cluster.lastResourceVersion
    cluster.lastResourceVersion -= reservedVersions
    RBACBootstrap.store(&cluster, created: created)
    for var priorityClass in PriorityClass.systemClasses {
      priorityClass.metadata.creationTimestamp = created
      priorityClass.metadata.generation = 1
      cluster.stampAside(&priorityClass.metadata, stream: "priorityclass")
      cluster.priorityClasses[priorityClass.metadata.name] = priorityClass
    }
    cluster.lastResourceVersion = first
  }
}
