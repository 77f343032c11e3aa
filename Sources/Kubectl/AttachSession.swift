import KubeSim

/// An attached session to a running container, as `attach.go`'s `Run` holds one, for
/// `kubectl attach` and `kubectl run -i|--attach`: the container (`-c`, the default-container
/// annotation, or the first, with the "Defaulted container" note), the TTY the container
/// allocated, the "If you don't see a command prompt" line, the output stream, and the
/// "Session ended" line of a restarting pod.
///
/// The stream carries what the container prints from the moment of attaching; kubebook's
/// containers print everything as they start, so a session shows their output only when it
/// attaches as the container starts (`kubectl run -i`). It then follows the container on the
/// virtual clock until its command ends (at most ``Watch/boundSeconds``). Typing into the
/// session is not simulated: an interactive shell gets the end of its input at once and
/// exits, as if the user had typed `exit`.
struct AttachSession {
  /// `-i`: the session sends standard input.
  var stdin: Bool
  /// `-t`: the session asks for a terminal.
  var tty: Bool
  /// `-q`: no prompt messages.
  var quiet: Bool
  /// `-c`: the container to attach to.
  var containerName: String?

  /// The command kubectl names in its "Session ended" line.
  static let commandName = "kubectl attach"

  /// The container `attach` picks (`podcmd.FindOrDefaultContainerByName`), printing the
  /// "Defaulted container" note unless quiet.
  func container(of pod: Pod, output: inout OutputBuffer) throws(KubectlError) -> Container {
    if let containerName {
      guard let container = pod.container(named: containerName) else {
        throw .plain("container \(containerName) not found in pod \(pod.metadata.name)")
      }
      return container
    }
    guard let first = pod.spec.containers.first else {
      throw .plain("pod \(pod.metadata.namespace ?? "default")/\(pod.metadata.name) does not have any containers")
    }
    if let annotated = pod.metadata.annotations[LogsCommand.defaultContainerAnnotation],
      let container = pod.container(named: annotated)
    {
      return container
    }
    if !quiet && pod.defaultsAmongSeveral {
      output.line("Defaulted container \"\(first.name)\" out of: \(pod.allContainerNames)")
    }
    return first
  }

  /// Attaches to `pod` (running) and streams until the container's command ends.
  ///
  /// - Returns: false when kubebook stopped following a container that still runs.
  @discardableResult
  func run(_ pod: Pod, context: inout CommandContext, output: inout OutputBuffer) throws(KubectlError) -> Bool {
    let container: Container
    do { container = try self.container(of: pod, output: &output) } catch {
      throw .plain("cannot attach to the container: " + error.text.dropFirst("error: ".count))
    }
    var tty = self.tty
    if tty && !container.tty {
      tty = false
      if !quiet { output.line("error: Unable to use a TTY - container \(container.name) did not allocate one") }
    } else if !tty && container.tty {
      tty = true
    }
    // `SetupTTY`: a terminal only with standard input; the lesson's input is a terminal.
    let raw = stdin && tty
    if !quiet { output.line("If you don't see a command prompt, try pressing enter.") }
    guard context.cluster.isRunning(pod, container: container.name) else {
      throw .plain("unable to upgrade connection: container not found (\"\(container.name)\")")
    }
    if case .running(let started)? = pod.containerStatus(named: container.name)?.state, started == context.cluster.now {
      for line in try LogsCommand.simulatedLines(of: pod, container: container, start: started) { output.line(line) }
    }
    let namespace = pod.metadata.namespace ?? "default"
    if stdin && container.readsCommandsFromInput {
      output.line("kubebook: typing into the session is not simulated; the shell gets the end of its input and exits")
      context.cluster.endSession(pod.metadata.name, namespace: namespace, container: container.name)
      try context.settle()
    }
    let current = context.cluster.pod(pod.metadata.name, namespace: namespace) ?? pod
    let ended: Bool
    if context.cluster.isRunning(current, container: container.name),
      context.cluster.runEnd(of: current, container: container.name) == nil
    {
      output.line(
        "kubebook: the simulated container prints nothing after it starts; a real \(Self.commandName) stays attached until Ctrl-C"
      )
      ended = false
    } else {
      ended = try LogsCommand.follow(
        [LogsCommand.Request(pod: current, container: container.name)], command: Self.commandName,
        context: &context, output: &output)
    }
    // `reattachMessage`, once the session has ended.
    if ended && !quiet && stdin && raw && pod.spec.restartPolicy == .known(.always) {
      let again = "'\(Self.commandName) \(pod.metadata.name) -c \(container.name) -i -t'"
      if pod.spec.ephemeralContainers.contains(where: { $0.container.name == container.name }) {
        output.line(
          "Session ended, the ephemeral container will not be restarted but may be reattached using \(again) if it is still running"
        )
      } else {
        output.line("Session ended, resume using \(again) command when the pod is running")
      }
    }
    return ended
  }
}
