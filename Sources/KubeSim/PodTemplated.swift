/// A kind whose pod template may change through the API and roll out (Deployment,
/// ReplicaSet, ReplicationController, StatefulSet, DaemonSet): `kubectl set image` edits the
/// template and writes the object back through the kind's update.
public protocol PodTemplated: StoredResource {
  /// `spec.template`.
  var template: PodTemplate { get set }
  /// Writes `object`, its template changed, through the API (validation, generation, rollout).
  static func writeTemplate(_ object: Self, in cluster: inout Cluster) throws(APIError)
}
