import KubeSim

/// `kubectl create deployment NAME --image=IMAGE [--replicas=N] [--port=P] [-- COMMAND...]`.
enum CreateDeploymentCommand {
  static let flags: [FlagParser.Spec] =
    [
      .init(name: "image", short: nil, takesValue: true, repeatable: true),
      .init(name: "replicas", short: "r", takesValue: true, integerBits: 32),
      .init(name: "port", short: nil, takesValue: true, integerBits: 32),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "save-config", short: nil, takesValue: false),
    ] + OutputFormat.templateFlags

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "create deployment", specs: flags).parse(arguments)
    guard parsed.positional.count == 1 else {
      throw KubectlError(
        text:
          "error: exactly one NAME is required, got \(parsed.positional.count)\nSee 'kubectl create deployment -h' for help and examples"
      )
    }
    let images = parsed.all("image")
    guard !images.isEmpty else { throw .plain("required flag(s) \"image\" not set") }
    let name = parsed.positional[0]
    var replicas = 1
    if let text = parsed.value("replicas") {
      // An Int32Var: strconv.ParseInt(text, 0, 32).
      switch GoStrconv.parseInt(text, base: 0, bits: 32) {
      case .success(let value): replicas = Int(value)
      case .failure(let error):
        throw .flag(
          "invalid argument \"\(text)\" for \"-r, --replicas\" flag: \(error.message)", command: "create deployment")
      }
    }
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    let dryRunMode = try DryRun.mode(parsed.value("dry-run"))
    let dryRun = dryRunMode == .client
    let saved = context.cluster
    let labels = ["app": name]
    var containers = images.map { Container(name: ImageReference($0).baseName, image: $0) }
    if !parsed.afterDash.isEmpty { containers[0].command = parsed.afterDash }
    if let number = parsed.integer("port") {
      containers[0].ports = [ContainerPort(containerPort: number)]
    }
    var deployment = Deployment(
      metadata: ObjectMeta(name: name, namespace: context.namespace(parsed), labels: labels),
      selector: SelectorSpec(matchLabels: labels),
      template: PodTemplate(labels: labels, spec: PodSpec(containers: containers)))
    deployment.replicas = replicas
    if dryRun {
      let object = DryRunObjects.deployment(deployment, namespace: parsed.value("namespace"))
      switch format {
      case .yaml, .json, .jsonPath, .goTemplate: output.write(try format.printed(typed: object))
      case .name: output.line("deployment.apps/\(name)")
      default: output.line("deployment.apps/\(name) created (dry run)")
      }
      return
    }
    do {
      try context.cluster.createDeployment(deployment)
    } catch {
      var text = KubectlError.api(error).text
      if case .invalid = error {
        text =
          "error: failed to create deployment: Deployment.apps \"\(name)\" is invalid: "
          + (error.message.components(separatedBy: "is invalid: ").last ?? "")
      } else {
        text = "error: failed to create deployment: " + error.message
      }
      throw KubectlError(text: text)
    }
    try context.finishCreate(
      Deployment.self, name: name, namespace: context.namespace(parsed), format: format, dryRun: dryRunMode,
      saved: saved,
      output: &output)
  }
}

extension DryRunObjects {
  /// A Deployment as `kubectl create deployment --dry-run=client` builds it.
  static func deployment(_ d: Deployment, namespace: String?) -> JSONValue {
    var metadata = metadata(name: d.metadata.name, namespace: namespace)
    metadata.set("labels", .stringMap(d.metadata.labels))
    let containers = d.template.spec.containers.map(container)
    return .object([
      ("kind", .string("Deployment")), ("apiVersion", .string("apps/v1")), ("metadata", metadata.value),
      (
        "spec",
        .object([
          ("replicas", .int(Int64(d.replicas))),
          ("selector", .object([("matchLabels", .stringMap(d.selector.matchLabels))])),
          (
            "template",
            .object([
              ("metadata", .object([("creationTimestamp", .null), ("labels", .stringMap(d.template.labels))])),
              ("spec", .object([("containers", .array(containers))])),
            ])
          ),
          ("strategy", .object([])),
        ])
      ),
      ("status", .object([])),
    ])
  }
}

extension String {
  /// The parts of the string between occurrences of `separator`.
  func components(separatedBy separator: String) -> [String] {
    var parts: [String] = []
    var rest = Substring(self)
    while let range = rest.firstRange(of: separator) {
      parts.append(String(rest[..<range.lowerBound]))
      rest = rest[range.upperBound...]
    }
    parts.append(String(rest))
    return parts
  }
}
