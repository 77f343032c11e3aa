import KubeSim

/// What kubectl knows about a ReplicationController.
extension ReplicationController: KubectlResource {
  /// `pkg/apis/core/v1/conversion.go` and `pkg/registry/core/replicationcontroller/
  /// strategy.go` `ControllerToSelectableFields`.
  static var selectableFields: SelectableFields<ReplicationController> {
    .core(
      SelectableFields.objectMetaFields + [
        .init(label: "status.replicas", value: { String($0.status.replicas) })
      ])
  }

  /// `printReplicationController` prints the ReplicaSet columns.
  static var columns: [Table.Column] { ReplicaSet.columns }

  func row(now: Timestamp) -> [String] {
    [
      metadata.name, String(replicas), String(status.replicas),
      String(status.readyReplicas), TablePrinters.age(metadata.creationTimestamp, now: now),
      template.spec.containers.map(\.name).joined(separator: ","),
      template.spec.containers.map(\.image).joined(separator: ","),
      TablePrinters.formatLabels(selector),
    ]
  }

  static var describer: Describer<ReplicationController>? {
    Describer { DescribeCommand.replicationController($0, cluster: $1) }
  }

  static var manifest: ManifestHandler<ReplicationController>? {
    ManifestHandler(
      decode: { $0.decodeReplicationController($1) },
      create: { object, cluster throws(APIError) in try cluster.createReplicationController(object) },
      update: { live, desired, manifest, context throws(KubectlError) in
        var merged = live
        merged.replicas = ApplyCommand.replicas(
          desired.replicas, live: live.replicas, liveMeta: live.metadata, manifest: manifest)
        merged.template = desired.template
        merged.metadata.annotations = ApplyCommand.keepingControllerAnnotations(
          live.metadata.annotations, desired: desired.metadata.annotations)
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateReplicationController(merged)
        }
      })
  }

  static var deleter: Deleter<ReplicationController>? { .workload }

  static var patchSchema: PatchSchema { .podTemplateOwner }
}

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes a ReplicationController manifest (v1).
  mutating func decodeReplicationController(_ value: JSONValue) -> ReplicationController {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(spec, path: "spec", known: ["replicas", "selector", "template", "minReadySeconds"])
    var controller = ReplicationController(
      metadata: metadata, replicas: int32Field(spec["replicas"], "ReplicationControllerSpec.spec.replicas") ?? 1,
      selector: strictStringMap(spec["selector"], field: "ReplicationControllerSpec.spec.selector", type: "string"),
      template: decodeTemplate(spec["template"], path: "spec.template"))
    controller.minReadySeconds =
      int32Field(spec["minReadySeconds"], "ReplicationControllerSpec.spec.minReadySeconds") ?? 0
    return controller
  }
}

/// Where `kubectl set env|resources` finds a ReplicationController's pod spec, and what its Go type writes.
extension ReplicationController: PodSpecHolder {
  static var podSpecPath: [String] { ["spec", "template", "spec"] }
  static var typedFields: [(path: [String], value: JSONValue)] {
    templateFields([(["status", "replicas"], .int(0))])
  }
}
