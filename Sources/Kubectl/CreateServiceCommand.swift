import KubeSim

/// `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME [--tcp=P:T]...`,
/// built as `create_service.go` builds it: label and selector `app=NAME`, one TCP port per
/// `--tcp`, named `<port>-<targetPort>`.
enum CreateServiceCommand {
  static let flags: [FlagParser.Spec] =
    [
      .init(name: "tcp", short: nil, takesValue: true, repeatable: true),
      .init(name: "clusterip", short: nil, takesValue: true),
      .init(name: "node-port", short: nil, takesValue: true, integerBits: 64),
      .init(name: "external-name", short: nil, takesValue: true),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "save-config", short: nil, takesValue: false),
    ] + OutputFormat.templateFlags

  /// The service type of each subcommand.
  static let types = [
    "clusterip": ServiceType.clusterIP, "nodeport": .nodePort, "loadbalancer": .loadBalancer,
    "externalname": .externalName,
  ]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    guard let subcommand = arguments.first, let type = types[subcommand] else {
      throw .plain("kubebook simulates \"kubectl create service clusterip|nodeport|loadbalancer|externalname NAME\"")
    }
    let command = "create service \(subcommand)"
    let parsed = try FlagParser(command: command, specs: flags).parse(Array(arguments.dropFirst()))
    guard parsed.positional.count == 1 else {
      throw KubectlError(
        text:
          "error: exactly one NAME is required, got \(parsed.positional.count)\nSee 'kubectl \(command) -h' for help and examples"
      )
    }
    let name = parsed.positional[0]
    let clusterIP = parsed.value("clusterip") ?? ""
    // The --tcp flag is a string slice: each use may hold several comma-separated pairs.
    let pairs = parsed.all("tcp").flatMap { $0.split(separator: ",").map(String.init) }
    if type == .externalName && parsed.value("external-name") == nil {
      throw .plain("required flag(s) \"external-name\" not set")
    }
    if clusterIP == Service.headless && type != .clusterIP {
      throw .plain("ClusterIP=None can only be used with ClusterIP service type")
    }
    if clusterIP != Service.headless && pairs.isEmpty && type != .externalName {
      throw .plain("at least one tcp port specifier must be provided")
    }
    var nodePort: Int?
    if let text = parsed.value("node-port") {
      // An IntVar: strconv.ParseInt(text, 0, 64).
      switch GoStrconv.parseInt(text, base: 0) {
      case .success(let number): nodePort = number == 0 ? nil : Int(number)
      case .failure(let error):
        throw .flag("invalid argument \"\(text)\" for \"--node-port\" flag: \(error.message)", command: command)
      }
    }
    if type == .externalName {
      let externalName = parsed.value("external-name") ?? ""
      if !Validation.isDNS1123Subdomain(externalName) {
        throw .plain("invalid service external name \(externalName)")
      }
    }
    var ports: [Service.Port] = []
    for pair in pairs {
      let parts = pair.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      // create_service.go: strconv.ParseUint(port, 10, 16); 0 goes on to the API server.
      let port: Int
      switch GoStrconv.parseUint(parts[0], bits: 16) {
      case .success(let value): port = Int(value)
      case .failure(let error): throw .plain(error.message)
      }
      var target = Service.Target.number(port)
      if parts.count > 1 {
        target = Int(parts[1]).map(Service.Target.number) ?? .name(parts[1])
      }
      ports.append(
        Service.Port(
          name: pair.replacingOccurrences(of: ":", with: "-"), port: port, target: target, nodePort: nodePort))
    }
    let labels = ["app": name]
    var service = Service(
      metadata: ObjectMeta(name: name, namespace: context.namespace(parsed), labels: labels), type: .known(type),
      clusterIP: clusterIP, ports: ports, selector: labels)
    if type == .externalName { service.externalName = parsed.value("external-name") }
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    let dryRunMode = try DryRun.mode(parsed.value("dry-run"))
    let saved = context.cluster
    if dryRunMode == .client {
      let json = DryRunObjects.service(service, namespace: parsed.value("namespace"), explicitType: true)
      switch format {
      case .yaml, .json, .jsonPath, .goTemplate: output.write(try format.printed(typed: json))
      case .name: output.line("service/\(name)")
      default: output.line("service/\(name) created (dry run)")
      }
      return
    }
    do {
      _ = try context.cluster.createService(service)
    } catch {
      throw .generator("failed to create \(type) service: ", error, group: "")
    }
    try context.finishCreate(
      Service.self, name: name, namespace: context.namespace(parsed), format: format, dryRun: dryRunMode, saved: saved,
      output: &output)
  }
}

extension String {
  /// The string with every occurrence of `target` replaced by `replacement`.
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    components(separatedBy: target).joined(separator: replacement)
  }
}
