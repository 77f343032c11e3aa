import KubeSim

/// kubectl against a simulated cluster: parses a command's arguments, acts on the cluster
/// and prints what kubectl v1.32 prints.
public enum Kubectl {
  /// The commands kubectl knows, in the order `kubectl.go` registers them: cobra suggests
  /// close matches for an unknown command in this order.
  static let knownCommands = [
    "create", "expose", "run", "set", "explain", "get", "edit", "delete", "rollout", "scale",
    "autoscale", "certificate", "cluster-info", "top", "cordon", "uncordon", "drain", "taint",
    "describe", "logs", "attach", "exec", "port-forward", "proxy", "cp", "auth", "debug", "events",
    "diff", "apply", "patch", "replace", "wait", "kustomize", "label", "annotate", "completion",
    "config", "plugin", "version", "api-versions", "api-resources", "options",
  ]

  /// Runs `kubectl <arguments>` with `stdin` as standard input (for `-f -`), with kubeadm's
  /// kubeconfig for `cluster` (changes to it are not kept).
  public static func run(
    _ arguments: [String], stdin: String? = nil, cluster: inout Cluster, files: any FileProvider
  ) -> CommandResult {
    var kubeconfig = Kubeconfig(cluster: cluster)
    return run(arguments, stdin: stdin, cluster: &cluster, kubeconfig: &kubeconfig, files: files)
  }

  /// Runs `kubectl <arguments>` with `stdin` as standard input, reading and updating the
  /// client's `kubeconfig` (`kubectl config ...`).
  public static func run(
    _ arguments: [String], stdin: String? = nil, cluster: inout Cluster, kubeconfig: inout Kubeconfig,
    files: any FileProvider
  ) -> CommandResult {
    var output = OutputBuffer()
    var context = CommandContext(cluster: cluster, kubeconfig: kubeconfig, files: files, stdin: stdin)
    defer { kubeconfig = context.kubeconfig }
    do {
      try dispatch(arguments, context: &context, output: &output)
      cluster = context.cluster
    } catch {
      cluster = context.cluster
      // A wait that Ctrl-C stopped ends without the error its timeout would print.
      if !cluster.wasInterrupted {
        output.line(error.text)
        return CommandResult(output: output.text, exitCode: 1, marks: output.marks)
      }
    }
    let status = cluster.wasInterrupted ? CommandResult.interruptedStatus : context.failed ? 1 : 0
    return CommandResult(output: output.text, exitCode: status, marks: output.marks)
  }

  private static func dispatch(
    _ arguments: [String], context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    guard let command = arguments.first else {
      throw KubectlError(text: "error: kubebook shows kubectl's help only for its subcommands; try 'kubectl get -h'")
    }
    let rest = Array(arguments.dropFirst())
    if arguments.contains("-h") || arguments.contains("--help") {
      output.write(try help(for: arguments))
      return
    }
    switch command {
    case "get": try GetCommand.run(rest, context: &context, output: &output)
    case "run": try RunCommand.run(rest, context: &context, output: &output)
    case "apply": try ApplyCommand.run(rest, mode: .apply, context: &context, output: &output)
    case "create":
      if rest.first == "deployment" || rest.first == "deploy" {
        try CreateDeploymentCommand.run(Array(rest.dropFirst()), context: &context, output: &output)
      } else if rest.first == "ingress" || rest.first == "ing" {
        try CreateIngressCommand.run(Array(rest.dropFirst()), context: &context, output: &output)
      } else if rest.first == "namespace" || rest.first == "ns" {
        try CreateNamespaceCommand.run(Array(rest.dropFirst()), context: &context, output: &output)
      } else if rest.first == "cronjob" || rest.first == "cj" {
        try CreateCronJobCommand.run(Array(rest.dropFirst()), context: &context, output: &output)
      } else if rest.first == "job" {
        try CreateJobCommand.run(Array(rest.dropFirst()), context: &context, output: &output)
      } else if rest.first == "configmap" || rest.first == "cm" {
        try CreateConfigCommand.run(Array(rest.dropFirst()), kind: .configMap, context: &context, output: &output)
      } else if rest.first == "secret" && rest.dropFirst().first == "generic" {
        try CreateConfigCommand.run(Array(rest.dropFirst(2)), kind: .secret, context: &context, output: &output)
      } else if rest.first == "poddisruptionbudget" || rest.first == "pdb" {
        try CreatePodDisruptionBudgetCommand.run(Array(rest.dropFirst()), context: &context, output: &output)
      } else if rest.first == "service" || rest.first == "svc" {
        try CreateServiceCommand.run(Array(rest.dropFirst()), context: &context, output: &output)
      } else if let generator = CreateGenerator.commands[rest.first ?? ""] {
        try generator(Array(rest.dropFirst()), &context, &output)
      } else {
        try ApplyCommand.run(rest, mode: .create, context: &context, output: &output)
      }
    case "options": output.write(KubectlHelpTexts.optionsList + "\n\n")
    case "autoscale": try AutoscaleCommand.run(rest, context: &context, output: &output)
    case "wait": try WaitCommand.run(rest, context: &context, output: &output)
    case "exec": try ExecCommand.run(rest, context: &context, output: &output)
    case "expose": try ExposeCommand.run(rest, context: &context, output: &output)
    case "scale": try ScaleCommand.run(rest, context: &context, output: &output)
    case "describe": try DescribeCommand.run(rest, context: &context, output: &output)
    case "label": try LabelCommand.run(rest, target: .labels, context: &context, output: &output)
    case "explain": try ExplainCommand.run(rest, output: &output)
    case "logs": try LogsCommand.run(rest, context: &context, output: &output)
    case "top": try TopCommand.run(rest, context: &context, output: &output)
    case "cordon": try NodeCommands.cordon(rest, unschedulable: true, context: &context, output: &output)
    case "uncordon": try NodeCommands.cordon(rest, unschedulable: false, context: &context, output: &output)
    case "drain": try NodeCommands.drain(rest, context: &context, output: &output)
    case "taint": try TaintCommand.run(rest, context: &context, output: &output)
    case "annotate": try LabelCommand.run(rest, target: .annotations, context: &context, output: &output)
    case "set": try SetCommand.run(rest, context: &context, output: &output)
    case "rollout": try RolloutCommand.run(rest, context: &context, output: &output)
    case "delete": try DeleteCommand.run(rest, context: &context, output: &output)
    case "version": try VersionCommand.run(rest, context: &context, output: &output)
    case "api-resources": try APIResourcesCommand.run(rest, context: &context, output: &output)
    case "api-versions": try APIResourcesCommand.versions(rest, output: &output)
    case "cluster-info": try ClusterInfoCommand.run(rest, context: &context, output: &output)
    case "config": try ConfigCommand.run(rest, context: &context, output: &output)
    case "patch": try PatchCommand.run(rest, context: &context, output: &output)
    case "events": try EventsCommand.run(rest, context: &context, output: &output)
    case "auth": try AuthCommand.run(rest, context: &context, output: &output)
    default:
      if knownCommands.contains(command) {
        throw .plain("kubebook does not simulate \"kubectl \(command)\" yet")
      }
      // cobra prints this one itself, capitalised, with a blank line after the suggestions.
      var text = "Error: unknown command \"\(command)\" for \"kubectl\""
      let suggestions = knownCommands.filter {
        levenshtein($0, command) <= 2 || $0.hasPrefix(command.lowercased())
      }
      if !suggestions.isEmpty {
        text += "\n\nDid you mean this?\n" + suggestions.map { "\t" + $0 }.joined(separator: "\n") + "\n"
      }
      throw KubectlError(text: text)
    }
  }

  /// The aliases of `kubectl create`'s generators, by alias.
  static let createAliases = [
    "deploy": "deployment", "ing": "ingress", "ns": "namespace", "cj": "cronjob", "cm": "configmap",
    "svc": "service", "pdb": "poddisruptionbudget", "sa": "serviceaccount",
    "pc": "priorityclass", "resourcequota": "quota",
  ]

  /// kubectl's help text for the command path in `arguments` (`rollout status -h`).
  static func help(for arguments: [String]) throws(KubectlError) -> String {
    var words = arguments.filter { !$0.hasPrefix("-") }
    // cobra finds a subcommand by its aliases too (`create deploy -h`).
    if words.first == "create", words.count > 1, let name = createAliases[words[1]] { words[1] = name }
    for length in stride(from: min(2, words.count), through: 0, by: -1) {
      let path = words.prefix(length).joined(separator: " ")
      if let text = KubectlHelpTexts.texts[path] { return text + "\n" }
    }
    throw .plain("kubebook has no help text for \"kubectl \(words.prefix(2).joined(separator: " "))\"")
  }

  /// The edit distance between two strings (cobra's suggestion rule).
  static func levenshtein(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased())
    let b = Array(b.lowercased())
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
      var current = [i] + Array(repeating: 0, count: b.count)
      for j in 1...b.count {
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }
}

/// What a running command works on.
struct CommandContext {
  var cluster: Cluster
  /// The client's kubeconfig: the current context's namespace is the default one.
  var kubeconfig: Kubeconfig
  var files: any FileProvider
  var stdin: String?
  /// Set when a command printed an error but carried on (exit status 1 at the end).
  var failed = false

  /// The namespace from `-n`, else the current context's, else `default`
  /// (clientcmd's `Namespace()`).
  func namespace(_ parsed: FlagParser.Parsed) -> String {
    parsed.value("namespace") ?? defaultNamespace
  }

  /// The namespace commands use without `-n`: the current context's, or `default`.
  var defaultNamespace: String { kubeconfig.namespace ?? "default" }

  /// Reads a `-f` argument: a file of the page, or standard input for `-`.
  func read(_ path: String) throws(KubectlError) -> String {
    if path == "-" { return stdin ?? "" }
    if path.hasPrefix("http://") || path.hasPrefix("https://") {
      throw .plain(
        "kubebook runs offline and does not download \(path); save the manifest in a file= block of the page and use that file"
      )
    }
    guard let text = files.contents(of: path) else {
      throw .plain("the path \"\(path)\" does not exist")
    }
    return text
  }

  /// Moves virtual time until `done` holds, at most `seconds`; a simulator limit becomes an error.
  mutating func wait(seconds: Int64, until done: (Cluster) -> Bool) throws(KubectlError) {
    do {
      try cluster.advance(until: cluster.now.adding(milliseconds: seconds.saturatingMultiply(1000)), done: done)
    } catch {
      throw .api(error)
    }
  }

  /// Runs the controllers until the cluster is quiet.
  mutating func settle() throws(KubectlError) {
    do { try cluster.settle() } catch { throw .api(error) }
  }
}
