import KubeSim

/// What kubectl knows about a Secret.
extension Secret: KubectlResource {
  /// `AddFieldLabelConversionsForSecret` and `pkg/registry/core/secret/strategy.go`
  /// `SelectableFields`.
  static var selectableFields: SelectableFields<Secret> {
    .core(SelectableFields.objectMetaFields + [.init(label: "type", value: { $0.type })])
  }

  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Type"), .init(name: "Data"), .init(name: "Age"),
  ]

  func row(now: Timestamp) -> [String] {
    [
      metadata.name, type, String(data.count), TablePrinters.age(metadata.creationTimestamp, now: now),
    ]
  }

  static var describer: Describer<Secret>? {
    Describer(describe: { secret, _ in DescribeCommand.describeSecret(secret) }, showsEvents: false)
  }

  static var manifest: ManifestHandler<Secret>? {
    ManifestHandler(
      decode: { $0.decodeSecret($1) },
      create: { object, cluster throws(APIError) in try cluster.createSecret(object) },
      update: { live, desired, _, context throws(KubectlError) in
        var merged = live
        merged.data = desired.data
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = desired.metadata.annotations
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateSecret(merged)
        }
      })
  }

  static var deleter: Deleter<Secret>? {
    Deleter { name, namespace, _, cluster throws(APIError) in
      try cluster.deleteSecret(name, namespace: namespace)
      return Deletion()
    }
  }
}

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes a Secret manifest (v1): `stringData` values are encoded into `data` and win over it.
  mutating func decodeSecret(_ value: JSONValue) -> Secret {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "data", "stringData", "type", "immutable"])
    var data = strictStringMap(value["data"], field: "Secret.data", type: "[]uint8")
    for (key, text) in strictStringMap(value["stringData"], field: "Secret.stringData", type: "string") {
      data[key] = Base64.encode(text)
    }
    return Secret(
      metadata: decodeMetadata(value["metadata"], path: "metadata"), type: value["type"]?.stringValue ?? "Opaque",
      data: data)
  }
}
