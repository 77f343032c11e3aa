import KubeSim

/// What kubectl knows about a StatefulSet.
extension StatefulSet: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Ready"), .init(name: "Age"), .init(name: "Containers", wide: true),
    .init(name: "Images", wide: true),
  ]

  func row(now: Timestamp) -> [String] {
    [
      metadata.name, "\(status.readyReplicas)/\(replicas)", TablePrinters.age(metadata.creationTimestamp, now: now),
      template.spec.containers.map(\.name).joined(separator: ","),
      template.spec.containers.map(\.image).joined(separator: ","),
    ]
  }

  static var describer: Describer<StatefulSet>? { Describer { DescribeCommand.describeStatefulSet($0, cluster: $1) } }

  static var manifest: ManifestHandler<StatefulSet>? {
    ManifestHandler(
      decode: { $0.decodeStatefulSet($1) },
      create: { object, cluster throws(APIError) in try cluster.createStatefulSet(object) },
      update: { live, desired, manifest, context throws(KubectlError) in
        var merged = live
        merged.replicas = ApplyCommand.replicas(
          desired.replicas, live: live.replicas, liveMeta: live.metadata, manifest: manifest)
        merged.template = desired.template
        merged.updateStrategy = desired.updateStrategy
        merged.partition = desired.partition
        merged.minReadySeconds = desired.minReadySeconds
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = desired.metadata.annotations
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateStatefulSet(merged)
        }
      })
  }

  static var patchSchema: PatchSchema { .podTemplateOwner }

  static var deleter: Deleter<StatefulSet>? {

    Deleter { name, namespace, options, cluster throws(APIError) in
      try cluster.deleteStatefulSet(name, namespace: namespace, propagation: options.propagation)
      return Deletion()
    }
  }
}

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes a StatefulSet manifest (apps/v1), with the API server's defaults.
  mutating func decodeStatefulSet(_ value: JSONValue) -> StatefulSet {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec",
      known: [
        "replicas", "selector", "template", "serviceName", "podManagementPolicy", "updateStrategy", "minReadySeconds",
        "revisionHistoryLimit", "volumeClaimTemplates", "persistentVolumeClaimRetentionPolicy", "ordinals",
      ])
    var set = StatefulSet(
      metadata: metadata, selector: decodeSelector(spec["selector"], path: "spec.selector"),
      template: decodeTemplate(spec["template"], path: "spec.template"),
      serviceName: spec["serviceName"]?.stringValue ?? "")
    if let replicas = int32Field(spec["replicas"], "StatefulSetSpec.spec.replicas") { set.replicas = replicas }
    if let policy = spec["podManagementPolicy"]?.stringValue { set.podManagementPolicy = APIField(policy) }
    if let seconds = int32Field(spec["minReadySeconds"], "StatefulSetSpec.spec.minReadySeconds") {
      set.minReadySeconds = seconds
    }
    if let limit = int32Field(spec["revisionHistoryLimit"], "StatefulSetSpec.spec.revisionHistoryLimit") {
      set.revisionHistoryLimit = limit
    }
    if let retention = spec["persistentVolumeClaimRetentionPolicy"] {
      check(retention, path: "spec.persistentVolumeClaimRetentionPolicy", known: ["whenDeleted", "whenScaled"])
      if let policy = retention["whenDeleted"]?.stringValue { set.claimsWhenDeleted = APIField(policy) }
      if let policy = retention["whenScaled"]?.stringValue { set.claimsWhenScaled = APIField(policy) }
    }
    if let strategy = spec["updateStrategy"] {
      check(strategy, path: "spec.updateStrategy", known: ["type", "rollingUpdate"])
      if let type = strategy["type"]?.stringValue {
        set.updateStrategy = APIField(type)
        set.hasRollingUpdate = set.updateStrategy.value == .rollingUpdate && strategy["rollingUpdate"] != nil
      }
      if let partition = int32Field(
        strategy["rollingUpdate"]?["partition"],
        "RollingUpdateStatefulSetStrategy.spec.updateStrategy.rollingUpdate.partition")
      {
        set.partition = partition
      }
    }
    set.claimTemplates = (spec["volumeClaimTemplates"]?.arrayValue ?? []).enumerated().map { index, item in
      let path = "spec.volumeClaimTemplates[\(index)]"
      check(item, path: path, known: ["apiVersion", "kind", "metadata", "spec", "status"])
      let claimMeta = decodeMetadata(item["metadata"], path: path + ".metadata")
      let claimSpec = item["spec"] ?? .object([])
      return StatefulSet.ClaimTemplate(
        name: claimMeta.name, labels: claimMeta.labels, storageClassName: claimSpec["storageClassName"]?.stringValue,
        accessModes: (claimSpec["accessModes"]?.arrayValue ?? []).compactMap(\.stringValue),
        request: decodeQuantity(
          claimSpec["resources"]?["requests"]?["storage"], path: path + ".spec.resources.requests.storage") ?? "")
    }
    return set
  }
}

/// Where `kubectl set env|resources` finds a StatefulSet's pod spec, and what its Go type writes.
extension StatefulSet: PodSpecHolder {
  static var podSpecPath: [String] { ["spec", "template", "spec"] }
  static var typedFields: [(path: [String], value: JSONValue)] {
    templateFields([
      (["spec", "serviceName"], .string("")), (["spec", "updateStrategy"], .object([])),
      (["status", "availableReplicas"], .int(0)), (["status", "replicas"], .int(0)),
    ])
  }
}
