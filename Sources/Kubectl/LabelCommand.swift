import KubeSim

/// `kubectl label` and `kubectl annotate`: `KEY=VALUE` sets, `KEY-` removes, `--overwrite`
/// allows replacing, `--all` / `-l` pick several objects.
enum LabelCommand {
  enum Target {
    case labels, annotations
  }

  static let flags: [FlagParser.Spec] = [
    .init(name: "overwrite", short: nil, takesValue: false),
    .init(name: "all", short: nil, takesValue: false),
    .init(name: "selector", short: "l", takesValue: true),
    .init(name: "list", short: nil, takesValue: false),
  ]

  static func run(_ arguments: [String], target: Target, context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let command = target == .labels ? "label" : "annotate"
    let parsed = try FlagParser(command: command, specs: flags).parse(arguments)
    let changes = parsed.positional.filter { $0.contains("=") || ($0.hasSuffix("-") && !$0.contains("/")) }
    let resources = parsed.positional.filter { !changes.contains($0) }
    guard !resources.isEmpty else {
      throw .usage(
        "one or more resources must be specified as <resource> <name> or <resource>/<name>", command: command)
    }
    let list = target == .labels && parsed.flag("list")
    guard !changes.isEmpty || list else {
      throw .plain("at least one \(target == .labels ? "label" : "annotation") update is required")
    }
    var sets: [(String, String)] = []
    var removals: [String] = []
    for change in changes {
      if change.hasSuffix("-") && !change.contains("=") {
        removals.append(String(change.dropLast()))
      } else {
        let parts = change.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if target == .labels
          && !(parts[1].isEmpty || Validation.isDNS1123Label(parts[1].lowercased()) || isLabelValue(parts[1]))
        {
          throw .plain(
            "invalid label value: \"\(change)\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
          )
        }
        sets.append((parts[0], parts[1]))
      }
    }
    let namespace = context.namespace(parsed)
    let requests = try ResourceArguments.parse(resources)
    var objects: [APIObject] = []
    for request in requests {
      if request.names.isEmpty {
        guard parsed.flag("all") || parsed.value("selector") != nil else {
          throw .plain("resource(s) were provided, but no name was specified")
        }
        var selector = LabelSelector.everything
        if let text = parsed.value("selector") {
          do { selector = try LabelSelector.parse(text) } catch {
            throw .plain("unable to parse requirement: \(error.message)")
          }
        }
        objects += APIObject.list(request.type, namespace: namespace, cluster: context.cluster).filter {
          selector.matches($0.metadata.labels)
        }
      } else {
        for name in request.names {
          guard let object = APIObject.lookup(request.type, name: name, namespace: namespace, cluster: context.cluster)
          else {
            throw .api(.notFound(resource: request.type.qualifiedResource, name: name))
          }
          objects.append(object)
        }
      }
    }
    for object in objects {
      let meta = object.metadata
      var map = target == .labels ? meta.labels : meta.annotations
      for (key, value) in sets {
        if let existing = map[key], existing != value, !parsed.flag("overwrite") {
          throw .plain("'\(key)' already has a value (\(existing)), and --overwrite is false")
        }
        map[key] = value
      }
      for key in removals { map[key] = nil }
      // `--list` applies the changes locally and prints the result (Go map order in kubectl;
      // sorted here), with a heading per object when several are listed.
      if list {
        var indent = ""
        if objects.count > 1 {
          indent = " "
          output.line("Listing labels for \(object.type.kind).\(object.type.group)/\(meta.name):")
        }
        for key in map.keys.sorted() { output.line("\(indent)\(key)=\(map[key] ?? "")") }
        continue
      }
      let unchanged = map == (target == .labels ? meta.labels : meta.annotations)
      context.cluster.updateObjectMetadata(
        kind: object.type.kind, namespace: meta.namespace ?? namespace, name: meta.name,
        labels: target == .labels ? map : meta.labels, annotations: target == .annotations ? map : meta.annotations)
      let verb: String
      if target == .labels {
        verb = unchanged ? "not labeled" : (sets.isEmpty ? "unlabeled" : "labeled")
      } else {
        verb = sets.isEmpty ? "annotated" : "annotated"
      }
      output.line(object.qualifiedName + " " + verb)
    }
    if list { return }
    try context.settle()
  }

  /// A label value: alphanumerics, `-`, `_`, `.`, starting and ending alphanumeric, ≤ 63.
  static func isLabelValue(_ value: String) -> Bool {
    guard value.count <= 63, let first = value.first, let last = value.last,
      first.isLetter || first.isNumber, last.isLetter || last.isNumber
    else { return false }
    return value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }
  }
}
