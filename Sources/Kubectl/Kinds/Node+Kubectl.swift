import KubeSim

/// What kubectl knows about a Node.
extension Node: KubectlResource {
  /// `pkg/apis/core/v1/conversion.go` (no `metadata.namespace`) and
  /// `pkg/registry/core/node/strategy.go` `NodeToSelectableFields` (`fmt.Sprint` of the bool).
  static var selectableFields: SelectableFields<Node> {
    .core([
      .init(label: "metadata.name", value: { $0.metadata.name }),
      .init(label: "spec.unschedulable", value: { $0.spec.unschedulable ? "true" : "false" }),
    ])
  }

  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Status"), .init(name: "Roles"), .init(name: "Age"),
    .init(name: "Version"), .init(name: "Internal-IP", wide: true),
    .init(name: "External-IP", wide: true), .init(name: "OS-Image", wide: true),
    .init(name: "Kernel-Version", wide: true), .init(name: "Container-Runtime", wide: true),
  ]

  /// One `kubectl get nodes` row (printNode).
  func row(now: Timestamp) -> [String] {
    let node = self
    var status: String
    switch node.status.ready {
    case .true: status = "Ready"
    case .false, .unknown: status = "NotReady"
    }
    if node.spec.unschedulable { status += ",SchedulingDisabled" }
    let roles = node.roles
    return [
      node.metadata.name, status, roles.isEmpty ? "<none>" : roles.joined(separator: ","),
      TablePrinters.age(node.metadata.creationTimestamp, now: now), node.status.kubeletVersion,
      node.status.internalIP, "<none>", node.status.osImage, node.status.kernelVersion,
      node.status.containerRuntimeVersion,
    ]
  }

  static var describer: Describer<Node>? { Describer { DescribeCommand.describeNode($0, cluster: $1) } }

  static var manifest: ManifestHandler<Node>? { nil }

  static var deleter: Deleter<Node>? { nil }

  static var patchSchema: PatchSchema { .node }
}
