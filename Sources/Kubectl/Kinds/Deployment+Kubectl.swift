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
        let spec = manifest["spec"]
        var d = desired
        do throws(APIError) {
          if spec?["replicas"] == nil && !ApplyCommand.lastAppliedSetReplicas(live.metadata) {
            d.replicas = live.replicas
          }
          var merged = live
          merged.replicas = d.replicas
          merged.template = d.template
          merged.strategy = d.strategy
          merged.minReadySeconds = d.minReadySeconds
          merged.revisionHistoryLimit = d.revisionHistoryLimit
          merged.progressDeadlineSeconds = d.progressDeadlineSeconds
          merged.paused = d.paused
          merged.selector = d.selector
          merged.metadata.labels = d.metadata.labels
          merged.metadata.annotations = ApplyCommand.keepingControllerAnnotations(
            live.metadata.annotations, desired: d.metadata.annotations)
          if merged == live { return "unchanged" }
          try context.cluster.updateDeployment(merged)
        } catch {
          throw .api(error)
        }
        return "configured"
      })
  }

  static var deleter: Deleter<Deployment>? { .workload }

  static var patchSchema: PatchSchema { .deployment }
}
