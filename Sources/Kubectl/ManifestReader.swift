import KubeSim
import Yams

/// Reads manifest text (YAML or JSON, one or more `---`-separated documents) into
/// ``JSONValue`` documents, refusing what would not terminate or would not fit.
enum ManifestReader {
  /// The largest manifest accepted, in bytes (the API server's request limit is 3 MiB).
  static let maxBytes = 3 * 1024 * 1024
  /// The most nodes one document may expand to (stops YAML alias bombs).
  static let maxNodes = 100_000

  /// The non-empty documents of `text`.
  ///
  /// - Throws: ``KubectlError`` naming `source` when the text is not valid YAML or too big.
  static func documents(_ text: String, source: String) throws(KubectlError) -> [JSONValue] {
    guard text.utf8.count <= maxBytes else {
      throw .plain("error reading \"\(source)\": the manifest is larger than the 3 MiB the API server accepts")
    }
    var result: [JSONValue] = []
    do {
      // The sequence keeps a parse error to itself and just ends: ask it after the last node.
      var nodes = try Yams.compose_all(yaml: text)
      while let node = nodes.next() {
        var budget = maxNodes
        guard let value = try convert(node, budget: &budget, source: source) else { continue }
        if case .null = value { continue }
        result.append(value)
      }
      if let error = nodes.error { throw error }
    } catch let error as KubectlError {
      throw error
    } catch let error as YamlError {
      throw .plain("error parsing \(source): error converting YAML to JSON: \(describe(error))")
    } catch {
      throw .plain("error parsing \(source): \(error)")
    }
    return result
  }

  /// The first document of `text`, `null` when it has none (`yaml.YAMLToJSON`, which
  /// reads one document); a YAML error as go-yaml words it (`yaml: line 1: ...`).
  static func firstDocument(_ text: String) -> Result<JSONValue, KubectlError> {
    guard text.utf8.count <= maxBytes else {
      return .failure(.plain("the patch is larger than the 3 MiB the API server accepts"))
    }
    do {
      var nodes = try Yams.compose_all(yaml: text)
      if let node = nodes.next() {
        var budget = maxNodes
        return .success(try convert(node, budget: &budget, source: "the patch") ?? .null)
      }
      if let error = nodes.error { throw error }
      return .success(.null)
    } catch let error as KubectlError {
      return .failure(error)
    } catch let error as YamlError {
      return .failure(.plain(goYAMLDescription(error)))
    } catch {
      return .failure(.plain("\(error)"))
    }
  }

  /// The most levels of sequences and mappings one document may nest: libyaml's own limit
  /// (`MAX_NESTING_LEVEL` in Yams' parser.c). It keeps every recursive walk over a document
  /// far from the end of a thread's stack; kubectl itself stops at 10,000 (Go's
  /// `encoding/json` `maxNestingDepth`).
  static let maxDepth = 1000

  /// A YAML error as go-yaml v2's `parser.fail` words it (sigs.k8s.io/yaml, behind kubectl's
  /// `yaml.ToJSON`): the problem's 0-based line (one more for a scanner error) when it is
  /// not 0, else the context's 0-based line when that is not 0, else no line.
  private static func goYAMLDescription(_ error: YamlError) -> String {
    let (problem, problemLine, contextLine, isScanner): (String, Int, Int, Bool)
    switch error {
    case .scanner(let context, let text, let mark, _):
      (problem, problemLine, contextLine, isScanner) = (text, mark.line - 1, (context?.mark.line ?? 1) - 1, true)
    case .parser(let context, let text, let mark, _):
      (problem, problemLine, contextLine, isScanner) = (text, mark.line - 1, (context?.mark.line ?? 1) - 1, false)
    default:
      return describe(error)
    }
    var line = 0
    if problemLine != 0 {
      line = isScanner ? problemLine + 1 : problemLine
    } else if contextLine != 0 {
      line = contextLine
    }
    return "yaml: " + (line != 0 ? "line \(line): " : "") + problem
  }

  private static func describe(_ error: YamlError) -> String {
    switch error {
    case .scanner(_, let problem, let mark, _):
      return "yaml: line \(mark.line): \(problem)"
    case .parser(_, let problem, let mark, _) where problem.hasPrefix("Maximum nesting level reached"):
      return "yaml: line \(mark.line): the document nests more than \(maxDepth) levels deep; kubebook refuses it"
    case .parser(_, let problem, let mark, _):
      return "yaml: line \(mark.line): \(problem)"
    default:
      return "yaml: \(error)"
    }
  }

  private static func convert(_ node: Yams.Node, budget: inout Int, source: String) throws -> JSONValue? {
    budget -= 1
    if budget < 0 {
      throw KubectlError.plain(
        "error parsing \(source): the document expands to more than \(maxNodes) YAML nodes (an alias bomb?); kubebook refuses it"
      )
    }
    switch node {
    case .scalar(let scalar):
      return scalarValue(scalar)
    case .sequence(let sequence):
      var items: [JSONValue] = []
      for item in sequence {
        items.append(try convert(item, budget: &budget, source: source) ?? .null)
      }
      return .array(items)
    case .mapping(let mapping):
      var pairs: [(String, JSONValue)] = []
      // A repeated key keeps its first place and its last value; the index keeps that linear.
      var positions: [String: Int] = [:]
      for (key, value) in mapping {
        let keyText = key.string ?? ""
        let converted = try convert(value, budget: &budget, source: source) ?? .null
        if let existing = positions[keyText] {
          pairs[existing].1 = converted
        } else {
          positions[keyText] = pairs.count
          pairs.append((keyText, converted))
        }
      }
      return .object(pairs)
    case .alias:
      throw KubectlError.plain("error parsing \(source): YAML aliases are not supported by kubebook")
    }
  }

  private static func scalarValue(_ scalar: Yams.Node.Scalar) -> JSONValue {
    if scalar.style == .singleQuoted || scalar.style == .doubleQuoted || scalar.style == .literal
      || scalar.style == .folded
    {
      return .string(scalar.string)
    }
    let node = Yams.Node.scalar(scalar)
    if ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return .null }
    if let flag = node.bool { return .bool(flag) }
    if let number = node.int { return .int(Int64(number)) }
    if let number = node.float { return .double(number) }
    return .string(scalar.string)
  }
}
