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
    .init(name: "disable-eviction", short: nil, takesValue: false),
  ]

  /// How long a drain without `--timeout` goes on retrying in virtual time before kubebook
  /// stops it (a real one retries for ever).
  static let drainBoundSeconds: Int64 = 3600

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
      $0.metadata.deletionTimestamp == nil && $0.metadata.controller?.kind != Node.resource.kind
    }
    let daemonPods = candidates.filter { $0.metadata.controller?.kind == DaemonSet.resource.kind }
    let pods = candidates.filter { $0.metadata.controller?.kind != DaemonSet.resource.kind }
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
    var grace: Int?
    if let value = parsed.value("grace-period"), let seconds = Int(value), seconds >= 0 { grace = seconds }
    let timeout = parsed.duration("timeout") ?? 0
    let start = context.cluster.now
    let limit = start.adding(milliseconds: timeout > 0 ? timeout : drainBoundSeconds * 1000)
    var drain = Drain(pods: pods.map { ($0.metadata.namespace ?? "default", $0.metadata.name, $0.metadata.uid) })
    // kubectl/pkg/drain `evictPods`: every pod is tried at once; one the budget refuses is
    // tried again every 5 s until the global timeout, the others waited for until gone.
    while true {
      for (namespace, podName, _) in drain.blocked {
        if parsed.flag("disable-eviction") {
          _ = try? context.cluster.deletePod(podName, namespace: namespace, gracePeriod: grace)
          drain.accept(podName)
          continue
        }
        output.line("evicting pod \(namespace)/\(podName)")
        if timeout > 0 && context.cluster.now >= limit {
          drain.fail(
            podName,
            "error when evicting pods/\"\(podName)\" -n \"\(namespace)\": global timeout reached: \(GoDuration.string(milliseconds: timeout))"
          )
          continue
        }
        do {
          try context.cluster.evictPod(podName, namespace: namespace, gracePeriod: grace)
          drain.accept(podName)
        } catch .tooManyRequests(let message) {
          output.line("error when evicting pods/\"\(podName)\" -n \"\(namespace)\" (will retry after 5s): \(message)")
        } catch .notFound {
          drain.accept(podName)
        } catch {
          drain.fail(podName, "error when evicting pods/\"\(podName)\" -n \"\(namespace)\": \(error.message)")
        }
      }
      let retryAt = context.cluster.now.adding(seconds: 5)
      // A refused pod's goroutine sleeps the whole 5 s before it looks at the timeout again.
      let until = drain.blocked.isEmpty ? max(limit, context.cluster.now) : retryAt
      let snapshot = drain
      final class Finished {
        var order: [String] = []
      }
      let finished = Finished()
      do {
        _ = try context.cluster.advance(
          until: until,
          observe: { state in
            for (namespace, podName, uid) in snapshot.evicted
            where !finished.order.contains(podName) && state.pod(podName, namespace: namespace)?.metadata.uid != uid {
              finished.order.append(podName)
            }
          },
          done: { state in
            snapshot.blocked.isEmpty
              && snapshot.evicted.allSatisfy { state.pod($0.1, namespace: $0.0)?.metadata.uid != $0.2 }
          })
      } catch {
        throw .api(error)
      }
      for podName in finished.order { drain.finish(podName) }
      if drain.blocked.isEmpty && drain.evicted.isEmpty { break }
      if context.cluster.now >= limit && (timeout == 0 || drain.blocked.isEmpty) {
        // `waitForDelete` under the global timeout's context.
        if timeout > 0 {
          for (namespace, podName, _) in drain.evicted {
            drain.fail(
              podName,
              "error when waiting for pod \"\(podName)\" in namespace \"\(namespace)\" to terminate: context deadline exceeded"
            )
          }
        }
        break
      }
    }
    // `onPodDeletionOrEvictionFinished`: the verb says which API removed the pod.
    let verb = parsed.flag("disable-eviction") ? "deleted" : "evicted"
    for podName in drain.gone { output.line("pod/\(podName) \(verb)") }
    if !drain.blocked.isEmpty || !drain.evicted.isEmpty || !drain.failures.isEmpty {
      if drain.failures.isEmpty {
        throw .plain(
          "kubebook: stopped draining node \"\(name)\" after \(GoDuration.string(milliseconds: drainBoundSeconds * 1000)) of virtual time with pods still on it (\(drain.pending.joined(separator: ", "))); a real kubectl drain without --timeout goes on retrying"
        )
      }
      // cmd/drain `deleteOrEvictPodsSimple` and `RunDrain`'s failure path.
      let reason = drain.failures.count == 1 ? drain.failures[0] : "[" + drain.failures.joined(separator: ", ") + "]"
      let pending = context.cluster.listPods(onNode: name).filter {
        $0.metadata.controller?.kind != Node.resource.kind && $0.metadata.controller?.kind != DaemonSet.resource.kind
      }
      var lines: [String] = []
      if !pending.isEmpty {
        lines.append("There are pending pods in node \"\(name)\" when an error occurred: \(reason)")
        lines += pending.map { "pod/\($0.metadata.name)" }
      }
      lines.append("error: unable to drain node \"\(name)\" due to error: \(reason), continuing command...")
      lines.append("There are pending nodes to be drained:")
      lines.append(" \(name)")
      lines += drain.failures
      throw KubectlError(text: lines.joined(separator: "\n"))
    }
    output.line("node/\(name) drained")
  }
}
