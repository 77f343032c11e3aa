import KubeSim

/// `kubectl taint NODE NAME... KEY[=VALUE]:EFFECT... | KEY[:EFFECT]-...` with `--overwrite`,
/// `--all`, `-l`, `--dry-run=client` and `-o`, as kubectl v1.32's `pkg/cmd/taint/taint.go`
/// runs it: `Complete` (the argument split and the taint specs), `Validate` (the node type,
/// clashing changes, `--all` against `-l`), then per node `updateTaints` and the patch.
enum TaintCommand {
  static let flags: [FlagParser.Spec] =
    [
      .init(name: "overwrite", short: nil, takesValue: false),
      .init(name: "all", short: nil, takesValue: false),
      .init(name: "selector", short: "l", takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "field-manager", short: nil, takesValue: true),
      .init(name: "validate", short: nil, takesValue: true),
      .init(name: "show-managed-fields", short: nil, takesValue: false),
      .init(name: "allow-missing-template-keys", short: nil, takesValue: false),
      .init(name: "template", short: nil, takesValue: true),
    ] + OutputFormat.templateFlags

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "taint", specs: flags).parse(arguments)
    let dryRun = try DryRun.parse(parsed.value("dry-run"))
    // `Complete`: resources first, then taint changes (an argument with `=` or `:`, or
    // ending in `-`).
    var resources: [String] = []
    var specs: [String] = []
    for argument in parsed.positional + parsed.afterDash {
      let isTaint = argument.contains("=") || argument.contains(":") || argument.hasSuffix("-")
      if isTaint {
        specs.append(argument)
      } else if specs.isEmpty {
        resources.append(argument)
      } else {
        throw .plain("all resources must be specified before taint changes: \(argument)")
      }
    }
    guard !resources.isEmpty else { throw .plain("one or more resources must be specified as <resource> <name>") }
    guard !specs.isEmpty else { throw .plain("at least one taint update is required") }
    let changes: TaintChanges
    switch TaintChanges.parse(specs) {
    case .success(let parsedChanges): changes = parsedChanges
    case .failure(let error):
      // `cmdutil.UsageErrorf`.
      throw KubectlError(text: "error: \(error.message)\nSee 'kubectl taint -h' for help and examples")
    }
    // `Validate`.
    let typeName = resources[0].lowercased()
    guard let type = ResourceType.resolve(typeName) else {
      throw .plain("the server doesn't have a resource type \"\(typeName)\"")
    }
    guard type.kind == Node.resource.kind else {
      throw .plain("invalid resource type \(typeName), only node types are supported")
    }
    if let conflicts = changes.conflicts {
      throw .plain("can not both modify and remove the following taint(s) in the same command: \(conflicts)")
    }
    let all = parsed.flag("all")
    let selectorText = parsed.value("selector") ?? ""
    if all && !selectorText.isEmpty {
      throw .plain("setting 'all' parameter with a non empty selector is prohibited")
    }
    if !all && selectorText.isEmpty && resources.count < 2 {
      throw .plain("at least one resource name must be specified since 'all' parameter is not set")
    }
    // `RunTaint`: the builder's nodes, each changed on its own; errors are collected
    // (`ContinueOnError`) and printed at the end.
    var failures: [TaintFailure] = []
    var names: [String] = []
    if all || !selectorText.isEmpty {
      var selector = LabelSelector.everything
      if !selectorText.isEmpty {
        do { selector = try LabelSelector.parse(selectorText) } catch {
          throw .plain("unable to parse requirement: \(error.message)")
        }
      }
      names = context.cluster.sortedNodes.filter { selector.matches($0.metadata.labels) }.map(\.metadata.name)
    } else {
      names = Array(resources.dropFirst())
    }
    let overwrite = parsed.flag("overwrite")
    for name in names {
      guard let node = context.cluster.nodes[name] else {
        failures.append(TaintFailure(api: .notFound(resource: "nodes", name: name)))
        continue
      }
      if !overwrite {
        let present = changes.alreadyPresent(on: node.spec.taints)
        if !present.isEmpty {
          failures.append(
            TaintFailure("node \(name) already has \(present) taint(s) with same effect(s) and --overwrite is false"))
          continue
        }
      }
      let result = changes.apply(to: node.spec.taints, overwrite: overwrite)
      if !result.notFound.isEmpty {
        failures.append(TaintFailure(aggregate: result.notFound))
        continue
      }
      let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
      var stored = node
      stored.spec.taints = result.taints
      if !dryRun {
        do { stored = try context.cluster.setTaints(name, result.taints) } catch { throw .api(error) }
      }
      switch format {
      case .table:
        output.line("node/\(name) \(result.operation)" + (dryRun ? " (dry run)" : ""))
      case .name: output.line("node/\(name)")
      default:
        output.write(
          try format.printed(served: context.served(stored.json(now: context.cluster.now), format: format)))
      }
    }
    if !dryRun { try context.settle() }
    if !failures.isEmpty { throw TaintFailure.report(failures) }
  }
}

/// One node's failure in a `kubectl taint` run, as `cmdutil.CheckErr` prints it alone or
/// among others (`MultipleErrors`: one line each, without `error: `).
struct TaintFailure {
  /// The text printed when it is the only failure.
  var alone: String
  /// The line printed among several failures.
  var inList: String

  /// A plain error.
  init(_ message: String) {
    self.init(alone: "error: " + message, inList: message)
  }

  /// A failure printed as `alone` by itself and as `inList` among others.
  init(alone: String, inList: String) {
    self.alone = alone
    self.inList = inList
  }

  /// An API error (`Error from server (NotFound): ...`).
  init(api error: APIError) {
    let text = KubectlError.api(error).text
    self.init(alone: text, inList: text)
  }

  /// `reorganizeTaints`' aggregate of removals that matched nothing.
  init(aggregate messages: [String]) {
    if messages.count == 1 {
      self.init(messages[0])
    } else {
      self.init(alone: messages.joined(separator: "\n"), inList: "[" + messages.joined(separator: ", ") + "]")
    }
  }

  /// The error printed for all of `failures`.
  static func report(_ failures: [TaintFailure]) -> KubectlError {
    if failures.count == 1 { return KubectlError(text: failures[0].alone) }
    return KubectlError(text: failures.map(\.inList).joined(separator: "\n"))
  }
}
