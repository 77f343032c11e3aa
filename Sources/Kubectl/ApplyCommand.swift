import KubeSim

/// `kubectl apply -f` and `kubectl create -f`: reads manifests from the page's files (or
/// standard input) and creates or updates the objects they describe.
enum ApplyCommand {
  enum Mode {
    case apply, create
  }

  static let lastAppliedKey = "kubectl.kubernetes.io/last-applied-configuration"

  static let flags: [FlagParser.Spec] =
    [
      .init(name: "filename", short: "f", takesValue: true, repeatable: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "validate", short: nil, takesValue: true),
      .init(name: "save-config", short: nil, takesValue: false),
      .init(name: "recursive", short: "R", takesValue: false),
    ] + OutputFormat.templateFlags

  static func run(
    _ arguments: [String], mode: Mode, context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let command = mode == .apply ? "apply" : "create"
    let parsed = try FlagParser(command: command, specs: flags).parse(arguments)
    let paths = parsed.all("filename")
    if mode == .create, paths.isEmpty {
      if let generator = parsed.positional.first {
        throw .plain("kubebook does not simulate \"kubectl create \(generator)\" yet")
      }
      throw KubectlError(
        text: "error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples")
    }
    guard !paths.isEmpty else {
      throw KubectlError(text: "error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples")
    }
    // `create -f` builds its printer before reading the files; apply's comes later, per object.
    let format =
      try mode == .create
      ? OutputFormat.parseWithoutTables(parsed) : OutputFormat.parse(parsed)
    let dryRun = try DryRun.mode(parsed.value("dry-run"))
    let flagNamespace = parsed.value("namespace")
    let documents = try ManifestFiles.documents(paths, recursive: parsed.flag("recursive"), context: context)
    if documents.isEmpty { throw .plain("no objects passed to \(command)") }
    for (source, value) in documents {
      try validateTypeFields(value, source: source)
    }
    context.validation = try FieldValidation.parse(parsed.value("validate"))
    let saved = context.cluster
    context.rest.describe()
    var errors: [String] = []
    var objects: [JSONValue] = []
    for (source, value) in documents {
      // A server dry run answers each request against the stored objects, untouched.
      if dryRun == .server { context.cluster = saved }
      do {
        let before = context.cluster
        let line = try applyOne(
          value, source: source, mode: mode, namespace: flagNamespace, dryRun: dryRun == .client, context: &context)
        if dryRun != .client && context.rest.isRecording {
          recordWrite(
            value, line: line, mode: mode, namespace: flagNamespace, serverDryRun: dryRun == .server, before: before,
            context: &context)
        }
        for warning in context.warnings { output.line(warning) }
        context.warnings = []
        switch format {
        case .name: output.line(line.name)
        case .table, .wide, .customColumns: output.line(line.name + " " + line.operation + dryRun.suffix)
        case .yaml, .json, .jsonPath, .goTemplate:
          let object = context.served(
            try printedObject(value, name: line.name, mode: mode, dryRun: dryRun, context: context, before: saved),
            format: format)
          // create prints each object as it goes; apply prints them all at the end (`printObjects`).
          if mode == .create {
            output.write(try printedText(object, format: format, count: objects.count))
          }
          objects.append(object)
        }
      } catch {
        errors.append(error.text)
      }
    }
    try context.finish(dryRun, restoring: saved)
    if !errors.isEmpty {
      for error in errors { output.line(error) }
      context.failed = true
    } else if mode == .apply, !objects.isEmpty {
      // printObjects: one object as it is, several inside a typed `corev1.List` (Go field
      // order, for JSON; the items are unstructured, their keys sorted).
      if objects.count == 1 {
        output.write(try printedText(objects[0], format: format, count: 0))
      } else {
        let list = JSONValue.object([
          ("kind", .string("List")), ("apiVersion", .string("v1")), ("metadata", .object([])),
          ("items", .array(objects.map(sortingKeys))),
        ])
        output.write(try format.printed(typed: list))
      }
    }
  }

  /// The requests of one document. `create -f`: a POST of the object as the file has it, with
  /// the namespace set (the builder's `SetNamespace` visitor), encoded by the unstructured
  /// codec (`json.NewEncoder`: keys sorted, a newline at the end), under
  /// `?fieldManager=kubectl-create&fieldValidation=Strict` (cli-runtime `resource/helper.go:246`),
  /// answered 201 with the stored object. `apply` (client-side): a GET of the object
  /// (helper.go:105); when it is missing the same POST with the last-applied annotation and
  /// `kubectl-client-side-apply` as field manager. kubebook does not compute the three-way
  /// strategic merge PATCH apply sends for an object that changed; it says so.
  static func recordWrite(
    _ value: JSONValue, line: (name: String, operation: String), mode: Mode, namespace flagNamespace: String?,
    serverDryRun: Bool, before: Cluster, context: inout CommandContext
  ) {
    guard let kind = try? servedKind(of: value, source: "", verb: "", in: before) else { return }
    let type = kind.resource
    let name = String(line.name.split(separator: "/", maxSplits: 1).last ?? "")
    let namespace =
      type.namespaced
      ? value["metadata"]?["namespace"]?.stringValue ?? flagNamespace ?? context.defaultNamespace : nil
    let cluster = context.cluster
    let stored = APIObject.lookup(
      type, name: name, namespace: namespace ?? "", cluster: serverDryRun ? before : cluster)
    var query = [("fieldManager", mode == .apply ? "kubectl-client-side-apply" : "kubectl-create")]
    query.append(("fieldValidation", "Strict"))
    if serverDryRun { query.append(("dryRun", "All")) }
    if mode == .apply {
      let previous = APIObject.lookup(type, name: name, namespace: namespace ?? "", cluster: before)
      context.rest.getObject(type, name: name, namespace: namespace ?? "", found: previous, now: before.now)
      if previous != nil {
        if line.operation != "unchanged" {
          context.rest.note("kubebook: the strategic merge PATCH kubectl apply sends for \(line.name) is not shown")
        }
        return
      }
    }
    var sent = value
    if let namespace { sent = sent.settingMetadata("namespace", .string(namespace)) }
    if mode == .apply, let namespace {
      var annotations = sent["metadata"]?["annotations"]?.objectValue ?? []
      annotations.removeAll { $0.0 == lastAppliedKey }
      annotations.append((lastAppliedKey, .string(lastApplied(value, namespace: namespace))))
      sent = sent.settingMetadata("annotations", .object(annotations))
    }
    context.rest.record(
      "POST", RESTCall.path(type, namespace: namespace) + RESTCall.query(query), status: 201, caller: "helper.go:246",
      contentType: "application/json", requestBody: CompactJSON.encode(sent) + "\n",
      responseBody: stored.map { ServerJSON.body(ServerJSON.object($0.json(now: cluster.now))) } ?? "")
  }

  /// The object kubectl prints for `-o yaml|json|jsonpath` after applying or creating a
  /// document: the manifest with its namespace and apply's annotation in a client dry run
  /// (nothing was sent), else the object the server answered with.
  /// `before` is the cluster before the command, for a server dry run's answer.
  static func printedObject(
    _ value: JSONValue, name: String, mode: Mode, dryRun: DryRun.Mode, context: CommandContext, before: Cluster? = nil
  ) throws(KubectlError) -> JSONValue {
    let custom = CustomResources.type(of: value, in: context.cluster)
    let served = try custom == nil ? servedKind(of: value, source: "", verb: "printing", in: context.cluster) : nil
    let namespaced = custom?.namespaced ?? served?.resource.namespaced ?? true
    let namespace = value["metadata"]?["namespace"]?.stringValue ?? context.defaultNamespace
    if dryRun == .client {
      guard case .object(var pairs) = value else { return value }
      var metadata = value["metadata"]?.objectValue ?? []
      if namespaced, !metadata.contains(where: { $0.0 == "namespace" }) {
        metadata.append(("namespace", .string(namespace)))
      }
      if mode == .apply {
        var annotations = metadata.first { $0.0 == "annotations" }?.1.objectValue ?? []
        annotations.removeAll { $0.0 == lastAppliedKey }
        annotations.append((lastAppliedKey, .string(lastApplied(value, namespace: namespaced ? namespace : nil))))
        metadata.removeAll { $0.0 == "annotations" }
        metadata.append(("annotations", .object(annotations)))
      }
      pairs.removeAll { $0.0 == "metadata" }
      pairs.append(("metadata", .object(metadata)))
      return .object(pairs)
    }
    let objectName = String(name.drop { $0 != "/" }.dropFirst())
    func live(in cluster: Cluster) -> JSONValue? {
      if let served { return liveJSON(of: served, objectName, namespace: namespace, in: cluster) }
      guard let custom else { return nil }
      return CustomResources.lookup(custom, name: objectName, namespace: namespaced ? namespace : "", in: cluster)?
        .json(now: cluster.now)
    }
    let stored = live(in: context.cluster) ?? value
    guard dryRun == .server, let before else { return stored }
    return asDryRunAnswer(stored, live: live(in: before))
  }

  /// What a server dry run answers for an object the write would store: an update keeps the
  /// live resourceVersion, a create has none (`DryRunnableStorage` stores nothing, so no
  /// new version is drawn).
  static func asDryRunAnswer(_ object: JSONValue, live: JSONValue?) -> JSONValue {
    object.settingMetadata("resourceVersion", live?["metadata"]?["resourceVersion"])
  }

  /// `value` with every object's keys in byte order, as Go marshals a map.
  static func sortingKeys(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let pairs):
      return .object(
        pairs.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }.map { ($0.0, sortingKeys($0.1)) })
    case .array(let items): return .array(items.map(sortingKeys))
    default: return value
    }
  }

  /// The stored object's JSON, as a GET returns it.
  static func liveJSON<Kind: KubectlResource>(
    of _: Kind.Type, _ name: String, namespace: String, in cluster: Cluster
  ) -> JSONValue? {
    Kind.get(name, namespace: Kind.resource.namespaced ? namespace : "", in: cluster)?.json(now: cluster.now)
  }

  /// An object's text in `format`; the YAML printer starts every object after the first
  /// with `---` (`printers.YAMLPrinter`).
  static func printedText(_ object: JSONValue, format: OutputFormat, count: Int) throws(KubectlError) -> String {
    let text = try format.printed(served: object)
    return format == .yaml && count > 0 ? "---\n" + text : text
  }

  /// kubectl's client-side check that every document names its apiVersion and kind.
  static func validateTypeFields(_ value: JSONValue, source: String) throws(KubectlError) {
    var missing: [String] = []
    if value["apiVersion"]?.stringValue?.isEmpty ?? true { missing.append("apiVersion not set") }
    if value["kind"]?.stringValue?.isEmpty ?? true { missing.append("kind not set") }
    guard missing.isEmpty else {
      throw .plain(
        "error validating \"\(source)\": error validating data: [\(missing.joined(separator: ", "))]; if you choose to ignore these errors, turn validation off with --validate=false"
      )
    }
  }

  /// Applies or creates one document; returns the `-o name` form and the operation word.
  static func applyOne(
    _ value: JSONValue, source: String, mode: Mode, namespace flagNamespace: String?, dryRun: Bool,
    context: inout CommandContext
  ) throws(KubectlError) -> (name: String, operation: String) {
    if let custom = CustomResources.type(of: value, in: context.cluster) {
      return try CustomResources.apply(
        value, type: custom, source: source, mode: mode, namespace: flagNamespace, dryRun: dryRun, context: &context)
    }
    let served = try servedKind(of: value, source: source, verb: "creating", in: context.cluster)
    return try applyObject(
      of: served, value, source: source, mode: mode, namespace: flagNamespace, dryRun: dryRun, context: &context)
  }

  /// The kind a document names, as kubectl's REST mapper finds it: an error when the cluster
  /// serves no such kind, or kubebook does not simulate `verb` it.
  static func servedKind(of value: JSONValue, source: String, verb: String, in cluster: Cluster) throws(KubectlError)
    -> any KubectlResource.Type
  {
    let kind = value["kind"]?.stringValue ?? ""
    let apiVersion = value["apiVersion"]?.stringValue ?? ""
    let objectName = value["metadata"]?["name"]?.stringValue ?? ""
    guard let type = ResourceType.all.first(where: { $0.kind == kind }), type.accepts(apiVersion: apiVersion) else {
      if ResourceType.unsimulatedNames.contains(kind.lowercased() + "s")
        || ResourceType.unsimulatedNames.contains(kind.lowercased())
      {
        throw .plain("kubebook does not simulate \(verb) \(kind) objects (\(apiVersion)) from \"\(source)\" yet")
      }
      throw .plain(
        "resource mapping not found for name: \"\(objectName)\" namespace: \"\(value["metadata"]?["namespace"]?.stringValue ?? "")\" from \"\(source)\": no matches for kind \"\(kind)\" in version \"\(apiVersion)\"\nensure CRDs are installed first"
      )
    }
    guard let served = type.served else {
      throw .plain("kubebook does not simulate \(verb) \(kind) objects from \"\(source)\" yet")
    }
    return served
  }

  /// The manifest handler of `Kind`, or kubebook's refusal to `verb` objects of the kind.
  static func handler<Kind: KubectlResource>(of _: Kind.Type, source: String, verb: String) throws(KubectlError)
    -> ManifestHandler<Kind>
  {
    guard let handler = Kind.manifest else {
      throw .plain(
        "kubebook does not simulate \(verb) \(Kind.resource.kind) objects from \"\(source)\""
          + (Kind.resource.namespaced ? " yet" : ""))
    }
    return handler
  }

  /// Decodes a document of a namespaced kind as the API server reads a request body
  /// (`transformDecodeError` on a decoding error or an unknown field, worded with `verb`) and
  /// sets its namespace: the manifest's, which must agree with `-n`, else `-n`'s, else the
  /// context's.
  static func decodeNamespaced<Kind: KubectlResource>(
    _ handler: ManifestHandler<Kind>, _ value: JSONValue, source: String, verb: String,
    namespace flagNamespace: String?, context: CommandContext
  ) throws(KubectlError) -> Kind {
    let kind = Kind.resource.kind
    let apiVersion = value["apiVersion"]?.stringValue ?? ""
    var decoder = ManifestDecoder()
    var object = handler.decode(&decoder, value)
    // gvk.Version in transformDecodeError: the version part of apiVersion (`autoscaling/v2`: v2).
    let version = apiVersion.split(separator: "/").last.map(String.init) ?? apiVersion
    if let reason = decoder.decodingError {
      // apiserver's transformDecodeError (`endpoints/handlers/rest.go`).
      throw KubectlError(
        text:
          "Error from server (BadRequest): error when \(verb) \"\(source)\": \(kind) in version \"\(version)\" cannot be handled as a \(kind): \(reason)"
      )
    }
    if !decoder.unknownFields.isEmpty {
      let fields = decoder.unknownFields.map { "unknown field \"\($0)\"" }.joined(separator: ", ")
      throw KubectlError(
        text:
          "Error from server (BadRequest): error when \(verb) \"\(source)\": \(kind) in version \"\(version)\" cannot be handled as a \(kind): strict decoding error: \(fields)"
      )
    }
    let objectNamespace = object.metadata.namespace
    if let objectNamespace, let flagNamespace, objectNamespace != flagNamespace {
      throw .plain(
        "the namespace from the provided object \"\(objectNamespace)\" does not match the namespace \"\(flagNamespace)\". You must pass '--namespace=\(objectNamespace)' to perform this operation."
      )
    }
    object.metadata.namespace = objectNamespace ?? flagNamespace ?? context.defaultNamespace
    object.metadata.generateName = value["metadata"]?["generateName"]?.stringValue
    return object
  }

  /// Applies or creates one document of kind `Kind`.
  static func applyObject<Kind: KubectlResource>(
    of _: Kind.Type, _ value: JSONValue, source: String, mode: Mode, namespace flagNamespace: String?, dryRun: Bool,
    context: inout CommandContext
  ) throws(KubectlError) -> (name: String, operation: String) {
    let type = Kind.resource
    let objectName = value["metadata"]?["name"]?.stringValue ?? ""
    let name = type.qualifiedKind + "/" + objectName
    let handler = try handler(of: Kind.self, source: source, verb: "creating")
    let generateName = value["metadata"]?["generateName"]?.stringValue ?? ""
    if mode == .apply, objectName.isEmpty, !generateName.isEmpty {
      throw .plain("from \(generateName): cannot use generate name with apply")
    }
    guard type.namespaced else {
      var decoder = ManifestDecoder()
      var object = handler.decode(&decoder, value)
      // Cluster-scoped kinds (Namespace, PersistentVolume): created once, never updated here.
      if dryRun { return (name, "created") }
      if mode == .create, objectName.isEmpty, !generateName.isEmpty {
        let cluster = context.cluster
        object.metadata.name = context.cluster.generatedName(base: generateName) {
          Kind.get($0, namespace: "", in: cluster) != nil
        }
        try handler.store(object, kind: type.kind, source: source, in: &context.cluster)
        return (type.qualifiedKind + "/" + object.metadata.name, "created")
      }
      if let live = Kind.get(objectName, namespace: "", in: context.cluster) {
        if mode == .create {
          throw .api(.alreadyExists(resource: type.qualifiedResource, name: objectName), source: source)
        }
        warnIfNotApplied(live.metadata, plural: type.plural, context: &context)
        return (name, "unchanged")
      }
      try handler.store(object, kind: type.kind, source: source, in: &context.cluster)
      return (name, "created")
    }
    var object = try decodeNamespaced(
      handler, value, source: source, verb: "creating", namespace: flagNamespace, context: context)
    let namespace = object.metadata.namespace ?? context.defaultNamespace
    if mode == .create, objectName.isEmpty, !generateName.isEmpty {
      // The client-side printer prints the empty name the object has (`configmap/`).
      if dryRun { return (name, "created") }
      let cluster = context.cluster
      object.metadata.name = context.cluster.generatedName(base: generateName) {
        Kind.get($0, namespace: namespace, in: cluster) != nil
      }
      try handler.store(object, kind: type.kind, source: source, in: &context.cluster)
      return (type.qualifiedKind + "/" + object.metadata.name, "created")
    }
    if objectName.isEmpty {
      throw .plain(
        "error when retrieving current configuration of:\nResource: \"\(type.group)/v1, Resource=\(type.plural)\", GroupVersionKind: \"\(type.group)/v1, Kind=\(type.kind)\"\nName: \"\", Namespace: \"\(namespace)\"\nfrom server for: \"\(source)\": resource name may not be empty"
      )
    }
    if mode == .apply { object.metadata.annotations[lastAppliedKey] = lastApplied(value, namespace: namespace) }
    if let live = Kind.get(objectName, namespace: namespace, in: context.cluster) {
      if mode == .create {
        throw .api(.alreadyExists(resource: type.qualifiedResource, name: objectName), source: source)
      }
      if !dryRun { warnIfNotApplied(live.metadata, plural: type.plural, context: &context) }
      if dryRun { return (name, "configured") }
      return (name, try handler.update(live, object, value, &context))
    }
    if dryRun { return (name, "created") }
    try handler.store(object, kind: type.kind, source: source, in: &context.cluster)
    return (name, "created")
  }

  /// apply.go's warning (`warningNoLastAppliedConfigAnnotation`, kubectl v0.32.4) for a live
  /// object that `kubectl create` made without `--save-config`: printed before the patch,
  /// except in a client dry run, with the object named `<resource>/<name>` (`Info.ObjectName`).
  static func warnIfNotApplied(_ live: ObjectMeta, plural: String, context: inout CommandContext) {
    guard live.annotations[lastAppliedKey] == nil else { return }
    context.warnings.append(
      "Warning: resource \(plural)/\(live.name) is missing the \(lastAppliedKey) annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically."
    )
  }

  /// The replicas an apply writes: the manifest's, or the live count when neither this
  /// manifest nor the previous apply named `spec.replicas` (see ``lastAppliedSetReplicas(_:)``).
  static func replicas(_ desired: Int, live: Int, liveMeta: ObjectMeta, manifest: JSONValue) -> Int {
    manifest["spec"]?["replicas"] == nil && !lastAppliedSetReplicas(liveMeta) ? live : desired
  }

  /// The end of every kind's apply update: `unchanged` when the merge changed nothing, else
  /// `write` through the API and `configured`.
  static func store<Kind: Equatable>(_ merged: Kind, over live: Kind, _ write: (Kind) throws(APIError) -> Void)
    throws(KubectlError) -> String
  {
    if merged == live { return "unchanged" }
    do { try write(merged) } catch { throw .api(error) }
    return "configured"
  }

  /// Whether the previous `apply` set `spec.replicas`. If it did and the new manifest leaves
  /// it out, apply's three-way merge deletes the field and the server defaults it to 1; if
  /// neither did, the live value (from `kubectl scale`, say) is kept.
  static func lastAppliedSetReplicas(_ meta: ObjectMeta) -> Bool {
    guard let text = meta.annotations[lastAppliedKey],
      let value = try? ManifestReader.documents(text, source: lastAppliedKey).first
    else { return false }
    return value["spec"]?["replicas"] != nil
  }

  /// The desired annotations plus those a controller keeps on the live object.
  static func keepingControllerAnnotations(_ live: [String: String], desired: [String: String]) -> [String: String] {
    var result = desired
    for (key, value) in live where key.hasPrefix("deployment.kubernetes.io/") { result[key] = value }
    return result
  }

  /// Applies the changes a running pod allows: labels, annotations and container images.
  static func update(_ existing: Pod, to desired: Pod, context: inout CommandContext) throws(KubectlError)
    -> String
  {
    var sameButImages = desired.spec.containers
    for index in sameButImages.indices where index < existing.spec.containers.count {
      sameButImages[index].image = existing.spec.containers[index].image
    }
    if existing.spec.containers != sameButImages || existing.spec.restartPolicy != desired.spec.restartPolicy {
      throw KubectlError(
        text:
          "The Pod \"\(existing.metadata.name)\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\nkubebook: kubectl prints the difference of the two pod specs after this line; kubebook leaves it out"
      )
    }
    let namespace = existing.metadata.namespace ?? "default"
    try SetImageCommand.changeImages(of: existing, to: desired.spec.containers, context: &context)
    context.cluster.updateMetadata(
      of: existing.metadata.name, namespace: namespace, labels: desired.metadata.labels,
      annotations: desired.metadata.annotations)
    return "configured"
  }

  /// The `last-applied-configuration` annotation: the manifest as compact JSON with sorted
  /// keys, `metadata.annotations` present and the namespace filled in, plus a newline.
  static func lastApplied(_ value: JSONValue, namespace: String?) -> String {
    guard case .object(var pairs) = value else { return "" }
    var metadata = value["metadata"]?.objectValue ?? []
    var annotations = (metadata.first { $0.0 == "annotations" }?.1.objectValue ?? []).filter {
      $0.0 != lastAppliedKey
    }
    annotations.sort { $0.0 < $1.0 }
    metadata.removeAll { $0.0 == "annotations" || $0.0 == "namespace" }
    metadata.append(("annotations", .object(annotations)))
    if let namespace { metadata.append(("namespace", .string(namespace))) }
    pairs.removeAll { $0.0 == "metadata" }
    pairs.append(("metadata", .object(metadata)))
    return CompactJSON.encode(.object(pairs)) + "\n"
  }
}

/// Go's `json.Marshal` of an unstructured object: compact, keys sorted, HTML characters escaped.
enum CompactJSON {
  static func encode(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number): return GoFormat.jsonFloat(number)
    case .string(let text): return JSONPrinter.quote(text)
    case .array(let items): return "[" + items.map(encode).joined(separator: ",") + "]"
    case .object(let pairs):
      return "{"
        + pairs.sorted { $0.0 < $1.0 }.map { JSONPrinter.quote($0.0) + ":" + encode($0.1) }.joined(
          separator: ",") + "}"
    }
  }
}
