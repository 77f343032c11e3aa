import KubeSim

/// What kubectl knows about a Namespace.
extension Namespace: KubectlResource {
  /// `AddFieldLabelConversionsForNamespace` (no `metadata.namespace`) and
  /// `pkg/registry/core/namespace/strategy.go` `NamespaceToSelectableFields`.
  static var selectableFields: SelectableFields<Namespace> {
    .core([
      .init(label: "status.phase", value: { $0.phase.rawValue }),
      .init(label: "metadata.name", value: { $0.metadata.name }),
    ])
  }

  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Status"), .init(name: "Age"),
  ]

  func row(now: Timestamp) -> [String] {
    let namespace = self
    return [
      namespace.metadata.name, namespace.phase.rawValue,
      TablePrinters.age(namespace.metadata.creationTimestamp, now: now),
    ]
  }

  static var describer: Describer<Namespace>? { nil }

  static var manifest: ManifestHandler<Namespace>? {
    ManifestHandler(
      decode: { _, manifest in Namespace(metadata: ObjectMeta(name: manifest["metadata"]?["name"]?.stringValue ?? ""))
      },
      create: { object, cluster throws(APIError) in try cluster.createNamespace(object.metadata.name) },
      update: { _, _, _, _ in "unchanged" })
  }

  static var deleter: Deleter<Namespace>? {
    Deleter { name, _, _, cluster throws(APIError) in
      try cluster.deleteNamespace(name)
      return Deletion(isGone: { $0.namespaces[name] == nil })
    }
  }
}
