import KubeSim

/// `kubectl config set`, `unset`, `delete-cluster`, `delete-context`, `delete-user` and
/// `rename-context` (`kubectl/pkg/cmd/config`), with their messages naming the kubeconfig
/// file (``Kubeconfig/path``).
enum ConfigEditCommands {
  /// `config set PROPERTY_NAME PROPERTY_VALUE [--set-raw-bytes]`.
  static func set(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let command = "config set"
    let parsed = try FlagParser(command: command, specs: [.init(name: "set-raw-bytes", short: nil, takesValue: false)])
      .parse(arguments)
    guard parsed.positional.count == 2 else {
      throw ConfigCommand.unexpectedArguments(parsed.positional, command: command, output: &output)
    }
    let (name, value) = (parsed.positional[0], parsed.positional[1])
    guard !value.isEmpty else { throw .plain("you cannot use set to unset a property") }
    guard !name.isEmpty else { throw .plain("you must specify a property") }
    var config = context.kubeconfig
    try KubeconfigProperty(name).set(value, rawBytes: parsed.flag("set-raw-bytes"), in: &config)
    context.kubeconfig = config
    output.line("Property \"\(name)\" set.")
  }

  /// `config unset PROPERTY_NAME`.
  static func unset(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let command = "config unset"
    let parsed = try FlagParser(command: command, specs: []).parse(arguments)
    guard parsed.positional.count == 1 else {
      throw ConfigCommand.unexpectedArguments(parsed.positional, command: command, output: &output)
    }
    let name = parsed.positional[0]
    guard !name.isEmpty else { throw .plain("you must specify a property") }
    var config = context.kubeconfig
    try KubeconfigProperty(name).unset(in: &config)
    context.kubeconfig = config
    output.line("Property \"\(name)\" unset.")
  }

  /// `config delete-cluster NAME`; without exactly one name kubectl prints the help and
  /// succeeds.
  static func deleteCluster(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    guard let name = try singleName(arguments, command: "config delete-cluster", output: &output) else { return }
    let path = context.kubeconfig.path
    guard context.kubeconfig.clusters.removeValue(forKey: name) != nil else {
      throw .plain("cannot delete cluster \(name), not in \(path)")
    }
    output.line("deleted cluster \(name) from \(path)")
  }

  /// `config delete-context NAME`, warning when it is the current context.
  static func deleteContext(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    guard let name = try singleName(arguments, command: "config delete-context", output: &output) else { return }
    let path = context.kubeconfig.path
    guard context.kubeconfig.contexts[name] != nil else {
      throw .plain("cannot delete context \(name), not in \(path)")
    }
    if context.kubeconfig.currentContext == name {
      output.line(
        "warning: this removed your active context, use \"kubectl config use-context\" to select a different one")
    }
    context.kubeconfig.contexts[name] = nil
    output.line("deleted context \(name) from \(path)")
  }

  /// `config delete-user NAME`.
  static func deleteUser(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "config delete-user", specs: []).parse(arguments)
    guard parsed.positional.count == 1 else {
      throw KubectlError(
        text: "error: user to delete is required\nSee 'kubectl config delete-user -h' for help and examples")
    }
    let name = parsed.positional[0]
    let path = context.kubeconfig.path
    guard context.kubeconfig.users.removeValue(forKey: name) != nil else {
      throw .plain("cannot delete user \(name), not in \(path)")
    }
    output.line("deleted user \(name) from \(path)")
  }

  /// `config rename-context CONTEXT_NAME NEW_NAME`, following it as the current context.
  static func renameContext(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let command = "config rename-context"
    let parsed = try FlagParser(command: command, specs: []).parse(arguments)
    guard parsed.positional.count == 2 else {
      throw ConfigCommand.unexpectedArguments(parsed.positional, command: command, output: &output)
    }
    let (old, new) = (parsed.positional[0], parsed.positional[1])
    guard !new.isEmpty else { throw .plain("You must specify a new non-empty context name") }
    let path = context.kubeconfig.path
    guard let entry = context.kubeconfig.contexts[old] else {
      throw .plain("cannot rename the context \"\(old)\", it's not in \(path)")
    }
    guard context.kubeconfig.contexts[new] == nil else {
      throw .plain("cannot rename the context \"\(old)\", the context \"\(new)\" already exists in \(path)")
    }
    context.kubeconfig.contexts[old] = nil
    context.kubeconfig.contexts[new] = entry
    if context.kubeconfig.currentContext == old { context.kubeconfig.currentContext = new }
    output.line("Context \"\(old)\" renamed to \"\(new)\".")
  }

  /// The one NAME of `delete-cluster` and `delete-context`, or nil after printing the help
  /// when there is not exactly one.
  private static func singleName(_ arguments: [String], command: String, output: inout OutputBuffer)
    throws(KubectlError) -> String?
  {
    let parsed = try FlagParser(command: command, specs: []).parse(arguments)
    guard parsed.positional.count == 1 else {
      output.write(KubectlHelpTexts.texts[command].map { $0 + "\n" } ?? "")
      return nil
    }
    return parsed.positional[0]
  }
}
