import KubeSim

/// A ``Kubeconfig`` as `kubectl config view` prints it: converted to `clientcmd/api/v1.Config`
/// (its field order, maps as lists in name order), after `--minify`, and redacted unless
/// `--raw` or `--flatten` (`RedactSecrets` then `ShortenConfig`: certificate and key data
/// become `DATA+OMITTED`, tokens and passwords `REDACTED`).
struct KubeconfigDocument {
  /// How `view` treats secrets.
  enum Secrets {
    /// The default: redacted and shortened.
    case redacted
    /// `--raw`: as they are; `kubeadm` gives the bytes of kubeadm's files.
    case raw(kubeadm: (KubeadmFile) -> [UInt8])
  }

  /// The entries to print.
  var config: Kubeconfig
  var secrets: Secrets

  /// Reduces the entries to the current context and what it uses (`clientcmdapi.MinifyConfig`).
  mutating func minify() throws(KubectlError) {
    let name = config.currentContext
    guard !name.isEmpty else { throw .plain("current-context must exist in order to minify") }
    guard let context = config.contexts[name] else { throw .plain("cannot locate context \(name)") }
    var clusters: [String: Kubeconfig.ClusterEntry] = [:]
    if !context.cluster.isEmpty {
      guard let cluster = config.clusters[context.cluster] else {
        throw .plain("cannot locate cluster \(context.cluster)")
      }
      clusters[context.cluster] = cluster
    }
    var users: [String: Kubeconfig.UserEntry] = [:]
    if !context.user.isEmpty {
      guard let user = config.users[context.user] else { throw .plain("cannot locate user \(context.user)") }
      users[context.user] = user
    }
    config.clusters = clusters
    config.users = users
    config.contexts = [name: context]
  }

  /// Replaces certificate, key and CA paths by the files' contents (`clientcmdapi.FlattenConfig`):
  /// relative paths are the kubeconfig file's, and `read` gives an absolute path's bytes.
  mutating func flatten(read: (String) -> [UInt8]?) throws(KubectlError) {
    let base = FilePath.directory(config.path)
    /// `FlattenContent`: the file's bytes in place of its path.
    func flattened(_ path: inout String, _ data: inout KubeconfigData?) throws(KubectlError) {
      guard !path.isEmpty else { return }
      if data != nil { throw .plain("cannot have values for both path and contents") }
      let absolute = path.hasPrefix("/") ? path : FilePath.clean(base + "/" + path)
      guard let bytes = read(absolute) else { throw .plain("open \(absolute): no such file or directory") }
      data = bytes.isEmpty ? nil : .bytes(bytes)
      path = ""
    }
    for name in config.users.keys.sorted() {
      guard var user = config.users[name] else { continue }
      try flattened(&user.clientCertificate, &user.clientCertificateData)
      try flattened(&user.clientKey, &user.clientKeyData)
      config.users[name] = user
    }
    for name in config.clusters.keys.sorted() {
      guard var cluster = config.clusters[name] else { continue }
      try flattened(&cluster.certificateAuthority, &cluster.certificateAuthorityData)
      config.clusters[name] = cluster
    }
  }

  /// The `v1.Config` object.
  var json: JSONValue {
    /// A list of named entries, or null when there are none (a nil slice).
    func list<Entry>(_ entries: [String: Entry], key: String, _ body: (Entry) -> JSONValue) -> JSONValue {
      guard !entries.isEmpty else { return .null }
      return .array(
        entries.sorted { $0.key < $1.key }.map { .object([("name", .string($0.key)), (key, body($0.value))]) })
    }
    var preferences = JSONObjectBuilder()
    preferences.set("colors", config.colors ? .bool(true) : nil)
    return .object([
      ("kind", .string("Config")), ("apiVersion", .string("v1")), ("preferences", preferences.value),
      ("clusters", list(config.clusters, key: "cluster", cluster)), ("users", list(config.users, key: "user", user)),
      ("contexts", list(config.contexts, key: "context", context)),
      ("current-context", .string(config.currentContext)),
    ])
  }

  /// `data` as the document shows it: base64, or what redaction leaves.
  private func shown(_ data: KubeconfigData?, redactedAs redaction: String = Kubeconfig.omitted) -> JSONValue? {
    guard let data else { return nil }
    switch (secrets, data) {
    case (.redacted, _): return .string(redaction)
    case (.raw(let kubeadm), .kubeadm(let file)): return .string(Base64.encode(kubeadm(file)))
    case (.raw, .bytes(let bytes)): return bytes.isEmpty ? nil : .string(Base64.encode(bytes))
    }
  }

  /// A secret string: `REDACTED` unless raw.
  private func secret(_ value: String) -> JSONValue? {
    guard !value.isEmpty else { return nil }
    if case .redacted = secrets { return .string("REDACTED") }
    return .string(value)
  }

  /// A string field with `omitempty`.
  private func text(_ value: String) -> JSONValue? { value.isEmpty ? nil : .string(value) }

  /// A `v1.Cluster`.
  private func cluster(_ entry: Kubeconfig.ClusterEntry) -> JSONValue {
    var fields = JSONObjectBuilder()
    fields.set("server", .string(entry.server))
    fields.set("tls-server-name", text(entry.tlsServerName))
    fields.set("insecure-skip-tls-verify", entry.insecureSkipTLSVerify ? .bool(true) : nil)
    fields.set("certificate-authority", text(entry.certificateAuthority))
    fields.set("certificate-authority-data", shown(entry.certificateAuthorityData))
    fields.set("proxy-url", text(entry.proxyURL))
    fields.set("disable-compression", entry.disableCompression ? .bool(true) : nil)
    return fields.value
  }

  /// A `v1.AuthInfo`.
  private func user(_ entry: Kubeconfig.UserEntry) -> JSONValue {
    var fields = JSONObjectBuilder()
    fields.set("client-certificate", text(entry.clientCertificate))
    fields.set("client-certificate-data", shown(entry.clientCertificateData))
    fields.set("client-key", text(entry.clientKey))
    fields.set("client-key-data", shown(entry.clientKeyData))
    fields.set("token", secret(entry.token))
    fields.set("tokenFile", text(entry.tokenFile))
    fields.set("as", text(entry.impersonate))
    fields.set("as-uid", text(entry.impersonateUID))
    fields.set(
      "as-groups", entry.impersonateGroups.isEmpty ? nil : .array(entry.impersonateGroups.map(JSONValue.string)))
    fields.set("username", text(entry.username))
    fields.set("password", secret(entry.password))
    if let provider = entry.authProvider {
      let config: JSONValue =
        provider.config.map { config in
          .object(config.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
        } ?? .null
      fields.set("auth-provider", .object([("name", .string(provider.name)), ("config", config)]))
    }
    if let exec = entry.exec {
      var plugin = JSONObjectBuilder()
      plugin.set("command", .string(exec.command))
      plugin.set("args", exec.args.map { .array($0.map(JSONValue.string)) } ?? .null)
      plugin.set(
        "env",
        exec.env.map { .array($0.map { .object([("name", .string($0.name)), ("value", .string($0.value))]) }) }
          ?? .null)
      plugin.set("apiVersion", text(exec.apiVersion))
      plugin.set("installHint", text(exec.installHint))
      plugin.set("provideClusterInfo", .bool(exec.provideClusterInfo))
      plugin.set("interactiveMode", text(exec.interactiveMode))
      fields.set("exec", plugin.value)
    }
    return fields.value
  }

  /// A `v1.Context`.
  private func context(_ entry: Kubeconfig.ContextEntry) -> JSONValue {
    var fields = JSONObjectBuilder()
    fields.set("cluster", .string(entry.cluster))
    fields.set("user", .string(entry.user))
    fields.set("namespace", text(entry.namespace))
    return fields.value
  }
}

extension Kubeconfig {
  /// What `kubectl config view` prints instead of certificate and key data without `--raw`.
  static let omitted = "DATA+OMITTED"
}
