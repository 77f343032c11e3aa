import KubeSim

/// The pod a command that works on one pod (`logs`, `exec`) uses for `TYPE/NAME`: the pod
/// itself, or one of the pods a workload's selector picks (`polymorphichelpers`
/// `attachablePodForObject` and `logsForObject`).
enum AttachablePod {
  /// The pods `object`'s selector picks in `namespace`, not being deleted, in the store's order;
  /// nil when the kind has no pod selector.
  static func candidates(for object: APIObject, namespace: String, cluster: Cluster) -> [Pod]? {
    let selector: LabelSelector
    switch object.base {
    case let deployment as Deployment: selector = deployment.selector.selector
    case let set as ReplicaSet: selector = set.selector.selector
    case let set as StatefulSet: selector = set.selector.selector
    case let set as DaemonSet: selector = set.selector.selector
    case let controller as ReplicationController: selector = LabelSelector(matchLabels: controller.selector)
    case let job as Job: selector = job.selector.selector
    case let service as Service: selector = LabelSelector(matchLabels: service.selector)
    default: return nil
    }
    return cluster.listPods(namespace: namespace).filter {
      selector.matches($0.metadata.labels) && $0.metadata.deletionTimestamp == nil
    }
  }
}
