import KubeSim

/// `kubectl run NAME --image=IMAGE`: creates a single pod labelled `run=NAME`; with `-i` or
/// `--attach` it waits for the pod and attaches to it (``AttachSession``), or prints its log
/// when it has already finished, waits for its exit code under `--restart=Never|OnFailure`,
/// and deletes it with `--rm` (`run.go`).
enum RunCommand {
  static let flags: [FlagParser.Spec] =
    [
      .init(name: "image", short: nil, takesValue: true),
      .init(name: "port", short: nil, takesValue: true),
      .init(name: "labels", short: "l", takesValue: true),
      .init(name: "restart", short: nil, takesValue: true),
      .init(name: "env", short: nil, takesValue: true, repeatable: true),
      .init(name: "command", short: nil, takesValue: false),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "image-pull-policy", short: nil, takesValue: true),
      .init(name: "annotations", short: nil, takesValue: true, repeatable: true),
      .init(name: "stdin", short: "i", takesValue: false),
      .init(name: "tty", short: "t", takesValue: false),
      .init(name: "attach", short: nil, takesValue: false),
      .init(name: "rm", short: nil, takesValue: false),
      .init(name: "quiet", short: "q", takesValue: false),
      .init(name: "leave-stdin-open", short: nil, takesValue: false),
      .init(name: "pod-running-timeout", short: nil, takesValue: true, isDuration: true),
    ] + OutputFormat.templateFlags

  /// A usage error as `cmdutil.UsageErrorf` prints it for `run`.
  static func usage(_ message: String) -> KubectlError {
    KubectlError(text: "error: \(message)\nSee 'kubectl run -h' for help and examples")
  }

  /// `validation.IsEnvVarName`: `[-._a-zA-Z][-._a-zA-Z0-9]*`.
  static func isEnvVarName(_ name: Substring) -> Bool {
    func allowed(_ character: Character, digits: Bool) -> Bool {
      character == "-" || character == "." || character == "_" || (character.isASCII && character.isLetter)
        || (digits && character.isASCII && character.isNumber)
    }
    guard let first = name.first, allowed(first, digits: false) else { return false }
    return name.dropFirst().allSatisfy { allowed($0, digits: true) }
  }

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "run", specs: flags).parse(arguments)
    guard let name = parsed.positional.first else { throw usage("NAME is required for run") }
    // The attach options' default: one minute for the pod to start.
    let timeout = parsed.duration("pod-running-timeout") ?? 60_000
    if timeout <= 0 { throw usage("--pod-running-timeout must be higher than zero") }
    guard let image = parsed.value("image"), !image.isEmpty else {
      throw .plain("required flag(s) \"image\" not set")
    }
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    let dryRunMode = try DryRun.mode(parsed.value("dry-run"))
    let dryRun = dryRunMode == .client
    let saved = context.cluster
    let interactive = parsed.flag("stdin")
    if parsed.flag("tty") && !interactive { throw usage("-i/--stdin is required for containers with -t/--tty=true") }
    let restart = parsed.value("restart") ?? "Always"
    let restartPolicy: RestartPolicy
    switch restart {
    case "": restartPolicy = interactive ? .onFailure : .always
    case "Always": restartPolicy = .always
    case "OnFailure": restartPolicy = .onFailure
    case "Never": restartPolicy = .never
    default: throw usage("invalid restart policy: \(restart)")
    }
    let attach = parsed.value("attach") != nil ? parsed.flag("attach") : interactive
    if !attach && parsed.flag("rm") { throw usage("--rm should only be used for attached containers") }
    if attach && dryRunMode != .none {
      throw usage(
        "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)")
    }
    if let policy = parsed.value("image-pull-policy"), !["Always", "IfNotPresent", "Never", ""].contains(policy) {
      throw usage("invalid image pull policy: \(policy)")
    }
    var labels = ["run": name]
    if let text = parsed.value("labels") {
      labels = [:]
      for pair in text.split(separator: ",") {
        let parts = pair.split(separator: "=", maxSplits: 1)
        guard parts.count == 2 else { throw .plain("invalid label spec: \(pair)") }
        labels[String(parts[0])] = String(parts[1])
      }
    }
    var container = Container(
      name: name, image: image, imagePullPolicy: parsed.value("image-pull-policy").map { APIField($0) })
    container.stdin = interactive
    container.stdinOnce = interactive && !parsed.flag("leave-stdin-open")
    container.tty = parsed.flag("tty")
    let trailing = parsed.afterDash + parsed.positional.dropFirst()
    if parsed.flag("command") {
      container.command = trailing
    } else {
      container.args = trailing
    }
    if let port = parsed.value("port") {
      let number: Int
      switch GoStrconv.atoi(port) {
      case .success(let value): number = value
      case .failure(let error): throw .plain(error.message)
      }
      container.ports = [ContainerPort(containerPort: number)]
    }
    // `parseEnvs`: NAME=VALUE with a valid variable name.
    for pair in parsed.all("env") {
      guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex,
        isEnvVarName(pair[..<equals])
      else { throw .plain("invalid env: \(pair)") }
      container.env.append(EnvVar(name: String(pair[..<equals]), value: String(pair[pair.index(after: equals)...])))
    }
    var pod = Pod(
      metadata: ObjectMeta(name: name, namespace: context.namespace(parsed), labels: labels),
      spec: PodSpec(containers: [container]))
    for pair in parsed.all("annotations") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[0].isEmpty else { throw .plain("invalid annotation spec: \(pair)") }
      pod.metadata.annotations[String(parts[0])] = String(parts[1])
    }
    // The generator writes the flag as given (an empty value leaves the server's default).
    if !restart.isEmpty { pod.spec.restartPolicy = .known(restartPolicy) }
    if dryRun {
      switch format {
      case .yaml, .json, .jsonPath, .goTemplate:
        output.write(try format.printed(typed: DryRunObjects.pod(pod, namespace: parsed.value("namespace"))))
      case .name: output.line("pod/\(name)")
      default: output.line("pod/\(name) created (dry run)")
      }
      return
    }
    let created: Pod
    do { created = try context.cluster.createPod(pod) } catch { throw .api(error) }
    try context.finish(dryRunMode, restoring: saved)
    if attach {
      let session = AttachSession(
        stdin: interactive, tty: parsed.flag("tty"), quiet: parsed.flag("quiet"), containerName: nil)
      let waitsForExit = !parsed.flag("leave-stdin-open") && restartPolicy != .always
      var failure: KubectlError?
      do {
        try RunAttachment(
          pod: created, session: session, restartPolicy: restartPolicy, waitsForExit: waitsForExit,
          timeoutMilliseconds: timeout
        ).run(context: &context, output: &output)
      } catch {
        failure = error
      }
      // `--rm` deletes the pod on the way out, before kubectl prints the error.
      if parsed.flag("rm") {
        _ = try? withAPI { () throws(APIError) in
          try context.cluster.deletePod(name, namespace: created.metadata.namespace ?? "default")
        }
        try context.settle()
        // The delete options are as quiet as `-q`.
        if !parsed.flag("quiet") { output.line("pod \"\(name)\" deleted") }
      }
      if let failure { throw failure }
      return
    }
    switch format {
    case .yaml:
      output.write(
        YAMLPrinter.print(context.cluster.pod(name, namespace: created.metadata.namespace!)?.json ?? created.json))
    case .json: output.write(JSONPrinter.print(created.json))
    case .jsonPath, .goTemplate: output.write(try format.printed(served: context.served(created.json, format: format)))
    case .name: output.line("pod/\(name)")
    default: output.line("pod/\(name) created" + dryRunMode.suffix)
    }
  }
}

/// Objects as kubectl's generators build them client-side (`--dry-run=client`): Go struct
/// field order, `creationTimestamp: null`, no server defaults.
enum DryRunObjects {
  /// An object's metadata as the generators write it: the name, the namespace only when `-n`
  /// named one (kubectl sets it when `EnforceNamespace`, the flag's override, holds) and
  /// `creationTimestamp: null`, in Go's field order.
  static func metadata(name: String, namespace: String?) -> JSONObjectBuilder {
    var metadata = JSONObjectBuilder()
    metadata.set("name", .string(name))
    metadata.set("namespace", namespace.map(JSONValue.string))
    metadata.set("creationTimestamp", .null)
    return metadata
  }

  /// A container as the generators build it: name, image, command, args, ports, empty
  /// resources.
  static func container(_ container: Container) -> JSONValue {
    var object = JSONObjectBuilder()
    object.set("name", .string(container.name))
    object.set("image", .string(container.image))
    if !container.command.isEmpty { object.set("command", .array(container.command.map(JSONValue.string))) }
    if !container.args.isEmpty { object.set("args", .array(container.args.map(JSONValue.string))) }
    if !container.ports.isEmpty {
      object.set("ports", .array(container.ports.map { .object([("containerPort", .int(Int64($0.containerPort)))]) }))
    }
    if !container.env.isEmpty {
      object.set(
        "env", .array(container.env.map { .object([("name", .string($0.name)), ("value", .string($0.value ?? ""))]) }))
    }
    object.set("resources", .object([]))
    return object.value
  }

  static func pod(_ pod: Pod, namespace: String?) -> JSONValue {
    var metadata = metadata(name: pod.metadata.name, namespace: namespace)
    if !pod.metadata.labels.isEmpty { metadata.set("labels", .stringMap(pod.metadata.labels)) }
    if !pod.metadata.annotations.isEmpty { metadata.set("annotations", .stringMap(pod.metadata.annotations)) }
    let containers = pod.spec.containers.map(container)
    return .object([
      ("kind", .string("Pod")), ("apiVersion", .string("v1")), ("metadata", metadata.value),
      (
        "spec",
        .object([
          ("containers", .array(containers)), ("restartPolicy", .string(pod.spec.restartPolicy.text)),
          ("dnsPolicy", .string(pod.spec.dnsPolicy.text)),
        ])
      ),
      ("status", .object([])),
    ])
  }
}
