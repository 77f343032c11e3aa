import KubeSim

/// What kubectl knows about a HorizontalPodAutoscaler.
extension HorizontalPodAutoscaler: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Reference"), .init(name: "Targets"), .init(name: "MinPods"),
    .init(name: "MaxPods"), .init(name: "Replicas"), .init(name: "Age"),
  ]

  func row(now: Timestamp) -> [String] {
    let current = currentUtilization.map { "\($0)%" } ?? "<unknown>"
    return [
      metadata.name, "\(targetKind)/\(targetName)", "cpu: \(current)/\(targetCPUUtilization)%",
      String(minReplicas), String(maxReplicas), String(currentReplicas),
      TablePrinters.age(metadata.creationTimestamp, now: now),
    ]
  }

  static var describer: Describer<HorizontalPodAutoscaler>? {
    Describer { DescribeCommand.describeAutoscaler($0, cluster: $1) }
  }

  static var manifest: ManifestHandler<HorizontalPodAutoscaler>? {
    ManifestHandler(
      decode: { $0.decodeAutoscaler($1) },
      create: { object, cluster throws(APIError) in try cluster.createAutoscaler(object) },
      update: { _, _, _, _ in "unchanged" })
  }

  static var deleter: Deleter<HorizontalPodAutoscaler>? {
    Deleter { name, namespace, _, cluster throws(APIError) in
      try cluster.deleteAutoscaler(name, namespace: namespace)
      return Deletion()
    }
  }
}

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes a HorizontalPodAutoscaler manifest (autoscaling/v2 with a CPU utilization
  /// metric, or autoscaling/v1 with `targetCPUUtilizationPercentage`).
  mutating func decodeAutoscaler(_ value: JSONValue) -> HorizontalPodAutoscaler {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec",
      known: ["scaleTargetRef", "minReplicas", "maxReplicas", "metrics", "behavior", "targetCPUUtilizationPercentage"])
    var hpa = HorizontalPodAutoscaler(
      metadata: decodeMetadata(value["metadata"], path: "metadata"),
      targetKind: spec["scaleTargetRef"]?["kind"]?.stringValue ?? "",
      targetName: spec["scaleTargetRef"]?["name"]?.stringValue ?? "",
      maxReplicas: int32Field(spec["maxReplicas"], "HorizontalPodAutoscalerSpec.spec.maxReplicas") ?? 0)
    if let minimum = int32Field(spec["minReplicas"], "HorizontalPodAutoscalerSpec.spec.minReplicas") {
      hpa.minReplicas = minimum
    }
    if let percent = int32Field(
      spec["targetCPUUtilizationPercentage"], "HorizontalPodAutoscalerSpec.spec.targetCPUUtilizationPercentage")
    {
      hpa.targetCPUUtilization = percent
    }
    for (index, metric) in (spec["metrics"]?.arrayValue ?? []).enumerated()
    where metric["resource"]?["name"]?.stringValue == "cpu" {
      if let percent = int32Field(
        metric["resource"]?["target"]?["averageUtilization"],
        "MetricTarget.spec.metrics[\(index)].resource.target.averageUtilization")
      {
        hpa.targetCPUUtilization = percent
      }
    }
    if let behavior = spec["behavior"], behavior != .null {
      hpa.behavior = decodeBehavior(behavior)
    }
    return hpa
  }

  /// Decodes `spec.behavior`, each direction filled from its defaults
  /// (`SetDefaults_HorizontalPodAutoscalerBehavior`).
  mutating func decodeBehavior(_ value: JSONValue) -> HorizontalPodAutoscalerBehavior {
    check(value, path: "spec.behavior", known: ["scaleUp", "scaleDown"])
    return HorizontalPodAutoscalerBehavior(
      scaleUp: decodeScalingRules(value["scaleUp"], direction: "scaleUp", defaults: .scaleUpDefaults),
      scaleDown: decodeScalingRules(value["scaleDown"], direction: "scaleDown", defaults: .scaleDownDefaults))
  }

  /// Decodes one direction's `HPAScalingRules` over its defaults (`copyHPAScalingRules`).
  mutating func decodeScalingRules(
    _ value: JSONValue?, direction: String, defaults: HorizontalPodAutoscalerBehavior.Rules
  ) -> HorizontalPodAutoscalerBehavior.Rules {
    guard let value, value != .null else { return defaults }
    let path = "spec.behavior.\(direction)"
    check(value, path: path, known: ["stabilizationWindowSeconds", "selectPolicy", "policies"])
    let policies = value["policies"].flatMap { $0 == .null ? nil : $0.arrayValue }?.enumerated().map {
      index, policy in
      check(policy, path: "\(path).policies[\(index)]", known: ["type", "value", "periodSeconds"])
      return HorizontalPodAutoscalerBehavior.Policy(
        type: policy["type"]?.stringValue ?? "",
        value: int32Field(policy["value"], "HPAScalingPolicy.\(path).policies[\(index)].value") ?? 0,
        periodSeconds: int32Field(
          policy["periodSeconds"], "HPAScalingPolicy.\(path).policies[\(index)].periodSeconds") ?? 0)
    }
    return .filled(
      stabilizationWindowSeconds: int32Field(
        value["stabilizationWindowSeconds"], "HPAScalingRules.\(path).stabilizationWindowSeconds"),
      selectPolicy: value["selectPolicy"]?.stringValue, policies: policies, over: defaults)
  }
}
