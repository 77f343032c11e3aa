import KubeSim

/// `kubectl delete`: by name, `TYPE/NAME`, `-f`, `-l`, `--field-selector` or `--all`; then waits (in virtual
/// time) until the objects are gone, as `--wait=true` does.
enum DeleteCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "filename", short: "f", takesValue: true, repeatable: true),
    .init(name: "selector", short: "l", takesValue: true),
    .init(name: "field-selector", short: nil, takesValue: true),
    .init(name: "all", short: nil, takesValue: false),
    .init(name: "grace-period", short: nil, takesValue: true, integerBits: 64),
    .init(name: "now", short: nil, takesValue: false),
    .init(name: "force", short: nil, takesValue: false),
    .init(name: "wait", short: nil, takesValue: false),
    .init(name: "cascade", short: nil, takesValue: true),
    .init(name: "ignore-not-found", short: nil, takesValue: false),
    .init(name: "output", short: "o", takesValue: true),
    .init(name: "dry-run", short: nil, takesValue: true),
    .init(name: "recursive", short: "R", takesValue: false),
  ]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "delete", specs: flags).parse(arguments)
    let namespace = context.namespace(parsed)
    var targets: [(type: ResourceType, name: String, namespace: String)] = []
    var errors: [String] = []
    let paths = parsed.all("filename")
    let fieldSelection = FieldSelection(parsed)
    if parsed.flag("all") && (fieldSelection != nil || !(parsed.value("selector") ?? "").allSatisfy(\.isWhitespace)) {
      // The builder's `SelectAllParam`, trailing space included.
      throw .plain("setting 'all' parameter but found a non empty selector. ")
    }
    if !paths.isEmpty {
      for (path, value) in try ManifestFiles.documents(
        paths, recursive: parsed.flag("recursive"), context: context)
      {
        try ApplyCommand.validateTypeFields(value, source: path)
        guard
          let type = ResourceType.all.first(where: { $0.kind == value["kind"]?.stringValue })
            ?? CustomResources.type(of: value, in: context.cluster)
        else {
          throw .plain("kubebook does not simulate deleting \(value["kind"]?.stringValue ?? "") objects yet")
        }
        let name = value["metadata"]?["name"]?.stringValue ?? ""
        targets.append((type, name, value["metadata"]?["namespace"]?.stringValue ?? namespace))
      }
    } else {
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
      let requests = try ResourceArguments.parse(parsed.positional, cluster: context.cluster)
      if fieldSelection != nil { try ResourceArguments.refuseNames(parsed.positional) }
      for request in requests {
        if request.names.isEmpty {
          guard parsed.flag("all") || parsed.value("selector") != nil || fieldSelection != nil else {
            throw .plain("resource(s) were provided, but no name was specified")
          }
          var selector = LabelSelector.everything
          if let text = parsed.value("selector") {
            do { selector = try LabelSelector.parse(text) } catch {
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
          let listed = GetCommand.list(request.type, namespace: namespace, cluster: context.cluster).filter {
            selector.matches($0.metadata.labels) && fieldSelector.matches($0.selectableFields)
          }
          for object in listed { targets.append((request.type, object.metadata.name, namespace)) }
          // The builder lists the type with the selectors (helper.go:113; no chunks, no limit).
          var query: [(String, String)] = []
          if let text = parsed.value("selector"), !text.isEmpty { query.append(("labelSelector", text)) }
          if let text = parsed.value("field-selector"), !text.isEmpty { query.append(("fieldSelector", text)) }
          let now = context.cluster.now
          let version = context.cluster.currentResourceVersion
          context.rest.record(
            "GET", RESTCall.path(request.type, namespace: namespace) + RESTCall.query(query), caller: "helper.go:113",
            responseBody: ServerJSON.body(
              ServerJSON.list(request.type, items: listed.map { $0.json(now: now) }, resourceVersion: version)))
        } else {
          for name in request.names { targets.append((request.type, name, namespace)) }
        }
      }
      if targets.isEmpty {
        output.line("No resources found")
        return
      }
    }
    let force = parsed.flag("force")
    var grace: Int? = parsed.flag("now") ? 1 : nil
    if let text = parsed.value("grace-period") {
      // An IntVar: strconv.ParseInt(text, 0, 64).
      switch GoStrconv.parseInt(text, base: 0) {
      case .success(let seconds): grace = Int(seconds)
      case .failure(let error):
        throw .flag("invalid argument \"\(text)\" for \"--grace-period\" flag: \(error.message)", command: "delete")
      }
    }
    if force && grace == 0 {
      output.line(
        "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely."
      )
    }
    var propagation = Cluster.Propagation.background
    switch parsed.value("cascade") {
    case nil, "background", "true": propagation = .background
    case "foreground": propagation = .foreground
    case "orphan", "false": propagation = .orphan
    case let other?:
      throw .plain("invalid cascade value (\(other)). Must be \"background\", \"foreground\", or \"orphan\".")
    }
    let options = DeleteOptions(propagation: propagation, gracePeriod: grace, force: force)
    let dryRun = try DryRun.mode(parsed.value("dry-run"))
    let saved = context.cluster
    // What `--wait` waits for: each deleted object gone from the store.
    var waits: [@Sendable (Cluster) -> Bool] = []
    // The deleted objects and the cluster right after each deletion, for the wait's requests.
    var waited: [(target: (type: ResourceType, name: String, namespace: String), cluster: Cluster)] = []
    for target in targets {
      // A server dry run answers each request against the stored objects, untouched.
      if dryRun == .server { context.cluster = saved }
      let kind = target.type.served
      guard kind != nil || CustomResources.defines(target.type, in: context.cluster) else {
        throw .plain("kubebook does not simulate deleting \(target.type.plural) yet")
      }
      let previous =
        context.rest.isRecording
        ? APIObject.lookup(target.type, name: target.name, namespace: target.namespace, cluster: context.cluster) : nil
      let deletion: Deletion?
      do throws(APIError) {
        if dryRun == .client {
          // delete.go: a client dry run prints each object it found and sends nothing.
          guard
            APIObject.lookup(target.type, name: target.name, namespace: target.namespace, cluster: context.cluster)
              != nil
          else { throw APIError.notFound(resource: target.type.qualifiedResource, name: target.name) }
          deletion = Deletion(verb: "deleted")
        } else if let kind {
          deletion = try delete(kind, target.name, namespace: target.namespace, options, &context.cluster)
        } else {
          deletion = try CustomResources.deleter(target.type).delete(
            target.name, target.namespace, options, &context.cluster)
        }
      } catch {
        if case .notFound = error, dryRun != .client {
          context.rest.record(
            "DELETE", RESTCall.path(target.type, namespace: target.namespace, name: target.name), status: 404,
            caller: "helper.go:202", contentType: "application/json",
            requestBody: ServerJSON.body(
              deleteOptions(propagation: propagation, grace: grace, serverDryRun: dryRun == .server)),
            responseBody: ServerJSON.body(ServerJSON.notFound(target.type, name: target.name)))
        }
        if case .notFound = error, parsed.flag("ignore-not-found") { continue }
        errors.append(KubectlError.api(error).text)
        continue
      }
      guard let deletion else { throw .plain("kubebook does not simulate deleting \(target.type.plural) yet") }
      if dryRun != .client && context.rest.isRecording {
        recordDelete(
          target, previous: previous, propagation: propagation, grace: grace, serverDryRun: dryRun == .server,
          context: &context)
        if dryRun == .none && parsed.value("wait") != "false" { waited.append((target, context.cluster)) }
      }
      let qualified = target.type.qualifiedKind
      output.line(
        parsed.value("output") == "name"
          ? "\(qualified)/\(target.name)" : "\(qualified) \"\(target.name)\" \(deletion.verb)\(dryRun.suffix)")
      if let isGone = deletion.isGone { waits.append(isGone) }
    }
    for (target, cluster) in waited { recordWait(target, cluster: cluster, rest: &context.rest) }
    if dryRun != .none {
      // A dry run does not wait; the server's leaves the store as it was.
      try context.finish(dryRun, restoring: saved)
    } else if parsed.value("wait") != "false" && !waits.isEmpty {
      let maxGrace = 3600
      try context.wait(seconds: Int64(maxGrace)) { cluster in waits.allSatisfy { $0(cluster) } }
    } else {
      try context.settle()
    }
    if !errors.isEmpty {
      for error in errors { output.line(error) }
      context.failed = true
    }
  }

  /// The request of one deletion: helper.go's `DeleteWithOptions` (cli-runtime
  /// `resource/helper.go:189-202`; delete.go asks for no object first, `RequireObject(false)`)
  /// with the `DeleteOptions` body kubectl builds (delete.go:393-397: `gracePeriodSeconds`
  /// when given, `propagationPolicy`; `dryRun` for a server dry run), encoded by the
  /// unstructured client's codec (cli-runtime `resource/scheme.go:57-60`, apimachinery
  /// `unstructured/helpers.go:399`: `json.NewEncoder(w).Encode`, so a newline ends it), answered with the object
  /// while it terminates (and a pod, whose registry returns the deleted object) or a Success
  /// Status naming it (the generic store's `finalizeDelete`).
  static func recordDelete(
    _ target: (type: ResourceType, name: String, namespace: String), previous: APIObject?,
    propagation: Cluster.Propagation, grace: Int?, serverDryRun: Bool, context: inout CommandContext
  ) {
    let cluster = context.cluster
    let now = cluster.now
    let remaining = APIObject.lookup(target.type, name: target.name, namespace: target.namespace, cluster: cluster)
    let answer: JSONValue
    if let remaining, !serverDryRun {
      answer = ServerJSON.object(remaining.json(now: now))
    } else if target.type == .pods, let previous {
      answer = ServerJSON.object(previous.json(now: now))
    } else {
      var details: [(String, JSONValue)] = [("name", .string(target.name))]
      if !target.type.group.isEmpty { details.append(("group", .string(target.type.group))) }
      details.append(("kind", .string(target.type.plural)))
      if let previous { details.append(("uid", .string(previous.metadata.uid))) }
      answer = .object([
        ("kind", .string("Status")), ("apiVersion", .string("v1")), ("metadata", .object([])),
        ("status", .string("Success")), ("details", .object(details)),
      ])
    }
    context.rest.record(
      "DELETE", RESTCall.path(target.type, namespace: target.namespace, name: target.name), caller: "helper.go:202",
      contentType: "application/json",
      requestBody: ServerJSON.body(deleteOptions(propagation: propagation, grace: grace, serverDryRun: serverDryRun)),
      responseBody: ServerJSON.body(answer))
  }

  /// The `DeleteOptions` kubectl sends (delete.go:393-397), in the Go struct's field order.
  static func deleteOptions(propagation: Cluster.Propagation, grace: Int?, serverDryRun: Bool) -> JSONValue {
    var options: [(String, JSONValue)] = []
    if let grace { options.append(("gracePeriodSeconds", .int(Int64(grace)))) }
    let policy: String
    switch propagation {
    case .background: policy = "Background"
    case .foreground: policy = "Foreground"
    case .orphan: policy = "Orphan"
    }
    options.append(("propagationPolicy", .string(policy)))
    if serverDryRun { options.append(("dryRun", .array([.string("All")]))) }
    return .object(options)
  }

  /// `--wait`'s first request for a deleted object, after every deletion: a GET through the
  /// dynamic client (kubectl `pkg/cmd/wait/delete.go:45`, client-go `dynamic/simple.go:247`),
  /// NotFound once it is gone. kubebook does not list the watch that follows when it is still
  /// there; it says so.
  static func recordWait(
    _ target: (type: ResourceType, name: String, namespace: String), cluster: Cluster, rest: inout RESTRecorder
  ) {
    let remaining = APIObject.lookup(target.type, name: target.name, namespace: target.namespace, cluster: cluster)
    rest.getObject(
      target.type, name: target.name, namespace: target.namespace, found: remaining, now: cluster.now,
      caller: "simple.go:247")
    if remaining != nil {
      rest.note("kubebook: the list and watch kubectl delete --wait makes until the object is gone are not shown")
    }
  }

  /// Deletes one object of `Kind` through its deleter; nil when the kind has none.
  static func delete<Kind: KubectlResource>(
    _: Kind.Type, _ name: String, namespace: String, _ options: DeleteOptions, _ cluster: inout Cluster
  ) throws(APIError) -> Deletion? {
    guard let deleter = Kind.deleter else { return nil }
    return try deleter.delete(name, namespace, options, &cluster)
  }
}
