import KubeSim

/// `kubectl run -i|--attach` after the pod is created (`run.go`): waits for it to run and be
/// ready, attaches (or prints its log when it has already finished, or when attaching fails),
/// then, under `--restart=Never|OnFailure`, waits for it to finish and passes on the
/// container's exit code.
struct RunAttachment {
  var pod: Pod
  var session: AttachSession
  var restartPolicy: RestartPolicy
  /// Whether kubectl waits for the pod to finish and reports its exit code.
  var waitsForExit: Bool
  /// `--pod-running-timeout`, for each wait.
  var timeoutMilliseconds: Int64

  /// `waitForPod`'s error when its time runs out (`wait.ErrWaitTimeout`).
  static let timedOut = KubectlError.plain("timed out waiting for the condition")

  func run(context: inout CommandContext, output: inout OutputBuffer) throws(KubectlError) {
    let name = pod.metadata.name
    let namespace = pod.metadata.namespace ?? "default"
    // `handleAttachPod`: running and ready, or finished.
    try context.wait(seconds: timeoutMilliseconds / 1000) { cluster in
      guard let current = cluster.pod(name, namespace: namespace) else { return true }
      return current.status.phase.isTerminal || (current.status.phase == .running && current.isReady)
    }
    guard let current = context.cluster.pod(name, namespace: namespace) else {
      throw .api(.notFound(resource: "pods", name: ""))
    }
    if current.status.phase.isTerminal {
      try printLog(of: current, context: context, output: &output)
    } else if current.status.phase == .running && current.isReady {
      do {
        // kubebook stopped following a container that still runs: it does not wait for its exit.
        if try !session.run(current, context: &context, output: &output) { return }
      } catch {
        output.line(
          "warning: couldn't attach to pod/\(name), falling back to streaming logs: \(error.text.dropFirst("error: ".count))"
        )
        try printLog(of: context.cluster.pod(name, namespace: namespace) ?? current, context: context, output: &output)
      }
    } else {
      throw Self.timedOut
    }
    guard waitsForExit else { return }
    try context.wait(seconds: timeoutMilliseconds / 1000) { cluster in
      guard let pod = cluster.pod(name, namespace: namespace) else { return true }
      return restartPolicy == .onFailure ? pod.status.phase == .succeeded : pod.status.phase.isTerminal
    }
    guard let finished = context.cluster.pod(name, namespace: namespace) else {
      throw .api(.notFound(resource: "pods", name: ""))
    }
    switch finished.status.phase {
    case .succeeded: return
    case .failed:
      let unknown = KubectlError.plain("pod \(namespace)/\(name) failed with unknown exit code")
      guard case .terminated(let code, let reason, _, _)? = finished.status.containerStatuses.first?.state else {
        throw unknown
      }
      if code == 0 { throw unknown }
      // `uexec.CodeExitError`: the text as is, and the container's exit code.
      output.line("pod \(namespace)/\(name) terminated (\(reason))")
      context.exitCode = Int32(truncatingIfNeeded: code)
    default: throw Self.timedOut
    }
  }

  /// `logOpts`: the whole log of the container the session would attach to.
  func printLog(of pod: Pod, context: CommandContext, output: inout OutputBuffer) throws(KubectlError) {
    let container = try session.container(of: pod, output: &output)
    let options = LogsCommand.Options(
      container: container.name, tail: nil, sinceMilliseconds: nil, sinceTime: nil, limitBytes: nil, previous: false)
    try LogsCommand.printLogs(
      LogsCommand.Request(pod: pod, container: container.name), options: options, prefix: false, context: context,
      output: &output)
  }
}
