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

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes a PersistentVolume manifest (v1): a static volume (static volumes keep their data
  /// by default: reclaim policy Retain).
  mutating func decodeVolume(_ value: JSONValue) -> PersistentVolume {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec",
      known: [
        "capacity", "accessModes", "persistentVolumeReclaimPolicy", "storageClassName", "hostPath", "local", "nfs",
        "nodeAffinity", "volumeMode", "claimRef", "mountOptions", "csi",
      ])
    let path = spec["hostPath"]?["path"]?.stringValue ?? spec["local"]?["path"]?.stringValue ?? ""
    var volume = PersistentVolume(
      metadata: decodeMetadata(value["metadata"], path: "metadata"),
      capacity: spec["capacity"]?["storage"]?.stringValue ?? "",
      accessModes: (spec["accessModes"]?.arrayValue ?? []).compactMap(\.stringValue),
      storageClassName: spec["storageClassName"]?.stringValue ?? "", hostPath: path)
    volume.reclaimPolicy = spec["persistentVolumeReclaimPolicy"]?.stringValue.map { APIField($0) } ?? .known(.retain)
    if let terms = spec["nodeAffinity"]?["required"]?["nodeSelectorTerms"]?.arrayValue,
      let values = terms.first?["matchExpressions"]?.arrayValue?.first?["values"]?.arrayValue
    {
      volume.node = values.first?.stringValue
    }
    return volume
  }
}
