/// What becomes of a PersistentVolume once its claim is deleted
/// (`persistentVolumeReclaimPolicy`, a StorageClass's `reclaimPolicy`); the raw values are the
/// API strings.
public enum ReclaimPolicy: String, APIStringEnum {
  /// The volume stays, Released, until an administrator reclaims it.
  case retain = "Retain"
  /// The volume and its storage are deleted.
  case delete = "Delete"
  /// The volume is scrubbed and made Available again (deprecated).
  case recycle = "Recycle"
}
