import KubeSim

/// `kubectl scale TYPE/NAME... --replicas=N` (or `TYPE NAME...`, `-f FILE`, `TYPE -l
/// SELECTOR`, `TYPE --all`): every kind with the `/scale` subresource
/// (``ScalableResource``), each object in turn.
enum ScaleCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "replicas", short: nil, takesValue: true, integerBits: 64),
    .init(name: "current-replicas", short: nil, takesValue: true, integerBits: 64),
    .init(name: "filename", short: "f", takesValue: true, repeatable: true),
    .init(name: "recursive", short: "R", takesValue: false),
    .init(name: "selector", short: "l", takesValue: true),
    .init(name: "all", short: nil, takesValue: false),
    .init(name: "dry-run", short: nil, takesValue: true),
  ]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "scale", specs: flags).parse(arguments)
    guard let replicas = parsed.integer("replicas"), replicas >= 0 else {
      throw .plain("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0")
    }
    let dryRun = try DryRun.mode(parsed.value("dry-run"))
    let namespace = context.namespace(parsed)
    var requests: [ResourceArguments.Request] = []
    let paths = parsed.all("filename")
    if !paths.isEmpty {
      if !parsed.positional.isEmpty {
        throw .plain("resource/name arguments cannot be provided when a path is specified")
      }
      for object in try FileObject.read(
        paths, namespace: namespace, recursive: parsed.flag("recursive"), context: context)
      {
        guard let type = object.type else { throw .plain("kubebook does not simulate scaling \(object.kind) objects") }
        requests.append(.init(type: type, names: [object.name], namespace: object.namespace))
      }
    } else {
      requests = try ResourceArguments.parse(parsed.positional)
    }
    if requests.isEmpty {
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
    let selectorText = parsed.value("selector")
    if selectorText != nil || parsed.flag("all") {
      if parsed.flag("all") && !(selectorText ?? "").allSatisfy(\.isWhitespace) {
        throw .plain("setting 'all' parameter but found a non empty selector. ")
      }
      try ResourceArguments.refuseNames(parsed.positional)
      var selector = LabelSelector.everything
      if let selectorText {
        do { selector = try LabelSelector.parse(selectorText) } catch {
          throw .plain("unable to parse requirement: \(error.message)")
        }
      }
      requests = requests.map { request in
        let names = APIObject.list(request.type, namespace: namespace, cluster: context.cluster)
          .filter { selector.matches($0.metadata.labels) }.map(\.metadata.name)
        return .init(type: request.type, names: names)
      }
      if requests.allSatisfy(\.names.isEmpty) { throw .plain("no objects passed to scale") }
    }
    // `RunScale`: the objects are fetched first; those not found are reported at the end.
    var found: [(kind: any ScalableResource.Type, target: WorkloadTarget)] = []
    var missing: [APIError] = []
    for request in requests {
      if request.names.isEmpty { throw .plain("resource(s) were provided, but no name was specified") }
      for name in request.names {
        let target = WorkloadTarget(type: request.type, name: name, namespace: request.namespace ?? namespace)
        guard let kind = request.type.served as? any ScalableResource.Type else {
          throw .plain("cannot use scale on \(target.type.kind.lowercased()) \"\(target.name)\"")
        }
        // The resource builder GETs each named object (helper.go:105).
        let object = APIObject.lookup(request.type, name: name, namespace: target.namespace, cluster: context.cluster)
        context.rest.getObject(
          request.type, name: name, namespace: target.namespace, found: object, now: context.cluster.now)
        if exists(kind, target, in: context.cluster) {
          found.append((kind, target))
        } else {
          missing.append(.notFound(resource: target.type.qualifiedResource, name: target.name))
        }
      }
    }
    if found.isEmpty {
      let reason = missing.count == 1 ? missing[0].message : "[" + missing.map(\.message).joined(separator: ", ") + "]"
      throw .plain("no objects passed to scale " + reason)
    }
    let saved = context.cluster
    for (kind, target) in found {
      // A server dry run answers each request against the stored objects, untouched.
      if dryRun == .server { context.cluster = saved }
      // scale.go: a client dry run prints the object it would scale and sends nothing.
      if dryRun != .client {
        let before = context.cluster
        let expected = parsed.integer("current-replicas")
        try scale(kind, target, to: replicas, expecting: expected, context: &context)
        recordScale(
          target, replicas: replicas, precondition: expected != nil, dryRun: dryRun == .server, before: before,
          after: context.cluster, rest: &context.rest)
      }
      output.line(target.qualifiedName + " scaled" + dryRun.suffix)
    }
    try context.finish(dryRun, restoring: saved)
    if !missing.isEmpty {
      for error in missing { output.line(KubectlError.api(error).text) }
      context.failed = true
    }
  }

  /// The scale client's requests (kubectl `pkg/scale/scale.go` `ScaleSimple`): a merge PATCH of
  /// `/scale` with `{"spec":{"replicas":N}}` (client-go `scale/client.go:232`); with a
  /// precondition (`--current-replicas`), a GET of the Scale (client.go:168) and a PUT of it
  /// with the new count (client.go:211). The answers are the Scale before and after.
  static func recordScale(
    _ target: WorkloadTarget, replicas: Int, precondition: Bool, dryRun: Bool, before: Cluster, after: Cluster,
    rest: inout RESTRecorder
  ) {
    guard rest.isRecording else { return }
    func scaleJSON(_ cluster: Cluster) -> JSONValue? {
      APIObject.lookup(target.type, name: target.name, namespace: target.namespace, cluster: cluster).flatMap {
        ScaleSubresource.json(of: $0, now: cluster.now)
      }
    }
    let path = RESTCall.path(target.type, namespace: target.namespace, name: target.name) + "/scale"
    let query = dryRun ? RESTCall.query([("dryRun", "All")]) : ""
    let updated = scaleJSON(after).map { ServerJSON.body(ServerJSON.object($0)) } ?? ""
    if precondition {
      let current = scaleJSON(before).map { ServerJSON.object($0) } ?? .object([])
      rest.record("GET", path, caller: "client.go:168", responseBody: ServerJSON.body(current))
      let sent = current.setting("spec", .object([("replicas", .int(Int64(replicas)))]))
      rest.record(
        "PUT", path + query, caller: "client.go:211", contentType: "application/json",
        requestBody: ServerJSON.body(sent), responseBody: updated)
    } else {
      rest.record(
        "PATCH", path + query, caller: "client.go:232", contentType: "application/merge-patch+json",
        requestBody: "{\"spec\":{\"replicas\":\(replicas)}}", responseBody: updated)
    }
  }

  /// Whether the object `target` names exists.
  static func exists<Kind: ScalableResource>(_: Kind.Type, _ target: WorkloadTarget, in cluster: Cluster) -> Bool {
    Kind.get(target.name, namespace: target.namespace, in: cluster) != nil
  }

  /// Scales one object of `Kind` through its `/scale` subresource, after the
  /// `--current-replicas` precondition.
  static func scale<Kind: ScalableResource>(
    _: Kind.Type, _ target: WorkloadTarget, to replicas: Int, expecting expected: Int?,
    context: inout CommandContext
  ) throws(KubectlError) {
    guard var object = Kind.get(target.name, namespace: target.namespace, in: context.cluster) else {
      throw target.notFound
    }
    if let expected, expected != object.replicas {
      throw .plain("Expected replicas to be \(expected), was \(object.replicas)")
    }
    object.replicas = replicas
    do { try Kind.writeScale(object, in: &context.cluster) } catch { throw .api(error) }
  }
}
