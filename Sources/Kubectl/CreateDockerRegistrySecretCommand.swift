import KubeSim

/// `kubectl create secret docker-registry NAME --docker-username=U --docker-password=P
/// [--docker-server=S] [--docker-email=E]` or `--from-file=[KEY=]PATH`: a
/// `kubernetes.io/dockerconfigjson` Secret, built as `create_secret_docker.go` builds it.
enum CreateDockerRegistrySecretCommand {
  static let command = "create secret docker-registry"

  static let flags: [FlagParser.Spec] =
    [
      .init(name: "docker-username", short: nil, takesValue: true),
      .init(name: "docker-password", short: nil, takesValue: true),
      .init(name: "docker-server", short: nil, takesValue: true),
      .init(name: "docker-email", short: nil, takesValue: true),
      .init(name: "from-file", short: nil, takesValue: true, repeatable: true),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "save-config", short: nil, takesValue: false),
    ] + OutputFormat.templateFlags

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: command, specs: flags).parse(arguments)
    guard parsed.positional.count == 1 else {
      throw KubectlError(
        text:
          "error: exactly one NAME is required, got \(parsed.positional.count)\nSee 'kubectl \(command) -h' for help and examples"
      )
    }
    let name = parsed.positional[0]
    let username = parsed.value("docker-username") ?? ""
    let password = parsed.value("docker-password") ?? ""
    let server = parsed.value("docker-server") ?? "https://index.docker.io/v1/"
    // `Complete`: a file source without a key is the `.dockerconfigjson` key.
    let sources = parsed.all("from-file").map { $0.contains("=") ? $0 : ".dockerconfigjson=" + $0 }
    if sources.isEmpty && (username.isEmpty || password.isEmpty || server.isEmpty) {
      throw .plain(
        "either --from-file or the combination of --docker-username, --docker-password and --docker-server is required")
    }
    var data: [String: String] = [:]
    if sources.isEmpty {
      data[".dockerconfigjson"] = dockerConfigJSON(
        username: username, password: password, email: parsed.value("docker-email") ?? "", server: server)
    }
    for source in sources {
      let equals = source.firstIndex(of: "=") ?? source.endIndex
      let key = String(source[..<equals])
      let path = String(source[source.index(after: equals)...])
      if !ConfigKey.isValid(key) {
        throw .plain("\(Validation.quote(key)) is not valid key name for a Secret \(ConfigKey.message)")
      }
      if data[key] != nil { throw .plain("cannot add key \(key), another key by that name already exists") }
      data[key] = try context.readSource(path)
    }
    try finish(
      name: name, type: "kubernetes.io/dockerconfigjson", data: data.mapValues(Base64.encode), parsed: parsed,
      context: &context, output: &output)
  }

  /// The end of a `create secret` generator's `Run()` for a Secret of `type` holding `data`
  /// (base64): printed as built client-side (`--dry-run=client`), or created and named.
  static func finish(
    name: String, type: String, data: [String: String], parsed: FlagParser.Parsed, context: inout CommandContext,
    output: inout OutputBuffer
  ) throws(KubectlError) {
    let secret = Secret(
      metadata: ObjectMeta(name: name, namespace: context.namespace(parsed)), type: type, data: data)
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    if try DryRun.parse(parsed.value("dry-run")) {
      var object = JSONObjectBuilder()
      object.set("kind", .string("Secret"))
      object.set("apiVersion", .string("v1"))
      object.set("metadata", DryRunObjects.metadata(name: name, namespace: parsed.value("namespace")).value)
      object.set("data", .stringMap(secret.data))
      object.set("type", .string(type))
      switch format {
      case .yaml, .json, .jsonPath, .goTemplate: output.write(try format.printed(typed: object.value))
      case .name: output.line("secret/\(name)")
      default: output.line("secret/\(name) created (dry run)")
      }
      return
    }
    do {
      try context.cluster.createSecret(secret)
    } catch {
      // create_secret_docker.go and create_secret_tls.go write "failed to create secret %v",
      // without a colon.
      throw .generator("failed to create secret ", error, group: "")
    }
    try context.settle()
    output.line(format == .name ? "secret/\(name)" : "secret/\(name) created")
  }

  /// `handleDockerCfgJSONContent`: `{"auths":{SERVER:{...}}}` as Go's `json.Marshal` writes
  /// it, empty fields left out, `auth` the base64 of `username:password`.
  static func dockerConfigJSON(username: String, password: String, email: String, server: String) -> String {
    var fields: [String] = []
    for (key, value) in [
      ("username", username), ("password", password), ("email", email),
      ("auth", Base64.encode(username + ":" + password)),
    ] where !value.isEmpty {
      fields.append(JSONPrinter.quote(key) + ":" + JSONPrinter.quote(value))
    }
    return "{\"auths\":{" + JSONPrinter.quote(server) + ":{" + fields.joined(separator: ",") + "}}}"
  }
}
