import KubeSim

/// `kubectl set env RESOURCE/NAME KEY=VALUE ... KEY-`: sets, removes or lists the environment
/// variables of pod templates' containers (kubectl's `pkg/cmd/set/set_env.go`).
enum SetEnvCommand {
  static let flags: [FlagParser.Spec] =
    PodSpecEditor.commonFlags + [
      .init(name: "env", short: "e", takesValue: true, repeatable: true),
      .init(name: "from", short: nil, takesValue: true),
      .init(name: "prefix", short: nil, takesValue: true),
      .init(name: "keys", short: nil, takesValue: true, repeatable: true),
      .init(name: "list", short: nil, takesValue: false),
      .init(name: "resolve", short: nil, takesValue: false),
      .init(name: "overwrite", short: nil, takesValue: false),
    ]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "set env", specs: flags).parse(arguments)
    // Complete.
    if parsed.flag("all") && parsed.value("selector") != nil {
      throw .plain("cannot set --all and --selector at the same time")
    }
    guard let (resources, envArguments) = EnvArguments.split(parsed.positional) else {
      throw .plain(
        "all resources must be specified before environment changes: "
          + parsed.positional.joined(separator: " "))
    }
    let dryRun = try PodSpecEditor.dryRun(parsed)
    let requested = parsed.value("output")
    // Validate.
    if parsed.all("filename").isEmpty && resources.isEmpty {
      throw .plain("one or more resources must be specified as <resource> <name> or <resource>/<name>")
    }
    let list = parsed.flag("list")
    if list && !(requested ?? "").isEmpty { throw .plain("--list and --output may not be specified together") }
    let keys = parsed.all("keys").flatMap { $0.split(separator: ",").map(String.init) }
    let from = parsed.value("from") ?? ""
    if !keys.isEmpty && from.isEmpty {
      throw .plain("when specifying --keys, a configmap or secret must be provided with --from")
    }
    if parsed.flag("resolve") { throw .plain("kubebook does not simulate \"set env --resolve\" yet") }
    // RunEnv.
    let changes = try EnvArguments.parse(parsed.all("env") + envArguments, stdin: context.stdin)
    var env = changes.env
    let local = parsed.flag("local")
    let editor = PodSpecEditor(
      command: "set env", operation: "env updated", storeFailure: "failed to patch env update to pod template: ",
      local: local, dryRun: dryRun, format: try OutputFormat.parse(parsed, printers: .generic, files: context.files),
      listOnly: list)
    if !from.isEmpty {
      let sources = try editor.targets(parsed, resources: local ? [] : [from], context: context)
      env += try referencedEnv(sources, keys: keys, output: &output)
    }
    let prefix = parsed.value("prefix") ?? ""
    for index in env.indices { env[index].name = prefix + env[index].name }
    let selector = parsed.value("containers") ?? "*"
    let overwrite = parsed.value("overwrite").map { $0 != "false" } ?? true
    let targets = try editor.targets(parsed, resources: resources, context: context)
    let result = try editor.run(targets, context: &context, output: &output) {
      (object, path, output) throws(PodSpecEditor.Failure) in
      let kind = object["kind"]?.stringValue ?? ""
      let name = object["metadata"]?["name"]?.stringValue ?? ""
      let picked = try PodSpecEditor.editContainers(&object, podSpec: path, selector: selector) {
        container throws(PodSpecEditor.Failure) in
        let existing = container["env"]?.arrayValue ?? []
        if !overwrite { try checkNoOverwrites(existing, env) }
        let updated = EnvArguments.updated(existing, with: env, removing: changes.remove)
        if case .object(let pairs) = container {
          container = .object(
            updated.isEmpty
              ? pairs.filter { $0.0 != "env" } : JSONValue.setting("env", to: .array(updated), in: pairs))
        }
        if list { printList(updated, kind: kind, name: name, container: container, output: &output) }
      }
      if picked == 0 {
        output.line("Warning: \(kind)/\(name) does not have any containers matching \(Validation.quote(selector))")
      }
    }
    if list {
      // kubectl lists and stops: nothing is printed or stored.
      return
    }
    PodSpecEditor.report(result.failures, context: &context, output: &output)
    if !result.changed.isEmpty && !local && !dryRun && env.isEmpty && envArguments.isEmpty {
      throw .plain("at least one environment variable must be provided")
    }
  }

  /// The `--from` objects' keys as variables referring to them, keys sorted (kubectl ranges
  /// over a Go map); `--keys` picks some.
  private static func referencedEnv(_ sources: [PodSpecEditor.Target], keys: [String], output: inout OutputBuffer)
    throws(KubectlError) -> [EnvArguments.Variable]
  {
    var env: [EnvArguments.Variable] = []
    for source in sources {
      let kind = source.json["kind"]?.stringValue
      guard kind == "ConfigMap" || kind == "Secret" else {
        throw .plain("unsupported resource specified in --from")
      }
      let data = source.json["data"]?.objectValue?.map(\.0) ?? []
      for key in data.sorted() where keys.isEmpty || keys.contains(key) {
        let name = EnvArguments.envName(forKey: key)
        if name != key { output.line("Warning: key \(key) transferred to \(name)") }
        let reference: JSONValue = .object([
          ("name", .string(source.name)), ("key", .string(key)),
        ])
        let field = kind == "Secret" ? "secretKeyRef" : "configMapKeyRef"
        env.append(EnvArguments.Variable(name: name, value: nil, valueFrom: .object([(field, reference)])))
      }
    }
    return env
  }

  /// `validateNoOverwrites`: with `--overwrite=false`, a variable may not change its value.
  private static func checkNoOverwrites(_ existing: [JSONValue], _ env: [EnvArguments.Variable])
    throws(PodSpecEditor.Failure)
  {
    for variable in env {
      guard let current = existing.first(where: { $0["name"]?.stringValue == variable.name }) else { continue }
      let value = current["value"]?.stringValue ?? ""
      if value != (variable.value ?? "") {
        throw PodSpecEditor.Failure(
          message: "'\(variable.name)' already has a value (\(value)), and --overwrite is false")
      }
    }
  }

  /// `--list`: the container's variables, a reference as a comment.
  private static func printList(
    _ env: [JSONValue], kind: String, name: String, container: JSONValue, output: inout OutputBuffer
  ) {
    output.line("# \(kind) \(name), container \(container["name"]?.stringValue ?? "")")
    for variable in env {
      let variableName = variable["name"]?.stringValue ?? ""
      guard let source = variable["valueFrom"], !source.isNull else {
        output.line(variableName + "=" + (variable["value"]?.stringValue ?? ""))
        continue
      }
      output.line("# \(variableName) from \(EnvArguments.referenceText(source))")
    }
  }
}
