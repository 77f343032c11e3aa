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
