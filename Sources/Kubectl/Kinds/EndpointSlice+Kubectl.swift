import KubeSim

/// What kubectl knows about an EndpointSlice.
extension EndpointSlice: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "AddressType"), .init(name: "Ports"), .init(name: "Endpoints"), .init(name: "Age"),
  ]

  func row(now: Timestamp) -> [String] {
    [
      metadata.name, addressType, TablePrinters.listWithMore(ports.map(String.init)),
      TablePrinters.listWithMore(endpoints.map(\.address)), TablePrinters.age(metadata.creationTimestamp, now: now),
    ]
  }

  static var describer: Describer<EndpointSlice>? { nil }

  static var manifest: ManifestHandler<EndpointSlice>? { nil }

  static var deleter: Deleter<EndpointSlice>? { nil }
}
