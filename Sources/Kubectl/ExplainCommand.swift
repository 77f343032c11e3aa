import KubeSim

/// `kubectl explain TYPE[.FIELD...] [--recursive] [--api-version=GROUP/VERSION]`: kubectl
/// v1.32's plaintext template over the OpenAPI schema of the kinds the simulator serves
/// (``ExplainSchema``, generated from the Go API types at v0.32.4).
///
/// Two display choices, both from the course owner's captures in `Tests/KubectlTests/KubectlExplainTexts.swift`:
/// tabs are expanded to 8-column stops as a terminal shows them, and the blank lines the
/// template leaves at the end are dropped.
enum ExplainCommand {
  /// Prints the explanation of the resource or field the arguments name, or kubectl's error;
  /// the kinds the CustomResourceDefinitions of `cluster` define are explained from their
  /// schemas.
  static func run(_ arguments: [String], cluster: Cluster, output: inout OutputBuffer) throws(KubectlError) {
    let parsed = try FlagParser(
      command: "explain",
      specs: [
        .init(name: "recursive", short: nil, takesValue: false),
        .init(name: "api-version", short: nil, takesValue: true),
      ]
    )
    .parse(arguments)
    guard let path = parsed.positional.first else {
      throw .plain(
        "You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources."
      )
    }
    guard parsed.positional.count == 1 else { throw .plain("We accept only this format: explain RESOURCE") }
    let (type, fieldPath) = try resourceAndFields(path, cluster: cluster)
    var schema = ExplainSchema.served
    if type.served == nil, let definition = cluster.customResourceDefinition(defining: type) {
      schema = schema.adding(definition)
    }
    let versions = schema.kinds.filter { $0.kind == type.kind && $0.group == type.group }
    guard let served = versions.first(where: { $0.version == type.preferredVersion }) ?? versions.first else {
      // A real API server publishes every kind's schema; kubebook's capture lacks this one.
      throw .plain("kubebook has no explain schema for \(type.plural) yet")
    }
    var kind = served
    if let apiVersion = parsed.value("api-version"), !apiVersion.isEmpty {
      let (group, version) = try groupVersion(apiVersion)
      guard schema.kinds.contains(where: { $0.group == group && $0.version == version }) else {
        throw .plain("couldn't find resource for \"\(group)/\(version), Resource=\(type.plural)\"")
      }
      guard
        let match = schema.kinds.first(where: { $0.kind == type.kind && $0.group == group && $0.version == version })
      else {
        throw .plain("GVR (\(group)/\(version), Resource=\(type.plural)) not found in OpenAPI schema")
      }
      kind = match
    }
    let text = try ExplainRenderer(schema: schema).render(
      kind: kind, fieldPath: fieldPath, recursive: parsed.flag("recursive"))
    var lines = ExplainText.expandingTabs(text).split(separator: "\n", omittingEmptySubsequences: false)
    while lines.last?.isEmpty == true { lines.removeLast() }
    output.line(lines.joined(separator: "\n"))
  }

  /// kubectl's `SplitAndParseResourceRequestWithMatchingPrefix` (`pkg/explain/explain.go`):
  /// the first element names the resource; when the path starts with `PLURAL.GROUP` the field
  /// path follows it, otherwise every later element is a field. A trailing `.` is dropped.
  static func resourceAndFields(_ text: String, cluster: Cluster? = nil) throws(KubectlError) -> (
    ResourceType, [String]
  ) {
    let path = text.hasSuffix(".") ? String(text.dropLast()) : text
    let parts = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    let first = parts.first ?? ""
    guard let type = ResourceType.resolve(first, in: cluster) else {
      throw .plain("the server doesn't have a resource type \"\(first)\"")
    }
    let groupResource = type.plural + "." + type.group
    if !type.group.isEmpty, path.hasPrefix(groupResource) {
      let suffix = path.dropFirst(groupResource.count).split(separator: ".", omittingEmptySubsequences: false)
      return (type, suffix.dropFirst().map(String.init))
    }
    return (type, Array(parts.dropFirst()))
  }

  /// `schema.ParseGroupVersion`: `v1` is the core group, `GROUP/VERSION` otherwise.
  static func groupVersion(_ text: String) throws(KubectlError) -> (group: String, version: String) {
    if text.isEmpty || text == "/" { return ("", "") }
    let pieces = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    switch pieces.count {
    case 1: return ("", text)
    case 2: return (pieces[0], pieces[1])
    default: throw .plain("unexpected GroupVersion string: \(text)")
    }
  }
}
