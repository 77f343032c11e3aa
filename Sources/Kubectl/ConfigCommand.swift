import KubeSim

/// `kubectl config view|current-context|get-contexts|get-clusters|get-users|use-context|
/// set-context` on the terminal's ``Kubeconfig`` (`kubectl/pkg/cmd/config`).
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
    switch subcommand {
    case "view": try view(rest, config: context.kubeconfig, output: &output)
    case "current-context":
      _ = try FlagParser(command: "config current-context", specs: []).parse(rest)
      guard !context.kubeconfig.currentContext.isEmpty else { throw .plain("current-context is not set") }
      output.line(context.kubeconfig.currentContext)
    case "get-contexts": try getContexts(rest, context: &context, output: &output)
    case "get-clusters":
      _ = try FlagParser(command: "config get-clusters", specs: []).parse(rest)
      output.write("NAME\n" + context.kubeconfig.clusters.map { $0.name + "\n" }.joined())
    case "get-users":
      _ = try FlagParser(command: "config get-users", specs: []).parse(rest)
      output.write("NAME\n" + context.kubeconfig.users.map { $0 + "\n" }.joined())
    case "use-context", "use": try useContext(rest, config: &context.kubeconfig, output: &output)
    case "set-context": try setContext(rest, config: &context.kubeconfig, output: &output)
    default:
      if unsimulated.contains(subcommand) {
        throw .plain("kubebook does not simulate \"kubectl config \(subcommand)\" yet")
      }
      throw KubectlError(
        text: "error: unknown command \"\(subcommand)\"\nSee 'kubectl config -h' for help and examples")
    }
  }

  /// The other subcommands of `kubectl config`, which edit entries kubebook does not model.
  static let unsimulated: Set<String> = [
    "delete-cluster", "delete-context", "delete-user", "rename-context", "set", "set-cluster", "set-credentials",
    "unset",
  ]

  /// `config view [--minify] [-o yaml|json|jsonpath=...|go-template=...]`; `--raw` would print credentials
  /// kubebook does not have.
  private static func view(_ arguments: [String], config: Kubeconfig, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(
      command: "config view",
      specs: [
        .init(name: "minify", short: nil, takesValue: false), .init(name: "raw", short: nil, takesValue: false),
        .init(name: "flatten", short: nil, takesValue: false), .init(name: "output", short: "o", takesValue: true),
        .init(name: "merge", short: nil, takesValue: true),
      ] + OutputFormat.templateFlags
    ).parse(arguments)
    guard parsed.positional.isEmpty else {
      throw KubectlError(
        text:
          "error: unexpected arguments: [\(parsed.positional.joined(separator: " "))]\nSee 'kubectl config view -h' for help and examples"
      )
    }
    if parsed.flag("raw") || parsed.flag("flatten") {
      throw .plain(
        "kubebook does not simulate the admin's credentials, so \"kubectl config view --raw\" is not simulated")
    }
    let requested = parsed.value("output") ?? ""
    // `config view` prints YAML unless told otherwise.
    let format =
      requested.isEmpty && parsed.value("template") == nil ? .yaml : try OutputFormat.parseWithoutTables(parsed)
    let document = config.json(minified: parsed.flag("minify"))
    switch format {
    case .json, .yaml, .jsonPath, .goTemplate: output.write(try format.printed(typed: document))
    default: throw .plain("kubebook does not simulate \"kubectl config view -o \(requested)\" yet")
    }
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
    let wanted = parsed.positional.isEmpty ? config.contexts.map(\.name) : parsed.positional
    for name in wanted.sorted() {
      guard let entry = config.contexts.first(where: { $0.name == name }) else {
        missing.append(name)
        continue
      }
      rows.append(
        nameOnly
          ? [name]
          : [name == config.currentContext ? "*" : " ", name, entry.cluster, entry.user, entry.namespace ?? ""])
    }
    output.write(nameOnly ? rows.map { $0[0] + "\n" }.joined() : TabWriter.get.format(rows))
    guard !missing.isEmpty else { return }
    // One missing name is kubectl's error; several are an aggregate, printed without `error: `.
    if missing.count == 1 { throw .plain("context \(missing[0]) not found") }
    throw KubectlError(text: missing.map { "context \($0) not found" }.joined(separator: "\n"))
  }

  /// The error of a config subcommand given the wrong number of arguments: kubectl prints the
  /// command's help first (`cmd.Help()`), then `Unexpected args: [...]`.
  private static func unexpectedArguments(_ arguments: [String], command: String, output: inout OutputBuffer)
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
    guard config.contexts.contains(where: { $0.name == name }) else {
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
    let existing = config.contexts.first { $0.name == name }
    var entry = existing ?? Kubeconfig.Context(name: name, cluster: "", user: "")
    if let cluster = parsed.value("cluster") { entry.cluster = cluster }
    if let user = parsed.value("user") { entry.user = user }
    if let namespace = parsed.value("namespace") { entry.namespace = namespace.isEmpty ? nil : namespace }
    config.store(entry)
    output.line("Context \"\(name)\" \(existing == nil ? "created" : "modified").")
  }
}
