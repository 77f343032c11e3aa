import KubeSim

/// `kubectl set resources RESOURCE/NAME --limits=cpu=200m,memory=512Mi --requests=...`: sets
/// the resource requirements of pod templates' containers (kubectl's
/// `pkg/cmd/set/set_resources.go`).
enum SetResourcesCommand {
  static let flags: [FlagParser.Spec] =
    PodSpecEditor.commonFlags + [
      .init(name: "limits", short: nil, takesValue: true),
      .init(name: "requests", short: nil, takesValue: true),
      .init(name: "record", short: nil, takesValue: false),
    ]

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "set resources", specs: flags).parse(arguments)
    // Complete.
    // The strategy is read here; `--local` beside a server dry run is refused in Validate.
    let dryRunValue = parsed.value("dry-run")
    let dryRun = dryRunValue == "server" ? false : try DryRun.parse(dryRunValue)
    let local = parsed.flag("local")
    if local && !parsed.positional.isEmpty {
      throw KubectlError(
        text: """
          error: you must specify resources by --filename when --local is set.
          Example resource specifications include:
             '-f rsrc.yaml'
             '--filename=rsrc.json'
          """)
    }
    let editor = PodSpecEditor(
      command: "set resources", operation: "resource requirements updated",
      storeFailure: "failed to patch resources update to pod template ", local: local, dryRun: dryRun,
      format: try OutputFormat.parse(parsed, printers: .generic, files: context.files))
    let targets = try editor.targets(parsed, resources: parsed.positional, context: context)
    // Validate.
    _ = try PodSpecEditor.dryRun(parsed)
    if parsed.flag("all") && parsed.value("selector") != nil {
      throw .plain("cannot set --all and --selector at the same time")
    }
    let limitsText = parsed.value("limits") ?? ""
    let requestsText = parsed.value("requests") ?? ""
    if limitsText.isEmpty && requestsText.isEmpty {
      throw .plain("you must specify an update to requests or limits (in the form of --requests/--limits)")
    }
    let limits = try resourceList(limitsText)
    let requests = try resourceList(requestsText)
    // Run.
    let selector = parsed.value("containers") ?? "*"
    var missing: [String] = []
    let result = try editor.run(targets, context: &context, output: &output) {
      (object, path, _) throws(PodSpecEditor.Failure) in
      let picked = try PodSpecEditor.editContainers(&object, podSpec: path, selector: selector) {
        container throws(PodSpecEditor.Failure) in
        guard case .object(let pairs) = container else { return }
        var resources = container["resources"]?.objectValue ?? []
        for (field, list) in [("limits", limits), ("requests", requests)] where !list.isEmpty {
          var entries = resources.first { $0.0 == field }?.1.objectValue ?? []
          for (name, quantity) in list { entries = JSONValue.setting(name, to: .string(quantity), in: entries) }
          resources = JSONValue.setting(field, to: .object(entries), in: resources)
        }
        container = .object(JSONValue.setting("resources", to: .object(resources), in: pairs))
      }
      if picked == 0 { missing.append("error: unable to find container named \(selector)") }
    }
    // kubectl collects these while editing, before the failures of storing.
    PodSpecEditor.report(missing + result.failures, context: &context, output: &output)
  }

  /// `populateResourceListV1`: `NAME=QUANTITY,...`, each quantity in its canonical text.
  static func resourceList(_ spec: String) throws(KubectlError) -> [(String, String)] {
    guard !spec.isEmpty else { return [] }
    var list: [(String, String)] = []
    for statement in spec.split(separator: ",", omittingEmptySubsequences: false) {
      let parts = statement.split(separator: "=", omittingEmptySubsequences: false)
      guard parts.count == 2 else {
        throw .plain("Invalid argument syntax \(statement), expected <resource>=<value>")
      }
      let quantity: String
      do { quantity = try Quantity.canonical(String(parts[1])) } catch { throw .plain(error.message) }
      list = JSONValue.setting(String(parts[0]), to: .string(quantity), in: list.map { ($0.0, .string($0.1)) })
        .map { ($0.0, $0.1.stringValue ?? "") }
    }
    return list
  }
}
