import KubeSim

/// The simulated terminal a scenario types into: `kubectl ...`, `sleep DURATION` and the
/// `sim ...` commands, all acting on one cluster.
public struct Terminal: Sendable {
  /// The cluster the commands act on.
  public var cluster: Cluster
  /// The working directory's files (`file=` blocks of the page).
  public var files: VirtualDirectory
  /// kubectl's kubeconfig: kubeadm's admin context, changed by `kubectl config`.
  public var kubeconfig: Kubeconfig
  /// The user's editor for `kubectl edit`: set by `kubebook shell` on a terminal, nil on a
  /// page.
  public var editor: TextEditor?
  /// Files behind the page's, read-only: the directory `kubebook shell` runs in; nil on a page.
  public var outsideFiles: (any FileProvider)?
  /// What listens on local ports for `kubectl port-forward`: set by `kubebook shell` on a
  /// terminal, nil on a page (there the command prints its `Forwarding from` lines and ends).
  public var portForwarder: PortForwarder?

  /// Creates a terminal on a fresh cluster.
  public init(config: ClusterConfig = ClusterConfig(), files: VirtualDirectory = VirtualDirectory()) {
    self.cluster = Cluster(config: config)
    self.files = files
    self.kubeconfig = Kubeconfig(cluster: cluster)
  }

  /// Creates a terminal on `cluster` as it is (no new cluster is booted).
  public init(cluster: Cluster, files: VirtualDirectory = VirtualDirectory()) {
    self.cluster = cluster
    self.files = files
    self.kubeconfig = Kubeconfig(cluster: cluster)
  }

  /// Runs one command line with `stdin` (a heredoc's text, if any).
  public mutating func run(_ line: String, stdin: String? = nil) -> CommandResult {
    let words: [String]
    do { words = try ShellWords.split(line) } catch {
      return CommandResult(output: "sh: 1: Syntax error: \(error.message)\n", exitCode: 2)
    }
    guard let program = words.first else { return CommandResult() }
    if let operator_ = words.first(where: { ["|", "||", "&&", ";", ">", ">>", "<", "&"].contains($0) }) {
      return CommandResult(
        output:
          "kubebook: \"\(operator_)\" is shell syntax; a scenario runs one command per line (kubectl, sleep or sim)\n",
        exitCode: 2)
    }
    let arguments = Array(words.dropFirst())
    var result: CommandResult
    switch program {
    case "kubectl":
      result = Kubectl.run(
        arguments, stdin: stdin, cluster: &cluster, kubeconfig: &kubeconfig,
        files: outsideFiles.map { LayeredFiles(front: files, back: $0) } ?? files, editor: editor,
        portForwarder: portForwarder)
      for (path, text) in result.copiedFiles { files.files[path] = text }
    case "sleep":
      result = sleep(arguments)
    case "sim":
      result = SimCommand.run(arguments, cluster: &cluster)
    default:
      result = CommandResult(output: "sh: 1: \(program): not found\n", exitCode: 127)
    }
    result.shape = CommandShape(words)
    return result
  }

  private mutating func sleep(_ arguments: [String]) -> CommandResult {
    guard !arguments.isEmpty else {
      return CommandResult(output: "sleep: missing operand\nTry 'sleep --help' for more information.\n", exitCode: 1)
    }
    // getopt reads "-1" as an option before sleep reads any number (LC_ALL=C sleep -1).
    if let option = arguments.first(where: { $0.count > 1 && $0.hasPrefix("-") && !$0.hasPrefix("--") }) {
      return CommandResult(
        output:
          "sleep: invalid option -- '\(option.dropFirst().prefix(1))'\nTry 'sleep --help' for more information.\n",
        exitCode: 1)
    }
    var total = 0.0
    for argument in arguments {
      guard let seconds = SleepDuration.seconds(argument) else {
        return CommandResult(
          output: "sleep: invalid time interval '\(argument)'\nTry 'sleep --help' for more information.\n",
          exitCode: 1)
      }
      total += seconds
    }
    do {
      try cluster.sleep(seconds: total)
    } catch {
      return CommandResult(
        output: KubectlError.api(error).text.replacingPrefix("error: ", with: "sleep: ") + "\n", exitCode: 1)
    }
    return CommandResult(exitCode: cluster.wasInterrupted ? CommandResult.interruptedStatus : 0)
  }
}

extension String {
  func replacingPrefix(_ prefix: String, with replacement: String) -> String {
    hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
  }
}
