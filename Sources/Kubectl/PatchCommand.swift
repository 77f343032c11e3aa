import KubeSim

/// `kubectl patch (-f FILENAME | TYPE NAME | TYPE/NAME) (-p PATCH | --patch-file FILE)`:
/// applies a strategic merge, JSON merge or JSON patch to objects' API JSON, then stores the
/// result through the kind's manifest handler, the path `apply` takes; with `--local`, patches
/// the file's objects and prints them (kubectl's `pkg/cmd/patch/patch.go`).
enum PatchCommand {
  static let flags: [FlagParser.Spec] =
    [
      .init(name: "patch", short: "p", takesValue: true),
      .init(name: "patch-file", short: nil, takesValue: true),
      .init(name: "type", short: nil, takesValue: true),
      .init(name: "filename", short: "f", takesValue: true, repeatable: true),
      .init(name: "local", short: nil, takesValue: false),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "recursive", short: "R", takesValue: false),
      .init(name: "field-manager", short: nil, takesValue: true),
      .init(name: "subresource", short: nil, takesValue: true),
    ] + OutputFormat.templateFlags

  /// One object to patch: its type (nil for a kind kubebook does not know), name, namespace
  /// and, for `--local`, the file's JSON.
  struct Target {
    var type: ResourceType?
    var kind: String
    var name: String
    var namespace: String
    var localJSON: JSONValue?
  }

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "patch", specs: flags).parse(arguments)
    let local = parsed.flag("local")
    let dryRunValue = parsed.value("dry-run")
    if local && dryRunValue == "server" {
      throw .plain("cannot specify --local and --dry-run=server - did you mean --dry-run=client?")
    }
    // patch.go completes its printer before naming the operation, so neither dry run adds a
    // suffix to `patched`.
    let dryRunMode = try DryRun.mode(dryRunValue)
    let dryRun = dryRunMode == .client
    let saved = context.cluster
    let patchText = parsed.value("patch") ?? ""
    let patchFile = parsed.value("patch-file") ?? ""
    if !patchText.isEmpty && !patchFile.isEmpty {
      throw .plain("cannot specify --patch and --patch-file together")
    }
    if patchText.isEmpty && patchFile.isEmpty {
      throw .plain("must specify --patch or --patch-file containing the contents of the patch")
    }
    if local && !parsed.positional.isEmpty { throw .plain("cannot specify --local and server resources") }
    let patchType = try PatchType.parse(parsed.value("type"))
    let subresource = parsed.value("subresource") ?? ""
    if !subresource.isEmpty && subresource != "scale" {
      // The status is the controllers' to write in kubebook: a patched status would not stay.
      throw .plain("kubebook simulates patching the scale subresource only (--subresource=scale)")
    }
    var text = patchText
    if !patchFile.isEmpty {
      do { text = try context.read(patchFile) } catch {
        throw .plain("unable to read patch file: open \(patchFile): no such file or directory")
      }
    }
    let patch = try PatchType.Document.read(text, quoted: patchText)
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    let targets = try targets(parsed, local: local, context: context)
    if targets.isEmpty { throw .plain("no objects passed to patch") }
    for target in targets {
      // A server dry run answers each request against the stored objects, untouched.
      if dryRunMode == .server { context.cluster = saved }
      if let localJSON = target.localJSON {
        let schema = target.type?.served?.patchSchema
        try patchLocally(
          localJSON, target: target, patch: patch, type: patchType, schema: schema, format: format,
          output: &output)
        continue
      }
      if let type = target.type, CustomResources.defines(type, in: context.cluster), subresource.isEmpty {
        try patchCustomObject(
          type, target: target, patch: patch, patchType: patchType, dryRun: dryRun, format: format,
          context: &context, output: &output)
        continue
      }
      guard let type = target.type, let served = type.served else {
        throw .plain("kubebook does not simulate patching \(target.kind) objects yet")
      }
      if !subresource.isEmpty {
        try patchScale(
          target: target, type: type, patch: patch, patchType: patchType, dryRun: dryRun, format: format,
          context: &context, output: &output)
        continue
      }
      try patchObject(
        of: served, target: target, patch: patch, type: patchType, dryRun: dryRun,
        format: format, context: &context, output: &output)
    }
    try context.finish(dryRunMode, restoring: saved)
  }

  /// The objects the arguments name: `-f` files' documents, or `TYPE NAME...`/`TYPE/NAME...`.
  private static func targets(_ parsed: FlagParser.Parsed, local: Bool, context: CommandContext)
    throws(KubectlError) -> [Target]
  {
    let namespace = context.namespace(parsed)
    let paths = parsed.all("filename")
    guard paths.isEmpty else {
      let objects = try FileObject.read(
        paths, namespace: namespace, recursive: parsed.flag("recursive"), context: context)
      let targets = objects.map { object in
        Target(
          type: object.type, kind: object.kind, name: object.name, namespace: object.namespace,
          localJSON: local ? object.json : nil)
      }
      return targets
    }
    guard !parsed.positional.isEmpty else {
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
    var targets: [Target] = []
    for request in try ResourceArguments.parse(parsed.positional, cluster: context.cluster) {
      if request.names.isEmpty { throw .plain("resource(s) were provided, but no name was specified") }
      for name in request.names {
        targets.append(
          Target(type: request.type, kind: request.type.kind, name: name, namespace: namespace, localJSON: nil))
      }
    }
    return targets
  }

  /// `--local`: patches the file's object and prints it (or its name and the operation).
  private static func patchLocally(
    _ original: JSONValue, target: Target, patch: PatchType.Document, type: PatchType, schema: PatchSchema?,
    format: OutputFormat, output: inout OutputBuffer
  ) throws(KubectlError) {
    guard schema != nil || type != .strategic else {
      let apiVersion = original["apiVersion"]?.stringValue ?? ""
      throw .plain(
        "strategic merge patch is not supported for \(groupVersionKind(apiVersion: apiVersion, kind: target.kind)) locally, try --type merge"
      )
    }
    let patched = try patchedJSON(original, patch: patch, type: type, schema: schema ?? .resource)
    let name = qualifiedKind(of: patched, type: target.type) + "/" + target.name
    try print(patched, name: name, changed: !patched.sameJSON(as: original), format: format, output: &output)
  }

  /// Patches one live object of kind `Kind` and stores the result as `apply` would.
  private static func patchObject<Kind: KubectlResource>(
    of _: Kind.Type, target: Target, patch: PatchType.Document, type: PatchType, dryRun: Bool, format: OutputFormat,
    context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let resource = Kind.resource
    let namespace = resource.namespaced ? target.namespace : ""
    guard let live = Kind.get(target.name, namespace: namespace, in: context.cluster) else {
      throw .api(.notFound(resource: resource.qualifiedResource, name: target.name))
    }
    let original = live.json(now: context.cluster.now)
    let patched: JSONValue
    do {
      patched = try patchedJSON(original, patch: patch, type: type, schema: Kind.patchSchema)
    } catch {
      // The API server answers these strategic-merge errors with 400 Bad Request
      // (`interpretStrategicMergePatchError`, apiserver `handlers/patch.go`); kubebook
      // prints the other failures in the words of the library that found them.
      let message = String(error.text.dropFirst("error: ".count))
      if type == .strategic && Self.badRequestErrors.contains(message) {
        throw KubectlError(text: "Error from server (BadRequest): " + message)
      }
      throw error
    }
    let name = resource.qualifiedKind + "/" + target.name
    let changed = !patched.sameJSON(as: original)
    guard changed, !dryRun else {
      try print(patched, name: name, changed: changed, format: format, output: &output)
      return
    }
    guard let handler = Kind.manifest else {
      throw .plain("kubebook does not simulate patching \(resource.kind) objects yet")
    }
    var decoder = ManifestDecoder()
    let desired = handler.decode(&decoder, patched)
    if let reason = decoder.decodingError {
      throw .plain("kubebook: the patched \(resource.kind) \"\(target.name)\" cannot be read: \(reason)")
    }
    if try handler.update(live, desired, patched, &context) == "unchanged" {
      // The handler kept the object as it was although the patch changed its JSON.
      throw .plain(
        "kubebook does not simulate this patch of \(resource.kind) \"\(target.name)\": the simulated object stays unchanged"
      )
    }
    let stored = Kind.get(target.name, namespace: namespace, in: context.cluster)?.json(now: context.cluster.now)
    try print(
      context.served(stored ?? patched, format: format), name: name, changed: true, format: format, output: &output)
  }

  /// Patches one object of a kind a CustomResourceDefinition defines: a merge or JSON patch of
  /// its unstructured JSON, stored as an update; a strategic merge patch is refused, as the
  /// custom resource handler accepts only the JSON, merge and apply patch media types
  /// (`supportedTypes`, `pkg/apiserver/customresource_handler.go`; the error is
  /// `negotiation.NewUnsupportedMediaTypeError`, apiserver `handlers/negotiation/errors.go`).
  private static func patchCustomObject(
    _ resource: ResourceType, target: Target, patch: PatchType.Document, patchType: PatchType, dryRun: Bool,
    format: OutputFormat, context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let namespace = resource.namespaced ? target.namespace : ""
    guard let live = context.cluster.customObject(of: resource, name: target.name, namespace: namespace) else {
      throw .api(.notFound(resource: resource.qualifiedResource, name: target.name))
    }
    if patchType == .strategic {
      throw KubectlError(
        text:
          "Error from server (UnsupportedMediaType): the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml"
      )
    }
    let original = live.json
    let patched = try patchedJSON(original, patch: patch, type: patchType, schema: .resource)
    let name = resource.qualifiedKind + "/" + target.name
    let changed = !patched.sameJSON(as: original)
    if changed && !dryRun {
      try CustomResources.update(live, to: patched, validation: .warn, context: &context)
      for warning in context.warnings { output.line(warning) }
      context.warnings = []
    }
    let stored = context.cluster.customObject(of: resource, name: target.name, namespace: namespace)?.json
    try print(
      changed && !dryRun ? stored ?? patched : patched, name: name, changed: changed, format: format, output: &output)
  }

  /// The strategic-merge errors the API server reports as a bad request.
  static let badRequestErrors: Set<String> = [
    "invalid JSON document", "invalid patch format of primitive list", "invalid patch format of retainKeys",
    "invalid patch format of setElementOrder list",
  ]

  /// The patch applied to `original`, as an unstructured object decodes the result.
  private static func patchedJSON(
    _ original: JSONValue, patch: PatchType.Document, type: PatchType, schema: PatchSchema
  ) throws(KubectlError) -> JSONValue {
    let patched: JSONValue
    do {
      patched = try type.apply(patch, to: original.normalizingWholeNumbers, schema: schema)
    } catch {
      throw .plain(error.message)
    }
    guard patched.isObject else {
      throw .plain("json: cannot unmarshal \(patched.typeName) into Go value of type unstructured.detector")
    }
    return patched.normalizingWholeNumbers
  }

  /// Prints the result: the object for `-o yaml|json` or a template, else its name and the
  /// operation.
  private static func print(
    _ object: JSONValue, name: String, changed: Bool, format: OutputFormat, output: inout OutputBuffer
  ) throws(KubectlError) {
    switch format {
    case .table: output.line(name + (changed ? " patched" : " patched (no change)"))
    case .name: output.line(name)
    default: output.write(try format.printed(served: object))
    }
  }

  /// `--subresource=scale`: the patch applies to the object's `autoscaling/v1` Scale, and the
  /// new `spec.replicas` is written through the scale subresource; a kind without one is not
  /// found, as the API server answers.
  private static func patchScale(
    target: Target, type: ResourceType, patch: PatchType.Document, patchType: PatchType, dryRun: Bool,
    format: OutputFormat, context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let namespace = type.namespaced ? target.namespace : ""
    guard let object = APIObject.lookup(type, name: target.name, namespace: namespace, cluster: context.cluster) else {
      throw .api(.notFound(resource: type.qualifiedResource, name: target.name))
    }
    let now = context.cluster.now
    guard let scale = ScaleSubresource.json(of: object, now: now), let kind = type.served as? any ScalableResource.Type
    else {
      throw KubectlError(text: "Error from server (NotFound): the server could not find the requested resource")
    }
    let patched = try patchedJSON(scale, patch: patch, type: patchType, schema: .resource)
    let name = type.qualifiedKind + "/" + target.name
    let changed = !patched.sameJSON(as: scale)
    if changed && !dryRun {
      // Validation is the object's own, through its scale subresource.
      let count = Int(clamping: patched["spec"]?["replicas"]?.intValue ?? 0)
      try ScaleCommand.scale(
        kind, WorkloadTarget(type: type, name: target.name, namespace: namespace), to: count, expecting: nil,
        context: &context)
    }
    let answer = changed && !dryRun ? ScaleSubresource.json(of: object.refreshed(in: context.cluster), now: now) : nil
    try print(answer ?? patched, name: name, changed: changed, format: format, output: &output)
  }

  /// `<kind>[.<group>]` of a patched object, from its type or its own `kind`/`apiVersion`.
  static func qualifiedKind(of object: JSONValue, type: ResourceType?) -> String {
    if let type { return type.qualifiedKind }
    let kind = (object["kind"]?.stringValue ?? "").lowercased()
    let apiVersion = object["apiVersion"]?.stringValue ?? ""
    // The text before the first slash; an apiVersion of only slashes has an empty group.
    let group =
      apiVersion.contains("/")
      ? apiVersion.split(separator: "/", omittingEmptySubsequences: false).first.map(String.init) ?? "" : ""
    return group.isEmpty ? kind : kind + "." + group
  }

  /// Go's `GroupVersionKind.String()`: `group/version, Kind=kind`.
  private static func groupVersionKind(apiVersion: String, kind: String) -> String {
    let parts = apiVersion.split(separator: "/", maxSplits: 1).map(String.init)
    let (group, version) = parts.count == 2 ? (parts[0], parts[1]) : ("", apiVersion)
    return "\(group)/\(version), Kind=\(kind)"
  }
}
