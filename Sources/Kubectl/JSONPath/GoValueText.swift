import KubeSim

/// How Go prints the unstructured values (`map[string]interface{}`, `[]interface{}`,
/// `string`, `int64`, `float64`, `bool`, nil) that kubectl's JSONPath engine works on.
enum GoValueText {
  /// `fmt.Sprint` (`%v`): `map[a:1 b:[x y]]`, `<nil>`, strings as they are.
  static func plain(_ value: JSONValue) -> String {
    switch value {
    case .null: return "<nil>"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number): return GoFormat.shortestG(number)
    case .string(let text): return text
    case .array(let items): return "[" + items.map(plain).joined(separator: " ") + "]"
    case .object(let pairs):
      return "map[" + sortedPairs(pairs).map { "\($0):\(plain($1))" }.joined(separator: " ") + "]"
    }
  }

  /// `%#v`: `map[string]interface {}{"a":1, "b":[]interface {}{"x"}}`, `interface {}(nil)`.
  static func goSyntax(_ value: JSONValue) -> String {
    switch value {
    case .null: return "interface {}(nil)"
    case .string(let text): return GoUnquote.quote(text)
    case .bool, .int, .double: return plain(value)
    case .array(let items): return "[]interface {}{" + items.map(goSyntax).joined(separator: ", ") + "}"
    case .object(let pairs):
      let fields = sortedPairs(pairs).map { GoUnquote.quote($0) + ":" + goSyntax($1) }
      return "map[string]interface {}{" + fields.joined(separator: ", ") + "}"
    }
  }

  /// The Go type of the value, as `reflect.Type` prints it (`map[string]interface {}`).
  static func typeName(_ value: JSONValue) -> String {
    switch value {
    case .null: return "<nil>"
    case .bool: return "bool"
    case .int: return "int64"
    case .double: return "float64"
    case .string: return "string"
    case .array: return "[]interface {}"
    case .object: return "map[string]interface {}"
    }
  }

  /// `json.Marshal`: compact, keys sorted, `<`, `>` and `&` escaped.
  static func compactJSON(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number): return GoFormat.jsonFloat(number)
    case .string(let text): return JSONPrinter.quote(text)
    case .array(let items): return "[" + items.map(compactJSON).joined(separator: ",") + "]"
    case .object(let pairs):
      return "{" + sortedPairs(pairs).map { JSONPrinter.quote($0) + ":" + compactJSON($1) }.joined(separator: ",")
        + "}"
    }
  }

  /// The pairs of a map in Go's printing order (sorted keys; a repeated key once, last value).
  static func sortedPairs(_ pairs: [(String, JSONValue)]) -> [(String, JSONValue)] {
    var latest: [String: Int] = [:]
    for (index, pair) in pairs.enumerated() { latest[pair.0] = index }
    return pairs.enumerated().filter { latest[$0.element.0] == $0.offset }.map(\.element).sorted { $0.0 < $1.0 }
  }
}
