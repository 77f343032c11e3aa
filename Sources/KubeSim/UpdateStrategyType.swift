/// How a DaemonSet or StatefulSet replaces its pods when its template changes
/// (`spec.updateStrategy.type`); the raw values are the API strings.
public enum UpdateStrategyType: String, APIStringEnum {
  /// The controller replaces outdated pods itself.
  case rollingUpdate = "RollingUpdate"
  /// Outdated pods are replaced only when someone deletes them.
  case onDelete = "OnDelete"
}
