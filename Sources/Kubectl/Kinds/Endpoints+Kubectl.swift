import KubeSim

/// What kubectl knows about Endpoints.
extension Endpoints: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Endpoints"), .init(name: "Age"),
  ]

  func row(now: Timestamp) -> [String] {
    [metadata.name, TablePrinters.formatEndpoints(self), TablePrinters.age(metadata.creationTimestamp, now: now)]
  }

  static var describer: Describer<Endpoints>? { nil }

  static var manifest: ManifestHandler<Endpoints>? { nil }

  static var deleter: Deleter<Endpoints>? { nil }
}
