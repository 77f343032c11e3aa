/// How a Deployment replaces its pods (`spec.strategy.type`); the raw values are the API
/// strings.
public enum DeploymentStrategyType: String, APIStringEnum {
  /// Old pods are all stopped before new ones start.
  case recreate = "Recreate"
  /// New pods replace old ones gradually, within `maxSurge` and `maxUnavailable`.
  case rollingUpdate = "RollingUpdate"
}
