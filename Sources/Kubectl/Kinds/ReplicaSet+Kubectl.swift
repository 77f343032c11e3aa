import KubeSim

/// What kubectl knows about a ReplicaSet.
extension ReplicaSet: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Desired"), .init(name: "Current"), .init(name: "Ready"), .init(name: "Age"),
    .init(name: "Containers", wide: true), .init(name: "Images", wide: true), .init(name: "Selector", wide: true),
  ]

  func row(now: Timestamp) -> [String] {
    [
      metadata.name, String(replicas), String(status.replicas), String(status.readyReplicas),
      TablePrinters.age(metadata.creationTimestamp, now: now),
      template.spec.containers.map(\.name).joined(separator: ","),
      template.spec.containers.map(\.image).joined(separator: ","), selector.formatted,
    ]
  }

  static var describer: Describer<ReplicaSet>? { Describer { DescribeCommand.replicaSet($0, cluster: $1) } }

  static var manifest: ManifestHandler<ReplicaSet>? {
    ManifestHandler(
      decode: { $0.decodeReplicaSet($1) },
      create: { object, cluster throws(APIError) in try cluster.createReplicaSet(object) },
      update: { live, desired, manifest, context throws(KubectlError) in
        var merged = live
        merged.replicas = ApplyCommand.replicas(
          desired.replicas, live: live.replicas, liveMeta: live.metadata, manifest: manifest)
        merged.template = desired.template
        merged.minReadySeconds = desired.minReadySeconds
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = ApplyCommand.keepingControllerAnnotations(
          live.metadata.annotations, desired: desired.metadata.annotations)
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateReplicaSet(merged)
        }
      })
  }

  static var deleter: Deleter<ReplicaSet>? { .workload }

  static var patchSchema: PatchSchema { .podTemplateOwner }
}

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes a ReplicaSet manifest (apps/v1).
  mutating func decodeReplicaSet(_ value: JSONValue) -> ReplicaSet {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(spec, path: "spec", known: ["replicas", "selector", "template", "minReadySeconds"])
    var set = ReplicaSet(
      metadata: metadata, replicas: int32Field(spec["replicas"], "ReplicaSetSpec.spec.replicas") ?? 1,
      selector: decodeSelector(spec["selector"], path: "spec.selector"),
      template: decodeTemplate(spec["template"], path: "spec.template"))
    set.minReadySeconds = int32Field(spec["minReadySeconds"], "ReplicaSetSpec.spec.minReadySeconds") ?? 0
    return set
  }
}

/// Where `kubectl set env|resources` finds a ReplicaSet's pod spec, and what its Go type writes.
extension ReplicaSet: PodSpecHolder {
  static var podSpecPath: [String] { ["spec", "template", "spec"] }
  static var typedFields: [(path: [String], value: JSONValue)] {
    templateFields([(["status", "replicas"], .int(0))])
  }
}
