import KubeSim

/// `kubectl label` and `kubectl annotate` (kubectl `pkg/cmd/label/label.go` and
/// `pkg/cmd/annotate/annotate.go`, v0.32.4): `KEY=VALUE` sets, `KEY-` removes, `--overwrite`
/// allows replacing; the objects come from `TYPE NAME...`, `TYPE/NAME`, `--all`, `-l`,
/// `--field-selector`, `-A` or `-f FILE`, and `--local` changes the files' objects without a
/// cluster; `--list`, `-o`, `--dry-run` and `--resource-version` as kubectl has them.
enum LabelCommand {
  /// Which map the command edits.
  enum Target {
    case labels, annotations

    var command: String { self == .labels ? "label" : "annotate" }
    var noun: String { self == .labels ? "label" : "annotation" }
  }

  static let flags: [FlagParser.Spec] =
    [
      .init(name: "overwrite", short: nil, takesValue: false),
      .init(name: "all", short: nil, takesValue: false),
      .init(name: "all-namespaces", short: "A", takesValue: false),
      .init(name: "selector", short: "l", takesValue: true),
      .init(name: "field-selector", short: nil, takesValue: true),
      .init(name: "list", short: nil, takesValue: false),
      .init(name: "local", short: nil, takesValue: false),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "filename", short: "f", takesValue: true, repeatable: true),
      .init(name: "recursive", short: "R", takesValue: false),
      .init(name: "resource-version", short: nil, takesValue: true),
      // kubebook records no managedFields, so the manager's name changes nothing visible.
      .init(name: "field-manager", short: nil, takesValue: true),
    ] + OutputFormat.templateFlags

  /// The changes the arguments ask for.
  struct Changes {
    var sets: [String: String] = [:]
    var removals: [String] = []
  }

  static func run(_ arguments: [String], target: Target, context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let command = target.command
    let parsed = try FlagParser(command: command, specs: flags).parse(arguments)
    let (resources, pairs) = try resourcesAndPairs(parsed.positional, target: target)
    let changes = try target == .labels ? parseLabels(pairs) : parseAnnotations(pairs)
    let list = parsed.flag("list")
    let outputFlag = parsed.value("output") ?? ""
    if list && !outputFlag.isEmpty { throw .plain("--list and --output may not be specified together") }
    let selectorText = parsed.value("selector") ?? ""
    let all = parsed.flag("all")
    if all && !selectorText.isEmpty { throw .plain("cannot set --all and --selector at the same time") }
    if all && !(parsed.value("field-selector") ?? "").isEmpty {
      throw .plain("cannot set --all and --field-selector at the same time")
    }
    let dryRun = try DryRun.mode(parsed.value("dry-run"))
    let serverDryRun = dryRun == .server
    let clientDryRun = dryRun == .client
    let local = parsed.flag("local")
    let paths = parsed.all("filename")
    let file = target == .labels ? "pod" : "rsrc"
    if local {
      if serverDryRun { throw .plain("cannot specify --local and --dry-run=server - did you mean --dry-run=client?") }
      if !resources.isEmpty {
        throw .plain(
          "can only use local files by -f \(file).yaml or --filename=\(file == "pod" ? "pod" : "rsrc").json when --local=true is set"
        )
      }
      if paths.isEmpty {
        throw .plain(
          "one or more files must be specified as -f \(file).yaml or --filename=\(file == "pod" ? "pod" : "rsrc").json")
      }
    } else if resources.isEmpty && paths.isEmpty {
      throw .plain("one or more resources must be specified as <resource> <name> or <resource>/<name>")
    }
    if changes.sets.isEmpty && changes.removals.isEmpty && !list {
      throw .plain("at least one \(target.noun) update is required")
    }
    if target == .annotations {
      let both = changes.removals.filter { changes.sets[$0] != nil }
      if !both.isEmpty {
        throw .plain(
          "can not both modify and remove the following annotation(s) in the same command: \(both.joined(separator: ", "))"
        )
      }
    }
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    let (objects, one) = try selectedObjects(
      resources: resources, paths: paths, local: local, parsed: parsed, context: context)
    if !local {
      // The builder GETs each named object (`Latest()`, helper.go:105), or lists each type
      // with the selectors (helper.go:113; label.go asks for no chunks, so no `limit`).
      let requests = (try? ResourceArguments.parse(resources)) ?? []
      if paths.isEmpty && requests.contains(where: \.names.isEmpty) {
        var query: [(String, String)] = []
        if let text = parsed.value("selector"), !text.isEmpty { query.append(("labelSelector", text)) }
        if let text = parsed.value("field-selector"), !text.isEmpty { query.append(("fieldSelector", text)) }
        let namespace = parsed.flag("all-namespaces") ? nil : context.namespace(parsed)
        for request in requests {
          let listed = objects.compactMap(\.live).filter { $0.type == request.type }
          let now = context.cluster.now
          let version = context.cluster.currentResourceVersion
          context.rest.record(
            "GET", RESTCall.path(request.type, namespace: namespace) + RESTCall.query(query), caller: "helper.go:113",
            responseBody: ServerJSON.body(
              ServerJSON.list(request.type, items: listed.map { $0.json(now: now) }, resourceVersion: version)))
        }
      } else {
        for object in objects { if let live = object.live { context.rest.getObject(live, now: context.cluster.now) } }
      }
    }
    let resourceVersion = parsed.value("resource-version") ?? ""
    if !one && !resourceVersion.isEmpty { throw .plain("--resource-version may only be used with a single resource") }
    let suffix = dryRun.suffix
    var changedCluster = false
    for object in objects {
      let key = target == .labels ? "labels" : "annotations"
      let current = object.json["metadata"]?[key]
      var map = current.map(Self.map(of:)) ?? [:]
      if !parsed.flag("overwrite") { try refuseOverwrites(changes.sets, in: map, target: target) }
      let applyingToServer = !(clientDryRun || local || list)
      if applyingToServer && target == .labels {
        for key in changes.removals where map[key] == nil { output.line("label \(GoUnquote.quote(key)) not found.") }
      }
      for (key, value) in changes.sets { map[key] = value }
      for key in changes.removals { map[key] = nil }
      if list {
        if !one {
          let kind = object.json["kind"]?.stringValue ?? ""
          let group = (object.json["apiVersion"]?.stringValue ?? "").split(separator: "/").dropLast().joined()
          output.line("Listing \(key) for \(kind).\(group)/\(object.name):")
        }
        // kubectl ranges over a Go map; kubebook lists the keys in order.
        for (name, value) in map.sorted(by: { $0.key < $1.key }) { output.line((one ? "" : " ") + "\(name)=\(value)") }
        continue
      }
      // `updateDataChangeMsg` compares the JSON before and after: the map is written back even
      // when empty, and a set --resource-version is part of the new object only.
      let before = (current.map { JSONPrinter.print($0, sortKeys: true).count } ?? -1)
      let after = JSONPrinter.print(.stringMap(map), sortKeys: true).count
      let sameMap = current.map { Self.map(of: $0) == map } ?? false
      let unchanged = sameMap && resourceVersion.isEmpty
      var operation = target == .labels ? "labeled" : "annotated"
      if target == .labels {
        if unchanged {
          operation = "not labeled"
        } else if !parsed.flag("overwrite") && resourceVersion.isEmpty && after < before {
          operation = "unlabeled"
        }
      }
      var changed = object.json.settingMetadata(key, to: .stringMap(map))
      if applyingToServer, let live = object.live {
        if !resourceVersion.isEmpty && resourceVersion != String(live.metadata.resourceVersion) {
          throw KubectlError(
            text:
              "Error from server (Conflict): Operation cannot be fulfilled on \(live.type.qualifiedResource) \"\(live.metadata.name)\": the object has been modified; please apply your changes to the latest version and try again"
          )
        }
        if context.rest.isRecording {
          recordPatch(
            live, key: key, from: current.map(Self.map(of:)) ?? [:], to: map, target: target,
            serverDryRun: serverDryRun, rest: &context.rest)
        }
        if !serverDryRun && !sameMap, let custom = live.base as? CustomResource {
          try CustomResources.update(custom.object, to: changed, context: &context)
          changedCluster = true
        } else if !serverDryRun && !sameMap {
          let meta = live.metadata
          let labels = target == .labels ? map : meta.labels
          let annotations = target == .annotations ? map : meta.annotations
          let updated = context.cluster.updateObjectMetadata(
            kind: live.type.kind, namespace: meta.namespace ?? "", name: meta.name, labels: labels,
            annotations: annotations)
          // Every other kind kept in a store of its own: one generic write.
          if !updated, let stored = live.base as? any StoredResource {
            _ = context.cluster.replaceMetadata(of: stored, labels: labels, annotations: annotations)
          }
          changedCluster = true
        }
        if !serverDryRun,
          let stored = APIObject.lookup(
            live.type, name: live.metadata.name, namespace: live.metadata.namespace ?? "", cluster: context.cluster)
        {
          changed = stored.json(now: context.cluster.now)
        }
        context.rest.answerLast(ServerJSON.body(ServerJSON.object(changed)))
      }
      switch format {
      case .yaml, .json, .jsonPath, .goTemplate:
        output.write(try format.printed(served: context.served(changed, format: format)))
      case .name: output.line(object.qualifiedName)
      default: output.line(object.qualifiedName + " " + operation + suffix)
      }
    }
    if changedCluster { try context.settle() }
  }

  /// The PATCH label.go and annotate.go send for one live object (`helper.Patch` with a merge
  /// patch, cli-runtime `resource/helper.go:269`): `jsonpatch.CreateMergePatch` of the object
  /// before and after, which for a map of strings holds the changed keys and `null` for the
  /// removed ones (Go marshals map keys sorted), under `?fieldManager=kubectl-label` or
  /// `kubectl-annotate` (`AddFieldManagerFlagVar`) and `dryRun=All` for a server dry run.
  /// kubectl patches even when nothing changes (`{}`).
  static func recordPatch(
    _ live: APIObject, key: String, from old: [String: String], to new: [String: String], target: Target,
    serverDryRun: Bool, rest: inout RESTRecorder
  ) {
    var changes: [(String, JSONValue)] = []
    for name in Set(old.keys).union(new.keys).sorted() where old[name] != new[name] {
      changes.append((name, new[name].map(JSONValue.string) ?? .null))
    }
    let patch: JSONValue = changes.isEmpty ? .object([]) : .object([("metadata", .object([(key, .object(changes))]))])
    var query = [("fieldManager", target == .labels ? "kubectl-label" : "kubectl-annotate")]
    if serverDryRun { query.append(("dryRun", "All")) }
    let meta = live.metadata
    rest.record(
      "PATCH", RESTCall.path(live.type, namespace: meta.namespace ?? "", name: meta.name) + RESTCall.query(query),
      caller: "helper.go:269", contentType: "application/merge-patch+json", requestBody: ServerJSON.encode(patch))
  }

  /// One object the command works on: its JSON (the live object's, or a local file's), its
  /// `kind[.group]/name`, and the live object when there is one.
  struct Selected {
    var json: JSONValue
    var name: String
    var qualifiedName: String
    var live: APIObject?
  }

  /// The objects the arguments select, and whether they imply a single item
  /// (`IntoSingleItemImplied`: one name, or one file's object).
  static func selectedObjects(
    resources: [String], paths: [String], local: Bool, parsed: FlagParser.Parsed, context: CommandContext
  ) throws(KubectlError) -> (objects: [Selected], one: Bool) {
    let namespace = context.namespace(parsed)
    let now = context.cluster.now
    if !paths.isEmpty {
      if !local && !resources.isEmpty {
        throw .plain("resource/name arguments cannot be provided when a path is specified")
      }
      var selected: [Selected] = []
      for object in try FileObject.read(
        paths, namespace: namespace, recursive: parsed.flag("recursive"), context: context)
      {
        let kind = object.kind.lowercased()
        let group = (object.json["apiVersion"]?.stringValue ?? "").split(separator: "/").dropLast().joined()
        let qualified = (group.isEmpty ? kind : kind + "." + group) + "/" + object.name
        if local {
          selected.append(Selected(json: object.json, name: object.name, qualifiedName: qualified, live: nil))
          continue
        }
        guard let type = object.type else {
          throw .plain("kubebook does not simulate \(object.kind) objects")
        }
        guard
          let live = APIObject.lookup(type, name: object.name, namespace: object.namespace, cluster: context.cluster)
        else { throw .api(.notFound(resource: type.qualifiedResource, name: object.name)) }
        selected.append(
          Selected(json: live.json(now: now), name: object.name, qualifiedName: live.qualifiedName, live: live))
      }
      return (selected, selected.count == 1 && paths.count == 1)
    }
    let requests = try ResourceArguments.parse(resources, cluster: context.cluster)
    let all = parsed.flag("all")
    let selectorText = parsed.value("selector") ?? ""
    let fieldSelection = FieldSelection(parsed)
    let allNamespaces = parsed.flag("all-namespaces")
    var selected: [Selected] = []
    var one = false
    for request in requests {
      if request.names.isEmpty {
        guard all || !selectorText.isEmpty || fieldSelection != nil else {
          throw .plain("resource(s) were provided, but no name was specified")
        }
        var selector = LabelSelector.everything
        if !selectorText.isEmpty {
          do { selector = try LabelSelector.parse(selectorText) } catch {
            throw .plain("unable to parse requirement: \(error.message)")
          }
        }
        var fieldSelector = FieldSelector.everything
        if let fieldSelection {
          switch fieldSelection.selector(for: request.type) {
          case .success(let converted): fieldSelector = converted
          case .failure(let error): throw error
          }
        }
        for object in APIObject.list(request.type, namespace: allNamespaces ? nil : namespace, cluster: context.cluster)
        where selector.matches(object.metadata.labels) && fieldSelector.matches(object.selectableFields) {
          selected.append(
            Selected(
              json: object.json(now: now), name: object.metadata.name, qualifiedName: object.qualifiedName, live: object
            ))
        }
        continue
      }
      if !selectorText.isEmpty || fieldSelection != nil || all { try ResourceArguments.refuseNames(resources) }
      one = requests.count == 1 && request.names.count == 1
      for name in request.names {
        guard let object = APIObject.lookup(request.type, name: name, namespace: namespace, cluster: context.cluster)
        else { throw .api(.notFound(resource: request.type.qualifiedResource, name: name)) }
        selected.append(
          Selected(json: object.json(now: now), name: name, qualifiedName: object.qualifiedName, live: object))
      }
    }
    return (selected, one)
  }

  /// `cmdutil.GetResourcesAndPairs`: the words before the first change are resources, the
  /// rest changes.
  static func resourcesAndPairs(_ words: [String], target: Target) throws(KubectlError) -> ([String], [String]) {
    var resources: [String] = []
    var pairs: [String] = []
    for word in words {
      let isPair = (word.contains("=") && !word.hasPrefix("=")) || (word.hasSuffix("-") && word != "-")
      if isPair {
        pairs.append(word)
      } else if pairs.isEmpty {
        resources.append(word)
      } else {
        throw .plain("all resources must be specified before \(target.noun) changes: \(word)")
      }
    }
    return (resources, pairs)
  }

  /// `parseLabels`: `KEY=VALUE` with a valid label value, or `KEY-`.
  static func parseLabels(_ pairs: [String]) throws(KubectlError) -> Changes {
    var changes = Changes()
    for pair in pairs {
      if pair.contains("=") {
        let parts = pair.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else { throw .plain("invalid label spec: \(pair)") }
        let problems = Validation.labelValueErrors(parts[1])
        if !problems.isEmpty {
          throw .plain("invalid label value: \(GoUnquote.quote(pair)): \(problems.joined(separator: ";"))")
        }
        changes.sets[parts[0]] = parts[1]
      } else if pair.hasSuffix("-") {
        changes.removals.append(String(pair.dropLast()))
      } else {
        throw .plain("unknown label spec: \(pair)")
      }
    }
    if changes.removals.contains(where: { changes.sets[$0] != nil }) {
      throw .plain("can not both modify and remove a label in the same command")
    }
    return changes
  }

  /// `cmdutil.ParsePairs(..., "annotation", true)`: `KEY=VALUE` (the value may hold `=`) or
  /// `KEY-`; the invalid ones listed together.
  static func parseAnnotations(_ pairs: [String]) throws(KubectlError) -> Changes {
    var changes = Changes()
    var invalid: [String] = []
    for pair in pairs {
      if pair.contains("="), !pair.hasPrefix("="), let equals = pair.firstIndex(of: "=") {
        changes.sets[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
      } else if pair.hasSuffix("-") && pair != "-" {
        changes.removals.append(String(pair.dropLast()))
      } else {
        invalid.append(pair)
      }
    }
    if !invalid.isEmpty { throw .plain("invalid annotation format: \(invalid.joined(separator: ", "))") }
    return changes
  }

  /// Without `--overwrite`, a new value for an existing key is refused (`validateNoOverwrites`,
  /// `validateNoAnnotationOverwrites`, which lets `kubernetes.io/change-cause` through). kubectl
  /// ranges over a Go map; kubebook reports the keys in order.
  static func refuseOverwrites(_ sets: [String: String], in map: [String: String], target: Target)
    throws(KubectlError)
  {
    let clashes = sets.keys.sorted().filter { key in
      (target == .labels || key != "kubernetes.io/change-cause") && map[key] != nil && map[key] != sets[key]
    }
    guard !clashes.isEmpty else { return }
    if target == .annotations {
      let list = clashes.map { "'\($0)' already has a value (\(map[$0] ?? ""))" }.joined(separator: "; ")
      throw .plain("--overwrite is false but found the following declared annotation(s): \(list)")
    }
    let messages = clashes.map { "'\($0)' already has a value (\(map[$0] ?? "")), and --overwrite is false" }
    // `utilerrors.NewAggregate`: kubectl prints one error with `error: `, several one per line.
    if messages.count == 1 { throw .plain(messages[0]) }
    throw KubectlError(text: messages.joined(separator: "\n"))
  }

  /// The string map a JSON object holds.
  static func map(of value: JSONValue) -> [String: String] {
    [String: String]((value.objectValue ?? []).map { ($0.0, $0.1.stringValue ?? "") }, uniquingKeysWith: { $1 })
  }
}

extension JSONValue {
  /// The object with `metadata.KEY` set to `value`.
  fileprivate func settingMetadata(_ key: String, to value: JSONValue) -> JSONValue {
    guard case .object(var members) = self else { return self }
    var metadata = self["metadata"]?.objectValue ?? []
    if let index = metadata.firstIndex(where: { $0.0 == key }) {
      metadata[index].1 = value
    } else {
      metadata.append((key, value))
    }
    if let index = members.firstIndex(where: { $0.0 == "metadata" }) {
      members[index].1 = .object(metadata)
    } else {
      members.append(("metadata", .object(metadata)))
    }
    return .object(members)
  }
}
