import ClusterPKI
import KubeSim

/// `kubectl config` and its subcommands on the terminal's ``Kubeconfig``
/// (`kubectl/pkg/cmd/config`). Reads are here; ``ConfigEntryCommands`` writes entries and
/// ``ConfigEditCommands`` edits, deletes and renames them.
enum ConfigCommand {
  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    guard let subcommand = arguments.first else {
      // cobra prints the group's help and fails (`DefaultSubCommandRun`).
      output.write(KubectlHelpTexts.texts["config"].map { $0 + "\n" } ?? "")
      context.failed = true
      return
    }
    let rest = Array(arguments.dropFirst())
    let name = subcommand == "use" ? "use-context" : subcommand
    guard let runner = subcommands[name] else {
      throw KubectlError(
        text: "error: unknown command \"\(subcommand)\"\nSee 'kubectl config -h' for help and examples")
    }
    try runner(rest, &context, &output)
  }

  /// The subcommands by name (`use` is `use-context`'s alias).
  static let subcommands: [String: CommandRunner] = [
    "view": { (arguments, context, output) throws(KubectlError) in
      try view(arguments, context: context, output: &output)
    },
    "current-context": { (arguments, context, output) throws(KubectlError) in
      _ = try FlagParser(command: "config current-context", specs: []).parse(arguments)
      guard !context.kubeconfig.currentContext.isEmpty else { throw .plain("current-context is not set") }
      output.line(context.kubeconfig.currentContext)
    },
    "get-contexts": getContexts,
    // kubectl lists the clusters in Go's map order, which changes from run to run; kubebook
    // sorts them.
    "get-clusters": { (arguments, context, output) throws(KubectlError) in
      _ = try FlagParser(command: "config get-clusters", specs: []).parse(arguments)
      output.write("NAME\n" + context.kubeconfig.clusters.keys.sorted().map { $0 + "\n" }.joined())
    },
    "get-users": { (arguments, context, output) throws(KubectlError) in
      _ = try FlagParser(command: "config get-users", specs: []).parse(arguments)
      output.write("NAME\n" + context.kubeconfig.users.keys.sorted().map { $0 + "\n" }.joined())
    },
    "use-context": { (arguments, context, output) throws(KubectlError) in
      try useContext(arguments, config: &context.kubeconfig, output: &output)
    },
    "set-context": { (arguments, context, output) throws(KubectlError) in
      try setContext(arguments, config: &context.kubeconfig, output: &output)
    },
    "set-cluster": ConfigEntryCommands.setCluster,
    "set-credentials": ConfigEntryCommands.setCredentials,
    "set": ConfigEditCommands.set,
    "unset": ConfigEditCommands.unset,
    "delete-cluster": ConfigEditCommands.deleteCluster,
    "delete-context": ConfigEditCommands.deleteContext,
    "delete-user": ConfigEditCommands.deleteUser,
    "rename-context": ConfigEditCommands.renameContext,
  ]

  /// `config view [--minify] [--raw] [--flatten] [-o yaml|json|jsonpath=...|go-template=...]`.
  ///
  /// `--raw` and `--flatten` show kubeadm's certificate authority, client certificate and key
  /// as the seeded ``ClusterPKI`` makes them; it is made only when one of them is printed.
  private static func view(_ arguments: [String], context: CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(
      command: "config view",
      specs: [
        .init(name: "minify", short: nil, takesValue: false), .init(name: "raw", short: nil, takesValue: false),
        .init(name: "flatten", short: nil, takesValue: false), .init(name: "output", short: "o", takesValue: true),
        .init(name: "merge", short: nil, takesValue: true),
        // A printer flag with nothing to strip from a Config.
        .init(name: "show-managed-fields", short: nil, takesValue: false),
      ] + OutputFormat.templateFlags
    ).parse(arguments)
    guard parsed.positional.isEmpty else {
      throw KubectlError(
        text:
          "error: unexpected arguments: [\(parsed.positional.joined(separator: " "))]\nSee 'kubectl config view -h' for help and examples"
      )
    }
    // The kubeconfig is found through $KUBECONFIG or the default path, not named by
    // --kubeconfig, so there is no single file to view unmerged.
    if parsed.values["merge"] != nil && !parsed.flag("merge") && parsed.value("kubeconfig") == nil {
      throw .plain("if merge==false a precise file must be specified")
    }
    let requested = parsed.value("output") ?? ""
    // `config view` prints YAML unless told otherwise.
    let format =
      requested.isEmpty && parsed.value("template") == nil ? .yaml : try OutputFormat.parseWithoutTables(parsed)
    switch format {
    case .json, .yaml, .jsonPath, .goTemplate: break
    default: throw .plain("kubebook does not simulate \"kubectl config view -o \(requested)\" yet")
    }
    let config = context.kubeconfig
    let cluster = context.cluster
    var pki: ClusterPKI?
    /// The bytes of a kubeadm file, the PKI made on first use.
    func kubeadm(_ file: KubeadmFile) -> [UInt8] {
      let made = pki ?? ClusterPKI(cluster: cluster)
      pki = made
      return made.bytes(of: file)
    }
    let raw = parsed.flag("raw") || parsed.flag("flatten")
    var document = KubeconfigDocument(config: config, secrets: raw ? .raw(kubeadm: kubeadm) : .redacted)
    if parsed.flag("minify") {
      // `--minify` keeps the context `--context` names.
      if let name = parsed.value("context"), !name.isEmpty { document.config.currentContext = name }
      try document.minify()
    }
    if parsed.flag("flatten") { try document.flatten { config.read($0, from: context.files) } }
    output.write(try format.printed(typed: document.json))
  }

  /// `config get-contexts [NAME...] [--no-headers] [-o name]`: a table of the contexts, the
  /// current one marked `*`, in name order.
  private static func getContexts(
    _ arguments: [String], context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let parsed = try FlagParser(
      command: "config get-contexts",
      specs: [
        .init(name: "no-headers", short: nil, takesValue: false), .init(name: "output", short: "o", takesValue: true),
      ]
    ).parse(arguments)
    let nameOnly: Bool
    switch parsed.value("output") {
    case nil, "": nameOnly = false
    case "name": nameOnly = true
    case let other?:
      throw .plain(
        "--output \(other) is not available in kubectl config get-contexts; resetting to default output format")
    }
    let config = context.kubeconfig
    var rows: [[String]] = []
    if !parsed.flag("no-headers") && !nameOnly { rows.append(["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"]) }
    var missing: [String] = []
    let wanted = parsed.positional.isEmpty ? Array(config.contexts.keys) : parsed.positional
    for name in wanted.sorted() {
      guard let entry = config.contexts[name] else {
        missing.append(name)
        continue
      }
      rows.append(
        nameOnly
          ? [name]
          : [name == config.currentContext ? "*" : " ", name, entry.cluster, entry.user, entry.namespace])
    }
    output.write(nameOnly ? rows.map { $0[0] + "\n" }.joined() : TabWriter.get.format(rows))
    guard !missing.isEmpty else { return }
    // One missing name is kubectl's error; several are an aggregate, printed without `error: `.
    if missing.count == 1 { throw .plain("context \(missing[0]) not found") }
    throw KubectlError(text: missing.map { "context \($0) not found" }.joined(separator: "\n"))
  }

  /// The error of a config subcommand given the wrong number of arguments: kubectl prints the
  /// command's help first (`cmd.Help()`), then `Unexpected args: [...]`.
  static func unexpectedArguments(_ arguments: [String], command: String, output: inout OutputBuffer)
    -> KubectlError
  {
    output.write(KubectlHelpTexts.texts[command].map { $0 + "\n" } ?? "")
    return .plain("Unexpected args: [\(arguments.joined(separator: " "))]")
  }

  /// `config use-context NAME`.
  private static func useContext(_ arguments: [String], config: inout Kubeconfig, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "config use-context", specs: []).parse(arguments)
    guard parsed.positional.count == 1 else {
      throw unexpectedArguments(parsed.positional, command: "config use-context", output: &output)
    }
    let name = parsed.positional[0]
    guard config.contexts[name] != nil else {
      throw .plain("no context exists with the name: \"\(name)\"")
    }
    config.currentContext = name
    output.line("Switched to context \"\(name)\".")
  }

  /// `config set-context [NAME | --current] [--cluster=] [--user=] [--namespace=]`: creates
  /// the context or merges the given fields into it.
  private static func setContext(_ arguments: [String], config: inout Kubeconfig, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(
      command: "config set-context",
      specs: [
        .init(name: "current", short: nil, takesValue: false), .init(name: "cluster", short: nil, takesValue: true),
        .init(name: "user", short: nil, takesValue: true),
      ]
    ).parse(arguments)
    guard parsed.positional.count <= 1 else {
      throw unexpectedArguments(parsed.positional, command: "config set-context", output: &output)
    }
    let current = parsed.flag("current")
    if current && !parsed.positional.isEmpty {
      throw .plain("you cannot specify both a context name and --current")
    }
    let name = current ? config.currentContext : parsed.positional.first ?? ""
    guard !name.isEmpty else {
      throw .plain(current ? "no current context is set" : "you must specify a non-empty context name or --current")
    }
    let existing = config.contexts[name]
    var entry = existing ?? Kubeconfig.ContextEntry()
    if let cluster = parsed.value("cluster") { entry.cluster = cluster }
    if let user = parsed.value("user") { entry.user = user }
    if let namespace = parsed.value("namespace") { entry.namespace = namespace }
    config.contexts[name] = entry
    output.line("Context \"\(name)\" \(existing == nil ? "created" : "modified").")
  }
}
