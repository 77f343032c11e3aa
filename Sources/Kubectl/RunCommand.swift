import KubeSim

/// `kubectl run NAME --image=IMAGE`: creates a single pod labelled `run=NAME`.
enum RunCommand {
  static let flags: [FlagParser.Spec] = [
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
  ]

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
    guard let name = parsed.positional.first else {
      throw .usage("NAME is required for run", command: "run")
    }
    guard let image = parsed.value("image"), !image.isEmpty else {
      throw .plain("required flag(s) \"image\" not set")
    }
    let format = try OutputFormat.parse(parsed.value("output"), printers: .generic, files: context.files)
    let dryRunMode = try DryRun.mode(parsed.value("dry-run"))
    let dryRun = dryRunMode == .client
    let saved = context.cluster
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
    if let policy = parsed.value("restart") { pod.spec.restartPolicy = APIField(policy) }
    if dryRun {
      switch format {
      case .yaml, .json, .jsonPath:
        output.write(try format.printed(typed: DryRunObjects.pod(pod, namespace: parsed.value("namespace"))))
      case .name: output.line("pod/\(name)")
      default: output.line("pod/\(name) created (dry run)")
      }
      return
    }
    let created: Pod
    do { created = try context.cluster.createPod(pod) } catch { throw .api(error) }
    try context.finish(dryRunMode, restoring: saved)
    switch format {
    case .yaml:
      output.write(
        YAMLPrinter.print(context.cluster.pod(name, namespace: created.metadata.namespace!)?.json ?? created.json))
    case .json: output.write(JSONPrinter.print(created.json))
    case .jsonPath: output.write(try format.printed(served: created.json))
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
