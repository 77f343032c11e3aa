import KubeSim

/// `kubectl config set-cluster` and `set-credentials`: create an entry or merge flags into it
/// (`set_cluster.go`, `set_credentials.go`), with their validation and their rules for which
/// fields a flag clears. Files named by `--embed-certs` are the page's files.
enum ConfigEntryCommands {
  /// `config set-cluster NAME [--server=] [--certificate-authority=] [--embed-certs]
  /// [--insecure-skip-tls-verify] [--tls-server-name=] [--proxy-url=]`.
  static func setCluster(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let command = "config set-cluster"
    let parsed = try FlagParser(
      command: command,
      specs: ["server", "tls-server-name", "certificate-authority", "proxy-url"].map {
        .init(name: $0, short: nil, takesValue: true)
      } + ["insecure-skip-tls-verify", "embed-certs"].map { .init(name: $0, short: nil, takesValue: false) }
    ).parse(arguments)
    guard parsed.positional.count == 1 else {
      throw ConfigCommand.unexpectedArguments(parsed.positional, command: command, output: &output)
    }
    let name = parsed.positional[0]
    guard !name.isEmpty else { throw .plain("you must specify a non-empty cluster name") }
    let authority = parsed.value("certificate-authority")
    let embed = parsed.flag("embed-certs")
    if parsed.flag("insecure-skip-tls-verify") && !(authority ?? "").isEmpty {
      throw .plain("you cannot specify a certificate authority and insecure mode at the same time")
    }
    var embedded: [UInt8]?
    if embed {
      guard let path = authority, !path.isEmpty else {
        throw .plain("you must specify a --certificate-authority to embed")
      }
      embedded = try read(path, flag: "certificate-authority", context: context)
    }
    var cluster = context.kubeconfig.clusters[name] ?? Kubeconfig.ClusterEntry()
    if let server = parsed.value("server") {
      cluster.server = server
      // A new server clears the old one's TLS server name.
      cluster.tlsServerName = ""
    }
    if let serverName = parsed.value("tls-server-name") { cluster.tlsServerName = serverName }
    if parsed.values["insecure-skip-tls-verify"] != nil {
      cluster.insecureSkipTLSVerify = parsed.flag("insecure-skip-tls-verify")
      if cluster.insecureSkipTLSVerify {
        cluster.certificateAuthority = ""
        cluster.certificateAuthorityData = nil
      }
    }
    if let authority {
      if let embedded {
        cluster.certificateAuthorityData = embedded.isEmpty ? nil : .bytes(embedded)
        cluster.insecureSkipTLSVerify = false
        cluster.certificateAuthority = ""
      } else {
        // `filepath.Abs` (of "" too: the working directory) clears the data and insecure mode.
        cluster.certificateAuthority = context.kubeconfig.absolute(authority)
        cluster.insecureSkipTLSVerify = false
        cluster.certificateAuthorityData = nil
      }
    }
    if let proxy = parsed.value("proxy-url") { cluster.proxyURL = proxy }
    if cluster != context.kubeconfig.clusters[name] {
      context.kubeconfig.clusters[name] = cluster
      context.kubeconfig.relativizeCluster(name)
    }
    output.line("Cluster \"\(name)\" set.")
  }

  /// `config set-credentials NAME` with client certificate, token, basic auth, auth provider
  /// and exec plugin flags.
  static func setCredentials(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let command = "config set-credentials"
    let valued = [
      "client-certificate", "client-key", "token", "username", "password", "auth-provider", "exec-command",
      "exec-api-version", "exec-interactive-mode",
    ]
    let parsed = try FlagParser(
      command: command,
      specs: valued.map { .init(name: $0, short: nil, takesValue: true) }
        + ["auth-provider-arg", "exec-arg", "exec-env"].map {
          .init(name: $0, short: nil, takesValue: true, repeatable: true)
        } + ["embed-certs", "exec-provide-cluster-info"].map { .init(name: $0, short: nil, takesValue: false) }
    ).parse(arguments)
    // `complete`'s errors follow the command's help.
    /// The help, then `message`.
    func helpError(_ message: String) -> KubectlError {
      output.write(KubectlHelpTexts.texts[command].map { $0 + "\n" } ?? "")
      return .plain(message)
    }
    guard parsed.positional.count == 1 else {
      throw helpError("unexpected args: [\(parsed.positional.joined(separator: " "))]")
    }
    let providerArgs = try Self.stringSlice(parsed.all("auth-provider-arg"), flag: "auth-provider-arg")
    let providerPairs = Pairs(providerArgs)
    if !providerPairs.invalid.isEmpty {
      throw helpError("invalid auth-provider-arg format: \(providerPairs.invalid.joined(separator: ", "))")
    }
    let execArgs = try Self.stringSlice(parsed.all("exec-arg"), flag: "exec-arg")
    let envPairs = Pairs(parsed.all("exec-env"))
    if !envPairs.invalid.isEmpty {
      throw helpError("invalid exec-env format: \(envPairs.invalid.joined(separator: ", "))")
    }
    let name = parsed.positional[0]
    guard !name.isEmpty else { throw .plain("you must specify a non-empty user name") }
    var methods: [String] = []
    if !(parsed.value("token") ?? "").isEmpty { methods.append("--token") }
    if !(parsed.value("username") ?? "").isEmpty || !(parsed.value("password") ?? "").isEmpty {
      methods.append("--username/--password")
    }
    if methods.count > 1 {
      throw .plain(
        "you cannot specify more than one authentication method at the same time: \(methods.joined(separator: ", "))")
    }
    let certificatePath = parsed.value("client-certificate") ?? ""
    let keyPath = parsed.value("client-key") ?? ""
    let embed = parsed.flag("embed-certs")
    var certificateBytes: [UInt8]?
    var keyBytes: [UInt8]?
    if embed {
      if certificatePath.isEmpty && keyPath.isEmpty {
        throw .plain("you must specify a --client-certificate or --client-key to embed")
      }
      if !certificatePath.isEmpty {
        certificateBytes = try read(certificatePath, flag: "client-certificate", context: context)
      }
      if !keyPath.isEmpty { keyBytes = try read(keyPath, flag: "client-key", context: context) }
    }
    if let mode = parsed.value("exec-interactive-mode"), !["IfAvailable", "Always", "Never"].contains(mode) {
      throw .plain("invalid interactive mode type, can be only IfAvailable, Never, Always")
    }
    var user = context.kubeconfig.users[name] ?? Kubeconfig.UserEntry()
    let config = context.kubeconfig
    /// `--client-certificate` or `--client-key`: embedded bytes, or the absolute path.
    func apply(_ flag: String, embedded: [UInt8]?, path: inout String, data: inout KubeconfigData?) {
      guard let given = parsed.value(flag) else { return }
      if embed {
        data = (embedded ?? []).isEmpty ? nil : .bytes(embedded ?? [])
        path = ""
      } else {
        path = config.absolute(given)
        data = nil
      }
    }
    apply(
      "client-certificate", embedded: certificateBytes, path: &user.clientCertificate, data: &user.clientCertificateData
    )
    apply("client-key", embedded: keyBytes, path: &user.clientKey, data: &user.clientKeyData)
    var setToken = false
    var setBasic = false
    if let token = parsed.value("token") {
      user.token = token
      setToken = !token.isEmpty
    }
    if let username = parsed.value("username") {
      user.username = username
      setBasic = setBasic || !username.isEmpty
    }
    if let password = parsed.value("password") {
      user.password = password
      setBasic = setBasic || !password.isEmpty
    }
    if let provider = parsed.value("auth-provider"), user.authProvider?.name != provider {
      user.authProvider = Kubeconfig.AuthProvider(name: provider, config: nil)
    }
    if var provider = user.authProvider {
      var settings = provider.config ?? [:]
      for key in providerPairs.removed { settings[key] = nil }
      for (key, value) in providerPairs.added { settings[key] = value }
      provider.config = settings
      user.authProvider = provider
    }
    if let execCommand = parsed.value("exec-command") {
      if var exec = user.exec {
        exec.command = execCommand
        exec.args = nil
        user.exec = exec
      } else {
        user.exec = Kubeconfig.ExecPlugin(command: execCommand)
      }
    }
    if var exec = user.exec {
      if let version = parsed.value("exec-api-version") { exec.apiVersion = version }
      if !execArgs.isEmpty { exec.args = execArgs }
      if let mode = parsed.value("exec-interactive-mode") { exec.interactiveMode = mode }
      if parsed.values["exec-provide-cluster-info"] != nil {
        exec.provideClusterInfo = parsed.flag("exec-provide-cluster-info")
      }
      // kubectl appends several new variables of one command in Go's random map order;
      // kubebook keeps the order they were given in.
      if !parsed.all("exec-env").isEmpty {
        var env = (exec.env ?? []).filter { !envPairs.removed.contains($0.name) }
        for (key, value) in envPairs.added {
          if let index = env.firstIndex(where: { $0.name == key }) {
            env[index].value = value
          } else {
            env.append(Kubeconfig.EnvVar(name: key, value: value))
          }
        }
        exec.env = env
      }
      user.exec = exec
    }
    // Setting one way to authenticate clears the other.
    if setToken || setBasic {
      if !setToken { user.token = "" }
      if !setBasic {
        user.username = ""
        user.password = ""
      }
    }
    if user != context.kubeconfig.users[name] {
      context.kubeconfig.users[name] = user
      context.kubeconfig.relativizeUser(name)
    }
    context.kubeconfig.applyDefaults()
    output.line("User \"\(name)\" set.")
  }

  /// The file at `path` for `--embed-certs`, or the `os.Stat` error kubectl prints.
  private static func read(_ path: String, flag: String, context: CommandContext) throws(KubectlError) -> [UInt8] {
    guard let bytes = context.kubeconfig.read(path, from: context.files) else {
      throw .plain("could not stat \(flag) file \(path): stat \(path): no such file or directory")
    }
    return bytes
  }

  /// pflag's `StringSlice` values: each comma-separated, none for an empty value. pflag
  /// reads them as CSV; quoted fields are refused rather than split wrongly.
  private static func stringSlice(_ values: [String], flag: String) throws(KubectlError) -> [String] {
    var items: [String] = []
    for value in values where !value.isEmpty {
      if value.contains("\"") || value.contains("\n") {
        throw .plain("kubebook does not simulate quoted or multi-line values of --\(flag)")
      }
      items += value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    }
    return items
  }

  /// `cmdutil.ParsePairs` with removal: `key=value` to add, `key-` to remove.
  struct Pairs {
    /// The pairs to add, in order (a later value for a key replaces an earlier one).
    var added: [(String, String)] = []
    var removed: [String] = []
    var invalid: [String] = []

    init(_ arguments: [String]) {
      for argument in arguments {
        if let equals = argument.firstIndex(of: "="), equals != argument.startIndex {
          let key = String(argument[..<equals])
          let value = String(argument[argument.index(after: equals)...])
          if let index = added.firstIndex(where: { $0.0 == key }) {
            added[index].1 = value
          } else {
            added.append((key, value))
          }
        } else if argument.hasSuffix("-") && argument != "-" {
          removed.append(String(argument.dropLast()))
        } else {
          invalid.append(argument)
        }
      }
    }
  }
}

extension Kubeconfig {
  /// The bytes of the file at `path` (relative to the working directory, or absolute inside
  /// it): the page's files are the only ones kubebook has.
  func read(_ path: String, from files: any FileProvider) -> [UInt8]? {
    var relative = path
    if path.hasPrefix("/") {
      let cleaned = FilePath.clean(path)
      let prefix = FilePath.clean(workingDirectory) + "/"
      guard cleaned.hasPrefix(prefix) else { return nil }
      relative = String(cleaned.dropFirst(prefix.count))
    }
    return files.contents(of: relative).map { Array($0.utf8) }
  }
}
