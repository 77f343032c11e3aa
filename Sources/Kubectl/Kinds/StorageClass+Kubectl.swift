import KubeSim

/// What kubectl knows about a StorageClass.
extension StorageClass: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Provisioner"), .init(name: "ReclaimPolicy"), .init(name: "VolumeBindingMode"),
    .init(name: "AllowVolumeExpansion"), .init(name: "Age"),
  ]

  func row(now: Timestamp) -> [String] {
    [
      metadata.name + (isDefault ? " (default)" : ""), provisioner,
      reclaimPolicy.rawValue, volumeBindingMode.rawValue, "false",
      TablePrinters.age(metadata.creationTimestamp, now: now),
    ]
  }

  static var describer: Describer<StorageClass>? { nil }

  static var manifest: ManifestHandler<StorageClass>? { nil }

  static var deleter: Deleter<StorageClass>? { nil }
}
