import KubeSim

/// `kubectl set selector (-f FILE | TYPE NAME) EXPRESSIONS` (kubectl
/// `pkg/cmd/set/set_selector.go`): a Service's `spec.selector`, the only kind kubectl sets one
/// on; the selector is `metav1.ParseToLabelSelector`'s, and a Service takes equalities only.
enum SetSelectorCommand {
  static let flags: [FlagParser.Spec] =
    [
      .init(name: "all", short: nil, takesValue: false),
      .init(name: "filename", short: "f", takesValue: true, repeatable: true),
      .init(name: "recursive", short: "R", takesValue: false),
      .init(name: "local", short: nil, takesValue: false),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "resource-version", short: nil, takesValue: true),
      .init(name: "field-manager", short: nil, takesValue: true),
      .init(name: "show-managed-fields", short: nil, takesValue: false),
    ] + OutputFormat.templateFlags

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "set selector", specs: flags).parse(arguments)
    let dryRun = try DryRun.mode(parsed.value("dry-run"))
    guard let expression = parsed.positional.last else { throw .plain("one selector is required") }
    let selector = try matchLabels(expression)
    let resources = Array(parsed.positional.dropLast())
    let local = parsed.flag("local")
    let writes = !local && dryRun != .client
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    let suffix = dryRun.suffix
    var objects: [(json: JSONValue, live: Service?)] = []
    let paths = parsed.all("filename")
    let namespace = context.namespace(parsed)
    if !paths.isEmpty {
      for object in try FileObject.read(
        paths, namespace: namespace, recursive: parsed.flag("recursive"), context: context)
      {
        let live = local ? nil : Service.get(object.name, namespace: object.namespace, in: context.cluster)
        if !local && live == nil && object.type == .services {
          throw .api(.notFound(resource: ResourceType.services.qualifiedResource, name: object.name))
        }
        objects.append((live?.json(now: context.cluster.now) ?? object.json, live))
      }
    } else {
      guard !local else { throw .plain("one or more files must be specified as -f rsrc.yaml or --filename=rsrc.json") }
      objects = try APIObject.named(resources, all: parsed.flag("all"), namespace: namespace, cluster: context.cluster)
        .map { ($0.json(now: context.cluster.now), $0.base as? Service) }
    }
    for (json, live) in objects {
      guard json["kind"]?.stringValue == "Service" else {
        throw .plain("setting a selector is only supported for Services")
      }
      let name = json["metadata"]?["name"]?.stringValue ?? ""
      // An empty selector is left out, as `omitempty` writes it.
      var edited = json.setting(.stringMap(selector), at: ["spec", "selector"])
      if selector.isEmpty, case .object(let spec)? = edited["spec"] {
        edited = edited.setting(.object(spec.filter { $0.0 != "selector" }), at: ["spec"])
      }
      if local { edited = typed(edited) }
      if writes, let live, dryRun != .server {
        var desired = live
        desired.selector = selector
        try withAPI { () throws(APIError) in try context.cluster.updateService(desired) }
        edited =
          Service.get(name, namespace: live.metadata.namespace ?? namespace, in: context.cluster)?.json(
            now: context.cluster.now) ?? edited
      }
      switch format {
      case .yaml, .json, .jsonPath, .goTemplate:
        output.write(try format.printed(served: context.served(edited, format: format)))
      case .name: output.line("service/" + name)
      default: output.line("service/\(name) selector updated" + suffix)
      }
    }
    try context.settle()
  }

  /// `metav1.ParseToLabelSelector`, then `updateSelectorForObject`'s demand for plain
  /// equalities: the `KEY=VALUE` pairs, or kubectl's error for anything else.
  static func matchLabels(_ text: String) throws(KubectlError) -> [String: String] {
    let selector: LabelSelector
    do { selector = try LabelSelector.parse(text) } catch { throw .plain(error.message) }
    // labels.Parse keeps the requirements sorted by key.
    let requirements = selector.requirements.enumerated().sorted {
      $0.element.key != $1.element.key ? $0.element.key < $1.element.key : $0.offset < $1.offset
    }.map(\.element)
    var labels: [String: String] = [:]
    var expressions: [String] = []
    for requirement in requirements {
      switch requirement.op {
      case .equals, .doubleEquals: labels[requirement.key] = requirement.values.first ?? ""
      case .notEquals: throw .plain("\"!=\" is not a valid label selector operator")
      case .in, .notIn, .exists, .doesNotExist:
        let op = [.in: "In", .notIn: "NotIn", .exists: "Exists", .doesNotExist: "DoesNotExist"][requirement.op] ?? ""
        expressions.append("{\(requirement.key) \(op) [\(requirement.values.sorted().joined(separator: " "))]}")
      }
    }
    if !expressions.isEmpty {
      throw .plain("match expression [\(expressions.joined(separator: " "))] not supported on this object")
    }
    return labels
  }

  /// The Service as kubectl's typed decoding writes it back: `creationTimestamp: null`, every
  /// port's `targetPort` (an IntOrString, 0 when unset) and `status.loadBalancer`.
  static func typed(_ object: JSONValue) -> JSONValue {
    var result = object
    if result.value(at: ["metadata", "creationTimestamp"]) == nil {
      result = result.setting(.null, at: ["metadata", "creationTimestamp"])
    }
    if let ports = result.value(at: ["spec", "ports"])?.arrayValue {
      let filled = ports.map { port in port["targetPort"] == nil ? port.setting(.int(0), at: ["targetPort"]) : port }
      result = result.setting(.array(filled), at: ["spec", "ports"])
    }
    if result["status"] == nil { result = result.setting(.object([("loadBalancer", .object([]))]), at: ["status"]) }
    return result
  }
}
