import KubeSim

/// `kubectl cordon`, `uncordon` and `drain`.
enum NodeCommands {
  /// `kubectl cordon NODE` and `uncordon NODE`.
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

  /// The flags of `kubectl drain` kubebook reads.
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

  /// `kubectl drain NODE`: cordons the node, refuses (as kubectl's filters do) or warns about
  /// pods it cannot evict, evicts the others through the eviction subresource, and waits in
  /// virtual time until they are gone (`kubectl/pkg/cmd/drain/drain.go`, `pkg/drain`).
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
    // `--grace-period` below 0 (the default -1) keeps each pod's own.
    let grace = parsed.integer("grace-period").flatMap { $0 >= 0 ? $0 : nil }
    var drain = Drain(
      pods: pods.map { Drain.Entry($0.metadata.namespace ?? "default", $0.metadata.name, $0.metadata.uid) },
      start: context.cluster.now, timeoutMilliseconds: parsed.duration("timeout") ?? 0,
      boundMilliseconds: drainBoundSeconds * 1000, deleting: parsed.flag("disable-eviction"))
    // kubectl/pkg/drain `evictPods`: every pod is tried at once; one the budget refuses is
    // tried again every 5 s until the global timeout, the others waited for until gone.
    while !drain.isDone {
      for entry in drain.blocked {
        if drain.deleting {
          // `deletePods`: a plain DELETE, no budget, no `evicting pod` line.
          do {
            _ = try context.cluster.deletePod(entry.name, namespace: entry.namespace, gracePeriod: grace)
            drain.accept(entry)
          } catch .notFound {
            drain.drop(entry)
          } catch {
            drain.fail(entry, error.message)
          }
          continue
        }
        output.write("evicting pod \(entry.namespace)/\(entry.name)\n", at: context.cluster.now)
        if drain.timedOut(at: context.cluster.now) {
          drain.fail(
            entry,
            "error when evicting pods/\"\(entry.name)\" -n \"\(entry.namespace)\": global timeout reached: \(GoDuration.string(milliseconds: drain.timeoutMilliseconds))"
          )
          continue
        }
        do {
          try context.cluster.evictPod(entry.name, namespace: entry.namespace, gracePeriod: grace)
          drain.accept(entry)
        } catch .tooManyRequests(let message) {
          output.write(
            "error when evicting pods/\"\(entry.name)\" -n \"\(entry.namespace)\" (will retry after 5s): \(message)\n",
            at: context.cluster.now)
        } catch .notFound {
          // Gone before its eviction: finished, and kubectl prints nothing for it.
          drain.drop(entry)
        } catch {
          drain.fail(entry, "error when evicting pods/\"\(entry.name)\" -n \"\(entry.namespace)\": \(error.message)")
        }
      }
      if drain.isDone { break }
      // A refused pod's goroutine sleeps the whole 5 s before it looks at the timeout again.
      let until = drain.blocked.isEmpty ? max(drain.stop, context.cluster.now) : context.cluster.now.adding(seconds: 5)
      let waiting = drain.evicted
      final class Gone {
        var pods: [(entry: Drain.Entry, at: Timestamp)] = []
      }
      let gone = Gone()
      do {
        _ = try context.cluster.advance(
          until: until,
          observe: { state in
            for entry in waiting
            where !gone.pods.contains(where: { $0.entry.key == entry.key })
              && state.pod(entry.name, namespace: entry.namespace)?.metadata.uid != entry.uid
            {
              gone.pods.append((entry, state.now))
            }
          },
          done: { state in
            drain.blocked.isEmpty
              && waiting.allSatisfy { state.pod($0.name, namespace: $0.namespace)?.metadata.uid != $0.uid }
          })
      } catch {
        throw .api(error)
      }
      // `waitForDelete` polls each second and prints a pod as soon as it is gone.
      let verb = drain.deleting ? "deleted" : "evicted"
      for (entry, time) in gone.pods {
        drain.finish(entry)
        output.write("pod/\(entry.name) \(verb)\n", at: time)
      }
      // Ctrl-C in the shell (or a page's interrupt): the drain stops where it is.
      if context.cluster.wasInterrupted { return }
      if drain.isDone || context.cluster.now < drain.stop { continue }
      guard drain.timedOut(at: context.cluster.now) else { break }
      if !drain.blocked.isEmpty { continue }
      // `waitForDelete` under the global timeout's context.
      for entry in drain.evicted {
        drain.fail(
          entry,
          drain.deleting
            ? "context deadline exceeded"
            : "error when waiting for pod \"\(entry.name)\" in namespace \"\(entry.namespace)\" to terminate: context deadline exceeded"
        )
      }
    }
    if !drain.blocked.isEmpty || !drain.evicted.isEmpty {
      throw .plain(
        "kubebook: stopped draining node \"\(name)\" after \(GoDuration.string(milliseconds: drainBoundSeconds * 1000)) of virtual time with pods still on it (\(drain.pending.joined(separator: ", "))); a real kubectl drain goes on until its --timeout"
      )
    }
    if !drain.failures.isEmpty {
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
