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
      update: { live, desired, _, context throws(KubectlError) in
        var merged = desired
        merged.status = live.status
        merged.metadata.uid = live.metadata.uid
        merged.metadata.creationTimestamp = live.metadata.creationTimestamp
        merged.metadata.generation = live.metadata.generation
        merged.metadata.resourceVersion = live.metadata.resourceVersion
        return try ApplyCommand.store(merged, over: live) { merged throws(APIError) in
          try context.cluster.updateCronJob(merged)
        }
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

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes a CronJob manifest (batch/v1), with the API server's defaults.
  mutating func decodeCronJob(_ value: JSONValue) -> CronJob {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec",
      known: [
        "schedule", "timeZone", "jobTemplate", "concurrencyPolicy", "suspend", "startingDeadlineSeconds",
        "successfulJobsHistoryLimit", "failedJobsHistoryLimit",
      ])
    let template = spec["jobTemplate"] ?? .object([])
    check(template, path: "spec.jobTemplate", known: ["metadata", "spec"])
    let templateMetadata = decodeMetadata(template["metadata"], path: "spec.jobTemplate.metadata")
    var jobValue: [(String, JSONValue)] = [("apiVersion", .string("batch/v1")), ("kind", .string("Job"))]
    if let jobSpec = template["spec"] { jobValue.append(("spec", jobSpec)) }
    let job = decodeJob(.object(jobValue), specPath: "spec.jobTemplate.spec")
    var cronJob = CronJob(metadata: metadata, schedule: spec["schedule"]?.stringValue ?? "", jobTemplate: job)
    cronJob.jobTemplateLabels = templateMetadata.labels
    cronJob.timeZone = spec["timeZone"]?.stringValue
    if let policy = spec["concurrencyPolicy"]?.stringValue { cronJob.concurrencyPolicy = APIField(policy) }
    cronJob.suspend = boolField(spec["suspend"], "CronJobSpec.spec.suspend") ?? false
    cronJob.startingDeadlineSeconds = spec["startingDeadlineSeconds"]?.intValue.map { Int($0) }
    if let limit = int32Field(spec["successfulJobsHistoryLimit"], "CronJobSpec.spec.successfulJobsHistoryLimit") {
      cronJob.successfulJobsHistoryLimit = limit
    }
    if let limit = int32Field(spec["failedJobsHistoryLimit"], "CronJobSpec.spec.failedJobsHistoryLimit") {
      cronJob.failedJobsHistoryLimit = limit
    }
    return cronJob
  }
}

/// Where `kubectl set env|resources` finds a CronJob's pod spec, and what its Go type writes.
extension CronJob: PodSpecHolder {
  static var podSpecPath: [String] { ["spec", "jobTemplate", "spec", "template", "spec"] }
  static var typedFields: [(path: [String], value: JSONValue)] {
    [
      (["metadata", "creationTimestamp"], .null), (["spec", "jobTemplate", "metadata", "creationTimestamp"], .null),
      (["spec", "jobTemplate", "spec", "template", "metadata", "creationTimestamp"], .null), (["status"], .object([])),
    ]
  }
}
