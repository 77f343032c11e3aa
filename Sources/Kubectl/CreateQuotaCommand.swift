import KubeSim

/// `kubectl create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2]`
/// (alias `resourcequota`), built as kubectl's `create_quota.go` builds it: each quantity
/// parsed and written in canonical form.
enum CreateQuotaCommand {
  /// Builds the quota and prints it (dry run) or creates it.
  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(
      command: "create quota",
      specs: CreateGenerator.commonFlags + [
        .init(name: "hard", short: nil, takesValue: true), .init(name: "scopes", short: nil, takesValue: true),
      ]
    ).parse(arguments)
    let name = try CreateGenerator.name(parsed, command: "quota")
    let printing = try CreateGenerator.printing(parsed, context: context)
    guard !name.isEmpty else { throw .plain("name must be specified") }
    // `populateResourceListV1`, then `parseScopes`.
    var hard: [String: String] = [:]
    let spec = parsed.value("hard") ?? ""
    if !spec.isEmpty {
      for statement in spec.split(separator: ",", omittingEmptySubsequences: false) {
        let parts = statement.split(separator: "=", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
          throw .plain("Invalid argument syntax \(statement), expected <resource>=<value>")
        }
        do { hard[String(parts[0])] = try Quantity.canonical(String(parts[1])) } catch { throw .plain(error.message) }
      }
    }
    var scopes: [String] = []
    if let text = parsed.value("scopes"), !text.isEmpty {
      for scope in text.split(separator: ",", omittingEmptySubsequences: false) {
        guard !scope.isEmpty else { throw .plain("invalid resource quota scope \"\"") }
        scopes.append(String(scope))
      }
    }
    var specObject = JSONObjectBuilder()
    if !hard.isEmpty { specObject.set("hard", .stringMap(hard)) }
    if !scopes.isEmpty { specObject.set("scopes", .array(scopes.map(JSONValue.string))) }
    let object: JSONValue = .object([
      ("kind", .string("ResourceQuota")), ("apiVersion", .string("v1")),
      ("metadata", DryRunObjects.metadata(name: name, namespace: parsed.value("namespace")).value),
      ("spec", specObject.value), ("status", .object([])),
    ])
    var quota = ResourceQuota(metadata: ObjectMeta(name: name, namespace: context.namespace(parsed)), hard: hard)
    quota.scopes = scopes
    try CreateGenerator.finish(
      object, qualified: "resourcequota/\(name)", printing: printing, failurePrefix: "failed to create quota: ",
      group: "", context: &context, output: &output
    ) { cluster throws(APIError) in try cluster.createResourceQuota(quota) }
  }
}
