import KubeSim

/// `kubectl create poddisruptionbudget NAME --selector=SELECTOR --min-available=N` (alias
/// `pdb`), checked and built as kubectl's `create_pdb.go` does.
enum CreatePodDisruptionBudgetCommand {
  /// `create_pdb.go`'s flags and the common create flags.
  static let flags: [FlagParser.Spec] =
    [
      .init(name: "selector", short: nil, takesValue: true),
      .init(name: "min-available", short: nil, takesValue: true),
      .init(name: "max-unavailable", short: nil, takesValue: true),
      .init(name: "dry-run", short: nil, takesValue: true),
      .init(name: "output", short: "o", takesValue: true),
      .init(name: "save-config", short: nil, takesValue: false),
    ] + OutputFormat.templateFlags

  /// Checks the flags, builds the budget, and prints it (dry run) or creates it.
  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "create poddisruptionbudget", specs: flags).parse(arguments)
    guard parsed.positional.count == 1 else {
      throw KubectlError(
        text:
          "error: exactly one NAME is required, got \(parsed.positional.count)\nSee 'kubectl create poddisruptionbudget -h' for help and examples"
      )
    }
    let name = parsed.positional[0]
    // `Validate()`: in this order, before the selector is parsed.
    let selectorText = parsed.value("selector") ?? ""
    guard !selectorText.isEmpty else { throw .plain("a selector must be specified") }
    let minText = parsed.value("min-available") ?? ""
    let maxText = parsed.value("max-unavailable") ?? ""
    if minText.isEmpty && maxText.isEmpty {
      throw .plain("one of min-available or max-unavailable must be specified")
    }
    if !minText.isEmpty && !maxText.isEmpty {
      throw .plain("min-available and max-unavailable cannot be both specified")
    }
    let (flag, text) = minText.isEmpty ? ("max-unavailable", maxText) : ("min-available", minText)
    guard let amount = amount(text) else { throw .plain("invalid format specified for \(flag)") }
    let selector: SelectorSpec
    do { selector = try selectorSpec(LabelSelector.parse(selectorText)) } catch {
      throw .plain(
        "couldn't parse the selector string \"\(selectorText)\": unable to parse requirement: \(error.message)")
    }
    // The namespace is set only when `-n` names one (`EnforceNamespace`).
    let flagNamespace = parsed.value("namespace")
    var budget = PodDisruptionBudget(
      metadata: ObjectMeta(name: name, namespace: context.namespace(parsed)), selector: selector)
    if minText.isEmpty { budget.maxUnavailable = amount } else { budget.minAvailable = amount }
    let format = try OutputFormat.parse(parsed, printers: .generic, files: context.files)
    let qualified = "poddisruptionbudget.policy/\(name)"
    let dryRunMode = try DryRun.mode(parsed.value("dry-run"))
    let saved = context.cluster
    if dryRunMode == .client {
      let metadata = DryRunObjects.metadata(name: name, namespace: flagNamespace)
      // Go's field order: MinAvailable, Selector, MaxUnavailable; the status has no omitempty counts.
      var spec = JSONObjectBuilder()
      spec.set("minAvailable", budget.minAvailable?.json)
      spec.set("selector", selectorJSON(selector))
      spec.set("maxUnavailable", budget.maxUnavailable?.json)
      let object: JSONValue = .object([
        ("kind", .string("PodDisruptionBudget")), ("apiVersion", .string("policy/v1")), ("metadata", metadata.value),
        ("spec", spec.value),
        (
          "status",
          .object([
            ("disruptionsAllowed", .int(0)), ("currentHealthy", .int(0)), ("desiredHealthy", .int(0)),
            ("expectedPods", .int(0)),
          ])
        ),
      ])
      switch format {
      case .yaml, .json, .jsonPath, .goTemplate: output.write(try format.printed(typed: object))
      case .name: output.line(qualified)
      default: output.line("\(qualified) created (dry run)")
      }
      return
    }
    do {
      try context.cluster.createPodDisruptionBudget(budget)
    } catch {
      throw .generator("failed to create poddisruptionbudgets: ", error, group: "policy")
    }
    try context.finishCreate(
      PodDisruptionBudget.self, name: name, namespace: context.namespace(parsed), format: format, dryRun: dryRunMode,
      saved: saved,
      output: &output)
  }

  /// `intstr.Parse` after the flag's `^[0-9]+%?$` check: digits are an int, `NN%` a string.
  static func amount(_ text: String) -> PodDisruptionBudget.Amount? {
    let digits = text.hasSuffix("%") ? text.dropLast() : Substring(text)
    guard !digits.isEmpty, digits.allSatisfy({ $0 >= "0" && $0 <= "9" }) else { return nil }
    if text.hasSuffix("%") { return .string(text) }
    // intstr.Parse falls back to a string when the number does not fit an int32.
    return Int32(text).map { .int(Int($0)) } ?? .string(text)
  }

  /// `metav1.ParseToLabelSelector`: `=`/`==` pairs become matchLabels, the rest
  /// matchExpressions (`!=` as NotIn), values sorted.
  static func selectorSpec(_ selector: LabelSelector) -> SelectorSpec {
    var spec = SelectorSpec(matchLabels: [:])
    for requirement in selector.requirements {
      switch requirement.op {
      case .equals, .doubleEquals: spec.matchLabels[requirement.key] = requirement.values.first ?? ""
      case .notEquals, .notIn:
        spec.matchExpressions.append(
          .init(key: requirement.key, op: .known(.notIn), values: requirement.values.sorted()))
      case .in:
        spec.matchExpressions.append(.init(key: requirement.key, op: .known(.in), values: requirement.values.sorted()))
      case .exists: spec.matchExpressions.append(.init(key: requirement.key, op: .known(.exists), values: []))
      case .doesNotExist:
        spec.matchExpressions.append(.init(key: requirement.key, op: .known(.doesNotExist), values: []))
      }
    }
    return spec
  }

  /// The selector in Go's field order (matchLabels, then matchExpressions).
  static func selectorJSON(_ selector: SelectorSpec) -> JSONValue {
    var object = JSONObjectBuilder()
    if !selector.matchLabels.isEmpty { object.set("matchLabels", .stringMap(selector.matchLabels)) }
    if !selector.matchExpressions.isEmpty {
      object.set(
        "matchExpressions",
        .array(
          selector.matchExpressions.map { expression in
            var item = JSONObjectBuilder()
            item.set("key", .string(expression.key))
            item.set("operator", .string(expression.op.text))
            if !expression.values.isEmpty { item.set("values", .array(expression.values.map(JSONValue.string))) }
            return item.value
          }))
    }
    return object.value
  }
}
