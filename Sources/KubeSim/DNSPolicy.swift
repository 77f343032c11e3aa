/// How a pod's DNS resolution is set up (`spec.dnsPolicy`); the raw values are the API strings.
public enum DNSPolicy: String, APIStringEnum {
  /// The cluster's DNS, falling back to the node's for names outside the cluster.
  case clusterFirst = "ClusterFirst"
  /// `ClusterFirst` for a pod on the host network.
  case clusterFirstWithHostNet = "ClusterFirstWithHostNet"
  /// The node's resolver configuration.
  case `default` = "Default"
  /// Only what `dnsConfig` gives.
  case none = "None"
}
