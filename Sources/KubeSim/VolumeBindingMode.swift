/// When a StorageClass binds and provisions volumes for new claims (`volumeBindingMode`); the raw
/// values are the API strings.
public enum VolumeBindingMode: String, APIStringEnum {
  /// As soon as the claim is created.
  case immediate = "Immediate"
  /// Once a pod that uses the claim is scheduled, on that pod's node.
  case waitForFirstConsumer = "WaitForFirstConsumer"
}
