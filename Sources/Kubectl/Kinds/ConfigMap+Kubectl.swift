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
      update: { live, desired, _, context throws(KubectlError) in
        var merged = live
        merged.data = desired.data
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = desired.metadata.annotations
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateConfigMap(merged)
        }
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
