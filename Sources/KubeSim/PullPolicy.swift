/// When the kubelet pulls a container's image (`imagePullPolicy`); the raw values are the API
/// strings.
public enum PullPolicy: String, APIStringEnum {
  /// On every container start.
  case always = "Always"
  /// Only when the node does not have the image.
  case ifNotPresent = "IfNotPresent"
  /// Never: the image must already be on the node.
  case never = "Never"
}
