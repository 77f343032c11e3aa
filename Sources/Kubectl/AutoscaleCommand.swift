import KubeSim

/// `kubectl autoscale TYPE NAME --max=N [--min=N] [--cpu-percent=N] [--name=NAME]`: an HPA
/// for a Deployment, ReplicaSet, StatefulSet or ReplicationController (`autoscale.go`).
enum AutoscaleCommand {
  static let flags: [FlagParser.Spec] =
    [
      .init(name: "min", short: nil, takesValue: true, integerBits: 32),
      .init(name: "max", short: nil, takesValue: true, integerBits: 32),
      .init(name: "cpu-percent", short: nil, takesValue: true, integerBits: 32),
      .init(name: "name", short: nil, takesValue: true),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
    ] + OutputFormat.templateFlags

  static let scalable: [ResourceType] = [.deployments, .replicaSets, .statefulSets, .replicationControllers]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "autoscale", specs: flags).parse(arguments)
    let target = try WorkloadTarget.resolve(
      parsed.positional, namespace: context.namespace(parsed), command: "autoscale")
    guard let maximum = parsed.integer("max"), maximum >= 1 else {
      throw .plain("--max=MAXPODS is required and must be at least 1, max: \(parsed.value("max") ?? "-1")")
    }
    let minimum = parsed.integer("min") ?? -1
    if minimum > maximum {
      throw .plain("--max=MAXPODS must be larger or equal to --min=MINPODS, max: \(maximum), min: \(minimum)")
    }
    guard scalable.contains(target.type) else {
      throw .plain("cannot autoscale a \(target.type.kind): \(target.type.kind.lowercased()) \"\(target.name)\"")
    }
    guard APIObject.lookup(target.type, name: target.name, namespace: target.namespace, cluster: context.cluster) != nil
    else { throw target.notFound }
    let name = parsed.value("name") ?? target.name
    var hpa = HorizontalPodAutoscaler(
      metadata: ObjectMeta(name: name, namespace: target.namespace), targetKind: target.type.kind,
      targetName: target.name, maxReplicas: maximum)
    if minimum >= 1 { hpa.minReplicas = minimum }
    if let percent = parsed.integer("cpu-percent"), percent >= 0 { hpa.targetCPUUtilization = percent }
    let format = try OutputFormat.parse(parsed)
    let dryRunMode = try DryRun.mode(parsed.value("dry-run"))
    let saved = context.cluster
    if dryRunMode == .client {
      output.line(
        format == .name
          ? "horizontalpodautoscaler.autoscaling/\(name)"
          : "horizontalpodautoscaler.autoscaling/\(name) created (dry run)")
      return
    }
    do { try context.cluster.createAutoscaler(hpa) } catch { throw .api(error) }
    try context.finishCreate(
      HorizontalPodAutoscaler.self, name: name, namespace: target.namespace, operation: "autoscaled", format: format,
      dryRun: dryRunMode, saved: saved,
      output: &output)
  }
}
