import KubeSim

/// What kubectl knows about a ControllerRevision.
extension ControllerRevision: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Controller"), .init(name: "Revision"), .init(name: "Age"),
  ]

  func row(now: Timestamp) -> [String] {
    [
      metadata.name, controller, String(revision),
      TablePrinters.age(metadata.creationTimestamp, now: now),
    ]
  }

  static var describer: Describer<ControllerRevision>? { nil }

  static var manifest: ManifestHandler<ControllerRevision>? { nil }

  static var deleter: Deleter<ControllerRevision>? { nil }
}
