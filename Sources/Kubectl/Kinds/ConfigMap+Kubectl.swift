import KubeSim

/// What kubectl knows about a ConfigMap.
extension ConfigMap: KubectlResource {
  static let columns: [Table.Column] = [.init(name: "Name"), .init(name: "Data"), .init(name: "Age")]

  func row(now: Timestamp) -> [String] {
    [
      metadata.name, String(data.count), TablePrinters.age(metadata.creationTimestamp, now: now),
    ]
  }

  static var describer: Describer<ConfigMap>? {
    Describer(describe: { configMap, _ in DescribeCommand.describeConfigMap(configMap) })
  }

  static var manifest: ManifestHandler<ConfigMap>? {
    ManifestHandler(
      decode: { $0.decodeConfigMap($1) },
      create: { object, cluster throws(APIError) in try cluster.createConfigMap(object) },
      update: { live, desired, manifest, context throws(KubectlError) in
        let configMap = desired
        do throws(APIError) {
          var merged = live
          merged.data = configMap.data
          merged.metadata.labels = configMap.metadata.labels
          merged.metadata.annotations = configMap.metadata.annotations
          if merged == live { return "unchanged" }
          try context.cluster.updateConfigMap(merged)
        } catch {
          throw .api(error)
        }
        return "configured"
      })
  }

  static var deleter: Deleter<ConfigMap>? {
    Deleter { name, namespace, _, cluster throws(APIError) in
      try cluster.deleteConfigMap(name, namespace: namespace)
      return Deletion()
    }
  }
}

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes a ConfigMap manifest (v1).
  mutating func decodeConfigMap(_ value: JSONValue) -> ConfigMap {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "data", "binaryData", "immutable"])
    return ConfigMap(
      metadata: decodeMetadata(value["metadata"], path: "metadata"),
      data: strictStringMap(value["data"], field: "ConfigMap.data", type: "string"))
  }
}
