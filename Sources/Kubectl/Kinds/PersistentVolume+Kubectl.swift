import KubeSim

/// What kubectl knows about a PersistentVolume.
extension PersistentVolume: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Capacity"), .init(name: "Access Modes"), .init(name: "Reclaim Policy"),
    .init(name: "Status"), .init(name: "Claim"), .init(name: "StorageClass"), .init(name: "VolumeAttributesClass"),
    .init(name: "Reason"), .init(name: "Age"), .init(name: "VolumeMode", wide: true),
  ]

  func row(now: Timestamp) -> [String] {
    [
      metadata.name, capacity, TablePrinters.accessModes(accessModes), reclaimPolicy.text,
      phase.rawValue,
      claim.map { "\($0.namespace)/\($0.name)" } ?? "", storageClassName, "<unset>", "",
      TablePrinters.age(metadata.creationTimestamp, now: now), "Filesystem",
    ]
  }

  static var describer: Describer<PersistentVolume>? { nil }

  static var manifest: ManifestHandler<PersistentVolume>? {
    ManifestHandler(
      decode: { $0.decodeVolume($1) },
      create: { object, cluster throws(APIError) in try cluster.createVolume(object) },
      update: { _, _, _, _ in "unchanged" })
  }

  static var deleter: Deleter<PersistentVolume>? {
    Deleter { name, _, _, cluster throws(APIError) in
      try cluster.deleteVolume(name)
      return Deletion()
    }
  }
}
