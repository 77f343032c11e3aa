/// Where a PersistentVolume is in its lifecycle (`status.phase`); the raw values are the API
/// strings.
public enum VolumePhase: String, APIStringEnum {
  /// Not yet available.
  case pending = "Pending"
  /// Free for a claim to bind.
  case available = "Available"
  /// Bound to a claim.
  case bound = "Bound"
  /// Its claim was deleted; the volume awaits reclamation.
  case released = "Released"
  /// Automatic reclamation failed.
  case failed = "Failed"
}
