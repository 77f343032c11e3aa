import KubeSim

/// `kubectl create job NAME --image=IMAGE [-- COMMAND [ARG...]]`, built as `create_job.go`
/// builds it: one container named like the Job, `restartPolicy: Never`; or `--from=cronjob/NAME`:
/// the CronJob's job template, annotated `cronjob.kubernetes.io/instantiate: manual` and
/// owned by the CronJob (`createJobFromCronJob`).
enum CreateJobCommand {
  static let flags: [FlagParser.Spec] =
    [
      .init(name: "image", short: nil, takesValue: true),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "save-config", short: nil, takesValue: false),
      .init(name: "from", short: nil, takesValue: true),
    ] + OutputFormat.templateFlags

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "create job", specs: flags).parse(arguments)
    guard parsed.positional.count == 1 else {
      throw KubectlError(
        text:
          "error: exactly one NAME is required, got \(parsed.positional.count)\nSee 'kubectl create job -h' for help and examples"
      )
    }
    let name = parsed.positional[0]
    let from = parsed.value("from") ?? ""
    let image = parsed.value("image") ?? ""
    guard image.isEmpty != from.isEmpty else { throw .plain("either --image or --from must be specified") }
    if !from.isEmpty {
      if !parsed.afterDash.isEmpty { throw .plain("cannot specify --from and command") }
      try createFromCronJob(name: name, from: from, parsed: parsed, context: &context, output: &output)
      return
    }
    var container = Container(name: name, image: image)
    container.command = parsed.afterDash
    var spec = PodSpec(containers: [container])
    spec.restartPolicy = .known(.never)
    let job = Job(
      metadata: ObjectMeta(name: name, namespace: context.namespace(parsed)),
      template: PodTemplate(labels: [:], spec: spec))
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    let dryRunMode = try DryRun.mode(parsed.value("dry-run"))
    let saved = context.cluster
    if dryRunMode == .client {
      var containerJSON = JSONObjectBuilder()
      containerJSON.set("name", .string(name))
      containerJSON.set("image", .string(image))
      if !container.command.isEmpty { containerJSON.set("command", .array(container.command.map(JSONValue.string))) }
      containerJSON.set("resources", .object([]))
      let object: JSONValue = .object([
        ("kind", .string("Job")), ("apiVersion", .string("batch/v1")),
        ("metadata", DryRunObjects.metadata(name: name, namespace: parsed.value("namespace")).value),
        (
          "spec",
          .object([
            (
              "template",
              .object([
                ("metadata", .object([("creationTimestamp", .null)])),
                (
                  "spec",
                  .object([("containers", .array([containerJSON.value])), ("restartPolicy", .string("Never"))])
                ),
              ])
            )
          ])
        ),
        ("status", .object([])),
      ])
      switch format {
      case .yaml, .json, .jsonPath, .goTemplate: output.write(try format.printed(typed: object))
      case .name: output.line("job.batch/\(name)")
      default: output.line("job.batch/\(name) created (dry run)")
      }
      return
    }
    do {
      try context.cluster.createJob(job)
    } catch {
      throw .generator("failed to create job: ", error, group: "batch")
    }
    try context.finishCreate(
      Job.self, name: name, namespace: context.namespace(parsed), format: format, dryRun: dryRunMode, saved: saved,
      output: &output)
  }

  /// `--from=cronjob/NAME`: a Job from the CronJob's template, created now.
  static func createFromCronJob(
    name: String, from: String, parsed: FlagParser.Parsed, context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let namespace = context.namespace(parsed)
    let requests = try ResourceArguments.parse([from])
    guard requests.count == 1, let cronJobName = requests[0].names.first, requests[0].names.count == 1 else {
      throw .plain("from must be an existing cronjob")
    }
    guard requests[0].type == .cronJobs else {
      throw .plain("unknown object type *v1.\(requests[0].type.kind)")
    }
    guard let cronJob = CronJob.get(cronJobName, namespace: namespace, in: context.cluster) else {
      throw .api(.notFound(resource: ResourceType.cronJobs.qualifiedResource, name: cronJobName))
    }
    var job = cronJob.jobTemplate
    job.metadata = ObjectMeta(name: name, namespace: namespace, labels: cronJob.jobTemplateLabels)
    job.metadata.annotations = ["cronjob.kubernetes.io/instantiate": "manual"]
    // Not `NewControllerRef`: kubectl leaves blockOwnerDeletion unset.
    job.metadata.ownerReferences = [
      OwnerReference(
        apiVersion: "batch/v1", kind: "CronJob", name: cronJob.metadata.name, uid: cronJob.metadata.uid,
        controller: true, blockOwnerDeletion: nil)
    ]
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    if try DryRun.parse(parsed.value("dry-run")) {
      switch format {
      case .yaml, .json, .jsonPath, .goTemplate:
        output.write(
          try format.printed(typed: dryRunObject(job, cronJob: cronJob, parsed: parsed, now: context.cluster.now)))
      case .name: output.line("job.batch/\(name)")
      default: output.line("job.batch/\(name) created (dry run)")
      }
      return
    }
    do {
      try context.cluster.createJob(job)
    } catch {
      throw .generator("failed to create job: ", error, group: "batch")
    }
    try context.settle()
    output.line(format == .name ? "job.batch/\(name)" : "job.batch/\(name) created")
  }

  /// The Job kubectl prints for `--from --dry-run=client`: built client-side in the Job
  /// struct's field order, its spec the CronJob's job template as the server sent it, the
  /// namespace only when `-n` named one (`EnforceNamespace`).
  static func dryRunObject(_ job: Job, cronJob: CronJob, parsed: FlagParser.Parsed, now: Timestamp) -> JSONValue {
    var metadata = JSONObjectBuilder()
    metadata.set("name", .string(job.metadata.name))
    if let namespace = parsed.value("namespace") { metadata.set("namespace", .string(namespace)) }
    metadata.set("creationTimestamp", .null)
    if !job.metadata.labels.isEmpty { metadata.set("labels", .stringMap(job.metadata.labels)) }
    metadata.set("annotations", .stringMap(job.metadata.annotations))
    metadata.set(
      "ownerReferences",
      .array(
        job.metadata.ownerReferences.map { reference in
          .object([
            ("apiVersion", .string(reference.apiVersion)), ("kind", .string(reference.kind)),
            ("name", .string(reference.name)), ("uid", .string(reference.uid)), ("controller", .bool(true)),
          ])
        }))
    let spec = cronJob.json(now: now)["spec"]?["jobTemplate"]?["spec"] ?? .object([])
    return .object([
      ("kind", .string("Job")), ("apiVersion", .string("batch/v1")), ("metadata", metadata.value), ("spec", spec),
      ("status", .object([])),
    ])
  }
}
