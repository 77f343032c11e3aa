import KubeSim

/// What kubectl knows about a Node.
extension Node: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Status"), .init(name: "Roles"), .init(name: "Age"),
    .init(name: "Version"), .init(name: "Internal-IP", wide: true),
    .init(name: "External-IP", wide: true), .init(name: "OS-Image", wide: true),
    .init(name: "Kernel-Version", wide: true), .init(name: "Container-Runtime", wide: true),
  ]

  func row(now: Timestamp) -> [String] {
    TablePrinters.nodeRow(self, now: now)
  }

  static var describer: Describer<Node>? { Describer { DescribeCommand.describeNode($0, cluster: $1) } }

  static var manifest: ManifestHandler<Node>? { nil }

  static var deleter: Deleter<Node>? { nil }

  static var patchSchema: PatchSchema { .node }
}
