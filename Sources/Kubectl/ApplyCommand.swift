import KubeSim

/// `kubectl apply -f` and `kubectl create -f`: reads manifests from the page's files (or
/// standard input) and creates or updates the objects they describe.
enum ApplyCommand {
  enum Mode {
    case apply, create
  }

  static let lastAppliedKey = "kubectl.kubernetes.io/last-applied-configuration"

  static let flags: [FlagParser.Spec] = [
    .init(name: "filename", short: "f", takesValue: true, repeatable: true),
    .init(name: "output", short: "o", takesValue: true),
    .init(name: "dry-run", short: nil, takesValue: true),
    .init(name: "validate", short: nil, takesValue: true),
    .init(name: "save-config", short: nil, takesValue: false),
    .init(name: "recursive", short: "R", takesValue: false),
  ]

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
      ? OutputFormat.parseWithoutTables(parsed.value("output")) : OutputFormat.parse(parsed.value("output"))
    let dryRun = try DryRun.parse(parsed.value("dry-run"))
    let flagNamespace = parsed.value("namespace")
    var documents: [(source: String, value: JSONValue)] = []
    for path in paths {
      let text = try context.read(path)
      let source = path == "-" ? "STDIN" : path
      for value in try ManifestReader.documents(text, source: source) {
        documents.append((source, value))
      }
    }
    if documents.isEmpty { throw .plain("no objects passed to \(command)") }
    for (source, value) in documents {
      try validateTypeFields(value, source: source)
    }
    var errors: [String] = []
    for (source, value) in documents {
      do {
        let line = try applyOne(
          value, source: source, mode: mode, namespace: flagNamespace, dryRun: dryRun, context: &context)
        switch format {
        case .name: output.line(line.name)
        default: output.line(line.name + " " + line.operation + (dryRun ? " (dry run)" : ""))
        }
      } catch {
        errors.append(error.text)
      }
    }
    try context.settle()
    if !errors.isEmpty {
      for error in errors { output.line(error) }
      context.failed = true
    }
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
    let kind = value["kind"]?.stringValue ?? ""
    let apiVersion = value["apiVersion"]?.stringValue ?? ""
    let objectName = value["metadata"]?["name"]?.stringValue ?? ""
    guard let type = ResourceType.all.first(where: { $0.kind == kind }), type.accepts(apiVersion: apiVersion) else {
      if ResourceType.unsimulatedNames.contains(kind.lowercased() + "s")
        || ResourceType.unsimulatedNames.contains(kind.lowercased())
      {
        throw .plain("kubebook does not simulate creating \(kind) objects (\(apiVersion)) from \"\(source)\" yet")
      }
      if let definition = CustomResourceDefinition.list(in: context.cluster, namespace: nil).first(where: {
        definition in
        definition.names.kind == kind && definition.versions.contains { apiVersion == definition.group + "/" + $0 }
      }) {
        throw CustomResourceDefinition.notServed(definition)
      }
      throw .plain(
        "resource mapping not found for name: \"\(objectName)\" namespace: \"\(value["metadata"]?["namespace"]?.stringValue ?? "")\" from \"\(source)\": no matches for kind \"\(kind)\" in version \"\(apiVersion)\"\nensure CRDs are installed first"
      )
    }
    guard let served = type.served else {
      throw .plain("kubebook does not simulate creating \(kind) objects from \"\(source)\" yet")
    }
    return try applyObject(
      of: served, value, source: source, mode: mode, namespace: flagNamespace, dryRun: dryRun, context: &context)
  }

  /// Applies or creates one document of kind `Kind`.
  static func applyObject<Kind: KubectlResource>(
    of _: Kind.Type, _ value: JSONValue, source: String, mode: Mode, namespace flagNamespace: String?, dryRun: Bool,
    context: inout CommandContext
  ) throws(KubectlError) -> (name: String, operation: String) {
    let type = Kind.resource
    let kind = type.kind
    let apiVersion = value["apiVersion"]?.stringValue ?? ""
    let objectName = value["metadata"]?["name"]?.stringValue ?? ""
    let name = type.qualifiedKind + "/" + objectName
    guard let handler = Kind.manifest else {
      throw .plain(
        "kubebook does not simulate creating \(kind) objects from \"\(source)\"" + (type.namespaced ? " yet" : ""))
    }
    var decoder = ManifestDecoder()
    var object = handler.decode(&decoder, value)
    guard type.namespaced else {
      // Cluster-scoped kinds (Namespace, PersistentVolume): created once, never updated here.
      if dryRun { return (name, "created") }
      if Kind.get(objectName, namespace: "", in: context.cluster) != nil {
        if mode == .create {
          throw .api(.alreadyExists(resource: type.qualifiedResource, name: objectName), source: source)
        }
        return (name, "unchanged")
      }
      do { try handler.create(object, &context.cluster) } catch { throw .api(error, source: source) }
      return (name, "created")
    }
    // gvk.Version in transformDecodeError: the version part of apiVersion (`autoscaling/v2`: v2).
    let version = apiVersion.split(separator: "/").last.map(String.init) ?? apiVersion
    if let reason = decoder.decodingError {
      // apiserver's transformDecodeError (`endpoints/handlers/rest.go`).
      throw KubectlError(
        text:
          "Error from server (BadRequest): error when creating \"\(source)\": \(kind) in version \"\(version)\" cannot be handled as a \(kind): \(reason)"
      )
    }
    if !decoder.unknownFields.isEmpty {
      let fields = decoder.unknownFields.map { "unknown field \"\($0)\"" }.joined(separator: ", ")
      throw KubectlError(
        text:
          "Error from server (BadRequest): error when creating \"\(source)\": \(kind) in version \"\(version)\" cannot be handled as a \(kind): strict decoding error: \(fields)"
      )
    }
    let objectNamespace = object.metadata.namespace
    if let objectNamespace, let flagNamespace, objectNamespace != flagNamespace {
      throw .plain(
        "the namespace from the provided object \"\(objectNamespace)\" does not match the namespace \"\(flagNamespace)\". You must pass '--namespace=\(objectNamespace)' to perform this operation."
      )
    }
    let namespace = objectNamespace ?? flagNamespace ?? context.defaultNamespace
    if objectName.isEmpty {
      throw .plain(
        "error when retrieving current configuration of:\nResource: \"\(type.group)/v1, Resource=\(type.plural)\", GroupVersionKind: \"\(type.group)/v1, Kind=\(kind)\"\nName: \"\", Namespace: \"\(namespace)\"\nfrom server for: \"\(source)\": resource name may not be empty"
      )
    }
    object.metadata.namespace = namespace
    if mode == .apply { object.metadata.annotations[lastAppliedKey] = lastApplied(value, namespace: namespace) }
    if let live = Kind.get(objectName, namespace: namespace, in: context.cluster) {
      if mode == .create {
        throw .api(.alreadyExists(resource: type.qualifiedResource, name: objectName), source: source)
      }
      if dryRun { return (name, "configured") }
      return (name, try handler.update(live, object, value, &context))
    }
    if dryRun { return (name, "created") }
    do { try handler.create(object, &context.cluster) } catch { throw .api(error, source: source) }
    return (name, "created")
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
  static func lastApplied(_ value: JSONValue, namespace: String) -> String {
    guard case .object(var pairs) = value else { return "" }
    var metadata = value["metadata"]?.objectValue ?? []
    var annotations = (metadata.first { $0.0 == "annotations" }?.1.objectValue ?? []).filter {
      $0.0 != lastAppliedKey
    }
    annotations.sort { $0.0 < $1.0 }
    metadata.removeAll { $0.0 == "annotations" || $0.0 == "namespace" }
    metadata.append(("annotations", .object(annotations)))
    metadata.append(("namespace", .string(namespace)))
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
