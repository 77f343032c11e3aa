import KubeSim

/// `kubectl wait --for=delete|create|condition=NAME[=VALUE]|jsonpath='{EXPR}'[=VALUE]
/// TYPE/NAME... [--timeout=30s]`: advances virtual time until every object meets the
/// condition (``WaitCondition``), then prints `<kind>/<name> condition met`; on timeout,
/// kubectl's "timed out waiting for the condition on ..." error.
enum WaitCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "for", short: nil, takesValue: true),
    .init(name: "timeout", short: nil, takesValue: true, isDuration: true),
  ]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "wait", specs: flags).parse(arguments)
    let condition = try WaitCondition.parse(parsed.value("for") ?? "")
    // "Zero means check once and don't wait, negative means wait for a week" (wait.go).
    var timeout = parsed.duration("timeout") ?? 30_000
    if timeout < 0 { timeout = 168 * 3_600_000 }
    let seconds = timeout.saturatingAdd(999) / 1000
    let namespace = context.namespace(parsed)
    let requests = try ResourceArguments.parse(parsed.positional)
    var names: [(type: ResourceType, name: String)] = []
    for request in requests {
      for name in request.names { names.append((request.type, name)) }
    }
    guard !names.isEmpty else { throw .plain("resource name may not be empty") }
    func json(_ target: (type: ResourceType, name: String), _ cluster: Cluster) -> JSONValue? {
      APIObject.lookup(target.type, name: target.name, namespace: namespace, cluster: cluster)?.json(now: cluster.now)
    }
    if condition == .created {
      // RunWait polls until the resource finder no longer meets NotFound.
      try context.wait(seconds: seconds) { cluster in names.allSatisfy { json($0, cluster) != nil } }
      guard names.allSatisfy({ json($0, context.cluster) != nil }) else {
        throw .plain("timed out waiting for the condition")
      }
    }
    // The objects as the resource builder finds them; NotFound is ignored for `delete`.
    var targets: [(type: ResourceType, name: String, uid: String)] = []
    for target in names {
      guard
        let object = APIObject.lookup(target.type, name: target.name, namespace: namespace, cluster: context.cluster)
      else {
        if condition == .deleted { continue }
        throw .api(.notFound(resource: target.type.qualifiedResource, name: target.name))
      }
      targets.append((target.type, target.name, object.metadata.uid))
    }
    func met(_ target: (type: ResourceType, name: String, uid: String), _ cluster: Cluster) throws(KubectlError) -> Bool
    {
      try condition.isMet(by: json((target.type, target.name), cluster), uidAtStart: target.uid)
    }
    try context.wait(seconds: seconds) { cluster in targets.allSatisfy { (try? met($0, cluster)) ?? true } }
    for target in targets {
      guard try met(target, context.cluster) else {
        throw .plain("timed out waiting for the condition on \(target.type.plural)/\(target.name)")
      }
      output.line(target.type.qualifiedKind + "/" + target.name + " condition met")
    }
  }
}
