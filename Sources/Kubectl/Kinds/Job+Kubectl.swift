import KubeSim

/// What kubectl knows about a Job.
extension Job: KubectlResource {
  static let columns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Status"), .init(name: "Completions"), .init(name: "Duration"),
    .init(name: "Age"), .init(name: "Containers", wide: true), .init(name: "Images", wide: true),
    .init(name: "Selector", wide: true),
  ]

  func row(now: Timestamp) -> [String] {
    TablePrinters.jobRow(self, now: now)
  }

  static var describer: Describer<Job>? { Describer { DescribeCommand.describeJob($0, cluster: $1) } }

  static var manifest: ManifestHandler<Job>? {
    ManifestHandler(
      decode: { $0.decodeJob($1) },
      create: { object, cluster throws(APIError) in try cluster.createJob(object) },
      update: { live, desired, manifest, context throws(KubectlError) in
        let job = desired
        do throws(APIError) {
          // A Job's template is immutable; only labels and annotations may change here.
          var template = job.template
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
          if live.metadata.annotations == job.metadata.annotations { return "unchanged" }
          context.cluster.updateJobMetadata(
            of: live.metadata.name, namespace: live.metadata.namespace ?? "default",
            annotations: job.metadata.annotations)
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
