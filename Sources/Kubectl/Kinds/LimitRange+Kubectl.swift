import KubeSim

/// What kubectl knows about a LimitRange.
extension LimitRange: KubectlResource {
  /// printers.go registers no printer for LimitRanges: the default table convertor's NAME and
  /// CREATED AT.
  static let columns: [Table.Column] = [.init(name: "Name"), .init(name: "Created At")]

  func row(now: Timestamp) -> [String] { [metadata.name, metadata.creationTimestamp.rfc3339] }

  /// `describeLimitRange` (kubectl v0.32 `describe.go`): one row per item and resource, `-` for
  /// what the item does not set; no events. kubectl walks each item's resources in a Go map's
  /// random order; kubebook sorts them by name.
  static var describer: Describer<LimitRange>? {
    Describer(
      describe: { limitRange, _ in
        var text = "Name:\t\(limitRange.metadata.name)\nNamespace:\t\(limitRange.metadata.namespace ?? "default")\n"
        text += "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n"
        text += "----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n"
        for item in limitRange.limits {
          let maps = [item.max, item.min, item.defaultLimit, item.defaultRequest, item.maxLimitRequestRatio]
          let names = Set(maps.flatMap(\.keys))
          for name in names.sorted() {
            let cells = [item.min, item.max, item.defaultRequest, item.defaultLimit, item.maxLimitRequestRatio].map {
              $0[name] ?? "-"
            }
            text += ([item.type, name] + cells).joined(separator: "\t") + "\n"
          }
        }
        return text
      }, showsEvents: false)
  }

  static var manifest: ManifestHandler<LimitRange>? {
    ManifestHandler(
      decode: { decoder, manifest in
        decoder.check(manifest, path: "", known: ["apiVersion", "kind", "metadata", "spec"])
        let spec = manifest["spec"] ?? .object([])
        decoder.check(spec, path: "spec", known: ["limits"])
        let items = (spec["limits"]?.arrayValue ?? []).enumerated().map { index, value in
          let path = "spec.limits[\(index)]"
          decoder.check(
            value, path: path, known: ["type", "max", "min", "default", "defaultRequest", "maxLimitRequestRatio"])
          func quantities(_ field: String) -> [String: String] {
            decoder.quantityMap(value[field], path: "\(path).\(field)")
          }
          var item = LimitRange.Item(type: value["type"]?.stringValue ?? "")
          item.max = quantities("max")
          item.min = quantities("min")
          item.defaultLimit = quantities("default")
          item.defaultRequest = quantities("defaultRequest")
          item.maxLimitRequestRatio = quantities("maxLimitRequestRatio")
          return item
        }
        return LimitRange(metadata: decoder.decodeMetadata(manifest["metadata"], path: "metadata"), limits: items)
      },
      create: { limitRange, cluster throws(APIError) in try cluster.createLimitRange(limitRange) },
      update: { live, desired, _, context throws(KubectlError) in
        var merged = live
        merged.limits = desired.limits
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = desired.metadata.annotations
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateLimitRange(merged)
        }
      })
  }

  static var deleter: Deleter<LimitRange>? {
    Deleter { name, namespace, _, cluster throws(APIError) in
      try cluster.deleteLimitRange(name, namespace: namespace)
      return Deletion()
    }
  }
}
