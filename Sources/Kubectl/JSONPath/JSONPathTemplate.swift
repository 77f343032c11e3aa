import KubeSim

/// A `-o jsonpath=TEMPLATE` (or `jsonpath-as-json`, `jsonpath-file`) printer: cli-runtime's
/// `JSONPathPrinter` (`pkg/printers/jsonpath.go`) with kubectl's default of allowing
/// missing keys.
struct JSONPathTemplate: Equatable, Sendable {
  /// The template as given.
  var raw: String
  /// Its parsed nodes.
  var nodes: [JSONPathNode]
  /// `jsonpath-as-json`: each action's results as an indented JSON array.
  var asJSON: Bool
  /// `--allow-missing-template-keys` (kubectl's default: true).
  var allowMissingKeys = true

  /// Parses `raw`, failing as `JSONPathPrintFlags.ToPrinter` does.
  init(_ raw: String, asJSON: Bool = false, allowMissingKeys: Bool = true) throws(KubectlError) {
    self.raw = raw
    self.asJSON = asJSON
    self.allowMissingKeys = allowMissingKeys
    do { nodes = try JSONPathParser.parse(raw) } catch {
      throw .plain("error parsing jsonpath \(raw), \(error.message)")
    }
  }

  /// The template applied to an object a server sent (unstructured: integers stay `int64`).
  func print(_ object: JSONValue) throws(KubectlError) -> String {
    do { return try render(object, allowMissingKeys: allowMissingKeys) } catch {
      throw KubectlError(
        text: "error: error executing jsonpath \(GoUnquote.quote(raw)): Error executing template: \(error.message). "
          + "Printing more information for debugging the template:\n\ttemplate was:\n\t\t\(raw)\n"
          + "\tobject given to jsonpath engine was:\n\t\t\(GoValueText.goSyntax(object))\n\n")
    }
  }

  /// client-go's `JSONPath.Execute`: the printed results of every top-level node.
  func render(_ object: JSONValue, allowMissingKeys: Bool) throws(JSONPathError) -> String {
    var evaluator = JSONPathEvaluator(nodes: nodes, allowMissingKeys: allowMissingKeys)
    return try evaluator.findResults(object).map(text).joined()
  }

  /// The template applied to an object kubectl built itself (a `--dry-run=client` object):
  /// the printer marshals it to JSON and back into a map, so every number is a `float64`.
  func print(typed object: JSONValue) throws(KubectlError) -> String {
    try print(Self.floats(object))
  }

  /// One action's results: each value as `fmt.Fprint` or `json.Marshal` prints it, separated
  /// by spaces; with `asJSON`, all of them as one indented JSON array.
  private func text(_ results: [JSONValue]) -> String {
    if asJSON { return JSONPrinter.print(.array(results)) }
    return results.map { value in
      switch value {
      case .object, .array, .null: return GoValueText.compactJSON(value)
      default: return GoValueText.plain(value)
      }
    }.joined(separator: " ")
  }

  /// The value with every integer turned into a float, as `json.Unmarshal` into `interface{}` does.
  static func floats(_ value: JSONValue) -> JSONValue {
    switch value {
    case .int(let number): return .double(Double(number))
    case .array(let items): return .array(items.map(floats))
    case .object(let pairs): return .object(pairs.map { ($0, floats($1)) })
    default: return value
    }
  }
}
