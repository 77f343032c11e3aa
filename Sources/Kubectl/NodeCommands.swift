import KubeSim

/// `kubectl cordon`, `uncordon` and `drain`.
enum NodeCommands {
  static func cordon(
    _ arguments: [String], unschedulable: Bool, context: inout CommandContext, output: inout OutputBuffer
  )
    throws(KubectlError)
  {
    let command = unschedulable ? "cordon" : "uncordon"
    let parsed = try FlagParser(command: command, specs: []).parse(arguments)
    guard let name = parsed.positional.first else { throw .plain("USAGE: \(command) NODE [flags]") }
    let changed: Bool
    do { changed = try context.cluster.setUnschedulable(name, unschedulable) } catch { throw .api(error) }
    try context.settle()
    output.line("node/\(name) " + (changed ? "" : "already ") + (unschedulable ? "cordoned" : "uncordoned"))
  }

  static let drainFlags: [FlagParser.Spec] = [
    .init(name: "ignore-daemonsets", short: nil, takesValue: false),
    .init(name: "delete-emptydir-data", short: nil, takesValue: false),
    .init(name: "force", short: nil, takesValue: false),
    .init(name: "grace-period", short: nil, takesValue: true),
    .init(name: "timeout", short: nil, takesValue: true),
  ]

  static func drain(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "drain", specs: drainFlags).parse(arguments)
    guard let name = parsed.positional.first else { throw .plain("USAGE: drain NODE [flags]") }
    guard context.cluster.nodes[name] != nil else { throw .api(.notFound(resource: "nodes", name: name)) }
    let changed: Bool
    do { changed = try context.cluster.setUnschedulable(name, true) } catch { throw .api(error) }
    output.line("node/\(name) " + (changed ? "cordoned" : "already cordoned"))
    let pods = context.cluster.listPods(onNode: name).filter {
      $0.metadata.deletionTimestamp == nil && !$0.spec.hostNetwork
        && $0.metadata.ownerReferences.first(where: \.controller)?.kind != "Node"
    }
    let bare = pods.filter { $0.metadata.controller == nil }
    if !bare.isEmpty && !parsed.flag("force") {
      let list = bare.map { "\($0.metadata.namespace ?? "default")/\($0.metadata.name)" }.joined(separator: ", ")
      throw KubectlError(
        text:
          "error: unable to drain node \"\(name)\" due to error: cannot delete Pods declare no controller (use --force to override): \(list), continuing command...\nThere are pending nodes to be drained:\n \(name)\ncannot delete Pods declare no controller (use --force to override): \(list)"
      )
    }
    if !bare.isEmpty {
      let list = bare.map { "\($0.metadata.namespace ?? "default")/\($0.metadata.name)" }.joined(separator: ", ")
      output.line("Warning: deleting Pods that declare no controller: \(list)")
    }
    for pod in pods { output.line("evicting pod \(pod.metadata.namespace ?? "default")/\(pod.metadata.name)") }
    for pod in pods {
      _ = try? context.cluster.deletePod(pod.metadata.name, namespace: pod.metadata.namespace ?? "default")
    }
    final class Finished {
      var order: [String] = []
    }
    let finished = Finished()
    let keys = pods.map { ($0.metadata.namespace ?? "default", $0.metadata.name) }
    do {
      try context.cluster.advance(
        until: context.cluster.now.adding(seconds: 3600),
        observe: { state in
          for (namespace, podName) in keys where state.pod(podName, namespace: namespace) == nil {
            if !finished.order.contains(podName) { finished.order.append(podName) }
          }
        },
        done: { _ in finished.order.count == keys.count })
    } catch {
      throw .api(error)
    }
    for podName in finished.order { output.line("pod/\(podName) evicted") }
    output.line("node/\(name) drained")
  }
}
