import KubeSim

/// `kubectl wait --for=condition=NAME|delete TYPE/NAME... [--timeout=30s]`: advances virtual
/// time until every object meets the condition, then prints `<kind>/<name> condition met`
/// (or `deleted`); on timeout, kubectl's "timed out waiting for the condition on ..." error.
enum WaitCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "for", short: nil, takesValue: true),
    .init(name: "timeout", short: nil, takesValue: true, isDuration: true),
  ]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "wait", specs: flags).parse(arguments)
    guard let condition = parsed.value("for") else {
      throw .plain(
        "--for must be set to one of: delete, condition=condition-name, jsonpath='{JSONPath expression}'=[JSONPath value] or create"
      )
    }
    // "Zero means check once and don't wait, negative means wait for a week" (wait.go).
    var timeout = parsed.duration("timeout") ?? 30_000
    if timeout < 0 { timeout = 168 * 3_600_000 }
    let namespace = context.namespace(parsed)
    let requests = try ResourceArguments.parse(parsed.positional)
    var targets: [(type: ResourceType, name: String, uid: String)] = []
    for request in requests {
      for name in request.names {
        guard let object = APIObject.lookup(request.type, name: name, namespace: namespace, cluster: context.cluster)
        else {
          throw .api(.notFound(resource: request.type.qualifiedResource, name: name))
        }
        targets.append((request.type, name, object.metadata.uid))
      }
    }
    guard !targets.isEmpty else { throw .plain("resource name may not be empty") }
    let wanted: String?
    if condition == "delete" {
      wanted = nil
    } else if condition.lowercased().hasPrefix("condition=") {
      wanted = String(condition.dropFirst("condition=".count)).lowercased()
    } else {
      throw .plain("kubebook simulates kubectl wait --for=condition=NAME and --for=delete")
    }
    func met(_ target: (type: ResourceType, name: String, uid: String), _ cluster: Cluster) -> Bool {
      let object = APIObject.lookup(target.type, name: target.name, namespace: namespace, cluster: cluster)
      guard let wanted else { return object?.metadata.uid != target.uid }
      guard let object else { return false }
      return conditions(of: object).contains(wanted)
    }
    try context.wait(seconds: timeout.saturatingAdd(999) / 1000) { cluster in targets.allSatisfy { met($0, cluster) } }
    for target in targets {
      let name = target.type.qualifiedKind + "/" + target.name
      guard met(target, context.cluster) else {
        throw .plain("timed out waiting for the condition on \(target.type.plural)/\(target.name)")
      }
      output.line(name + (wanted == nil ? " condition met" : " condition met"))
    }
  }

  /// The lower-cased types of the conditions that are True on `object`.
  static func conditions(of object: APIObject) -> Set<String> {
    if let job = object.base as? Job { return Set(job.status.conditions.map { $0.type.lowercased() }) }
    if let pod = object.base as? Pod {
      return Set(pod.status.conditions.filter { $0.status == .true }.map { $0.type.lowercased() })
    }
    if let deployment = object.base as? Deployment {
      return Set(deployment.status.conditions.filter { $0.status == .true }.map { $0.type.lowercased() })
    }
    return []
  }
}
