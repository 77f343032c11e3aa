import KubeSim

/// What kubectl knows about a Job.
extension Job: KubectlResource {
  /// `pkg/apis/batch/v1/conversion.go` (its own refusal text) and `pkg/registry/batch/job/
  /// strategy.go` `JobToSelectableFields`.
  static var selectableFields: SelectableFields<Job> {
    SelectableFields(
      fields: SelectableFields.objectMetaFields + [
        .init(label: "status.successful", value: { String($0.status.succeeded) })
      ],
      refusal: { "field label \(GoUnquote.quote($0)) not supported for batchv1.Job" })
  }

  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Status"), .init(name: "Completions"), .init(name: "Duration"),
    .init(name: "Age"), .init(name: "Containers", wide: true), .init(name: "Images", wide: true),
    .init(name: "Selector", wide: true),
  ]

  /// A Job's row (§3.7): STATUS from its conditions, COMPLETIONS, DURATION.
  func row(now: Timestamp) -> [String] {
    let job = self
    let status: String
    if job.status.has("Complete") {
      status = "Complete"
    } else if job.status.has("Failed") {
      status = "Failed"
    } else if job.metadata.deletionTimestamp != nil {
      status = "Terminating"
    } else if job.status.has("Suspended") {
      status = "Suspended"
    } else if job.status.has("FailureTarget") {
      status = "FailureTarget"
    } else {
      status = "Running"
    }
    let completions: String
    if let total = job.completions {
      completions = "\(job.status.succeeded)/\(total)"
    } else {
      completions =
        job.parallelism > 1 ? "\(job.status.succeeded)/1 of \(job.parallelism)" : "\(job.status.succeeded)/1"
    }
    var duration = ""
    if let start = job.status.startTime {
      let end = job.status.completionTime ?? now
      duration = HumanDuration.format(milliseconds: end.milliseconds - start.milliseconds)
    }
    return [
      job.metadata.name, status, completions, duration, TablePrinters.age(job.metadata.creationTimestamp, now: now),
      job.template.spec.containers.map(\.name).joined(separator: ","),
      job.template.spec.containers.map(\.image).joined(separator: ","), job.selector.formatted,
    ]
  }

  static var describer: Describer<Job>? { Describer { DescribeCommand.describeJob($0, cluster: $1) } }

  static var manifest: ManifestHandler<Job>? {
    ManifestHandler(
      decode: { $0.decodeJob($1) },
      create: { object, cluster throws(APIError) in try cluster.createJob(object) },
      update: { live, desired, manifest, context throws(KubectlError) in
        do throws(APIError) {
          // A Job's template is immutable; only labels and annotations may change here.
          var template = desired.template
          template.labels.merge(live.template.labels) { desired, _ in desired }
          if template != live.template {
            throw APIError.invalid(
              kind: "Job", name: live.metadata.name,
              causes: [
                FieldError(
                  field: "spec.template", type: "Invalid value", value: "core.PodTemplateSpec{...}",
                  detail: "field is immutable")
              ])
          }
          if live.metadata.annotations == desired.metadata.annotations { return "unchanged" }
          context.cluster.updateJobMetadata(
            of: live.metadata.name, namespace: live.metadata.namespace ?? "default",
            annotations: desired.metadata.annotations)
        } catch {
          throw .api(error)
        }
        return "configured"
      })
  }

  static var patchSchema: PatchSchema { .podTemplateOwner }

  static var deleter: Deleter<Job>? {

    Deleter { name, namespace, options, cluster throws(APIError) in
      try cluster.deleteJob(name, namespace: namespace, propagation: options.propagation)
      return Deletion()
    }
  }
}

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes a Job manifest (batch/v1), with the API server's defaults; `specPath` is where
  /// its spec sits in the document (`spec.jobTemplate.spec` for a CronJob's template).
  mutating func decodeJob(_ value: JSONValue, specPath: String = "spec") -> Job {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: specPath,
      known: [
        "template", "completions", "parallelism", "backoffLimit", "activeDeadlineSeconds", "ttlSecondsAfterFinished",
        "suspend", "selector", "manualSelector", "completionMode", "podFailurePolicy", "backoffLimitPerIndex",
        "maxFailedIndexes", "podReplacementPolicy", "successPolicy",
      ])
    let completions = int32Field(spec["completions"], "JobSpec.\(specPath).completions")
    let parallelism = int32Field(spec["parallelism"], "JobSpec.\(specPath).parallelism")
    var job = Job(
      metadata: metadata, template: decodeTemplate(spec["template"], path: "\(specPath).template"),
      completions: completions ?? (parallelism == nil ? 1 : nil))
    job.parallelism = parallelism ?? 1
    if let limit = int32Field(spec["backoffLimit"], "JobSpec.\(specPath).backoffLimit") { job.backoffLimit = limit }
    job.activeDeadlineSeconds = spec["activeDeadlineSeconds"]?.intValue.map { Int($0) }
    job.ttlSecondsAfterFinished = int32Field(
      spec["ttlSecondsAfterFinished"], "JobSpec.\(specPath).ttlSecondsAfterFinished")
    job.suspend = boolField(spec["suspend"], "JobSpec.\(specPath).suspend") ?? false
    return job
  }
}

/// Where `kubectl set env|resources` finds a Job's pod spec, and what its Go type writes.
extension Job: PodSpecHolder {
  static var podSpecPath: [String] { ["spec", "template", "spec"] }
  static var typedFields: [(path: [String], value: JSONValue)] {
    templateFields([(["status"], .object([]))])
  }
}
