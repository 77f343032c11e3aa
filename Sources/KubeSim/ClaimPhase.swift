/// Where a PersistentVolumeClaim is in its lifecycle (`status.phase`); the raw values are the
/// API strings.
public enum ClaimPhase: String, APIStringEnum {
  /// Not yet bound to a volume.
  case pending = "Pending"
  /// Bound to a volume.
  case bound = "Bound"
  /// Its bound volume is gone.
  case lost = "Lost"
}
