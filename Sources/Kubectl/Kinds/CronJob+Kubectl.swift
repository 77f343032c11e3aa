import KubeSim

/// What kubectl knows about a CronJob.
extension CronJob: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Schedule"), .init(name: "Timezone"), .init(name: "Suspend"),
    .init(name: "Active"), .init(name: "Last Schedule"), .init(name: "Age"), .init(name: "Containers", wide: true),
    .init(name: "Images", wide: true), .init(name: "Selector", wide: true),
  ]

  func row(now: Timestamp) -> [String] {
    let containers = jobTemplate.template.spec.containers
    return [
      metadata.name, schedule, timeZone ?? "<none>", suspend ? "True" : "False",
      String(status.active.count),
      status.lastScheduleTime.map { TablePrinters.age($0, now: now) } ?? "<none>",
      TablePrinters.age(metadata.creationTimestamp, now: now), containers.map(\.name).joined(separator: ","),
      containers.map(\.image).joined(separator: ","), "<none>",
    ]
  }

  static var describer: Describer<CronJob>? { Describer { DescribeCommand.describeCronJob($0, cluster: $1) } }

  static var manifest: ManifestHandler<CronJob>? {
    ManifestHandler(
      decode: { $0.decodeCronJob($1) },
      create: { object, cluster throws(APIError) in try cluster.createCronJob(object) },
      update: { live, desired, manifest, context throws(KubectlError) in
        let cronJob = desired
        do throws(APIError) {
          var merged = cronJob
          merged.status = live.status
          merged.metadata.uid = live.metadata.uid
          merged.metadata.creationTimestamp = live.metadata.creationTimestamp
          merged.metadata.generation = live.metadata.generation
          merged.metadata.resourceVersion = live.metadata.resourceVersion
          if merged == live { return "unchanged" }
          try context.cluster.updateCronJob(merged)
        } catch {
          throw .api(error)
        }
        return "configured"
      })
  }

  static var patchSchema: PatchSchema { .cronJob }

  static var deleter: Deleter<CronJob>? {

    Deleter { name, namespace, options, cluster throws(APIError) in
      try cluster.deleteCronJob(name, namespace: namespace, propagation: options.propagation)
      return Deletion()
    }
  }
}
