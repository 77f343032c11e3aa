import KubeSim

/// The kinds CustomResourceDefinitions define, reached through the names their definitions
/// give them: the generic commands (`get`, `describe`, `apply`, `create`, `replace`,
/// `delete`, `patch`, `label`, `annotate`, `edit`) come here for a type no built-in kind
/// serves, the way the dynamic client serves any resource as unstructured JSON.
enum CustomResources {
  /// The defined kind a manifest names (its `kind` and one of its served versions).
  static func type(of document: JSONValue, in cluster: Cluster) -> ResourceType? {
    let kind = document["kind"]?.stringValue ?? ""
    let apiVersion = document["apiVersion"]?.stringValue ?? ""
    return cluster.customResourceTypes.first { $0.kind == kind && $0.accepts(apiVersion: apiVersion) }
  }

  /// Whether a definition of `cluster` defines `type`.
  static func defines(_ type: ResourceType, in cluster: Cluster) -> Bool {
    type.served == nil && cluster.customResourceDefinition(defining: type) != nil
  }

  /// The objects of `type` in `namespace` (all when nil), each with its definition's columns.
  static func list(_ type: ResourceType, namespace: String?, in cluster: Cluster) -> [APIObject] {
    guard let definition = cluster.customResourceDefinition(defining: type) else { return [] }
    let columns = definition.preferredVersion?.printerColumns ?? []
    return cluster.customObjects(of: type, namespace: namespace).map {
      APIObject(CustomResource(object: $0, printerColumns: columns))
    }
  }

  /// The object of `type` called `name`.
  static func lookup(_ type: ResourceType, name: String, namespace: String, in cluster: Cluster) -> APIObject? {
    guard let definition = cluster.customResourceDefinition(defining: type),
      let object = cluster.customObject(of: type, name: name, namespace: namespace)
    else { return nil }
    return APIObject(CustomResource(object: object, printerColumns: definition.preferredVersion?.printerColumns ?? []))
  }

  /// Reads a manifest as the server decodes a request body for a defined kind: unknown fields
  /// (those its schema does not name) are pruned, and refused under kubectl's default
  /// `--validate=strict` (`schemaCoercingDecoder`, `pkg/apiserver/customresource_handler.go`:
  /// `unknown field "spec.foo"`); `--validate=warn` keeps the pruned object with a warning
  /// per field (`Warning: unknown field "spec.foo"`), `--validate=false` or `ignore` without.
  /// The namespace is the manifest's, which must agree with `-n`, else `-n`'s, else the
  /// context's.
  static func decode(
    _ document: JSONValue, type: ResourceType, source: String, verb: String, namespace flagNamespace: String?,
    context: inout CommandContext
  ) throws(KubectlError) -> CustomObject {
    var decoder = ManifestDecoder()
    var metadata = decoder.decodeMetadata(document["metadata"], path: "metadata")
    let schema = context.cluster.customResourceDefinition(defining: type)?.preferredVersion?.schema
    let (pruned, unknown) = schema?.prune(object: document) ?? (document, [])
    let version = (document["apiVersion"]?.stringValue ?? "").split(separator: "/").last.map(String.init) ?? ""
    let refused = decoder.unknownFields + unknown
    if let reason = decoder.decodingError {
      throw KubectlError(
        text:
          "Error from server (BadRequest): error when \(verb) \"\(source)\": \(type.kind) in version \"\(version)\" cannot be handled as a \(type.kind): \(reason)"
      )
    }
    if context.validation == .warn {
      context.warnings += refused.map { "Warning: unknown field \"\($0)\"" }
    } else if !refused.isEmpty && context.validation == .strict {
      let fields = refused.map { "unknown field \"\($0)\"" }.joined(separator: ", ")
      throw KubectlError(
        text:
          "Error from server (BadRequest): error when \(verb) \"\(source)\": \(type.kind) in version \"\(version)\" cannot be handled as a \(type.kind): strict decoding error: \(fields)"
      )
    }
    if type.namespaced {
      if let objectNamespace = metadata.namespace, let flagNamespace, objectNamespace != flagNamespace {
        throw .plain(
          "the namespace from the provided object \"\(objectNamespace)\" does not match the namespace \"\(flagNamespace)\". You must pass '--namespace=\(objectNamespace)' to perform this operation."
        )
      }
      metadata.namespace = metadata.namespace ?? flagNamespace ?? context.defaultNamespace
    } else {
      metadata.namespace = nil
    }
    metadata.generateName = document["metadata"]?["generateName"]?.stringValue
    return CustomObject(type: type, document: pruned, metadata: metadata)
  }

  /// `apply -f` or `create -f` of one document of a defined kind: created when new; applied
  /// onto the live object by the three-way JSON merge patch kubectl sends for a kind without a
  /// strategic-merge schema (`configured`, or `unchanged` when the patch is empty).
  static func apply(
    _ document: JSONValue, type: ResourceType, source: String, mode: ApplyCommand.Mode,
    namespace flagNamespace: String?,
    dryRun: Bool, context: inout CommandContext
  ) throws(KubectlError) -> (name: String, operation: String) {
    var object = try decode(
      document, type: type, source: source, verb: "creating", namespace: flagNamespace, context: &context)
    let objectName = object.metadata.name
    let namespace = object.metadata.namespace ?? ""
    let name = type.qualifiedKind + "/" + objectName
    // The builder sets the namespace on the object it sends (and on the last applied one).
    var manifest = type.namespaced ? document.settingMetadata("namespace", .string(namespace)) : document
    if mode == .apply {
      if objectName.isEmpty, object.metadata.generateName?.isEmpty == false {
        throw .plain("from \(object.metadata.generateName ?? ""): cannot use generate name with apply")
      }
      let annotation = ApplyCommand.lastApplied(document, namespace: type.namespaced ? namespace : nil)
      object.metadata.annotations[ApplyCommand.lastAppliedKey] = annotation
      manifest = manifest.settingMetadata("annotations", .stringMap(object.metadata.annotations))
    }
    if mode == .create, objectName.isEmpty, let base = object.metadata.generateName, !base.isEmpty {
      if dryRun { return (name, "created") }
      let cluster = context.cluster
      object.metadata.name = context.cluster.generatedName(base: base) {
        cluster.customObject(of: type, name: $0, namespace: namespace) != nil
      }
      try store(object, source: source, in: &context.cluster)
      return (type.qualifiedKind + "/" + object.metadata.name, "created")
    }
    if let live = context.cluster.customObject(of: type, name: objectName, namespace: namespace) {
      if mode == .create {
        throw .api(.alreadyExists(resource: type.qualifiedResource, name: objectName), source: source)
      }
      if !dryRun { ApplyCommand.warnIfNotApplied(live.metadata, plural: type.plural, context: &context) }
      let lastApplied = live.metadata.annotations[ApplyCommand.lastAppliedKey].flatMap {
        try? ManifestReader.documents($0, source: ApplyCommand.lastAppliedKey).first
      }
      let patch = threeWayPatch(original: lastApplied, modified: manifest, current: live.json)
      if patch.isEmpty { return (name, "unchanged") }
      if dryRun { return (name, "configured") }
      let merged: JSONValue
      do { merged = try JSONMergePatch.apply(.object(patch), to: live.json) } catch { throw .plain(error.message) }
      try update(live, to: merged, source: source, context: &context)
      return (name, "configured")
    }
    if dryRun { return (name, "created") }
    try store(object, source: source, in: &context.cluster)
    return (name, "created")
  }

  /// `replace -f`: the manifest stored over the live object, whole.
  static func replace(
    _ document: JSONValue, type: ResourceType, source: String, namespace flagNamespace: String?,
    context: inout CommandContext
  ) throws(KubectlError) -> String {
    let object = try decode(
      document, type: type, source: source, verb: "replacing", namespace: flagNamespace, context: &context)
    do { try context.cluster.updateCustomObject(object) } catch {
      throw .api(error, source: source, verb: "replacing")
    }
    return type.qualifiedKind + "/" + object.metadata.name
  }

  /// Stores `json` (a patched or edited object) over `live`, pruned and validated as an
  /// update; the pruned fields are refused under `validation` strict, else added to the
  /// context's warnings under warn (the server's default when the client names none, as
  /// `kubectl patch` does).
  static func update(
    _ live: CustomObject, to json: JSONValue, source: String? = nil, validation: FieldValidation = .ignore,
    context: inout CommandContext
  ) throws(KubectlError) {
    var decoder = ManifestDecoder()
    var metadata = decoder.decodeMetadata(json["metadata"], path: "metadata")
    metadata.namespace = live.metadata.namespace
    let schema = context.cluster.customResourceDefinition(defining: live.type)?.preferredVersion?.schema
    let (pruned, unknown) = schema?.prune(object: json) ?? (json, [])
    let refused = decoder.unknownFields + unknown
    if validation == .strict && !refused.isEmpty {
      let kind = live.type.kind
      let version = live.apiVersion.split(separator: "/").last.map(String.init) ?? ""
      let fields = refused.map { "unknown field \"\($0)\"" }.joined(separator: ", ")
      throw .plain(
        "\(kind) in version \"\(version)\" cannot be handled as a \(kind): strict decoding error: \(fields)")
    }
    if validation == .warn { context.warnings += refused.map { "Warning: unknown field \"\($0)\"" } }
    do {
      try context.cluster.updateCustomObject(CustomObject(type: live.type, document: pruned, metadata: metadata))
    } catch {
      throw .api(error, source: source, verb: "applying")
    }
  }

  /// Creates `object` through the API.
  private static func store(_ object: CustomObject, source: String, in cluster: inout Cluster) throws(KubectlError) {
    do { try cluster.createCustomObject(object) } catch { throw .api(error, source: source) }
  }

  /// The deleter of a defined kind.
  static func deleter(_ type: ResourceType) -> Deleter<CustomResource> {
    Deleter { name, namespace, _, cluster throws(APIError) in
      try cluster.deleteCustomObject(of: type, name: name, namespace: type.namespaced ? namespace : "")
      return Deletion()
    }
  }

  /// jsonmergepatch's `CreateThreeWayJSONMergePatch`: what `modified` sets that `current`
  /// lacks or holds otherwise (maps compared key by key), and `null` for each key `original`
  /// (the last applied manifest) had and `modified` dropped.
  static func threeWayPatch(original: JSONValue?, modified: JSONValue, current: JSONValue?) -> [(String, JSONValue)] {
    var patch: [(String, JSONValue)] = []
    for (key, value) in modified.objectValue ?? [] {
      let live = current?[key]
      if value.objectValue != nil, live?.objectValue != nil {
        let inner = threeWayPatch(original: original?[key], modified: value, current: live)
        if !inner.isEmpty { patch.append((key, .object(inner))) }
      } else if live.map({ !$0.sameJSON(as: value) }) ?? true {
        patch.append((key, value))
      }
    }
    for (key, _) in original?.objectValue ?? [] where modified[key] == nil && current?[key] != nil {
      patch.append((key, .null))
    }
    return patch
  }
}
