import Kubectl
import LineEditor
import Preview

/// The ``PortForwarder`` of `kubebook shell` on a terminal: prints kubectl's `Forwarding from`
/// lines, listens on 127.0.0.1 (``LoopbackForwarding``), prints `Handling connection for
/// PORT` for each connection and answers it as the pod would, until Ctrl-C or a refused
/// connection (then kubectl's log line and `error: lost connection to pod`).
enum ShellPortForwarder {
  /// The forwarder.
  static func make() -> PortForwarder {
    PortForwarder { session in
      Output.write(session.header)
      Output.flush()
      LineEditor.clearInterrupt()
      let remotes = Dictionary(session.ports.map { ($0.local, $0.remote) }, uniquingKeysWith: { first, _ in first })
      var log = ""
      let outcome = LoopbackForwarding.run(
        ports: session.ports.map(\.local), shouldStop: { LineEditor.interrupted },
        accepted: { port in
          Output.write("Handling connection for \(port)\n")
          Output.flush()
        },
        respond: { port, request in
          switch session.answer(remotes[port] ?? Int(port), request) {
          case .response(let bytes): return bytes
          case .refused(let line):
            log = line
            return nil
          }
        })
      // The Ctrl-C that stopped the forward is spent: the shell must not take it for a wait's.
      LineEditor.clearInterrupt()
      switch outcome {
      case .stopped:
        // kubectl catches SIGINT, closes its stop channel and returns without an error; the
        // terminal's `^C` gets its line ended, as after a stopped wait.
        Output.line("")
        return PortForwardEnd(output: "", status: 0)
      case .aborted:
        return PortForwardEnd(output: log + "error: lost connection to pod\n", status: 1)
      case .cannotListen(let port, let reason):
        let remote = remotes[port] ?? Int(port)
        return PortForwardEnd(
          output:
            "Unable to listen on port \(port): Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:\(port): bind: \(reason)]\nerror: unable to listen on any of the requested ports: [{\(port) \(remote)}]\n",
          status: 1)
      }
    }
  }
}
