/// What a node taint does to pods that do not tolerate it; the raw values are the API strings.
public enum TaintEffect: String, APIStringEnum {
  /// New pods are not scheduled onto the node.
  case noSchedule = "NoSchedule"
  /// The scheduler tries to avoid the node.
  case preferNoSchedule = "PreferNoSchedule"
  /// New pods are not scheduled and running ones are evicted.
  case noExecute = "NoExecute"
}
