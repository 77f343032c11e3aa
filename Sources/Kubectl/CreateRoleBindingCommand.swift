import KubeSim

/// `kubectl create rolebinding NAME --role=|--clusterrole= [--user] [--group]
/// [--serviceaccount=NS:NAME]` and `kubectl create clusterrolebinding NAME --clusterrole=`,
/// built as kubectl's `create_rolebinding.go` and `create_clusterrolebinding.go` build them:
/// users, then groups, then ServiceAccounts, each flag repeatable and never split at commas.
enum CreateRoleBindingCommand {
  /// `kubectl create rolebinding`.
  static func roleBinding(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    try run(arguments, cluster: false, context: &context, output: &output)
  }

  /// `kubectl create clusterrolebinding`.
  static func clusterRoleBinding(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    try run(arguments, cluster: true, context: &context, output: &output)
  }

  /// Runs `create rolebinding` (`cluster` false) or `create clusterrolebinding`.
  static func run(
    _ arguments: [String], cluster clusterScoped: Bool, context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let command = clusterScoped ? "clusterrolebinding" : "rolebinding"
    var specs =
      CreateGenerator.commonFlags + [
        .init(name: "clusterrole", short: nil, takesValue: true),
        .init(name: "user", short: nil, takesValue: true, repeatable: true),
        .init(name: "group", short: nil, takesValue: true, repeatable: true),
        .init(name: "serviceaccount", short: nil, takesValue: true, repeatable: true),
      ]
    if !clusterScoped { specs.append(.init(name: "role", short: nil, takesValue: true)) }
    let parsed = try FlagParser(command: "create \(command)", specs: specs).parse(arguments)
    // cobra checks a required flag before the command runs.
    if clusterScoped && parsed.value("clusterrole") == nil {
      throw .plain("required flag(s) \"clusterrole\" not set")
    }
    let name = try CreateGenerator.name(parsed, command: command)
    let printing = try CreateGenerator.printing(parsed, context: context)
    guard !name.isEmpty else { throw .plain("name must be specified") }
    let role = parsed.value("role") ?? ""
    let clusterRole = parsed.value("clusterrole") ?? ""
    if !clusterScoped && role.isEmpty == clusterRole.isEmpty {
      throw .plain("exactly one of clusterrole or role must be specified")
    }
    var subjects = parsed.all("user").map { RBACSubject(kind: "User", name: $0) }
    subjects += parsed.all("group").map { RBACSubject(kind: "Group", name: $0) }
    for account in parsed.all("serviceaccount") {
      let tokens = account.split(separator: ":", omittingEmptySubsequences: false)
      guard tokens.count == 2, !tokens[0].isEmpty, !tokens[1].isEmpty else {
        throw .plain("serviceaccount must be <namespace>:<name>")
      }
      subjects.append(RBACSubject(kind: "ServiceAccount", name: String(tokens[1]), namespace: String(tokens[0])))
    }
    let roleRef = role.isEmpty ? RoleRef(kind: "ClusterRole", name: clusterRole) : RoleRef(kind: "Role", name: role)
    var object: [(String, JSONValue)] = [
      ("kind", .string(clusterScoped ? "ClusterRoleBinding" : "RoleBinding")),
      ("apiVersion", .string("rbac.authorization.k8s.io/v1")),
      (
        "metadata", DryRunObjects.metadata(name: name, namespace: clusterScoped ? nil : parsed.value("namespace")).value
      ),
    ]
    if !subjects.isEmpty { object.append(("subjects", .array(subjects.map(generatorJSON)))) }
    object.append(
      (
        "roleRef",
        .object([
          ("apiGroup", .string(roleRef.apiGroup)), ("kind", .string(roleRef.kind)), ("name", .string(roleRef.name)),
        ])
      ))
    let namespace = context.namespace(parsed)
    try CreateGenerator.finish(
      .object(object), qualified: "\(command).rbac.authorization.k8s.io/\(name)", printing: printing,
      failurePrefix: "failed to create \(command): ", group: "rbac.authorization.k8s.io", context: &context,
      output: &output
    ) { cluster throws(APIError) in
      if clusterScoped {
        try cluster.createClusterRoleBinding(
          ClusterRoleBinding(metadata: ObjectMeta(name: name), subjects: subjects, roleRef: roleRef))
      } else {
        try cluster.createRoleBinding(
          RoleBinding(metadata: ObjectMeta(name: name, namespace: namespace), subjects: subjects, roleRef: roleRef))
      }
    }
  }

  /// A subject in Go's field order (`kind`, `apiGroup` unless empty, `name`, `namespace`
  /// unless empty).
  static func generatorJSON(_ subject: RBACSubject) -> JSONValue {
    var object = JSONObjectBuilder()
    object.set("kind", .string(subject.kind))
    if !subject.apiGroup.isEmpty { object.set("apiGroup", .string(subject.apiGroup)) }
    object.set("name", .string(subject.name))
    if !subject.namespace.isEmpty { object.set("namespace", .string(subject.namespace)) }
    return object.value
  }
}
