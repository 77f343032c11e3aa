import KubeSim

/// `kubectl set subject (-f FILE | TYPE NAME) [--user=U] [--group=G]
/// [--serviceaccount=NS:NAME]` (kubectl `pkg/cmd/set/set_subject.go`): adds the subjects a
/// RoleBinding or ClusterRoleBinding lacks; a binding that already has them all is left out.
enum SetSubjectCommand {
  static let flags: [FlagParser.Spec] =
    [
      .init(name: "user", short: nil, takesValue: true, repeatable: true),
      .init(name: "group", short: nil, takesValue: true, repeatable: true),
      .init(name: "serviceaccount", short: nil, takesValue: true, repeatable: true),
      .init(name: "all", short: nil, takesValue: false),
      .init(name: "selector", short: "l", takesValue: true),
      .init(name: "filename", short: "f", takesValue: true, repeatable: true),
      .init(name: "recursive", short: "R", takesValue: false),
      .init(name: "local", short: nil, takesValue: false),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "field-manager", short: nil, takesValue: true),
      .init(name: "show-managed-fields", short: nil, takesValue: false),
    ] + OutputFormat.templateFlags

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "set subject", specs: flags).parse(arguments)
    let dryRun = try DryRun.mode(parsed.value("dry-run"))
    let local = parsed.flag("local")
    let namespace = context.namespace(parsed)
    let paths = parsed.all("filename")
    // `Complete`: the builder's objects first.
    var objects: [(json: JSONValue, type: ResourceType?)] = []
    if local {
      if !parsed.positional.isEmpty {
        throw .plain("error: you must specify resources by --filename when --local is set.")
      }
      objects = try FileObject.read(paths, namespace: namespace, recursive: parsed.flag("recursive"), context: context)
        .map { ($0.json, $0.type) }
    } else if !paths.isEmpty {
      for object in try FileObject.read(
        paths, namespace: namespace, recursive: parsed.flag("recursive"), context: context)
      {
        guard let type = object.type,
          let live = APIObject.lookup(type, name: object.name, namespace: object.namespace, cluster: context.cluster)
        else { throw .api(.notFound(resource: object.type?.qualifiedResource ?? object.kind, name: object.name)) }
        objects.append((live.json(now: context.cluster.now), type))
      }
    } else {
      objects = try APIObject.named(
        parsed.positional, all: parsed.flag("all"), namespace: namespace, cluster: context.cluster
      ).map { ($0.json(now: context.cluster.now), $0.type) }
    }
    // `Validate`.
    if local && dryRun == .server {
      throw .plain("cannot specify --local and --dry-run=server - did you mean --dry-run=client?")
    }
    if parsed.flag("all") && parsed.value("selector") != nil {
      throw .plain("cannot set --all and --selector at the same time")
    }
    let users = Set(parsed.all("user")).sorted()
    let groups = Set(parsed.all("group")).sorted()
    let accounts = Set(parsed.all("serviceaccount")).sorted()
    if users.isEmpty && groups.isEmpty && accounts.isEmpty {
      throw .plain("you must specify at least one value of user, group or serviceaccount")
    }
    for account in accounts {
      let tokens = account.split(separator: ":", omittingEmptySubsequences: false)
      if tokens.count != 2 || tokens[1].isEmpty { throw .plain("serviceaccount must be <namespace>:<name>") }
      if tokens[0].isEmpty && objects.contains(where: { $0.json["kind"]?.stringValue == "ClusterRoleBinding" }) {
        throw .plain("serviceaccount must be <namespace>:<name>, namespace must be specified")
      }
    }
    // `Run`: users, then groups, then service accounts, each sorted.
    var wanted: [JSONValue] = []
    for user in users { wanted.append(subject("User", name: user)) }
    for group in groups { wanted.append(subject("Group", name: group)) }
    for account in accounts {
      let tokens = account.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
      wanted.append(
        .object([
          ("kind", .string("ServiceAccount")), ("name", .string(tokens[1])),
          ("namespace", .string(tokens[0].isEmpty ? namespace : tokens[0])),
        ]))
    }
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    let suffix = dryRun.suffix
    var failures: [String] = []
    for (json, type) in objects {
      let kind = json["kind"]?.stringValue ?? ""
      let name = json["metadata"]?["name"]?.stringValue ?? ""
      let qualified = (type.map(\.qualifiedKind) ?? kind.lowercased()) + "/" + name
      guard kind == "RoleBinding" || kind == "ClusterRoleBinding" else {
        failures.append(
          "error: \(qualified)\(qualified.contains(".") ? "\n " : " ")setting subjects is only supported for RoleBinding/ClusterRoleBinding\n"
        )
        continue
      }
      let existing = json["subjects"]?.arrayValue ?? []
      let added = wanted.filter { item in !existing.contains { $0.sameJSON(as: item) } }
      if added.isEmpty { continue }
      var edited = json.setting(.array(existing + added), at: ["subjects"])
      if !local && dryRun != .client {
        if let type, dryRun == .none { edited = try store(edited, type: type, context: &context) }
      } else if local, edited.value(at: ["metadata", "creationTimestamp"]) == nil {
        edited = edited.setting(.null, at: ["metadata", "creationTimestamp"])
      }
      switch format {
      case .yaml, .json, .jsonPath, .goTemplate:
        output.write(try format.printed(served: context.served(edited, format: format)))
      case .name: output.line(qualified)
      default: output.line(qualified + " subjects updated" + suffix)
      }
    }
    if !failures.isEmpty {
      PodSpecEditor.report(failures, context: &context, output: &output)
    }
    try context.settle()
  }

  /// A user or group subject, in the RBAC API group.
  static func subject(_ kind: String, name: String) -> JSONValue {
    .object([
      ("apiGroup", .string("rbac.authorization.k8s.io")), ("kind", .string(kind)), ("name", .string(name)),
    ])
  }

  /// Stores the edited binding through its kind's manifest handler; the stored object.
  static func store(_ edited: JSONValue, type: ResourceType, context: inout CommandContext) throws(KubectlError)
    -> JSONValue
  {
    guard let kind = type.served else { return edited }
    return try store(kind, edited, context: &context)
  }

  private static func store<Kind: KubectlResource>(_: Kind.Type, _ edited: JSONValue, context: inout CommandContext)
    throws(KubectlError) -> JSONValue
  {
    let name = edited["metadata"]?["name"]?.stringValue ?? ""
    let namespace = Kind.resource.namespaced ? (edited["metadata"]?["namespace"]?.stringValue ?? "") : ""
    guard let handler = Kind.manifest, let live = Kind.get(name, namespace: namespace, in: context.cluster) else {
      throw .plain("kubebook does not simulate \"set subject\" on \(Kind.resource.plural)")
    }
    var decoder = ManifestDecoder()
    let desired = handler.decode(&decoder, edited)
    if let reason = decoder.decodingError { throw .plain("failed to patch subjects to rolebinding: \(reason)") }
    _ = try handler.update(live, desired, edited, &context)
    return Kind.get(name, namespace: namespace, in: context.cluster)?.json(now: context.cluster.now) ?? edited
  }
}
