import KubeSim

/// How `kubectl delete` removes one object of a kind and what its `--wait` waits for.
struct Deleter<Kind> {
  /// Deletes `name` in `namespace` (its name alone when cluster-scoped).
  var delete:
    (_ name: String, _ namespace: String, _ options: DeleteOptions, _ cluster: inout Cluster) throws(APIError) ->
      Deletion
}

/// The flags of `kubectl delete` that shape one deletion.
struct DeleteOptions {
  /// `--cascade`: what happens to the object's dependents.
  var propagation: Cluster.Propagation
  /// `--grace-period` (`--now` is 1); nil: the pod's own.
  var gracePeriod: Int?
  /// `--force`.
  var force: Bool
}

/// What one deletion printed and what `--wait` waits for.
struct Deletion {
  /// The verb kubectl prints (`deleted`, `force deleted`).
  var verb = "deleted"
  /// True once the object is gone; nil when kubectl does not wait for it.
  var isGone: (@Sendable (Cluster) -> Bool)?
}

extension Deleter where Kind: APIResource {
  /// A workload controller (Deployment, ReplicaSet, ReplicationController, DaemonSet): its
  /// dependents go as `--cascade` says, and `--wait` waits until it has left the store.
  static var workload: Deleter {
    Deleter { name, namespace, options, cluster throws(APIError) in
      guard
        cluster.deleteWorkload(
          kind: Kind.resource.kind, name: name, namespace: namespace, propagation: options.propagation)
      else {
        throw .notFound(resource: Kind.resource.qualifiedResource, name: name)
      }
      return Deletion(isGone: { Kind.get(name, namespace: namespace, in: $0) == nil })
    }
  }
}
