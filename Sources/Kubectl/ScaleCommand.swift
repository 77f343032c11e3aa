import KubeSim

/// `kubectl scale TYPE/NAME... --replicas=N` (or `TYPE NAME...`): every kind with the
/// `/scale` subresource (``ScalableResource``), each object in turn.
enum ScaleCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "replicas", short: nil, takesValue: true, integerBits: 64),
    .init(name: "current-replicas", short: nil, takesValue: true, integerBits: 64),
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
    let requests = try ResourceArguments.parse(parsed.positional)
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
    // `RunScale`: the objects are fetched first; those not found are reported at the end.
    var found: [(kind: any ScalableResource.Type, target: WorkloadTarget)] = []
    var missing: [APIError] = []
    for request in requests {
      if request.names.isEmpty { throw .plain("resource(s) were provided, but no name was specified") }
      for name in request.names {
        let target = WorkloadTarget(type: request.type, name: name, namespace: namespace)
        guard let kind = request.type.served as? any ScalableResource.Type else {
          throw .plain("cannot use scale on \(target.type.kind.lowercased()) \"\(target.name)\"")
        }
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
        try scale(kind, target, to: replicas, expecting: parsed.integer("current-replicas"), context: &context)
      }
      output.line(target.qualifiedName + " scaled" + dryRun.suffix)
    }
    try context.finish(dryRun, restoring: saved)
    if !missing.isEmpty {
      for error in missing { output.line(KubectlError.api(error).text) }
      context.failed = true
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
