import KubeSim

/// A `-o go-template=TEMPLATE` (or `template=`, `go-template-file=`, `templatefile=`,
/// `--template`) printer: cli-runtime's `GoTemplatePrinter` (`pkg/printers/template.go`),
/// which parses the template as `output` with kubectl's `exists` and `base64decode`, and runs
/// it on the object marshalled to JSON and decoded back (apimachinery's decoder keeps whole
/// numbers as `int64`).
struct GoTemplatePrinter: Sendable, Equatable {
  /// The template as given.
  var raw: String
  /// The parsed templates.
  var trees: GoTemplateParser.Trees
  /// `--allow-missing-template-keys` (`missingkey=default`, else `missingkey=error`).
  var allowMissingKeys: Bool

  /// Two printers are equal when they were made from the same template and setting.
  static func == (left: GoTemplatePrinter, right: GoTemplatePrinter) -> Bool {
    left.raw == right.raw && left.allowMissingKeys == right.allowMissingKeys
  }

  /// Parses `raw`, failing as `GoTemplatePrintFlags.ToPrinter` does.
  init(_ raw: String, allowMissingKeys: Bool = true) throws(KubectlError) {
    self.raw = raw
    self.allowMissingKeys = allowMissingKeys
    do { trees = try GoTemplateParser.parse(raw) } catch {
      throw .plain("error parsing template \(raw), \(error.message)")
    }
  }

  /// The template applied to an object kubectl built itself: its JSON is in the struct's
  /// field order.
  func print(typed object: JSONValue) throws(KubectlError) -> String {
    try print(object, rawData: Self.compactJSON(object))
  }

  /// The template applied to an object a server sent (unstructured: its JSON has sorted keys).
  func print(served object: JSONValue) throws(KubectlError) -> String {
    try print(object, rawData: GoValueText.compactJSON(object))
  }

  /// Runs the template; on failure kubectl writes what ran, a debugging dump and the error.
  private func print(_ object: JSONValue, rawData: String) throws(KubectlError) -> String {
    let data = Self.decoded(object)
    do {
      return try GoTemplateExecutor.execute(
        trees, source: raw, name: "output", data: GoTemplateValue(json: data, boxed: false),
        allowMissingKeys: allowMissingKeys)
    } catch {
      let partial = error.partialOutput
      throw KubectlError(
        text: partial
          + "Error executing template: \(error.message). Printing more information for debugging the template:\n"
          + "\ttemplate was:\n\t\t\(raw)\n\traw data was:\n\t\t\(rawData)\n"
          + "\tobject given to template engine was:\n\t\t\(GoValueText.plain(data))\n\n"
          + "error: error executing template \(GoUnquote.quote(raw)): \(error.message)")
    }
  }

  /// The value as apimachinery's `json.Unmarshal` gives it back: a number whose JSON has no
  /// fraction or exponent is an `int64`.
  static func decoded(_ value: JSONValue) -> JSONValue {
    switch value {
    case .double(let number):
      if let integer = Int64(GoFormat.jsonFloat(number)) { return .int(integer) }
      return value
    case .array(let items): return .array(items.map(decoded))
    case .object(let pairs): return .object(pairs.map { ($0, decoded($1)) })
    default: return value
    }
  }

  /// `json.Marshal` of a typed object: compact, in the object's own key order.
  static func compactJSON(_ value: JSONValue) -> String {
    switch value {
    case .array(let items): return "[" + items.map(compactJSON).joined(separator: ",") + "]"
    case .object(let pairs):
      return "{" + pairs.map { JSONPrinter.quote($0) + ":" + compactJSON($1) }.joined(separator: ",") + "}"
    default: return GoValueText.compactJSON(value)
    }
  }
}
