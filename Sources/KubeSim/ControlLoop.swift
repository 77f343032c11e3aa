/// A control loop of the simulated control plane: one step of a ``Cluster/settle()`` round.
///
/// A loop that keeps state between rounds (caches, dirty marks, requeue times) is a value
/// stored on the cluster, one property per loop (``Cluster/daemonSetController``, …); a loop
/// without state is a namespace. Either way ``reconcile(_:)`` is static: it reads and writes
/// the whole cluster (store, clock and its own state), which an instance method of a value
/// stored inside that cluster could not do while the cluster is borrowed.
protocol ControlLoop: Sendable {
  /// Runs one pass of the loop over the cluster.
  static func reconcile(_ cluster: inout Cluster)
}
