import KubeSim

/// What `kubectl set env` and `kubectl set resources` share (kubectl's `pkg/cmd/set`): the
/// objects named by files or arguments, each one's containers picked by `--containers`, the
/// edit, and the result printed (`--local`, `--dry-run=client`, `-o`) or stored through the
/// kind's manifest handler — the path `apply` and `patch` take, so a changed template rolls
/// out as it does after `set image`.
struct PodSpecEditor {
  /// One object to edit.
  struct Target {
    /// The object's JSON: the file's document (`--local`) or the live object.
    var json: JSONValue
    /// Its type, nil for a kind kubebook does not know.
    var type: ResourceType?
    var name: String
    var namespace: String
  }

  /// A failure of one object's edit: kubectl reports it after the others.
  struct Failure: Error {
    var message: String
  }

  /// The command path for messages (`set env`).
  var command: String
  /// What the printer says of a changed object (`env updated`).
  var operation: String
  /// The prefix of a failed store (`failed to patch env update to pod template: `).
  var storeFailure: String
  var local: Bool
  var dryRun: Bool
  /// The `-o` printer (the default table prints `NAME OPERATION`).
  var format: OutputFormat
  /// `set env --list`: the edit only lists, nothing is printed or stored.
  var listOnly = false
  /// Whether an object the edit leaves as it was is printed too (`set serviceaccount` sends
  /// every object's patch; `set env` and `set resources` skip the empty ones).
  var printsUnchanged = false

  /// The flags both commands take besides their own.
  static let commonFlags: [FlagParser.Spec] = [
    .init(name: "filename", short: "f", takesValue: true, repeatable: true),
    .init(name: "recursive", short: "R", takesValue: false),
    .init(name: "kustomize", short: "k", takesValue: true),
    .init(name: "containers", short: "c", takesValue: true),
    .init(name: "local", short: nil, takesValue: false),
    .init(name: "all", short: nil, takesValue: false),
    .init(name: "selector", short: "l", takesValue: true),
    .init(name: "output", short: "o", takesValue: true),
    .init(name: "dry-run", short: nil, takesValue: true),
    .init(name: "field-manager", short: nil, takesValue: true),
    .init(name: "allow-missing-template-keys", short: nil, takesValue: false),
    .init(name: "show-managed-fields", short: nil, takesValue: false),
    .init(name: "template", short: nil, takesValue: true),
  ]

  /// The `--dry-run` value, with kubectl's refusal of `--local` beside a server dry run.
  static func dryRun(_ parsed: FlagParser.Parsed) throws(KubectlError) -> Bool {
    if parsed.flag("local") && parsed.value("dry-run") == "server" {
      throw .plain("cannot specify --local and --dry-run=server - did you mean --dry-run=client?")
    }
    return try DryRun.parse(parsed.value("dry-run"))
  }

  /// The objects to edit: the `-f` files' documents (read from the cluster unless `--local`),
  /// else `TYPE NAME...`, `TYPE/NAME...` or `TYPE --all` from the cluster.
  func targets(_ parsed: FlagParser.Parsed, resources: [String], context: CommandContext)
    throws(KubectlError) -> [Target]
  {
    if parsed.value("selector") != nil {
      throw .plain("kubebook does not simulate \"\(command)\" with --selector yet")
    }
    let namespace = context.namespace(parsed)
    var targets: [Target] = []
    let paths = parsed.all("filename")
    for object in try FileObject.read(
      paths, namespace: namespace, recursive: parsed.flag("recursive"), context: context)
    {
      if local {
        targets.append(Target(json: object.json, type: object.type, name: object.name, namespace: object.namespace))
        continue
      }
      guard let type = object.type else { throw .plain("kubebook does not simulate \(object.kind) objects") }
      targets.append(try live(type, name: object.name, namespace: object.namespace, context: context))
    }
    if !paths.isEmpty { return targets }
    guard !local, !resources.isEmpty else {
      throw KubectlError(
        text: """
          error: You must provide one or more resources by argument or filename.
          Example resource specifications include:
             '-f rsrc.yaml'
             '--filename=rsrc.json'
             '<resource> <name>'
             '<resource>'
          """)
    }
    for request in try ResourceArguments.parse(resources) {
      if request.names.isEmpty {
        guard parsed.flag("all") else {
          throw .plain("resource(s) were provided, but no name was specified")
        }
        guard let served = request.type.served else {
          throw .plain("kubebook does not simulate \(request.type.plural)")
        }
        for object in served.list(in: context.cluster, namespace: namespace) {
          targets.append(
            Target(
              json: object.json(now: context.cluster.now), type: request.type, name: object.metadata.name,
              namespace: namespace))
        }
        continue
      }
      for name in request.names {
        targets.append(try live(request.type, name: name, namespace: namespace, context: context))
      }
    }
    return targets
  }

  /// The live object `type`/`name`, or the server's NotFound.
  private func live(_ type: ResourceType, name: String, namespace: String, context: CommandContext)
    throws(KubectlError) -> Target
  {
    let notFound = KubectlError.api(.notFound(resource: type.qualifiedResource, name: name))
    guard let served = type.served else { throw .plain("kubebook does not simulate \(type.plural)") }
    guard let object = served.get(name, namespace: namespace, in: context.cluster) else { throw notFound }
    return Target(json: object.json(now: context.cluster.now), type: type, name: name, namespace: namespace)
  }

  /// `<kind>.<group>/<name>`, as kubectl names an object in its output.
  static func objectName(_ target: Target) -> String {
    PatchCommand.qualifiedKind(of: target.json, type: target.type) + "/" + target.name
  }

  /// Edits every target with `edit` (given the object's JSON and the path of its pod spec),
  /// then prints or stores the changed ones; returns the failures, which kubectl prints at
  /// the end (``report(_:context:output:)``).
  func run(
    _ targets: [Target], context: inout CommandContext, output: inout OutputBuffer,
    edit: (_ object: inout JSONValue, _ podSpecPath: [String], _ output: inout OutputBuffer) throws(Failure) -> Void
  ) throws(KubectlError) -> (changed: [String], failures: [String]) {
    // `CalculatePatches` edits every object first (warnings and `--list` print then); the
    // results are printed or stored after.
    var edits: [(target: Target, name: String, result: Result<(JSONValue, JSONValue), Failure>)] = []
    for target in targets {
      let name = Self.objectName(target)
      // `fmt.Errorf("error: %s %v\n", info.ObjectName(), err)`: kubectl's name of an object
      // of a named group ends in a newline.
      let kindPart = name.split(separator: "/", omittingEmptySubsequences: false).first ?? ""
      let separator = kindPart.contains(".") ? "\n " : " "
      guard let holder = target.type?.served as? any PodSpecHolder.Type else {
        let apiVersion = target.json["apiVersion"]?.stringValue ?? ""
        let version = apiVersion.split(separator: "/").last.map(String.init) ?? apiVersion
        let kind = target.json["kind"]?.stringValue ?? ""
        let message =
          "error: \(name)\(separator)the object is not a pod or does not have a pod template: *\(version).\(kind)\n"
        edits.append((target, name, .failure(Failure(message: message))))
        continue
      }
      var original = target.json.normalizingWholeNumbers
      if local { original = Self.typed(original, holder: holder) }
      var edited = original
      do {
        try edit(&edited, holder.podSpecPath, &output)
        edits.append((target, name, .success((original, edited))))
      } catch {
        edits.append((target, name, .failure(Failure(message: "error: \(name)\(separator)\(error.message)\n"))))
      }
    }
    var failures: [String] = []
    var changed: [String] = []
    var printed = 0
    for (target, name, result) in edits {
      let original: JSONValue
      let edited: JSONValue
      switch result {
      case .failure(let failure):
        failures.append(failure.message)
        continue
      case .success(let pair): (original, edited) = pair
      }
      if listOnly || (!printsUnchanged && edited.sameJSON(as: original)) { continue }
      changed.append(name)
      if local || dryRun {
        try print(edited, name: name, after: printed, output: &output)
        printed += 1
        continue
      }
      guard let holder = target.type?.served as? any PodSpecHolder.Type else { continue }
      if edited.sameJSON(as: original) {
        // An empty patch: the server answers with the object as it is.
        try print(context.served(original, format: format), name: name, after: printed, output: &output)
        printed += 1
        continue
      }
      do {
        let stored = try store(holder, target, edited, context: &context)
        try print(context.served(stored, format: format), name: name, after: printed, output: &output)
        printed += 1
      } catch {
        failures.append("error: " + storeFailure + Self.serverMessage(error.text, type: target.type))
      }
    }
    if !local && !dryRun && printed > 0 { try context.settle() }
    return (changed, failures)
  }

  /// Prints kubectl's aggregate of per-object errors, if any, and fails the command: one as
  /// it is, several each followed by a newline (`MultipleErrors`).
  static func report(_ failures: [String], context: inout CommandContext, output: inout OutputBuffer) {
    guard !failures.isEmpty else { return }
    context.failed = true
    var text = failures.count == 1 ? failures[0] : failures.map { $0 + "\n" }.joined()
    if text.hasSuffix("\n") { text.removeLast() }
    output.line(text)
  }

  /// A stored object's error as the API's status message, which kubectl wraps unchanged: an
  /// Invalid one names the group-qualified kind (`Job.batch "j" is invalid: ...`).
  private static func serverMessage(_ text: String, type: ResourceType?) -> String {
    var message = Substring(text)
    if message.hasPrefix("error: ") { message = message.dropFirst("error: ".count) }
    if message.hasPrefix("Error from server ("), let close = message.firstIndex(of: ")") {
      message = message[message.index(close, offsetBy: 3)...]
    }
    if message.hasPrefix("The "), let type {
      message = message.dropFirst("The ".count)
      if !type.group.isEmpty, message.hasPrefix(type.kind + " ") {
        return type.kind + "." + type.group + message.dropFirst(type.kind.count)
      }
    }
    return String(message)
  }

  /// Decodes the edited object and applies it onto the live one through its kind's manifest
  /// handler; the stored object's JSON.
  private func store<Kind: PodSpecHolder>(
    _: Kind.Type, _ target: Target, _ edited: JSONValue, context: inout CommandContext
  ) throws(KubectlError) -> JSONValue {
    let namespace = Kind.resource.namespaced ? target.namespace : ""
    guard let live = Kind.get(target.name, namespace: namespace, in: context.cluster) else {
      throw .api(.notFound(resource: Kind.resource.qualifiedResource, name: target.name))
    }
    guard let handler = Kind.manifest else {
      throw .plain("kubebook does not simulate \"\(command)\" on \(Kind.resource.plural) yet")
    }
    var decoder = ManifestDecoder()
    let desired = handler.decode(&decoder, edited)
    if let reason = decoder.decodingError {
      throw .plain("kubebook: the edited \(Kind.resource.kind) \"\(target.name)\" cannot be read: \(reason)")
    }
    if try handler.update(live, desired, edited, &context) == "unchanged" {
      throw .plain(
        "kubebook does not simulate this change of \(Kind.resource.kind) \"\(target.name)\": the simulated object stays unchanged"
      )
    }
    // The update's response: the stored object before the controllers react.
    return Kind.get(target.name, namespace: namespace, in: context.cluster)?.json(now: context.cluster.now) ?? edited
  }

  /// Prints a changed object: `NAME OPERATION` (with ` (dry run)`), its name, or the object
  /// (YAML documents after the first `printed` ones start with `---`).
  private func print(_ object: JSONValue, name: String, after printed: Int, output: inout OutputBuffer)
    throws(KubectlError)
  {
    switch format {
    case .table: output.line(name + " " + operation + (dryRun ? " (dry run)" : ""))
    case .name: output.line(name)
    case .yaml: output.write((printed > 0 ? "---\n" : "") + YAMLPrinter.print(object))
    default: output.write(try format.printed(served: object))
    }
  }

  /// The object as kubectl's typed decoding writes it back: the kind's always-written fields,
  /// and `resources: {}` on every container.
  static func typed(_ object: JSONValue, holder: any PodSpecHolder.Type) -> JSONValue {
    var result = object
    for (path, value) in holder.typedFields where result.value(at: path) == nil {
      result = result.setting(value, at: path)
    }
    for key in ["containers", "initContainers"] {
      let path = holder.podSpecPath + [key]
      guard let containers = result.value(at: path)?.arrayValue else { continue }
      let filled = containers.map(typedContainer)
      result = result.setting(.array(filled), at: path)
    }
    return result
  }

  /// A container as its Go type writes it: `resources: {}` when it has none, quantities in
  /// their canonical text, a `resourceFieldRef`'s `divisor` (`"0"` when absent).
  private static func typedContainer(_ container: JSONValue) -> JSONValue {
    guard case .object(var pairs) = container else { return container }
    let resources = container["resources"]?.objectValue ?? []
    pairs = JSONValue.setting(
      "resources",
      to: .object(
        resources.map { field, list in (field, list.objectValue.map { .object($0.map(canonical)) } ?? list) }),
      in: pairs)
    if let env = container["env"]?.arrayValue {
      let typedEnv = env.map { variable -> JSONValue in
        guard let reference = variable.value(at: ["valueFrom", "resourceFieldRef"]), reference.isObject else {
          return variable
        }
        let divisor = canonical(("divisor", reference["divisor"] ?? .string("0"))).1
        return variable.setting(divisor, at: ["valueFrom", "resourceFieldRef", "divisor"])
      }
      pairs = JSONValue.setting("env", to: .array(typedEnv), in: pairs)
    }
    return .object(pairs)
  }

  /// A quantity's entry with the text the Go type writes back; what is no quantity stays.
  private static func canonical(_ entry: (String, JSONValue)) -> (String, JSONValue) {
    let text: String
    switch entry.1 {
    case .string(let string): text = string
    case .int(let number): text = String(number)
    default: return entry
    }
    guard let canonical = try? Quantity.canonical(text) else { return entry }
    return (entry.0, .string(canonical))
  }

  /// Applies `body` to each container of the pod spec at `path` that `selector` picks
  /// (containers first, then init containers, as kubectl's `selectContainers`); how many
  /// it picked.
  static func editContainers(
    _ object: inout JSONValue, podSpec path: [String], selector: String,
    body: (inout JSONValue) throws(Failure) -> Void
  ) throws(Failure) -> Int {
    var picked = 0
    for key in ["containers", "initContainers"] {
      guard var containers = object.value(at: path + [key])?.arrayValue else { continue }
      for index in containers.indices
      where ContainerSelector.matches(containers[index]["name"]?.stringValue ?? "", selector) {
        picked += 1
        try body(&containers[index])
      }
      object = object.setting(.array(containers), at: path + [key])
    }
    return picked
  }
}

extension JSONValue {
  /// The value at `path` of nested objects.
  func value(at path: [String]) -> JSONValue? {
    var current: JSONValue? = self
    for key in path { current = current?[key] }
    return current
  }

  /// This object with `value` stored at `path`, creating the objects on the way.
  func setting(_ value: JSONValue, at path: [String]) -> JSONValue {
    guard let key = path.first else { return value }
    let pairs = objectValue ?? []
    let child = self[key] ?? .object([])
    return .object(Self.setting(key, to: child.setting(value, at: Array(path.dropFirst())), in: pairs))
  }
}
