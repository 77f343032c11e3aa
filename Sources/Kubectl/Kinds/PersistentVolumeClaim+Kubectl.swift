import KubeSim

/// What kubectl knows about a PersistentVolumeClaim.
extension PersistentVolumeClaim: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Status"), .init(name: "Volume"), .init(name: "Capacity"),
    .init(name: "Access Modes"), .init(name: "StorageClass"), .init(name: "VolumeAttributesClass"),
    .init(name: "Age"), .init(name: "VolumeMode", wide: true),
  ]

  func row(now: Timestamp) -> [String] {
    let bound = volumeName != nil
    let status = metadata.deletionTimestamp != nil ? "Terminating" : phase.rawValue
    return [
      metadata.name, status, volumeName ?? "", bound ? (capacity ?? request) : "",
      bound ? TablePrinters.accessModes(accessModes) : "", storageClassName ?? "", "<unset>",
      TablePrinters.age(metadata.creationTimestamp, now: now), "Filesystem",
    ]
  }

  static var describer: Describer<PersistentVolumeClaim>? { nil }

  static var manifest: ManifestHandler<PersistentVolumeClaim>? {
    ManifestHandler(
      decode: { $0.decodeClaim($1) },
      create: { object, cluster throws(APIError) in try cluster.createClaim(object) },
      update: { live, desired, _, _ in
        // Only the last-applied annotation is compared; the claim's spec is not updated here.
        live.metadata.annotations.filter({ $0.key == ApplyCommand.lastAppliedKey })
          == desired.metadata.annotations.filter({ $0.key == ApplyCommand.lastAppliedKey }) ? "unchanged" : "configured"
      })
  }

  /// Claims wait for the pods that use them (the pvc-protection finalizer); kubectl waits too.
  static var deleter: Deleter<PersistentVolumeClaim>? {
    Deleter { name, namespace, _, cluster throws(APIError) in
      try cluster.deleteClaim(name, namespace: namespace)
      let key = Cluster.key(namespace, name)
      return Deletion(isGone: { $0.claims[key] == nil })
    }
  }
}

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes a PersistentVolumeClaim manifest (v1).
  mutating func decodeClaim(_ value: JSONValue) -> PersistentVolumeClaim {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec",
      known: ["accessModes", "resources", "storageClassName", "volumeMode", "volumeName", "selector", "dataSource"])
    return PersistentVolumeClaim(
      metadata: decodeMetadata(value["metadata"], path: "metadata"),
      storageClassName: spec["storageClassName"]?.stringValue,
      accessModes: (spec["accessModes"]?.arrayValue ?? []).compactMap(\.stringValue),
      request: decodeQuantity(
        spec["resources"]?["requests"]?["storage"], path: "spec.resources.requests.storage") ?? "")
  }
}
