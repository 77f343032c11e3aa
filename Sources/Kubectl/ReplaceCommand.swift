import KubeSim

/// `kubectl replace -f FILE`: a PUT of each object the files describe over the live one
/// (`kubectl/pkg/cmd/replace/replace.go`); with `--force`, a delete of each and a create.
enum ReplaceCommand {
  /// The flags `kubectl replace` takes.
  static let flags: [FlagParser.Spec] = [
    .init(name: "filename", short: "f", takesValue: true, repeatable: true),
    .init(name: "output", short: "o", takesValue: true),
    .init(name: "dry-run", short: nil, takesValue: true),
    .init(name: "validate", short: nil, takesValue: true),
    .init(name: "save-config", short: nil, takesValue: false),
    .init(name: "recursive", short: "R", takesValue: false),
    .init(name: "force", short: nil, takesValue: false),
    .init(name: "grace-period", short: nil, takesValue: true, integerBits: 64),
    .init(name: "timeout", short: nil, takesValue: true, isDuration: true),
    .init(name: "cascade", short: nil, takesValue: true),
    .init(name: "wait", short: nil, takesValue: false),
  ]

  /// Runs `kubectl replace` with `arguments` (after the command word).
  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "replace", specs: flags).parse(arguments)
    let paths = parsed.all("filename")
    // Complete's RequireFilenameOrKustomize, then Validate's checks in order.
    guard !paths.isEmpty else {
      throw .plain("must specify one of -f and -k")
    }
    let force = parsed.flag("force")
    if let grace = parsed.value("grace-period"), !force, (Int(grace) ?? -1) >= 0 {
      throw .plain("--grace-period must have --force specified")
    }
    if let timeout = parsed.value("timeout"), !force, timeout != "0s", timeout != "0" {
      throw .plain("--timeout must have --force specified")
    }
    let format = try OutputFormat.parseWithoutTables(parsed.value("output"))
    if force, let value = parsed.value("dry-run"), ["client", "server", "true"].contains(value) {
      throw .plain("--dry-run can not be used when --force is set")
    }
    let dryRun = try DryRun.mode(parsed.value("dry-run"))
    let documents = try ManifestFiles.documents(
      paths, recursive: parsed.flag("recursive"), context: context)
    for document in documents { try ApplyCommand.validateTypeFields(document.value, source: document.source) }
    let flagNamespace = parsed.value("namespace")
    let saveConfig = parsed.flag("save-config")
    context.validation = try FieldValidation.parse(parsed.value("validate"))
    if force {
      try forceReplace(documents, namespace: flagNamespace, format: format, context: &context, output: &output)
      return
    }
    let saved = context.cluster
    var errors: [String] = []
    var printed = 0
    for (source, value) in documents {
      // A server dry run answers each request against the stored objects, untouched.
      if dryRun == .server { context.cluster = saved }
      do {
        let name: String
        if let custom = CustomResources.type(of: value, in: context.cluster) {
          name =
            dryRun == .client
            ? custom.qualifiedKind + "/" + (value["metadata"]?["name"]?.stringValue ?? "")
            : try CustomResources.replace(
              value, type: custom, source: source, namespace: flagNamespace, context: &context)
        } else {
          let served = try ApplyCommand.servedKind(of: value, source: source, verb: "replacing", in: context.cluster)
          name = try replaceObject(
            of: served, value, source: source, namespace: flagNamespace, saveConfig: saveConfig,
            dryRun: dryRun == .client, context: &context)
        }
        for warning in context.warnings { output.line(warning) }
        context.warnings = []
        switch format {
        case .name: output.line(name)
        case .table, .wide, .customColumns: output.line(name + " replaced" + dryRun.suffix)
        case .yaml, .json, .jsonPath, .goTemplate:
          let object = context.served(
            try ApplyCommand.printedObject(
              value, name: name, mode: .create, dryRun: dryRun, context: context, before: saved),
            format: format)
          output.write(try ApplyCommand.printedText(object, format: format, count: printed))
          printed += 1
        }
      } catch {
        errors.append(error.text)
      }
    }
    try context.finish(dryRun, restoring: saved)
    if !errors.isEmpty {
      for error in errors { output.line(error) }
      context.failed = true
    }
  }

  /// Replaces the live object a document names with the document (a PUT); returns the
  /// object's `-o name` form. The object must exist, and a `metadata.resourceVersion` in the
  /// document must be the live one (optimistic concurrency).
  static func replaceObject<Kind: KubectlResource>(
    of _: Kind.Type, _ value: JSONValue, source: String, namespace flagNamespace: String?, saveConfig: Bool,
    dryRun: Bool, context: inout CommandContext
  ) throws(KubectlError) -> String {
    let type = Kind.resource
    let objectName = value["metadata"]?["name"]?.stringValue ?? ""
    let name = type.qualifiedKind + "/" + objectName
    let handler = try ApplyCommand.handler(of: Kind.self, source: source, verb: "replacing")
    guard type.namespaced else {
      throw .plain("kubebook does not simulate replacing \(type.kind) objects from \"\(source)\" yet")
    }
    var object = try ApplyCommand.decodeNamespaced(
      handler, value, source: source, verb: "replacing", namespace: flagNamespace, context: context)
    let namespace = object.metadata.namespace ?? context.defaultNamespace
    // util.CreateOrUpdateAnnotation: --save-config writes the annotation; without it, only a
    // manifest that carries one gets it refreshed.
    if saveConfig || object.metadata.annotations[ApplyCommand.lastAppliedKey] != nil {
      object.metadata.annotations[ApplyCommand.lastAppliedKey] = ApplyCommand.lastApplied(value, namespace: namespace)
    }
    if dryRun { return name }
    guard let live = Kind.get(objectName, namespace: namespace, in: context.cluster) else {
      throw .api(.notFound(resource: type.qualifiedResource, name: objectName), source: source, verb: "replacing")
    }
    if let version = value["metadata"]?["resourceVersion"]?.stringValue,
      version != String(live.metadata.resourceVersion)
    {
      throw .api(.conflict(resource: type.qualifiedResource, name: objectName), source: source, verb: "replacing")
    }
    _ = try handler.update(live, object, putBody(value), &context)
    return name
  }

  /// The manifest as an update sees it when the client sends the whole object: a PUT names
  /// `spec.replicas` even when the file leaves it out (the server then defaults it), so the
  /// update does not keep the live count the way apply's three-way merge does
  /// (``ApplyCommand/replicas(_:live:liveMeta:manifest:)``).
  static func putBody(_ value: JSONValue) -> JSONValue {
    guard case .object(var pairs) = value else { return value }
    var spec = value["spec"]?.objectValue ?? []
    if !spec.contains(where: { $0.0 == "replicas" }) { spec.append(("replicas", .null)) }
    pairs.removeAll { $0.0 == "spec" }
    pairs.append(("spec", .object(spec)))
    return .object(pairs)
  }

  /// `replace --force`: deletes every object the files name (a missing one is fine), waits
  /// until they are gone, then creates each from its document.
  static func forceReplace(
    _ documents: [(source: String, value: JSONValue)], namespace flagNamespace: String?, format: OutputFormat,
    context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    var waits: [@Sendable (Cluster) -> Bool] = []
    let options = DeleteOptions(propagation: .background, gracePeriod: nil, force: false)
    for (source, value) in documents {
      let served = try ApplyCommand.servedKind(of: value, source: source, verb: "replacing", in: context.cluster)
      let type = served.resource
      let name = value["metadata"]?["name"]?.stringValue ?? ""
      let namespace = value["metadata"]?["namespace"]?.stringValue ?? flagNamespace ?? context.defaultNamespace
      let deletion: Deletion?
      do {
        deletion = try DeleteCommand.delete(served, name, namespace: namespace, options, &context.cluster)
      } catch {
        if case .notFound = error { continue }
        throw .api(error)
      }
      guard let deletion else { throw .plain("kubebook does not simulate deleting \(type.plural) yet") }
      output.line(format == .name ? "\(type.qualifiedKind)/\(name)" : "\(type.qualifiedKind) \"\(name)\" deleted")
      if let isGone = deletion.isGone { waits.append(isGone) }
    }
    // kubectl polls each object until it is gone, for at most five minutes.
    if !waits.isEmpty { try context.wait(seconds: 300) { cluster in waits.allSatisfy { $0(cluster) } } }
    for (source, value) in documents {
      let line = try ApplyCommand.applyOne(
        value, source: source, mode: .create, namespace: flagNamespace, dryRun: false, context: &context)
      output.line(format == .name ? line.name : line.name + " replaced")
    }
    try context.settle()
  }
}
