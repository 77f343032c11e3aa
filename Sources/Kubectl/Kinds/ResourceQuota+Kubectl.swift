import KubeSim

/// What kubectl knows about a ResourceQuota.
extension ResourceQuota: KubectlResource {
  /// `resourceQuotaColumnDefinitions` (printers.go, v1.32): Name, Request, Limit, Age.
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Request"), .init(name: "Limit"), .init(name: "Age"),
  ]

  /// `printResourceQuota`: `name: used/hard` pairs by resource name, `limits.*` in LIMIT.
  func row(now: Timestamp) -> [String] {
    var request: [String] = []
    var limit: [String] = []
    for name in status.hard.keys.sorted() {
      let cell = "\(name): \(status.used[name] ?? "0")/\(status.hard[name] ?? "0")"
      if name.split(separator: ".").count > 1 && name.hasPrefix("limits.") {
        limit.append(cell)
      } else {
        request.append(cell)
      }
    }
    return [
      metadata.name, request.joined(separator: ", "), limit.joined(separator: ", "),
      TablePrinters.age(metadata.creationTimestamp, now: now),
    ]
  }

  /// `describeQuota` (kubectl v0.32 `describe.go`): a used quantity is shown in its hard
  /// quantity's format (`resource.NewQuantity(used.Value(), hard.Format)`); no events.
  static var describer: Describer<ResourceQuota>? {
    Describer(
      describe: { quota, _ in
        var text = "Name:\t\(quota.metadata.name)\nNamespace:\t\(quota.metadata.namespace ?? "default")\n"
        text += "Resource\tUsed\tHard\n--------\t----\t----\n"
        for name in quota.status.hard.keys.sorted() {
          let hard = quota.status.hard[name] ?? "0"
          var used = quota.status.used[name] ?? "0"
          if isBinary(hard) != isBinary(used), let value = try? Quantity.units(used) {
            used =
              isBinary(hard)
              ? ResourceRequirements.format("memory", value) : (try? Quantity.canonical(String(value))) ?? used
          }
          text += "\(name)\t\(used)\t\(hard)\n"
        }
        return text
      }, showsEvents: false)
  }

  /// Whether a canonical quantity is in a binary format (`Ki` … `Ei`); `0` is decimal.
  static func isBinary(_ text: String) -> Bool { text.hasSuffix("i") }

  static var manifest: ManifestHandler<ResourceQuota>? {
    ManifestHandler(
      decode: { decoder, manifest in
        decoder.check(manifest, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
        let spec = manifest["spec"] ?? .object([])
        decoder.check(spec, path: "spec", known: ["hard", "scopes", "scopeSelector"])
        let hard = decoder.quantityMap(spec["hard"], path: "spec.hard")
        var quota = ResourceQuota(metadata: decoder.decodeMetadata(manifest["metadata"], path: "metadata"), hard: hard)
        quota.scopes = decoder.strictStringList(spec["scopes"], field: "ResourceQuotaSpec.spec.scopes")
        if spec["scopeSelector"] != nil { quota.scopes.append("scopeSelector") }
        return quota
      },
      create: { quota, cluster throws(APIError) in try cluster.createResourceQuota(quota) },
      update: { live, desired, _, context throws(KubectlError) in
        var merged = live
        merged.hard = desired.hard
        merged.scopes = desired.scopes
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = desired.metadata.annotations
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateResourceQuota(merged)
        }
      })
  }

  static var deleter: Deleter<ResourceQuota>? {
    Deleter { name, namespace, _, cluster throws(APIError) in
      try cluster.deleteResourceQuota(name, namespace: namespace)
      return Deletion()
    }
  }
}
