import KubeSim

/// What kubectl knows about a DaemonSet.
extension DaemonSet: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Desired"), .init(name: "Current"), .init(name: "Ready"),
    .init(name: "Up-to-date"), .init(name: "Available"), .init(name: "Node Selector"), .init(name: "Age"),
    .init(name: "Containers", wide: true), .init(name: "Images", wide: true), .init(name: "Selector", wide: true),
  ]

  func row(now: Timestamp) -> [String] {
    [
      metadata.name, String(status.desiredNumberScheduled), String(status.currentNumberScheduled),
      String(status.numberReady), String(status.updatedNumberScheduled), String(status.numberAvailable),
      TablePrinters.formatLabels(template.spec.nodeSelector),
      TablePrinters.age(metadata.creationTimestamp, now: now),
      template.spec.containers.map(\.name).joined(separator: ","),
      template.spec.containers.map(\.image).joined(separator: ","), selector.formatted,
    ]
  }

  static var describer: Describer<DaemonSet>? { Describer { DescribeCommand.describeDaemonSet($0, cluster: $1) } }

  static var manifest: ManifestHandler<DaemonSet>? {
    ManifestHandler(
      decode: { $0.decodeDaemonSet($1) },
      create: { object, cluster throws(APIError) in try cluster.createDaemonSet(object) },
      update: { live, desired, _, context throws(KubectlError) in
        var merged = live
        merged.template = desired.template
        merged.updateStrategy = desired.updateStrategy
        merged.maxUnavailable = desired.maxUnavailable
        merged.maxSurge = desired.maxSurge
        merged.minReadySeconds = desired.minReadySeconds
        merged.revisionHistoryLimit = desired.revisionHistoryLimit
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = desired.metadata.annotations
        merged.metadata.annotations["deprecated.daemonset.template.generation"] =
          live.metadata.annotations["deprecated.daemonset.template.generation"]
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateDaemonSet(merged)
        }
      })
  }

  static var deleter: Deleter<DaemonSet>? { .workload }

  static var patchSchema: PatchSchema { .podTemplateOwner }
}

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes a DaemonSet manifest (apps/v1), with the API server's defaults.
  mutating func decodeDaemonSet(_ value: JSONValue) -> DaemonSet {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec", known: ["selector", "template", "updateStrategy", "minReadySeconds", "revisionHistoryLimit"])
    var set = DaemonSet(
      metadata: metadata, selector: decodeSelector(spec["selector"], path: "spec.selector"),
      template: decodeTemplate(spec["template"], path: "spec.template"))
    if let seconds = int32Field(spec["minReadySeconds"], "DaemonSetSpec.spec.minReadySeconds") {
      set.minReadySeconds = seconds
    }
    if let limit = int32Field(spec["revisionHistoryLimit"], "DaemonSetSpec.spec.revisionHistoryLimit") {
      set.revisionHistoryLimit = limit
    }
    if let strategy = spec["updateStrategy"] {
      check(strategy, path: "spec.updateStrategy", known: ["type", "rollingUpdate"])
      if let type = strategy["type"]?.stringValue { set.updateStrategy = APIField(type) }
      let rolling = strategy["rollingUpdate"] ?? .object([])
      check(rolling, path: "spec.updateStrategy.rollingUpdate", known: ["maxSurge", "maxUnavailable"])
      set.maxUnavailable = decodeIntOrPercent(
        rolling["maxUnavailable"], "RollingUpdateDaemonSet.spec.updateStrategy.rollingUpdate.maxUnavailable",
        default: .int(1))
      set.maxSurge = decodeIntOrPercent(
        rolling["maxSurge"], "RollingUpdateDaemonSet.spec.updateStrategy.rollingUpdate.maxSurge", default: .int(0))
    }
    return set
  }
}

/// Where `kubectl set env|resources` finds a DaemonSet's pod spec, and what its Go type writes.
extension DaemonSet: PodSpecHolder {
  static var podSpecPath: [String] { ["spec", "template", "spec"] }
  static var typedFields: [(path: [String], value: JSONValue)] {
    templateFields([
      (["spec", "updateStrategy"], .object([])), (["status", "currentNumberScheduled"], .int(0)),
      (["status", "desiredNumberScheduled"], .int(0)), (["status", "numberMisscheduled"], .int(0)),
      (["status", "numberReady"], .int(0)),
    ])
  }
}
