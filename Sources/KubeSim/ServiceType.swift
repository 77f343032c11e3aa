/// How a Service is exposed (`spec.type`); the raw values are the API strings, declared in the
/// order validation lists them.
public enum ServiceType: String, APIStringEnum, CaseIterable {
  /// A virtual IP inside the cluster.
  case clusterIP = "ClusterIP"
  /// A DNS alias for a name outside the cluster.
  case externalName = "ExternalName"
  /// A node port, fronted by a cloud load balancer.
  case loadBalancer = "LoadBalancer"
  /// A cluster IP plus a port on every node.
  case nodePort = "NodePort"
}
