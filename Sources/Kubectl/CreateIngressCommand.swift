import KubeSim

/// `kubectl create ingress NAME --rule=HOST/PATH=SERVICE:PORT[,tls[=SECRET]] [--class=C]
/// [--default-backend=SERVICE:PORT]`, built as `create_ingress.go` builds it: a path ending in
/// `*` is a Prefix path, any other an Exact one; rules for the same host share one entry.
enum CreateIngressCommand {
  static let flags: [FlagParser.Spec] =
    [
      .init(name: "rule", short: nil, takesValue: true, repeatable: true),
      .init(name: "class", short: nil, takesValue: true),
      .init(name: "default-backend", short: nil, takesValue: true),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "save-config", short: nil, takesValue: false),
    ] + OutputFormat.templateFlags

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "create ingress", specs: flags).parse(arguments)
    guard parsed.positional.count == 1 else {
      throw KubectlError(
        text:
          "error: exactly one NAME is required, got \(parsed.positional.count)\nSee 'kubectl create ingress -h' for help and examples"
      )
    }
    let name = parsed.positional[0]
    var rules: [Ingress.Rule] = []
    var tls: [Ingress.TLS] = []
    for text in parsed.all("rule") {
      let parts = text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
      guard let equals = parts[0].lastIndex(of: "="), let slash = parts[0].firstIndex(of: "/"), slash < equals else {
        throw .plain("rule \(text) is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]")
      }
      let host = String(parts[0][..<slash])
      var path = String(parts[0][slash..<equals])
      let backend = String(parts[0][parts[0].index(after: equals)...])
      var pathType = "Exact"
      if path.hasSuffix("*") {
        path.removeLast()
        pathType = "Prefix"
      }
      let backendParts = backend.split(separator: ":", maxSplits: 1).map(String.init)
      guard backendParts.count == 2 else {
        throw .plain("rule \(text) is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]")
      }
      let port = Int(backendParts[1]).map(Service.Target.number) ?? .name(backendParts[1])
      let entry = Ingress.Path(path: path, pathType: pathType, service: backendParts[0], port: port)
      let ruleHost: String? = host.isEmpty ? nil : host
      if let index = rules.firstIndex(where: { $0.host == ruleHost }) {
        rules[index].paths.append(entry)
      } else {
        rules.append(Ingress.Rule(host: ruleHost, paths: [entry]))
      }
      if parts.count > 1, parts[1].hasPrefix("tls") {
        let secret = parts[1].split(separator: "=", maxSplits: 1).dropFirst().first.map(String.init)
        tls.append(Ingress.TLS(hosts: host.isEmpty ? [] : [host], secretName: secret))
      }
    }
    var ingress = Ingress(
      metadata: ObjectMeta(name: name, namespace: context.namespace(parsed)), className: parsed.value("class"),
      rules: rules)
    ingress.tls = tls
    if let text = parsed.value("default-backend") {
      let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { throw .plain("default-backend should be in format servicename:serviceport") }
      ingress.defaultBackend = (parts[0], Int(parts[1]).map(Service.Target.number) ?? .name(parts[1]))
    }
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    let dryRunMode = try DryRun.mode(parsed.value("dry-run"))
    let saved = context.cluster
    if dryRunMode == .client {
      let object: JSONValue = .object([
        ("kind", .string("Ingress")), ("apiVersion", .string("networking.k8s.io/v1")),
        ("metadata", DryRunObjects.metadata(name: name, namespace: parsed.value("namespace")).value),
        ("spec", ingress.specJSON(goOrder: true)), ("status", .object([("loadBalancer", .object([]))])),
      ])
      switch format {
      case .yaml, .json, .jsonPath, .goTemplate: output.write(try format.printed(typed: object))
      case .name: output.line("ingress.networking.k8s.io/\(name)")
      default: output.line("ingress.networking.k8s.io/\(name) created (dry run)")
      }
      return
    }
    do { try context.cluster.createIngress(ingress) } catch {
      throw .generator("failed to create ingress: ", error, group: "networking.k8s.io")
    }
    try context.finishCreate(
      Ingress.self, name: name, namespace: context.namespace(parsed), format: format, dryRun: dryRunMode, saved: saved,
      output: &output)
  }
}
