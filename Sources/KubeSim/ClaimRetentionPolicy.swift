/// What becomes of a StatefulSet's claims when the set is deleted or scaled down
/// (`persistentVolumeClaimRetentionPolicy.whenDeleted`/`whenScaled`); the raw values are the
/// API strings.
public enum ClaimRetentionPolicy: String, APIStringEnum {
  /// The claims stay.
  case retain = "Retain"
  /// The claims go with the pods.
  case delete = "Delete"
}
