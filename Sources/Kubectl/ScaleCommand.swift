import KubeSim

/// `kubectl scale TYPE/NAME --replicas=N` for Deployments, ReplicaSets and
/// ReplicationControllers.
enum ScaleCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "replicas", short: nil, takesValue: true, integerBits: 64),
    .init(name: "current-replicas", short: nil, takesValue: true, integerBits: 64),
  ]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "scale", specs: flags).parse(arguments)
    guard let replicas = parsed.integer("replicas"), replicas >= 0 else {
      throw .plain("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0")
    }
    let target = try WorkloadTarget.resolve(parsed.positional, namespace: context.namespace(parsed), command: "scale")
    let key = target.namespace + "/" + target.name
    let current: Int?
    switch target.type {
    case .deployments: current = context.cluster.deployments[key]?.replicas
    case .replicaSets: current = context.cluster.replicaSets[key]?.replicas
    case .replicationControllers: current = context.cluster.replicationControllers[key]?.replicas
    case .statefulSets: current = context.cluster.statefulSets[key]?.replicas
    default: throw .plain("cannot use scale on \(target.type.kind.lowercased()) \"\(target.name)\"")
    }
    guard let current else { throw target.notFound }
    if let expected = parsed.integer("current-replicas"), expected != current {
      throw .plain("Expected replicas to be \(expected), was \(current)")
    }
    do {
      switch target.type {
      case .deployments:
        var d = context.cluster.deployments[key]!
        d.replicas = replicas
        try context.cluster.updateDeployment(d)
      case .replicaSets:
        var set = context.cluster.replicaSets[key]!
        set.replicas = replicas
        try context.cluster.updateReplicaSet(set)
      case .statefulSets:
        var set = context.cluster.statefulSets[key]!
        set.replicas = replicas
        try context.cluster.updateStatefulSet(set)
      default:
        var controller = context.cluster.replicationControllers[key]!
        controller.replicas = replicas
        try context.cluster.updateReplicationController(controller)
      }
    } catch {
      throw .api(error)
    }
    try context.settle()
    output.line(target.qualifiedName + " scaled")
  }
}
