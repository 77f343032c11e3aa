import KubeSim

/// kubectl's generic describer for the kinds it has no describer of its own for
/// (`genericDescriber.Describe`, `kubectl/pkg/describe/describe.go`): Name, Namespace, Labels,
/// Annotations, then every other field of the unstructured object, keys sorted, labelled by
/// `smartLabelFor` and indented two spaces a level (`printUnstructuredContent`).
enum UnstructuredDescriber {
  /// The fields the header lines already show.
  private static let skipped: Set<String> = [
    ".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels", ".metadata.annotations",
  ]

  /// The description's lines (tab-separated cells) before the Events section.
  static func describe(_ object: JSONValue) -> String {
    let metadata = object["metadata"]
    var text = "Name:\t\(metadata?["name"]?.stringValue ?? "")\n"
    text += "Namespace:\t\(metadata?["namespace"]?.stringValue ?? "")\n"
    text += DescribeCommand.multiline("Labels", DescribeCommand.labels(map(metadata?["labels"])))
    text += DescribeCommand.multiline("Annotations", DescribeCommand.annotations(map(metadata?["annotations"])))
    content(object.objectValue ?? [], level: 0, prefix: "", into: &text)
    return text
  }

  /// A string map of an unstructured object.
  private static func map(_ value: JSONValue?) -> [String: String] {
    var result: [String: String] = [:]
    for (key, item) in value?.objectValue ?? [] { result[key] = item.stringValue ?? GoValueText.plain(item) }
    return result
  }

  /// `printUnstructuredContent`: the fields of one map, sorted, at `level`.
  private static func content(_ pairs: [(String, JSONValue)], level: Int, prefix: String, into text: inout String) {
    let indent = String(repeating: "  ", count: level)
    for (field, value) in pairs.sorted(by: { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }) {
      let path = prefix + "." + field
      if skipped.contains(path) { continue }
      switch value {
      case .object(let children):
        text += "\(indent)\(smartLabel(field)):\n"
        content(children, level: level + 1, prefix: path, into: &text)
      case .array(let items):
        text += "\(indent)\(smartLabel(field)):\n"
        for item in items {
          if case .object(let children) = item {
            content(children, level: level + 1, prefix: path, into: &text)
          } else {
            text += "\(indent)  \(GoValueText.plain(item))\n"
          }
        }
      default:
        text += "\(indent)\(smartLabel(field)):\t\(GoValueText.plain(value))\n"
      }
    }
  }

  /// `smartLabelFor`: a field name of letters and `-` split at its camel-case boundaries
  /// (`camelcase.Split`), each part title-cased, the common acronyms in capitals; any other
  /// name as it is.
  static func smartLabel(_ field: String) -> String {
    guard field.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "-" }) else { return field }
    let acronyms: Set<String> = ["API", "URL", "UID", "OSB", "GUID"]
    return camelCaseParts(field).map { part in
      if acronyms.contains(part.uppercased()) { return part.uppercased() }
      return part.prefix(1).uppercased() + part.dropFirst()
    }.joined(separator: " ")
  }

  /// fatih/camelcase's `Split`: runs of one character class (lower, upper, digit, other);
  /// an upper-case run followed by lower case gives its last letter to the lower run.
  static func camelCaseParts(_ text: String) -> [String] {
    func kind(_ character: Character) -> Int {
      if character.isLowercase { return 1 }
      if character.isUppercase { return 2 }
      if character.isNumber { return 3 }
      return 4
    }
    var runs: [[Character]] = []
    var lastKind = 0
    for character in text {
      let current = kind(character)
      if current == lastKind, !runs.isEmpty {
        runs[runs.count - 1].append(character)
      } else {
        runs.append([character])
      }
      lastKind = current
    }
    for index in runs.indices.dropLast() where kind(runs[index][0]) == 2 && kind(runs[index + 1][0]) == 1 {
      if let last = runs[index].popLast() { runs[index + 1].insert(last, at: 0) }
    }
    return runs.filter { !$0.isEmpty }.map { String($0) }
  }
}
