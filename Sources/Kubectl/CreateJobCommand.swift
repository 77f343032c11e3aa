import KubeSim

/// `kubectl create job NAME --image=IMAGE [-- COMMAND [ARG...]]`, built as `create_job.go`
/// builds it: one container named like the Job, `restartPolicy: Never`.
enum CreateJobCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "image", short: nil, takesValue: true),
    .init(name: "dry-run", short: nil, takesValue: true),
    .init(name: "output", short: "o", takesValue: true),
    .init(name: "save-config", short: nil, takesValue: false),
  ]

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
    guard let image = parsed.value("image") else {
      throw .plain("either --image or --from must be specified")
    }
    var container = Container(name: name, image: image)
    container.command = parsed.afterDash
    var spec = PodSpec(containers: [container])
    spec.restartPolicy = .known(.never)
    let job = Job(
      metadata: ObjectMeta(name: name, namespace: context.namespace(parsed)),
      template: PodTemplate(labels: [:], spec: spec))
    let format = try OutputFormat.parse(parsed.value("output"), printers: .generic, files: context.files)
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
      case .yaml, .json, .jsonPath: output.write(try format.printed(typed: object))
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
}
