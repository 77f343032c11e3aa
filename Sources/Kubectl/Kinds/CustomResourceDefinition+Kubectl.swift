import KubeSim

/// What kubectl knows about a CustomResourceDefinition.
extension CustomResourceDefinition: KubectlResource {
  /// The apiextensions server's default table: NAME and CREATED AT.
  static let columns: [Table.Column] = [.init(name: "Name"), .init(name: "Created At")]

  func row(now: Timestamp) -> [String] { [metadata.name, metadata.creationTimestamp.rfc3339] }

  /// kubectl has no describer of its own for definitions: its generic one.
  static var describer: Describer<CustomResourceDefinition>? {
    Describer { definition, _ in UnstructuredDescriber.describe(definition.json) }
  }

  static var manifest: ManifestHandler<CustomResourceDefinition>? {
    ManifestHandler(
      decode: { decoder, manifest in
        decoder.check(manifest, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
        let spec = manifest["spec"] ?? .object([])
        decoder.check(
          spec, path: "spec", known: ["group", "names", "scope", "versions", "conversion", "preserveUnknownFields"])
        let names = spec["names"] ?? .object([])
        let versions = spec["versions"]?.arrayValue ?? []
        return CustomResourceDefinition(
          metadata: decoder.decodeMetadata(manifest["metadata"], path: "metadata"),
          group: spec["group"]?.stringValue ?? "",
          names: .init(
            plural: names["plural"]?.stringValue ?? "",
            singular: names["singular"]?.stringValue ?? (names["kind"]?.stringValue ?? "").lowercased(),
            kind: names["kind"]?.stringValue ?? "",
            shortNames: decoder.strictStringList(
              names["shortNames"], field: "CustomResourceDefinitionNames.spec.names.shortNames"),
            categories: decoder.strictStringList(
              names["categories"], field: "CustomResourceDefinitionNames.spec.names.categories")),
          scope: spec["scope"]?.stringValue ?? "", versions: versions.compactMap { $0["name"]?.stringValue },
          storageVersion: versions.first { $0["storage"]?.boolValue == true }?["name"]?.stringValue,
          spec: defaulted(spec))
      },
      create: { definition, cluster throws(APIError) in try cluster.createCustomResourceDefinition(definition) },
      update: { live, desired, _, context throws(KubectlError) in
        var merged = desired
        merged.metadata = live.metadata
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = desired.metadata.annotations
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateCustomResourceDefinition(merged)
        }
      })
  }

  /// The spec with the defaults `SetDefaults_CustomResourceDefinitionSpec` sets
  /// (pkg/apis/apiextensions/v1/defaults.go lines 42-54): the singular name and the list kind
  /// from the kind, and the `None` conversion strategy.
  static func defaulted(_ spec: JSONValue) -> JSONValue {
    guard spec.objectValue != nil else { return spec }
    var names = spec["names"] ?? .object([])
    let kind = names["kind"]?.stringValue ?? ""
    if (names["singular"]?.stringValue ?? "").isEmpty { names = names.setting("singular", .string(kind.lowercased())) }
    if (names["listKind"]?.stringValue ?? "").isEmpty && !kind.isEmpty {
      names = names.setting("listKind", .string(kind + "List"))
    }
    var result = spec.setting("names", names)
    if spec["conversion"] == nil {
      result = result.setting("conversion", .object([("strategy", .string("None"))]))
    }
    return result
  }

  static var deleter: Deleter<CustomResourceDefinition>? {
    Deleter { name, _, _, cluster throws(APIError) in
      try cluster.deleteCustomResourceDefinition(name)
      return Deletion()
    }
  }

}
