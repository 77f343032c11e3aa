import KubeSim

/// The PROPERTY_NAME of `kubectl config set` and `unset`: a dotted path through client-go's
/// internal `clientcmdapi.Config`, read as `navigation_step_parser.go` reads it (a map key may
/// hold dots: the key runs until a part that names a field of the map's values), and applied
/// with `modifyConfig`'s rules and errors. kubectl prints Go pointers in some of those errors
/// (`map[kubernetes:0xc000756f00]`); kubebook prints made-up ones of the same shape. Paths into
/// `extensions` maps and `set` of `exec` or `auth-provider` make kubectl v1.32 panic; kubebook
/// says it does not simulate them instead.
struct KubeconfigProperty {
  /// What a field of the internal types holds, as far as the navigation cares.
  indirect enum FieldType {
    case string, bytes, bool, stringList, pointer
    /// A map of named entries (`clusters`, `users`, `contexts`).
    case entries(Schema)
    /// `extensions`: a map of `runtime.Object`, which kubectl cannot navigate into.
    case objects
    /// `act-as-user-extra`: a `map[string][]string`.
    case stringLists
    case structure(Schema)
    /// A field tagged `json:"-"` (`LocationOfOrigin`): settable, never written to the file.
    case unsaved
  }

  /// A struct type of `clientcmdapi`: its Go name and its fields by JSON tag.
  struct Schema {
    var goName: String
    var fields: [(String, FieldType)]

    /// The type of the field tagged `name`.
    func field(_ name: String) -> FieldType? { fields.first { $0.0 == name }?.1 }
  }

  static let cluster = Schema(
    goName: "api.Cluster",
    fields: [
      ("-", .unsaved), ("server", .string), ("tls-server-name", .string), ("insecure-skip-tls-verify", .bool),
      ("certificate-authority", .string), ("certificate-authority-data", .bytes), ("proxy-url", .string),
      ("disable-compression", .bool), ("extensions", .objects),
    ])
  static let user = Schema(
    goName: "api.AuthInfo",
    fields: [
      ("-", .unsaved), ("client-certificate", .string), ("client-certificate-data", .bytes),
      ("client-key", .string), ("client-key-data", .bytes), ("token", .string), ("tokenFile", .string),
      ("act-as", .string), ("act-as-uid", .string), ("act-as-groups", .stringList),
      ("act-as-user-extra", .stringLists), ("username", .string), ("password", .string),
      ("auth-provider", .pointer), ("exec", .pointer), ("extensions", .objects),
    ])
  static let context = Schema(
    goName: "api.Context",
    fields: [
      ("-", .unsaved), ("cluster", .string), ("user", .string), ("namespace", .string), ("extensions", .objects),
    ])
  static let preferences = Schema(goName: "api.Preferences", fields: [("colors", .bool), ("extensions", .objects)])
  static let config = Schema(
    goName: "api.Config",
    fields: [
      ("kind", .string), ("apiVersion", .string), ("preferences", .structure(preferences)),
      ("clusters", .entries(cluster)), ("users", .entries(user)), ("contexts", .entries(context)),
      ("current-context", .string), ("extensions", .objects),
    ])

  /// The path as given.
  var path: String
  /// Its steps: field names and map keys.
  var steps: [String]

  /// Splits `path` into steps (`newNavigationSteps`).
  init(_ path: String) throws(KubectlError) {
    self.path = path
    let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    var steps: [String] = []
    var type = FieldType.structure(Self.config)
    var index = 0
    while index < parts.count {
      switch type {
      case .entries(let schema):
        // The key runs up to the first later part that names a field of the values.
        let rest = parts[(index + 1)...]
        let end = rest.firstIndex { schema.field($0) != nil } ?? parts.count
        steps.append(parts[index..<end].joined(separator: "."))
        index = end
        type = .structure(schema)
      case .structure(let schema):
        guard let field = schema.field(parts[index]) else {
          let after = "[" + steps.enumerated().map { "{\($1) \(Self.address($0))}" }.joined(separator: " ") + "]"
          throw .plain("unable to parse \(path) after \(after) at \(schema.goName)")
        }
        steps.append(parts[index])
        index += 1
        type = field
      case .objects:
        throw .plain(
          "kubebook does not simulate kubeconfig extensions (kubectl v1.32 panics on \"\(path)\")")
      case .stringLists: throw .plain("string is not of type struct")
      default: throw .plain("unable to parse one or more field values of \(path)")
      }
    }
    self.steps = steps
  }

  /// A made-up Go pointer, the `index`th printed.
  static func address(_ index: Int) -> String { "0xc000" + String(0x10_0000 + index * 0x100, radix: 16) }

  /// Go's `%v` of a map of entries: `map[name:0xc...]` in key order.
  private static func describe<Entry>(_ entries: [String: Entry]) -> String {
    "map[" + entries.keys.sorted().enumerated().map { "\($1):\(address($0))" }.joined(separator: " ") + "]"
  }

  /// Sets the property to `value` (`config set`): `-data` fields take base64 unless
  /// `rawBytes`.
  func set(_ value: String, rawBytes: Bool, in config: inout Kubeconfig) throws(KubectlError) {
    try modify(.set(value, rawBytes: rawBytes), in: &config)
  }

  /// Clears the property, or removes the map entry it names (`config unset`).
  func unset(in config: inout Kubeconfig) throws(KubectlError) {
    try modify(.unset, in: &config)
  }

  /// What `modifyConfig` is asked to do.
  private enum Change {
    case set(String, rawBytes: Bool)
    case unset
  }

  /// `modifyConfig` on the model: the first step is a field of `Config`.
  private func modify(_ change: Change, in config: inout Kubeconfig) throws(KubectlError) {
    let rest = Array(steps.dropFirst())
    switch steps.first ?? "" {
    case "kind", "apiVersion":
      // Held in memory only: kubectl writes `kind: Config` and `apiVersion: v1` anyway.
      break
    case "current-context":
      if case .set(let value, _) = change { config.currentContext = value } else { config.currentContext = "" }
    case "preferences":
      switch (rest.first, change) {
      case (nil, .unset): config.colors = false
      case (nil, .set):
        throw .plain(
          "unable to locate path config.navigationStep{stepValue:\"\", stepType:reflect.Type(nil)} under {\(config.colors) map[]}"
        )
      case ("colors", .set(let value, _)): config.colors = try Self.bool(value)
      case ("colors", .unset): config.colors = false
      default: try Self.emptyMap(change)
      }
    case "clusters":
      try modifyEntry(in: &config.clusters, rest, change) { (entry, field, change) throws(KubectlError) in
        try Self.modify(cluster: &entry, field: field, change)
      }
    case "users":
      try modifyEntry(in: &config.users, rest, change) { (entry, field, change) throws(KubectlError) in
        try Self.modify(user: &entry, field: field, change)
      }
    case "contexts":
      try modifyEntry(in: &config.contexts, rest, change) { (entry, field, change) throws(KubectlError) in
        try Self.modify(context: &entry, field: field, change)
      }
    default: try Self.emptyMap(change)  // extensions
    }
  }

  /// The map case of `modifyConfig` on `entries`, `rest` being the key and the entry's field.
  private func modifyEntry<Entry: DefaultInitializable>(
    in entries: inout [String: Entry], _ rest: [String], _ change: Change,
    field modifyField: (inout Entry, String, Change) throws(KubectlError) -> Void
  ) throws(KubectlError) {
    guard let key = rest.first else {
      if case .set = change { throw .plain("can't set a map to a value: \(Self.describe(entries))") }
      entries = [:]
      return
    }
    guard rest.count > 1 else {
      if case .set = change { throw .plain("can't set a map to a value: \(Self.describe(entries))") }
      entries[key] = nil
      return
    }
    var entry: Entry
    if let existing = entries[key] {
      entry = existing
    } else {
      if case .unset = change { throw .plain("current map key `\(key)` is invalid") }
      entry = Entry()
    }
    try modifyField(&entry, rest[1], change)
    entries[key] = entry
  }

  /// `modifyConfig` on a map field kubebook keeps empty (`extensions`, `act-as-user-extra`):
  /// unsetting it changes nothing, setting it is an error.
  private static func emptyMap(_ change: Change) throws(KubectlError) {
    if case .set = change { throw .plain("can't set a map to a value: map[]") }
  }

  /// `strconv.ParseBool` as `config set` applies it (`toBool`).
  private static func bool(_ value: String) throws(KubectlError) -> Bool {
    switch value {
    case "1", "t", "T", "TRUE", "true", "True": return true
    case "0", "f", "F", "FALSE", "false", "False": return false
    default: throw .plain("strconv.ParseBool: parsing \(Validation.quote(value)): invalid syntax")
    }
  }

  /// A string field's new value.
  private static func string(_ change: Change) -> String {
    if case .set(let value, _) = change { return value }
    return ""
  }

  /// A bool field's new value.
  private static func flag(_ change: Change) throws(KubectlError) -> Bool {
    if case .set(let value, _) = change { return try bool(value) }
    return false
  }

  /// A `[]byte` field's new value: base64-decoded unless raw.
  private static func data(_ change: Change) throws(KubectlError) -> KubeconfigData? {
    guard case .set(let value, let raw) = change else { return nil }
    if raw { return .bytes(Array(value.utf8)) }
    switch GoBase64.decode(value) {
    case .success(let bytes): return bytes.isEmpty ? nil : .bytes(bytes)
    case .failure(let error):
      throw .plain("error decoding input value: illegal base64 data at input byte \(error.offset)")
    }
  }

  /// A field whose `set` makes kubectl panic (`exec`, `auth-provider`).
  private static func pointer(_ change: Change, _ field: String) throws(KubectlError) {
    if case .set = change {
      throw .plain(
        "kubebook does not simulate \"kubectl config set\" of \(field) (kubectl v1.32 panics); use \"kubectl config set-credentials\""
      )
    }
  }

  /// `modifyConfig` on a field of a cluster.
  private static func modify(cluster: inout Kubeconfig.ClusterEntry, field: String, _ change: Change)
    throws(KubectlError)
  {
    switch field {
    case "server": cluster.server = string(change)
    case "tls-server-name": cluster.tlsServerName = string(change)
    case "insecure-skip-tls-verify": cluster.insecureSkipTLSVerify = try flag(change)
    case "certificate-authority": cluster.certificateAuthority = string(change)
    case "certificate-authority-data": cluster.certificateAuthorityData = try data(change)
    case "proxy-url": cluster.proxyURL = string(change)
    case "disable-compression": cluster.disableCompression = try flag(change)
    case "extensions": try emptyMap(change)
    default: break  // "-"
    }
  }

  /// `modifyConfig` on a field of a user.
  private static func modify(user: inout Kubeconfig.UserEntry, field: String, _ change: Change)
    throws(KubectlError)
  {
    switch field {
    case "client-certificate": user.clientCertificate = string(change)
    case "client-certificate-data": user.clientCertificateData = try data(change)
    case "client-key": user.clientKey = string(change)
    case "client-key-data": user.clientKeyData = try data(change)
    case "token": user.token = string(change)
    case "tokenFile": user.tokenFile = string(change)
    case "act-as": user.impersonate = string(change)
    case "act-as-uid": user.impersonateUID = string(change)
    case "act-as-groups":
      if case .set = change { throw .plain("unrecognized slice type. string") }
      user.impersonateGroups = []
    case "username": user.username = string(change)
    case "password": user.password = string(change)
    case "auth-provider":
      try pointer(change, field)
      user.authProvider = nil
    case "exec":
      try pointer(change, field)
      user.exec = nil
    case "act-as-user-extra", "extensions": try emptyMap(change)
    default: break  // "-"
    }
  }

  /// `modifyConfig` on a field of a context.
  private static func modify(context: inout Kubeconfig.ContextEntry, field: String, _ change: Change)
    throws(KubectlError)
  {
    switch field {
    case "cluster": context.cluster = string(change)
    case "user": context.user = string(change)
    case "namespace": context.namespace = string(change)
    case "extensions": try emptyMap(change)
    default: break  // "-"
    }
  }
}

/// An entry `config set` can create empty.
protocol DefaultInitializable {
  init()
}

extension Kubeconfig.ClusterEntry: DefaultInitializable {}
extension Kubeconfig.UserEntry: DefaultInitializable {}
extension Kubeconfig.ContextEntry: DefaultInitializable {}
