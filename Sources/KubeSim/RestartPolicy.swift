/// When the kubelet restarts a pod's exited containers (`spec.restartPolicy`); the raw values are
/// the API strings.
public enum RestartPolicy: String, APIStringEnum {
  /// After every exit.
  case always = "Always"
  /// After a non-zero exit.
  case onFailure = "OnFailure"
  /// Never.
  case never = "Never"
}
