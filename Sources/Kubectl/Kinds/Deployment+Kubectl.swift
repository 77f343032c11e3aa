import KubeSim

/// What kubectl knows about a Deployment.
extension Deployment: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Ready"), .init(name: "Up-to-date"), .init(name: "Available"),
    .init(name: "Age"), .init(name: "Containers", wide: true), .init(name: "Images", wide: true),
    .init(name: "Selector", wide: true),
  ]

  func row(now: Timestamp) -> [String] {
    [
      metadata.name, "\(status.readyReplicas)/\(replicas)", String(status.updatedReplicas),
      String(status.availableReplicas), TablePrinters.age(metadata.creationTimestamp, now: now),
      template.spec.containers.map(\.name).joined(separator: ","),
      template.spec.containers.map(\.image).joined(separator: ","), selector.formatted,
    ]
  }

  static var describer: Describer<Deployment>? { Describer { DescribeCommand.deployment($0, cluster: $1) } }

  static var manifest: ManifestHandler<Deployment>? {
    ManifestHandler(
      decode: { $0.decodeDeployment($1) },
      create: { object, cluster throws(APIError) in try cluster.createDeployment(object) },
      update: { live, desired, manifest, context throws(KubectlError) in
        var merged = live
        merged.replicas = ApplyCommand.replicas(
          desired.replicas, live: live.replicas, liveMeta: live.metadata, manifest: manifest)
        merged.template = desired.template
        merged.strategy = desired.strategy
        merged.rollingUpdateWritten = desired.rollingUpdateWritten
        merged.minReadySeconds = desired.minReadySeconds
        merged.revisionHistoryLimit = desired.revisionHistoryLimit
        merged.progressDeadlineSeconds = desired.progressDeadlineSeconds
        merged.paused = desired.paused
        merged.selector = desired.selector
        merged.metadata.labels = desired.metadata.labels
        merged.metadata.annotations = ApplyCommand.keepingControllerAnnotations(
          live.metadata.annotations, desired: desired.metadata.annotations)
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateDeployment(merged)
        }
      })
  }

  static var deleter: Deleter<Deployment>? { .workload }

  static var patchSchema: PatchSchema { .deployment }
}

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes a Deployment manifest (apps/v1), with the API server's defaults.
  mutating func decodeDeployment(_ value: JSONValue) -> Deployment {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec",
      known: [
        "replicas", "selector", "template", "strategy", "minReadySeconds", "revisionHistoryLimit",
        "progressDeadlineSeconds", "paused",
      ])
    var deployment = Deployment(
      metadata: metadata, selector: decodeSelector(spec["selector"], path: "spec.selector"),
      template: decodeTemplate(spec["template"], path: "spec.template"))
    if let replicas = int32Field(spec["replicas"], "DeploymentSpec.spec.replicas") { deployment.replicas = replicas }
    if let seconds = int32Field(spec["minReadySeconds"], "DeploymentSpec.spec.minReadySeconds") {
      deployment.minReadySeconds = seconds
    }
    if let limit = int32Field(spec["revisionHistoryLimit"], "DeploymentSpec.spec.revisionHistoryLimit") {
      deployment.revisionHistoryLimit = limit
    }
    if let deadline = int32Field(spec["progressDeadlineSeconds"], "DeploymentSpec.spec.progressDeadlineSeconds") {
      deployment.progressDeadlineSeconds = deadline
    }
    if let paused = boolField(spec["paused"], "DeploymentSpec.spec.paused") { deployment.paused = paused }
    if let strategy = spec["strategy"] {
      check(strategy, path: "spec.strategy", known: ["type", "rollingUpdate"])
      deployment.rollingUpdateWritten = strategy["rollingUpdate"].map { $0 != .null } ?? false
      if strategy["type"]?.stringValue.flatMap(DeploymentStrategyType.init(rawValue:)) == .recreate {
        deployment.strategy = .recreate
      } else {
        let rolling = strategy["rollingUpdate"] ?? .object([])
        check(rolling, path: "spec.strategy.rollingUpdate", known: ["maxSurge", "maxUnavailable"])
        deployment.strategy = .rollingUpdate(
          maxSurge: decodeIntOrPercent(
            rolling["maxSurge"], "RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge", default: .percent(25)),
          maxUnavailable: decodeIntOrPercent(
            rolling["maxUnavailable"], "RollingUpdateDeployment.spec.strategy.rollingUpdate.maxUnavailable",
            default: .percent(25)))
      }
    }
    return deployment
  }
}

/// Where `kubectl set env|resources` finds a Deployment's pod spec, and what its Go type writes.
extension Deployment: PodSpecHolder {
  static var podSpecPath: [String] { ["spec", "template", "spec"] }
  static var typedFields: [(path: [String], value: JSONValue)] {
    templateFields([(["spec", "strategy"], .object([])), (["status"], .object([]))])
  }
}
