import KubeSim

/// What `kubectl wait --for=...` waits for (kubectl v1.32 `pkg/cmd/wait/wait.go`
/// `conditionFuncFor`), checked on the object's API JSON as kubectl checks the unstructured
/// object it watches.
enum WaitCondition: Equatable {
  /// `delete`: the object with the uid seen at the start is gone.
  case deleted
  /// `create`: the object exists.
  case created
  /// `condition=NAME[=VALUE]`: `status.conditions[]` has a type equal to NAME and a status
  /// equal to VALUE (default `true`), ignoring case, and is not older than the object's
  /// generation (`condition.go` `checkCondition`).
  case condition(name: String, status: String)
  /// `jsonpath='{EXPR}'[=VALUE]`: the expression yields one value, equal to VALUE when given
  /// (`json.go` `checkCondition`).
  case jsonPath(expression: String, value: String?)

  /// Parses the `--for` value as `conditionFuncFor` does, with kubectl's errors.
  static func parse(_ text: String) throws(KubectlError) -> WaitCondition {
    switch text.lowercased() {
    case "delete": return .deleted
    case "create": return .created
    default: break
    }
    if text.hasPrefix("condition=") {
      let body = text.dropFirst("condition=".count)
      guard let equals = body.firstIndex(of: "=") else { return .condition(name: String(body), status: "true") }
      return .condition(name: String(body[..<equals]), status: String(body[body.index(after: equals)...]))
    }
    if text.hasPrefix("jsonpath=") {
      let parts = splitJSONPathInput(String(text.dropFirst("jsonpath=".count)))
      guard parts.count == 1 || parts.count == 2 else {
        throw .plain(
          "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'"
        )
      }
      let expression = try CustomColumns.relaxedJSONPath(parts[0])
      _ = try parsedNodes(expression)
      guard parts.count == 2 else { return .jsonPath(expression: expression, value: nil) }
      let value = parts[1].trimmingCharacters(in: "'\"")
      guard !value.isEmpty else {
        throw .plain(
          "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3")
      }
      return .jsonPath(expression: expression, value: value)
    }
    throw .plain("unrecognized condition: \(GoUnquote.quote(text))")
  }

  /// `splitJSONPathInput`: splits at each `=` that is not part of `==`.
  static func splitJSONPathInput(_ input: String) -> [String] {
    var parts: [String] = []
    var element = ""
    var scalars = input.unicodeScalars[...]
    while let scalar = scalars.popFirst() {
      if scalar == "=" {
        if scalars.first == "=" {
          scalars.removeFirst()
          element += "=="
          continue
        }
        parts.append(element)
        element = ""
        continue
      }
      element.unicodeScalars.append(scalar)
    }
    parts.append(element)
    return parts
  }

  /// Whether `object` (its API JSON; nil when it does not exist) meets the condition, or the
  /// error that ends the wait (a JSONPath that yields a list or several values).
  func isMet(by object: JSONValue?, uidAtStart: String?) throws(KubectlError) -> Bool {
    switch self {
    case .deleted:
      guard let object else { return true }
      return object["metadata"]?["uid"]?.stringValue != uidAtStart
    case .created:
      return object != nil
    case .condition(let name, let status):
      guard let object else { return false }
      return Self.conditionMet(object, name: name, status: status)
    case .jsonPath(let expression, let value):
      guard let object else { return false }
      var evaluator = JSONPathEvaluator(nodes: try Self.parsedNodes(expression), allowMissingKeys: true)
      let results: [[JSONValue]]
      do { results = try evaluator.findResults(object) } catch { throw .plain(error.message) }
      guard let first = results.first, let found = first.first else { return false }
      if results.count > 1 { throw .plain("given jsonpath expression matches more than one list") }
      if first.count > 1 { throw .plain("given jsonpath expression matches more than one value") }
      guard let value else { return true }
      switch found {
      case .object, .array: throw .plain("jsonpath leads to a nested object or list which is not supported")
      default:
        return GoValueText.plain(found).trimmingCharacters(in: " \t\n\r")
          == value.trimmingCharacters(in: " \t\n\r")
      }
    }
  }

  /// `ConditionalWait.checkCondition`: the first condition whose type matches and that has a
  /// status decides; one observed for an older generation is not met.
  static func conditionMet(_ object: JSONValue, name: String, status: String) -> Bool {
    guard case .array(let conditions)? = object["status"]?["conditions"] else { return false }
    let generation = object["metadata"]?["generation"]?.intValue
    for condition in conditions {
      guard let type = condition["type"]?.stringValue, type.lowercased() == name.lowercased(),
        let conditionStatus = condition["status"]?.stringValue
      else { continue }
      let observed = condition["observedGeneration"]?.intValue ?? object["status"]?["observedGeneration"]?.intValue
      if let observed, let generation, observed < generation { return false }
      return conditionStatus.lowercased() == status.lowercased()
    }
    return false
  }

  /// The parsed JSONPath template, with the parser's error.
  static func parsedNodes(_ expression: String) throws(KubectlError) -> [JSONPathNode] {
    do { return try JSONPathParser.parse(expression) } catch { throw .plain(error.message) }
  }
}
