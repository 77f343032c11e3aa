/// An object of a kind a CustomResourceDefinition defines, kept as the apiextensions server
/// keeps it: unstructured JSON, pruned to its schema, beside its metadata.
public struct CustomObject: Sendable, Equatable {
  /// The names its kind is served under.
  public var type: ResourceType
  /// `GROUP/VERSION`, as stored.
  public var apiVersion: String
  public var metadata: ObjectMeta
  /// Every top-level field but `apiVersion`, `kind` and `metadata` (`spec`, `status`, ...).
  public var content: [String: JSONValue]

  /// Creates an object from a pruned document.
  public init(type: ResourceType, document: JSONValue, metadata: ObjectMeta) {
    self.type = type
    self.apiVersion = document["apiVersion"]?.stringValue ?? ""
    self.metadata = metadata
    var content: [String: JSONValue] = [:]
    for (key, value) in document.objectValue ?? [] where !["apiVersion", "kind", "metadata"].contains(key) {
      content[key] = value
    }
    self.content = content
  }

  /// The object as the server returns it: an unstructured map, so every object's keys are in
  /// byte order (Go's `encoding/json` on a `map[string]interface{}`).
  public var json: JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("apiVersion", .string(apiVersion)), ("kind", .string(type.kind)), ("metadata", metadata.json),
    ]
    pairs += content.map { ($0.key, $0.value) }
    return Self.sortingKeys(.object(pairs))
  }

  /// `value` with every object's keys in byte order.
  static func sortingKeys(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let pairs):
      return .object(
        pairs.sorted { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }.map { ($0.0, sortingKeys($0.1)) })
    case .array(let items): return .array(items.map(sortingKeys))
    default: return value
    }
  }
}
