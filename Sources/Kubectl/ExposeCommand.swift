import KubeSim

/// `kubectl expose TYPE NAME [--port=P] [--target-port=T] [--type=TYPE] [--name=N]
/// [--protocol=P] [--cluster-ip=None]`: a Service in front of an object's pods, built as
/// `expose.go`'s `createService` builds it.
enum ExposeCommand {
  static let flags: [FlagParser.Spec] =
    [
      .init(name: "port", short: nil, takesValue: true),
      .init(name: "target-port", short: nil, takesValue: true),
      .init(name: "type", short: nil, takesValue: true),
      .init(name: "name", short: nil, takesValue: true),
      .init(name: "protocol", short: nil, takesValue: true),
      .init(name: "cluster-ip", short: nil, takesValue: true),
      .init(name: "selector", short: nil, takesValue: true),
      .init(name: "labels", short: "l", takesValue: true),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
    ] + OutputFormat.templateFlags

  /// The kinds `CanBeExposed` accepts.
  static let exposable: [ResourceType] = [.pods, .services, .replicationControllers, .deployments, .replicaSets]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "expose", specs: flags).parse(arguments)
    guard !parsed.positional.isEmpty else {
      throw KubectlError(
        text:
          "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"
      )
    }
    let target = try WorkloadTarget.resolve(parsed.positional, namespace: context.namespace(parsed), command: "expose")
    guard
      let object = APIObject.lookup(
        target.type, name: target.name, namespace: target.namespace, cluster: context.cluster)
    else { throw target.notFound }
    guard exposable.contains(target.type) else {
      throw .plain("cannot expose a \(target.type.kind)" + (target.type.group.isEmpty ? "" : "." + target.type.group))
    }
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    let dryRunMode = try DryRun.mode(parsed.value("dry-run"))
    let dryRun = dryRunMode == .client
    let saved = context.cluster
    var service = try build(from: object, parsed: parsed)
    if dryRun {
      let json = DryRunObjects.service(
        service, namespace: parsed.value("namespace"), explicitType: parsed.value("type") != nil)
      switch format {
      case .yaml, .json, .jsonPath, .goTemplate: output.write(try format.printed(typed: json))
      case .name: output.line("service/\(service.metadata.name)")
      default: output.line("service/\(service.metadata.name) exposed (dry run)")
      }
      return
    }
    service.metadata.namespace = target.namespace
    do {
      service = try context.cluster.createService(service)
    } catch {
      throw .api(error)
    }
    try context.finishCreate(
      Service.self, name: service.metadata.name, namespace: target.namespace, operation: "exposed", format: format,
      dryRun: dryRunMode, saved: saved,
      output: &output)
  }

  /// The Service `expose` generates for `object`.
  static func build(from object: APIObject, parsed: FlagParser.Parsed) throws(KubectlError) -> Service {
    var selector: [String: String]
    var template: PodSpec?
    let chosen = try parsed.value("selector").map { text throws(KubectlError) in try parseLabels(text) }
    switch object.base {
    case let pod as Pod:
      selector = pod.metadata.labels
      template = pod.spec
    case let service as Service:
      selector = service.selector
    case let controller as ReplicationController:
      selector = controller.selector
      template = controller.template.spec
    case let deployment as Deployment:
      if let chosen { selector = chosen } else { selector = try mapSelector(deployment.selector) }
      template = deployment.template.spec
    case let set as ReplicaSet:
      if let chosen { selector = chosen } else { selector = try mapSelector(set.selector) }
      template = set.template.spec
    default:
      throw .plain("cannot expose a \(object.type.kind)")
    }
    // `--selector` replaces what introspection finds.
    if let chosen { selector = chosen }
    guard !selector.isEmpty else {
      throw .plain("couldn't retrieve selectors via --selector flag or introspection: the object has no selector")
    }
    // `PortsForObject`: every container port of every container; for a Service, its ports.
    var objectPorts: [(port: Int, protocol: APIField<PortProtocol>)] = []
    if let service = object.base as? Service {
      objectPorts = service.ports.map { ($0.port, $0.protocol) }
    } else if let template {
      for container in template.containers {
        objectPorts += container.ports.map { ($0.containerPort, $0.protocol) }
      }
    }
    let headless = parsed.value("cluster-ip") == Service.headless
    var numbers: [Int]
    if let text = parsed.value("port") {
      switch GoStrconv.atoi(text) {
      case .success(let number): numbers = [number]
      case .failure(let error): throw .plain(error.message)
      }
    } else {
      numbers = objectPorts.map(\.port)
      if numbers.isEmpty && !headless { throw .plain("couldn't find port via --port flag or introspection") }
    }
    let protocolFlag = parsed.value("protocol")
    var ports: [Service.Port] = []
    for (index, number) in numbers.enumerated() {
      let name = numbers.count > 1 ? "port-\(index + 1)" : nil
      if let protocolFlag {
        ports.append(Service.Port(name: name, port: number, targetPort: number, protocol: APIField(protocolFlag)))
        continue
      }
      let protocols = objectPorts.filter { $0.port == number }.map(\.protocol)
      if protocols.count > 1 {
        for proto in protocols {
          ports.append(
            Service.Port(
              name: "port-\(index + 1)-\(proto.text.lowercased())", port: number, targetPort: number, protocol: proto))
        }
      } else {
        ports.append(
          Service.Port(name: name, port: number, targetPort: number, protocol: protocols.first ?? .known(.tcp)))
      }
    }
    if let text = parsed.value("target-port") {
      let target = Int(text).map(Service.Target.number) ?? .name(text)
      for index in ports.indices { ports[index].targetPort = target }
    }
    var name = parsed.value("name") ?? object.metadata.name
    if parsed.value("name") == nil && name.count > 63 { name = String(name.prefix(63)) }
    let labels = try parsed.value("labels").map { text throws(KubectlError) in try parseLabels(text) }
    let service = Service(
      metadata: ObjectMeta(name: name, labels: labels ?? object.metadata.labels),
      type: parsed.value("type").map { APIField($0) } ?? .known(.clusterIP),
      clusterIP: parsed.value("cluster-ip") ?? "", ports: ports, selector: selector)
    return service
  }

  /// `generate.ParseLabels`: `key=value` pairs separated by commas.
  static func parseLabels(_ text: String) throws(KubectlError) -> [String: String] {
    var labels: [String: String] = [:]
    for spec in text.split(separator: ",", omittingEmptySubsequences: false) {
      let parts = spec.split(separator: "=", omittingEmptySubsequences: false)
      guard parts.count == 2 else { throw .plain("unexpected label spec: \(spec)") }
      guard !parts[0].isEmpty else { throw .plain("unexpected empty label key") }
      labels[String(parts[0])] = String(parts[1])
    }
    return labels
  }

  /// `MapBasedSelectorForObject` for a label selector: only `matchLabels` can be expressed.
  static func mapSelector(_ selector: SelectorSpec) throws(KubectlError) -> [String: String] {
    guard selector.matchExpressions.isEmpty else {
      throw .plain(
        "couldn't retrieve selectors via --selector flag or introspection: couldn't convert expressions - \"\(selector.formatted)\" to map-based selector format"
      )
    }
    return selector.matchLabels
  }
}

extension DryRunObjects {
  /// A Service as kubectl's generators build it (`expose`, `create service`), in Go's field
  /// order: ports (name, protocol, port, targetPort, nodePort), selector, clusterIP, type,
  /// externalName.
  static func service(_ service: Service, namespace: String?, explicitType: Bool = false) -> JSONValue {
    var metadata = metadata(name: service.metadata.name, namespace: namespace)
    if !service.metadata.labels.isEmpty { metadata.set("labels", .stringMap(service.metadata.labels)) }
    var spec = JSONObjectBuilder()
    if !service.ports.isEmpty {
      spec.set(
        "ports",
        .array(
          service.ports.map { port in
            var entry = JSONObjectBuilder()
            entry.set("name", port.name.map(JSONValue.string))
            entry.set("protocol", .string(port.protocol.text))
            entry.set("port", .int(Int64(port.port)))
            entry.set("targetPort", port.targetPort.dryRunJSON)
            entry.set("nodePort", port.nodePort.map { .int(Int64($0)) })
            return entry.value
          }))
    }
    if !service.selector.isEmpty { spec.set("selector", .stringMap(service.selector)) }
    if !service.clusterIP.isEmpty { spec.set("clusterIP", .string(service.clusterIP)) }
    if explicitType || service.type.value != .clusterIP { spec.set("type", .string(service.type.text)) }
    spec.set("externalName", service.externalName.map(JSONValue.string))
    return .object([
      ("kind", .string("Service")), ("apiVersion", .string("v1")), ("metadata", metadata.value),
      ("spec", spec.value), ("status", .object([("loadBalancer", .object([]))])),
    ])
  }
}

extension Service.Target {
  /// The target as a generator's `intstr` marshals it.
  var dryRunJSON: JSONValue {
    switch self {
    case .number(let number): return .int(Int64(number))
    case .name(let name): return .string(name)
    }
  }
}
