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
        let spec = manifest["spec"]
        var set = desired
        do throws(APIError) {
          if spec?["replicas"] == nil && !ApplyCommand.lastAppliedSetReplicas(live.metadata) {
            set.replicas = live.replicas
          }
          var merged = live
          merged.replicas = set.replicas
          merged.template = set.template
          merged.updateStrategy = set.updateStrategy
          merged.partition = set.partition
          merged.minReadySeconds = set.minReadySeconds
          merged.metadata.labels = set.metadata.labels
          merged.metadata.annotations = set.metadata.annotations
          if merged == live { return "unchanged" }
          try context.cluster.updateStatefulSet(merged)
        } catch {
          throw .api(error)
        }
        return "configured"
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
