import KubeSim

/// `kubectl create cronjob NAME --image=IMAGE --schedule='CRON' [-- COMMAND [ARG...]]`, built
/// as `create_cronjob.go` builds it: container and job template named like the CronJob,
/// `restartPolicy: OnFailure`.
enum CreateCronJobCommand {
  static let flags: [FlagParser.Spec] =
    [
      .init(name: "image", short: nil, takesValue: true),
      .init(name: "schedule", short: nil, takesValue: true),
      .init(name: "restart", short: nil, takesValue: true),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "save-config", short: nil, takesValue: false),
    ] + OutputFormat.templateFlags

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "create cronjob", specs: flags).parse(arguments)
    guard parsed.positional.count == 1 else {
      throw KubectlError(
        text:
          "error: exactly one NAME is required, got \(parsed.positional.count)\nSee 'kubectl create cronjob -h' for help and examples"
      )
    }
    let name = parsed.positional[0]
    guard let image = parsed.value("image") else { throw .plain("required flag(s) \"image\" not set") }
    guard let schedule = parsed.value("schedule") else { throw .plain("required flag(s) \"schedule\" not set") }
    let restart = parsed.value("restart") ?? "OnFailure"
    var container = Container(name: name, image: image)
    container.command = parsed.afterDash
    var spec = PodSpec(containers: [container])
    spec.restartPolicy = APIField(restart)
    let job = Job(metadata: ObjectMeta(name: name), template: PodTemplate(labels: [:], spec: spec))
    let cronJob = CronJob(
      metadata: ObjectMeta(name: name, namespace: context.namespace(parsed)), schedule: schedule, jobTemplate: job)
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    let dryRunMode = try DryRun.mode(parsed.value("dry-run"))
    let saved = context.cluster
    if dryRunMode == .client {
      var containerJSON = JSONObjectBuilder()
      containerJSON.set("name", .string(name))
      containerJSON.set("image", .string(image))
      if !container.command.isEmpty { containerJSON.set("command", .array(container.command.map(JSONValue.string))) }
      containerJSON.set("resources", .object([]))
      let podTemplate: JSONValue = .object([
        ("metadata", .object([("creationTimestamp", .null)])),
        ("spec", .object([("containers", .array([containerJSON.value])), ("restartPolicy", .string(restart))])),
      ])
      let object: JSONValue = .object([
        ("kind", .string("CronJob")), ("apiVersion", .string("batch/v1")),
        ("metadata", DryRunObjects.metadata(name: name, namespace: parsed.value("namespace")).value),
        (
          "spec",
          .object([
            ("schedule", .string(schedule)),
            (
              "jobTemplate",
              .object([
                ("metadata", .object([("name", .string(name)), ("creationTimestamp", .null)])),
                ("spec", .object([("template", podTemplate)])),
              ])
            ),
          ])
        ),
        ("status", .object([])),
      ])
      switch format {
      case .yaml, .json, .jsonPath, .goTemplate: output.write(try format.printed(typed: object))
      case .name: output.line("cronjob.batch/\(name)")
      default: output.line("cronjob.batch/\(name) created (dry run)")
      }
      return
    }
    do {
      try context.cluster.createCronJob(cronJob)
    } catch {
      throw .generator("failed to create cronjob: ", error, group: "batch")
    }
    try context.finishCreate(
      CronJob.self, name: name, namespace: context.namespace(parsed), format: format, dryRun: dryRunMode, saved: saved,
      output: &output)
  }
}
