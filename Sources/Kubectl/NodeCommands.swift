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
    .init(name: "grace-period", short: nil, takesValue: true, integerBits: 64),
    .init(name: "timeout", short: nil, takesValue: true, isDuration: true),
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
    // Mirror (static) pods are skipped silently; DaemonSet pods would come straight back.
    let candidates = context.cluster.listPods(onNode: name).filter {
      $0.metadata.deletionTimestamp == nil && $0.metadata.controller?.kind != "Node"
    }
    let daemonPods = candidates.filter { $0.metadata.controller?.kind == "DaemonSet" }
    let pods = candidates.filter { $0.metadata.controller?.kind != "DaemonSet" }
    let bare = pods.filter { $0.metadata.controller == nil }
    func names(_ pods: [Pod]) -> String {
      pods.map { "\($0.metadata.namespace ?? "default")/\($0.metadata.name)" }.joined(separator: ", ")
    }
    // kubectl/pkg/drain: "cannot delete <filter's fatal message>: <pods>" per filter; in v1.32
    // the unmanaged filter's message itself starts with "cannot delete" (checked in the binary).
    var fatal: [String] = []
    if !daemonPods.isEmpty && !parsed.flag("ignore-daemonsets") {
      fatal.append("cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): \(names(daemonPods))")
    }
    if !bare.isEmpty && !parsed.flag("force") {
      fatal.append(
        "cannot delete cannot delete Pods that declare no controller (use --force to override): \(names(bare))")
    }
    if !fatal.isEmpty {
      // One error reads as itself; several as an aggregate, `[a, b]`.
      let reasons = fatal.count == 1 ? fatal[0] : "[" + fatal.joined(separator: ", ") + "]"
      throw KubectlError(
        text:
          "error: unable to drain node \"\(name)\" due to error: \(reasons), continuing command...\nThere are pending nodes to be drained:\n \(name)\n\(fatal.joined(separator: "\n"))"
      )
    }
    var warnings: [String] = []
    if !daemonPods.isEmpty { warnings.append("ignoring DaemonSet-managed Pods: \(names(daemonPods))") }
    if !bare.isEmpty { warnings.append("deleting Pods that declare no controller: \(names(bare))") }
    if !warnings.isEmpty { output.line("Warning: " + warnings.joined(separator: "; ")) }
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
