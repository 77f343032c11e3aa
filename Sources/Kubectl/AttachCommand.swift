import KubeSim

/// `kubectl attach (POD | TYPE/NAME | TYPE NAME) [-c CONTAINER] [-i] [-t] [-q]`: attaches to
/// a running container of the pod (a workload's first pod) as kubectl v1.32's `attach.go`
/// does; the session is an ``AttachSession``.
enum AttachCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "container", short: "c", takesValue: true),
    .init(name: "stdin", short: "i", takesValue: false),
    .init(name: "tty", short: "t", takesValue: false),
    .init(name: "quiet", short: "q", takesValue: false),
    .init(name: "pod-running-timeout", short: nil, takesValue: true, isDuration: true),
  ]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "attach", specs: flags).parse(arguments)
    if let timeout = parsed.duration("pod-running-timeout"), timeout <= 0 {
      throw KubectlError(
        text: "error: --pod-running-timeout must be higher than zero\nSee 'kubectl attach -h' for help and examples")
    }
    let resources = parsed.positional + parsed.afterDash
    guard !resources.isEmpty else { throw .plain("at least 1 argument is required for attach") }
    guard resources.count <= 2 else {
      throw .plain(
        "expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw \(resources.count): [\(resources.joined(separator: " "))]"
      )
    }
    let target = resources.count == 2 ? resources[0] + "/" + resources[1] : resources[0]
    let pod = try ExecCommand.resolvePod(target, namespace: context.namespace(parsed), cluster: context.cluster)
    if pod.status.phase.isTerminal {
      throw .plain("cannot attach a container in a completed pod; current phase is \(pod.status.phase.rawValue)")
    }
    let session = AttachSession(
      stdin: parsed.flag("stdin"), tty: parsed.flag("tty"), quiet: parsed.flag("quiet"),
      containerName: parsed.value("container"))
    try session.run(pod, context: &context, output: &output)
  }
}
