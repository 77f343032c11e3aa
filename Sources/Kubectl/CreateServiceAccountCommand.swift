import KubeSim

/// `kubectl create serviceaccount NAME` (alias `sa`), as kubectl's `create_serviceaccount.go`
/// builds it: a name and, with `-n`, a namespace.
enum CreateServiceAccountCommand {
  /// Builds the account and prints it (dry run) or creates it.
  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "create serviceaccount", specs: CreateGenerator.commonFlags).parse(
      arguments)
    let name = try CreateGenerator.name(parsed, command: "serviceaccount")
    let printing = try CreateGenerator.printing(parsed, context: context)
    guard !name.isEmpty else { throw .plain("name must be specified") }
    let object: JSONValue = .object([
      ("kind", .string("ServiceAccount")), ("apiVersion", .string("v1")),
      ("metadata", DryRunObjects.metadata(name: name, namespace: parsed.value("namespace")).value),
    ])
    let account = ServiceAccount(metadata: ObjectMeta(name: name, namespace: context.namespace(parsed)))
    try CreateGenerator.finish(
      object, qualified: "serviceaccount/\(name)", printing: printing,
      failurePrefix: "failed to create serviceaccount: ",
      group: "", context: &context, output: &output
    ) { cluster throws(APIError) in try cluster.createServiceAccount(account) }
  }
}
