import KubeSim

/// `kubectl rollout status|history|undo|pause|resume|restart` for Deployments.
enum RolloutCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "revision", short: nil, takesValue: true, integerBits: 64),
    .init(name: "to-revision", short: nil, takesValue: true, integerBits: 64),
    .init(name: "watch", short: "w", takesValue: false),
    .init(name: "timeout", short: nil, takesValue: true, isDuration: true),
    .init(name: "selector", short: "l", takesValue: true),
  ]

  /// The subcommands of `kubectl rollout`.
  static let subcommands: Set<String> = ["history", "pause", "restart", "resume", "status", "undo"]

  /// How long `rollout status` waits, in virtual seconds, before kubebook stops it.
  static let statusBoundSeconds: Int64 = 3600

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    guard let action = arguments.first else {
      // Like cobra's DefaultSubCommandRun: the help text, and exit status 1.
      throw KubectlError(text: try Kubectl.help(for: ["rollout"]).dropLast().description)
    }
    guard subcommands.contains(action) else {
      throw KubectlError(text: "error: unknown command \"\(action)\"\nSee 'kubectl rollout -h' for help and examples")
    }
    let parsed = try FlagParser(command: "rollout \(action)", specs: flags).parse(Array(arguments.dropFirst()))
    // `rollout restart deployment --selector=...`: every matching Deployment.
    if let selectorText = parsed.value("selector"), action == "restart", parsed.positional.count == 1 {
      let type = try ResourceArguments.resolve(parsed.positional[0])
      guard type == .deployments else { throw .plain("kubebook simulates rollout restart --selector for deployments") }
      let selector: LabelSelector
      do { selector = try LabelSelector.parse(selectorText) } catch {
        throw .plain("unable to parse \"\(selectorText)\"")
      }
      let namespace = context.namespace(parsed)
      let matching = context.cluster.deployments.keys.sorted().compactMap { context.cluster.deployments[$0] }.filter {
        ($0.metadata.namespace ?? "default") == namespace && selector.matches($0.metadata.labels)
      }
      if matching.isEmpty { throw .plain("no objects passed to restart") }
      for deployment in matching {
        try run(
          ["restart", "deployment/" + deployment.metadata.name, "-n", namespace], context: &context, output: &output)
      }
      return
    }
    let target = try WorkloadTarget.resolve(
      parsed.positional, namespace: context.namespace(parsed), command: "rollout \(action)")
    let key = target.namespace + "/" + target.name
    // `--watch=false`: print the status once instead of following the rollout.
    let watching = parsed.value("watch").map { $0 != "false" } ?? true
    let timeoutMilliseconds = parsed.duration("timeout") ?? 0
    guard target.type == .deployments else {
      if APIObject.lookup(target.type, name: target.name, namespace: target.namespace, cluster: context.cluster) == nil
      {
        throw target.notFound
      }
      if target.type == .statefulSets && action == "status" {
        if context.cluster.statefulSets[key]?.updateStrategy.value != .rollingUpdate {
          throw .plain("rollout status is only available for RollingUpdate strategy type")
        }
        // Every write of the StatefulSet is a watch event, and kubectl prints a line for each:
        // the controller's intermediate statuses show, not only the state after a settle.
        context.cluster.startWatching(["StatefulSet"])
        defer { _ = context.cluster.stopWatching() }
        final class Seen { var count = -1 }
        let seen = Seen()
        try watchStatus(
          key: key, timeout: timeoutMilliseconds, watching: watching, context: &context, output: &output
        ) { cluster in
          let events = cluster.recordedWatchEvents
          defer { seen.count = events.count }
          guard let live = cluster.statefulSets[key] else { return nil }
          guard seen.count >= 0 else { return [(live.metadata.resourceVersion, statusLine(live))] }
          return events.dropFirst(seen.count).compactMap { event in
            guard let set = event.object as? StatefulSet, set.metadata.uid == live.metadata.uid else { return nil }
            return (set.metadata.resourceVersion, statusLine(set))
          }
        }
        return
      }
      if target.type == .statefulSets, action == "history" || action == "undo",
        let set = context.cluster.statefulSets[key]
      {
        let revisions = context.cluster.revisions(of: set).map { ($0.number, $0.template) }
        if action == "history" {
          try history(revisions, target: target, revision: parsed.value("revision"), output: &output)
        } else {
          try undoStatefulSet(
            set, revisions: revisions, target: target, toRevision: parsed.value("to-revision"),
            context: &context, output: &output)
        }
        return
      }
      if target.type == .daemonSets && action == "status" {
        try watchStatus(
          key: key, timeout: timeoutMilliseconds, watching: watching, context: &context, output: &output
        ) { cluster in
          cluster.daemonSets[key].map { [($0.metadata.resourceVersion, statusLine($0))] }
        }
        return
      }
      switch action {
      case "status":
        throw .plain("no status viewer has been implemented for \(target.type.groupKind)")
      case "pause", "resume", "restart":
        let verb = ["pause": "pausing", "resume": "resuming", "restart": "restarting"][action]!
        throw .plain("\(target.type.qualifiedResource) \"\(target.name)\" \(verb) is not supported")
      default:
        throw .plain("kubebook does not simulate rollout \(action) for \(target.type.plural) yet")
      }
    }
    guard var deployment = context.cluster.deployments[key] else { throw target.notFound }
    switch action {
    case "status":
      try status(
        target, revision: parsed.value("revision"), timeout: timeoutMilliseconds, watching: watching,
        context: &context, output: &output)
    case "history":
      try history(
        deployment, target: target, revision: parsed.value("revision"), cluster: context.cluster, output: &output)
    case "undo":
      try undo(deployment, target: target, toRevision: parsed.value("to-revision"), context: &context, output: &output)
    case "pause":
      if deployment.paused { throw .plain("deployments.apps \"\(target.name)\" is already paused") }
      deployment.paused = true
      try withAPI { () throws(APIError) in try context.cluster.updateDeployment(deployment) }
      try context.settle()
      output.line(target.qualifiedName + " paused")
    case "resume":
      if !deployment.paused { throw .plain("deployments.apps \"\(target.name)\" is not paused") }
      deployment.paused = false
      try withAPI { () throws(APIError) in try context.cluster.updateDeployment(deployment) }
      try context.settle()
      output.line(target.qualifiedName + " resumed")
    case "restart":
      if deployment.paused {
        throw .plain("deployments.apps \"\(target.name)\" can't restart paused deployment (run rollout resume first)")
      }
      deployment.template.annotations["kubectl.kubernetes.io/restartedAt"] = context.cluster.now.rfc3339
      try withAPI { () throws(APIError) in try context.cluster.updateDeployment(deployment) }
      try context.settle()
      output.line(target.qualifiedName + " restarted")
    default:
      preconditionFailure("subcommands lists \(action), which has no case here")
    }
  }

  /// The status line for a Deployment and whether the rollout is done
  /// (`polymorphichelpers/rollout_status.go`).
  static func statusLine(_ d: Deployment) -> (text: String, done: Bool, failed: Bool) {
    let name = d.metadata.name
    if d.metadata.generation > d.status.observedGeneration {
      return ("Waiting for deployment spec update to be observed...", false, false)
    }
    if d.status.conditions.contains(where: { $0.type == "Progressing" && $0.reason == "ProgressDeadlineExceeded" }) {
      return ("error: deployment \"\(name)\" exceeded its progress deadline", true, true)
    }
    if d.status.updatedReplicas < d.replicas {
      return (
        "Waiting for deployment \"\(name)\" rollout to finish: \(d.status.updatedReplicas) out of \(d.replicas) new replicas have been updated...",
        false, false
      )
    }
    if d.status.replicas > d.status.updatedReplicas {
      return (
        "Waiting for deployment \"\(name)\" rollout to finish: \(d.status.replicas - d.status.updatedReplicas) old replicas are pending termination...",
        false, false
      )
    }
    if d.status.availableReplicas < d.status.updatedReplicas {
      return (
        "Waiting for deployment \"\(name)\" rollout to finish: \(d.status.availableReplicas) of \(d.status.updatedReplicas) updated replicas are available...",
        false, false
      )
    }
    return ("deployment \"\(name)\" successfully rolled out", true, false)
  }

  /// The status line for a DaemonSet (`DaemonSetStatusViewer`, `docs/reference/kubectl-output.md` §7: only
  /// RollingUpdate DaemonSets, which are all the simulator runs).
  static func statusLine(_ set: DaemonSet) -> (text: String, done: Bool, failed: Bool) {
    let name = set.metadata.name
    let status = set.status
    if set.metadata.generation > status.observedGeneration {
      return ("Waiting for daemon set spec update to be observed...", false, false)
    }
    if status.updatedNumberScheduled < status.desiredNumberScheduled {
      return (
        "Waiting for daemon set \"\(name)\" rollout to finish: \(status.updatedNumberScheduled) out of \(status.desiredNumberScheduled) new pods have been updated...",
        false, false
      )
    }
    if status.numberAvailable < status.desiredNumberScheduled {
      return (
        "Waiting for daemon set \"\(name)\" rollout to finish: \(status.numberAvailable) of \(status.desiredNumberScheduled) updated pods are available...",
        false, false
      )
    }
    return ("daemon set \"\(name)\" successfully rolled out", true, false)
  }

  /// The StatefulSet status line (`rollout_status.go`, `StatefulSetStatusViewer`).
  static func statusLine(_ set: StatefulSet) -> (text: String, done: Bool, failed: Bool) {
    let status = set.status
    if status.observedGeneration == 0 || set.metadata.generation > status.observedGeneration {
      return ("Waiting for statefulset spec update to be observed...", false, false)
    }
    if status.readyReplicas < set.replicas {
      return ("Waiting for \(set.replicas - status.readyReplicas) pods to be ready...", false, false)
    }
    // `rollingUpdate` present (as API defaulting makes it), with or without a partition.
    if set.hasRollingUpdate {
      if status.updatedReplicas < set.replicas - set.partition {
        return (
          "Waiting for partitioned roll out to finish: \(status.updatedReplicas) out of \(set.replicas - set.partition) new pods have been updated...",
          false, false
        )
      }
      return ("partitioned roll out complete: \(status.updatedReplicas) new pods have been updated...", true, false)
    }
    if status.updateRevision != status.currentRevision {
      return (
        "waiting for statefulset rolling update to complete \(status.updatedReplicas) pods at revision \(status.updateRevision)...",
        false, false
      )
    }
    return (
      "statefulset rolling update complete \(status.currentReplicas) pods at revision \(status.currentRevision)...",
      true,
      false
    )
  }

  /// Watches the Deployment in virtual time, printing a line for every change, until done.
  static func status(
    _ target: WorkloadTarget, revision: String?, timeout: Int64, watching: Bool = true,
    context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let key = target.namespace + "/" + target.name
    if let revision {
      guard let wanted = Int(revision), wanted > 0 else {
        throw .plain("revision must be a positive integer: \(revision)")
      }
      let running = context.cluster.deployments[key]?.metadata.annotations["deployment.kubernetes.io/revision"] ?? ""
      if String(wanted) != running {
        throw .plain("desired revision (\(wanted)) is different from the running revision (\(running))")
      }
    }
    try watchStatus(key: key, timeout: timeout, watching: watching, context: &context, output: &output) { cluster in
      cluster.deployments[key].map { [($0.metadata.resourceVersion, statusLine($0))] }
    }
  }

  /// Advances virtual time, printing a status line whenever the watched object changes,
  /// until `lines` says the rollout is done (or failed), the object is deleted, `--timeout`
  /// (milliseconds, 0 for none) runs out, or kubebook's bound.
  static func watchStatus(
    key: String, timeout: Int64, watching: Bool = true, context: inout CommandContext, output: inout OutputBuffer,
    lines: (Cluster) -> [(version: Int, line: (text: String, done: Bool, failed: Bool))]?
  ) throws(KubectlError) {
    final class Watch {
      var lines: [(text: String, time: Timestamp)] = []
      var lastVersion = -1
      var finished = false
      var failed = false
      var deleted = false
    }
    let watch = Watch()
    let timesOut = timeout > 0 && timeout < statusBoundSeconds * 1000
    let limit =
      watching
      ? context.cluster.now.adding(milliseconds: timesOut ? timeout : statusBoundSeconds * 1000) : context.cluster.now
    do {
      try context.cluster.advance(
        until: limit,
        observe: { state in
          guard !watch.finished else { return }
          guard let updates = lines(state) else {
            watch.deleted = true
            watch.finished = true
            return
          }
          for (version, line) in updates where !watch.finished && version != watch.lastVersion {
            watch.lastVersion = version
            watch.lines.append((line.text, state.now))
            if line.done {
              watch.finished = true
              watch.failed = line.failed
            }
          }
        },
        done: { _ in watch.finished })
    } catch {
      throw .api(error)
    }
    for line in watch.lines where !line.text.hasPrefix("error: ") { output.write(line.text + "\n", at: line.time) }
    if !watching { return }
    if watch.deleted { throw .plain("object has been deleted") }
    if watch.failed, let last = watch.lines.last { throw KubectlError(text: last.text) }
    if !watch.finished && timesOut { throw .plain("timed out waiting for the condition") }
    if !watch.finished {
      throw .plain(
        "kubebook: stopped waiting after \(statusBoundSeconds / 60) minutes of virtual time; the rollout has not finished"
      )
    }
  }

  /// The ReplicaSets of a Deployment by revision.
  static func revisions(_ d: Deployment, cluster: Cluster) -> [(revision: Int, set: ReplicaSet)] {
    cluster.replicaSets.values.filter { $0.metadata.controller?.uid == d.metadata.uid }
      .compactMap { set in
        Int(set.metadata.annotations["deployment.kubernetes.io/revision"] ?? "").map { ($0, set) }
      }
      .sorted { $0.revision < $1.revision }
  }

  static func history(
    _ d: Deployment, target: WorkloadTarget, revision: String?, cluster: Cluster, output: inout OutputBuffer
  ) throws(KubectlError) {
    let all = revisions(d, cluster: cluster).map { entry in
      (entry.revision, entry.set.template, entry.set.metadata.annotations["kubernetes.io/change-cause"])
    }
    try history(all, target: target, revision: revision, output: &output)
  }

  /// `printHistory` (`polymorphichelpers/history.go`): the revisions and their change causes,
  /// or one revision's pod template.
  static func history(
    _ all: [(revision: Int, template: PodTemplate, changeCause: String?)], target: WorkloadTarget,
    revision: String?, output: inout OutputBuffer
  ) throws(KubectlError) {
    if let revision {
      guard let wanted = Int(revision), let entry = all.first(where: { $0.revision == wanted }) else {
        throw .plain("unable to find the specified revision")
      }
      output.line(target.qualifiedName + " with revision #\(wanted)")
      output.write(PodTemplateDescription.untabbed(entry.template))
      output.line("")
      return
    }
    output.line(target.qualifiedName + " ")
    if all.isEmpty {
      output.line("No rollout history found.")
    } else {
      var rows = [["REVISION", "CHANGE-CAUSE"]]
      for entry in all {
        rows.append([String(entry.revision), entry.changeCause ?? "<none>"])
      }
      output.write(TabWriter(minWidth: 0, padding: 2).format(rows))
    }
    output.line("")
  }

  static func history(
    _ all: [(Int, PodTemplate)], target: WorkloadTarget, revision: String?, output: inout OutputBuffer
  ) throws(KubectlError) {
    try history(all.map { ($0.0, $0.1, nil) }, target: target, revision: revision, output: &output)
  }

  /// `StatefulSetRollbacker`: `findHistory` (the second newest revision when none is named),
  /// skipped when the template already matches, otherwise the template restored.
  static func undoStatefulSet(
    _ set: StatefulSet, revisions: [(Int, PodTemplate)], target: WorkloadTarget, toRevision: String?,
    context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let requested = Int(toRevision ?? "0") ?? 0
    let notFound = KubectlError.plain("unable to find specified revision \(requested) in history")
    if requested < 0 { throw notFound }
    let chosen: PodTemplate
    if requested == 0 {
      guard revisions.count >= 2 else { throw notFound }
      chosen = revisions[revisions.count - 2].1
    } else {
      guard let entry = revisions.first(where: { $0.0 == requested }) else { throw notFound }
      chosen = entry.1
    }
    if chosen == set.template {
      output.line(target.qualifiedName + " skipped rollback (current template already matches revision \(requested))")
      return
    }
    var updated = set
    updated.template = chosen
    try withAPI { () throws(APIError) in try context.cluster.updateStatefulSet(updated) }
    try context.settle()
    output.line(target.qualifiedName + " rolled back")
  }

  static func undo(
    _ d: Deployment, target: WorkloadTarget, toRevision: String?, context: inout CommandContext,
    output: inout OutputBuffer
  ) throws(KubectlError) {
    let requested = Int(toRevision ?? "0") ?? 0
    if requested < 0 { throw .plain("unable to find specified revision \(requested) in history") }
    let all = revisions(d, cluster: context.cluster)
    let chosen: ReplicaSet
    if requested == 0 {
      guard all.count >= 2 else { throw .plain("no rollout history found for deployment \"\(d.metadata.name)\"") }
      chosen = all[all.count - 2].set
    } else {
      guard let entry = all.first(where: { $0.revision == requested }) else {
        throw .plain("unable to find specified revision \(requested) in history")
      }
      chosen = entry.set
    }
    if d.paused {
      throw .plain(
        "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again")
    }
    var template = chosen.template
    template.labels["pod-template-hash"] = nil
    if template == d.template {
      output.line(target.qualifiedName + " skipped rollback (current template already matches revision \(requested))")
      return
    }
    var updated = d
    updated.template = template
    let skipped: Set<String> = [
      "kubectl.kubernetes.io/last-applied-configuration", "deployment.kubernetes.io/revision",
      "deployment.kubernetes.io/revision-history", "deployment.kubernetes.io/desired-replicas",
      "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to",
    ]
    var annotations = d.metadata.annotations.filter { skipped.contains($0.key) }
    for (key, value) in chosen.metadata.annotations where !skipped.contains(key) { annotations[key] = value }
    updated.metadata.annotations = annotations
    try withAPI { () throws(APIError) in try context.cluster.updateDeployment(updated) }
    try context.settle()
    output.line(target.qualifiedName + " rolled back")
  }
}
