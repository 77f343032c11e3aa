import KubeSim

/// What kubectl knows about a Lease.
extension Lease: KubectlResource {
  /// `leaseColumnDefinitions` (printers.go): Name, Holder, Age.
  static let columns: [Table.Column] = [.init(name: "Name"), .init(name: "Holder"), .init(name: "Age")]

  /// `printLease`.
  func row(now: Timestamp) -> [String] {
    [metadata.name, holderIdentity, TablePrinters.age(metadata.creationTimestamp, now: now)]
  }

  /// kubectl has no describer of its own for Leases: its generic one.
  static var describer: Describer<Lease>? {
    Describer { lease, cluster in UnstructuredDescriber.describe(lease.json(now: cluster.now)) }
  }

  /// Leases are the kubelets' to write; manifests of them are not simulated.
  static var manifest: ManifestHandler<Lease>? { nil }

  /// Deleting a node lease (the kubelet would recreate it) is not simulated.
  static var deleter: Deleter<Lease>? { nil }
}
