import KubeSim

/// `kubectl create configmap NAME` and `kubectl create secret generic NAME`, with
/// `--from-literal=KEY=VALUE` and `--from-file=[KEY=]PATH` (the page's files), built as `create_configmap.go` and `create_secret.go` build them.
enum CreateConfigCommand {
  static let flags: [FlagParser.Spec] =
    [
      .init(name: "from-literal", short: nil, takesValue: true, repeatable: true),
      .init(name: "from-file", short: nil, takesValue: true, repeatable: true),
      .init(name: "type", short: nil, takesValue: true),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "save-config", short: nil, takesValue: false),
    ] + OutputFormat.templateFlags

  /// What is being created.
  enum Kind {
    case configMap, secret

    var command: String { self == .configMap ? "create configmap" : "create secret generic" }
    var resource: String { self == .configMap ? "configmap" : "secret" }
    var typeName: String { self == .configMap ? "ConfigMap" : "Secret" }
  }

  static func run(
    _ arguments: [String], kind: Kind, context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let parsed = try FlagParser(command: kind.command, specs: flags).parse(arguments)
    guard parsed.positional.count == 1 else {
      throw KubectlError(
        text:
          "error: exactly one NAME is required, got \(parsed.positional.count)\nSee 'kubectl \(kind.command) -h' for help and examples"
      )
    }
    let name = parsed.positional[0]
    var data: [String: String] = [:]
    func add(_ key: String, _ value: String) throws(KubectlError) {
      if !ConfigKey.isValid(key) {
        throw .plain(
          kind == .configMap
            ? "\(Validation.quote(key)) is not a valid key name for a ConfigMap: \(ConfigKey.message)"
            : "\(Validation.quote(key)) is not valid key name for a Secret \(ConfigKey.message)")
      }
      if data[key] != nil {
        throw .plain(
          kind == .configMap
            ? "cannot add key \(Validation.quote(key)), another key by that name already exists in Data for ConfigMap \(Validation.quote(name))"
            : "cannot add key \(key), another key by that name already exists")
      }
      data[key] = value
    }
    for path in parsed.all("from-file") {
      var key = String(path.split(separator: "/").last ?? Substring(path))
      var file = path
      if let equals = path.firstIndex(of: "=") {
        key = String(path[..<equals])
        file = String(path[path.index(after: equals)...])
      }
      try add(key, try context.readSource(file))
    }
    for literal in parsed.all("from-literal") {
      guard let equals = literal.firstIndex(of: "="), equals != literal.startIndex else {
        throw .plain("invalid literal source \(literal), expected key=value")
      }
      try add(String(literal[..<equals]), String(literal[literal.index(after: equals)...]))
    }
    let metadata = ObjectMeta(name: name, namespace: context.namespace(parsed))
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    let dryRunMode = try DryRun.mode(parsed.value("dry-run"))
    let dryRun = dryRunMode == .client
    let saved = context.cluster
    let secret = Secret(
      metadata: metadata, type: parsed.value("type") ?? "Opaque", data: data.mapValues(Base64.encode))
    if dryRun {
      var object = JSONObjectBuilder()
      object.set("kind", .string(kind.typeName))
      object.set("apiVersion", .string("v1"))
      object.set("metadata", DryRunObjects.metadata(name: name, namespace: parsed.value("namespace")).value)
      if kind == .configMap {
        if !data.isEmpty { object.set("data", .stringMap(data)) }
      } else {
        if !data.isEmpty { object.set("data", .stringMap(secret.data)) }
        object.set("type", parsed.value("type").map(JSONValue.string))
      }
      switch format {
      case .yaml, .json, .jsonPath, .goTemplate: output.write(try format.printed(typed: object.value))
      case .name: output.line("\(kind.resource)/\(name)")
      default: output.line("\(kind.resource)/\(name) created (dry run)")
      }
      return
    }
    do {
      if kind == .configMap {
        try context.cluster.createConfigMap(ConfigMap(metadata: metadata, data: data))
      } else {
        try context.cluster.createSecret(secret)
      }
    } catch {
      // create_secret.go writes "failed to create secret %v", without a colon.
      let prefix = kind == .configMap ? "failed to create configmap: " : "failed to create secret "
      throw .generator(prefix, error, group: "")
    }
    let namespace = context.namespace(parsed)
    if kind == .configMap {
      try context.finishCreate(
        ConfigMap.self, name: name, namespace: namespace, format: format, dryRun: dryRunMode, saved: saved,
        output: &output)
    } else {
      try context.finishCreate(
        Secret.self, name: name, namespace: namespace, format: format, dryRun: dryRunMode, saved: saved,
        output: &output)
    }
  }
}

/// The rule for ConfigMap and Secret keys (`IsConfigMapKey`), checked by kubectl before sending.
enum ConfigKey {
  static let message =
    "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"

  static func isValid(_ key: String) -> Bool {
    !key.isEmpty && key.utf8.count <= 253
      && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
  }
}
