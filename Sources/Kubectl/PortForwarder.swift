/// Listens on local ports for `kubectl port-forward` and hands each connection's request to
/// the simulated pod. Only `kubebook shell` on a terminal has one (it binds 127.0.0.1 and
/// stops on Ctrl-C); lessons and builds never listen, and tests pass a function.
public struct PortForwarder: Sendable {
  /// Forwards `session`'s ports until the user stops it or the pod's answer ends the
  /// forward; returns what is printed after (kubectl's closing error, or nothing).
  public var forward: @Sendable (_ session: PortForwardSession) -> PortForwardEnd

  /// A forwarder that runs `forward`.
  public init(forward: @escaping @Sendable (_ session: PortForwardSession) -> PortForwardEnd) {
    self.forward = forward
  }
}

/// One `kubectl port-forward`: the lines kubectl prints first, the local and remote ports, and
/// what the pod answers.
public struct PortForwardSession: Sendable {
  /// kubectl's `Forwarding from …` lines.
  public var header: String
  /// Each forwarded port: where to listen locally and the pod's port.
  public var ports: [(local: UInt16, remote: Int)]
  /// The pod's answer to one connection on `remote` whose request head is `request`.
  public var answer: @Sendable (_ remote: Int, _ request: String) -> PortForwardAnswer
}

/// What the pod does with one forwarded connection.
public enum PortForwardAnswer: Sendable, Equatable {
  /// Sends these bytes and closes the connection (an HTTP response).
  case response([UInt8])
  /// Nothing listens: kubectl logs `log` and the forward ends with `error: lost connection
  /// to pod`.
  case refused(log: String)
}

/// How a forward ended.
public struct PortForwardEnd: Sendable, Equatable {
  /// What kubectl prints when it stops (its error; empty after Ctrl-C).
  public var output: String
  /// The exit status.
  public var status: Int32

  /// An end printing `output` with `status`.
  public init(output: String, status: Int32) {
    self.output = output
    self.status = status
  }
}
