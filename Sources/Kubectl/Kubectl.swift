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
  /// `editor` is the user's editor, for `kubectl edit`, and `portForwarder` listens for
  /// `kubectl port-forward` (nil: there is none).
  public static func run(
    _ arguments: [String], stdin: String? = nil, cluster: inout Cluster, kubeconfig: inout Kubeconfig,
    files: any FileProvider, editor: TextEditor? = nil, portForwarder: PortForwarder? = nil
  ) -> CommandResult {
    var output = OutputBuffer()
    var context = CommandContext(cluster: cluster, kubeconfig: kubeconfig, files: files, stdin: stdin)
    let started = cluster.now
    let verbosity = RESTLog.verbosity(in: arguments)
    context.rest.level = verbosity
    context.editor = editor
    context.portForwarder = portForwarder
    defer { kubeconfig = context.kubeconfig }
    var status: Int32
    do {
      try dispatch(arguments, context: &context, output: &output)
      context.recordClientWrites()
      cluster = context.cluster
      status = cluster.wasInterrupted ? CommandResult.interruptedStatus : context.exitCode ?? (context.failed ? 1 : 0)
    } catch {
      context.recordClientWrites()
      cluster = context.cluster
      // A wait that Ctrl-C stopped ends without the error its timeout would print.
      if !cluster.wasInterrupted { output.line(error.text) }
      status = cluster.wasInterrupted ? CommandResult.interruptedStatus : 1
    }
    // A usage error (cobra's `Error: ...`) comes before kubectl loads its configuration.
    if verbosity >= 6 && (context.rest.described || !output.text.hasPrefix("Error: ")) {
      var log = RESTLog.lines(
        context.rest.calls, server: context.kubeconfig.server ?? "", level: verbosity, now: started,
        seed: cluster.config.seed)
      if !context.rest.described {
        log += "kubebook: -v=\(verbosity) lists the REST calls of some commands only; this command's are not shown\n"
      }
      output.prepend(log)
    }
    var result = CommandResult(output: output.text, exitCode: status, marks: output.marks)
    result.copiedFiles = context.copiedFiles
    return result
  }

  private static func dispatch(
    _ given: [String], context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let arguments = try commandFirst(given)
    guard let command = arguments.first else {
      throw KubectlError(text: "error: kubebook shows kubectl's help only for its subcommands; try 'kubectl get -h'")
    }
    if arguments.contains("-h") || arguments.contains("--help") {
      output.write(try help(for: arguments))
      return
    }
    var (path, consumed) = KubectlCommandTree.resolve(arguments)
    // `kubectl options` is a command its help tree does not list.
    if path.isEmpty && KubectlCommands.runners[command] != nil { (path, consumed) = (command, 1) }
    if let runner = KubectlCommands.runners[path] {
      // The commands that print objects they write take --show-managed-fields here, once;
      // `get`, `diff` and `cluster-info dump` read it themselves.
      var arguments = arguments
      if !["get", "diff", "cluster-info dump"].contains(path),
        KubectlCommandTree.hasFlag(named: "show-managed-fields", command: path)
      {
        for (index, argument) in arguments.enumerated().reversed()
        where argument == "--show-managed-fields" || argument.hasPrefix("--show-managed-fields=") {
          context.showManagedFields = !argument.hasSuffix("=false")
          arguments.remove(at: index)
        }
      }
      context.fieldManager = ClientWrites.manager(path: path, arguments: arguments)
      if context.fieldManager != nil { context.writeMark = context.cluster }
      try runner(Array(arguments.dropFirst(consumed)), &context, &output)
      return
    }
    if !path.isEmpty || knownCommands.contains(command) {
      throw .plain("kubebook does not simulate \"kubectl \(path.isEmpty ? command : path)\" yet")
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

  /// The arguments with flags typed before the command (`kubectl -n shop get pods`) moved
  /// after its path, as cobra finds a command by skipping flags: a flag kubectl does not know
  /// as a boolean takes the next word as its value (`stripFlags`). When no command follows an
  /// unknown flag, kubectl's plugin handler refuses it.
  static func commandFirst(_ arguments: [String]) throws(KubectlError) -> [String] {
    var leading: [String] = []
    var index = 0
    var unknown: String?
    while index < arguments.count, arguments[index].hasPrefix("-"), arguments[index].count > 1,
      !["-h", "--help"].contains(arguments[index])
    {
      let word = arguments[index]
      let name =
        word.hasPrefix("--") ? String(word.dropFirst(2).prefix { $0 != "=" }) : String(word.dropFirst().prefix(1))
      let flag = KubectlCommandTree.globalFlags.first {
        word.hasPrefix("--") ? $0.name == name : $0.short == name.first
      }
      if flag == nil && unknown == nil { unknown = word }
      let inline = word.hasPrefix("--") ? word.contains("=") : word.count > 2
      let takesNext = !inline && flag?.isBoolean != true
      leading += [word]
      index += 1
      if takesNext {
        guard index < arguments.count else {
          if flag == nil {
            let problem =
              word.hasPrefix("--") ? "unknown flag: --\(name)" : "unknown shorthand flag: '\(name)' in \(word)"
            throw KubectlError(text: "Error: \(problem)\nSee 'kubectl --help' for usage.")
          }
          let missing = word.hasPrefix("--") ? word : "'\(name)' in \(word)"
          throw KubectlError(text: "Error: flag needs an argument: \(missing)\nSee 'kubectl --help' for usage.")
        }
        leading.append(arguments[index])
        index += 1
      }
    }
    guard !leading.isEmpty else { return arguments }
    let rest = Array(arguments[index...])
    let (path, consumed) = KubectlCommandTree.resolve(rest)
    if path.isEmpty, let unknown, !rest.isEmpty {
      throw KubectlError(text: "Error: flags cannot be placed before plugin name: \(unknown)")
    }
    return Array(rest.prefix(consumed)) + leading + Array(rest.dropFirst(consumed))
  }

  /// kubectl's help text for the command path in `arguments` (`rollout status -h`, `create
  /// deploy -h`): cobra finds subcommands by their aliases too, and ignores flags.
  static func help(for arguments: [String]) throws(KubectlError) -> String {
    let words = arguments.filter { !$0.hasPrefix("-") }
    let path = KubectlCommandTree.resolve(words).path
    guard let text = KubectlHelpTexts.texts[path] else {
      throw .plain("kubebook has no help text for \"kubectl \(path)\"")
    }
    return text + "\n"
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
  /// The REST calls the command describes, for `-v=6` and up.
  var rest = RESTRecorder()
  /// The exit status a command passes on (`kubectl run --restart=Never` and its container's
  /// exit code), when it is not 0 or 1.
  var exitCode: Int32?
  /// The user's editor (`kubectl edit`), in `kubebook shell` on a terminal only.
  var editor: TextEditor?
  /// `--validate` of a command that writes manifests: whether the server refuses the fields
  /// a custom kind's schema prunes, or prunes them with or without a warning.
  var validation = FieldValidation.strict
  /// Warnings the server answered with, printed before the command's next line.
  var warnings: [String] = []
  /// What really listens for `kubectl port-forward`, in `kubebook shell` on a terminal only.
  var portForwarder: PortForwarder?
  /// Files `kubectl cp` copied out of a container, by path in the working directory.
  var copiedFiles: [String: String] = [:]
  /// The field manager of a command that writes (``ClientWrites``), and the cluster as it
  /// was when its writes were last recorded.
  var fieldManager: (manager: String, subresource: String?)?
  var writeMark: Cluster?

  /// `--show-managed-fields`, for the commands that print objects they wrote.
  var showManagedFields = false

  /// `object`, an object the server answered with, as kubectl prints it in `format`: with
  /// `metadata.managedFields` for jsonpath and go-template, and for `-o yaml|json` only with
  /// `--show-managed-fields` (cli-runtime `json_yaml_flags.go`). A client dry run's object
  /// (no uid) has none.
  mutating func served(_ object: JSONValue, format: OutputFormat) -> JSONValue {
    switch format {
    case .yaml, .json: guard showManagedFields else { return object }
    case .jsonPath, .goTemplate: break
    default: return object
    }
    guard let uid = object["metadata"]?["uid"]?.stringValue, !uid.isEmpty else { return object }
    recordClientWrites()
    return ManagedFields.adding(to: object, cluster: cluster)
  }

  /// Records the client's writes since ``writeMark`` for `--show-managed-fields`.
  mutating func recordClientWrites() {
    guard let fieldManager, let writeMark else { return }
    ClientWrites.record(
      since: writeMark, into: &cluster, manager: fieldManager.manager, subresource: fieldManager.subresource)
    self.writeMark = cluster
  }

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
      if VirtualDirectory.normalize(path) == nil && path != "." {
        throw .plain(
          "kubebook reads files only inside the working directory, so it does not read \"\(path)\" (an absolute path, or one that leaves the directory with ..)"
        )
      }
      throw .plain("the path \"\(path)\" does not exist")
    }
    return text
  }

  /// Reads a `--from-file` source of `create configmap|secret`, with kubectl's error for a
  /// missing file (`handleFromFileSources`).
  func readSource(_ path: String) throws(KubectlError) -> String {
    guard let text = files.contents(of: path) else {
      throw .plain("error reading \(path): no such file or directory")
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
    recordClientWrites()
    // No copy is held while the controllers run, so their writes copy no store.
    let tracking = writeMark != nil
    writeMark = nil
    defer { if tracking { writeMark = cluster } }
    do { try cluster.settle() } catch { throw .api(error) }
  }
}
