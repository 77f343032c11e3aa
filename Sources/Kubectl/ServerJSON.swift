import KubeSim

/// The JSON the API server writes into a response body: `encoding/json` through apimachinery's
/// JSON serializer (`json.NewEncoder(w).Encode`: compact, `<`, `>` and `&` escaped, a newline
/// at the end). Typed objects start with their `TypeMeta` (`kind`, then `apiVersion`), then
/// `metadata` in `ObjectMeta`'s field order (`apimachinery/pkg/apis/meta/v1/types.go`); the
/// fields under `spec` and `status` keep kubebook's alphabetical order, not each Go struct's.
enum ServerJSON {
  /// `ObjectMeta`'s fields in declaration order.
  static let metadataOrder = [
    "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
    "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers",
    "managedFields",
  ]

  /// The response body for `value`: its compact encoding and the encoder's newline.
  static func body(_ value: JSONValue) -> String { encode(value) + "\n" }

  /// Compact JSON keeping the order of `value`'s keys.
  static func encode(_ value: JSONValue) -> String {
    switch value {
    case .object(let pairs):
      return "{" + pairs.map { JSONPrinter.quote($0.0) + ":" + encode($0.1) }.joined(separator: ",") + "}"
    case .array(let items): return "[" + items.map(encode).joined(separator: ",") + "]"
    default: return CompactJSON.encode(value)
    }
  }

  /// A stored object as the server writes it: `kind`, `apiVersion`, `metadata` in
  /// `ObjectMeta` order, then the other fields.
  static func object(_ json: JSONValue) -> JSONValue {
    guard case .object(let pairs) = json else { return json }
    var ordered: [(String, JSONValue)] = []
    for key in ["kind", "apiVersion"] { if let value = json[key] { ordered.append((key, value)) } }
    if let metadata = json["metadata"] { ordered.append(("metadata", self.metadata(metadata))) }
    ordered += pairs.filter { !["kind", "apiVersion", "metadata"].contains($0.0) }.map { ($0.0, sorted($0.1)) }
    return .object(ordered)
  }

  /// `metadata` with its keys in `ObjectMeta` order.
  static func metadata(_ json: JSONValue) -> JSONValue {
    guard case .object(let pairs) = json else { return json }
    let rank = Dictionary(uniqueKeysWithValues: metadataOrder.enumerated().map { ($1, $0) })
    return .object(
      pairs.sorted { (rank[$0.0] ?? metadataOrder.count, $0.0) < (rank[$1.0] ?? metadataOrder.count, $1.0) }
        .map { ($0.0, sorted($0.1)) })
  }

  /// `value` with every object's keys sorted (kubebook's order below the top level).
  static func sorted(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let pairs): return .object(pairs.sorted { $0.0 < $1.0 }.map { ($0.0, sorted($0.1)) })
    case .array(let items): return .array(items.map(sorted))
    default: return value
    }
  }

  /// A typed list (`PodList`, `DeploymentList`): its items without their `TypeMeta`, as the
  /// typed encoder leaves them, and the list's resourceVersion.
  static func list(_ type: ResourceType, items: [JSONValue], resourceVersion: Int) -> JSONValue {
    .object([
      ("kind", .string(type.kind + "List")),
      ("apiVersion", .string(type.group.isEmpty ? type.preferredVersion : type.group + "/" + type.preferredVersion)),
      ("metadata", .object([("resourceVersion", .string(String(resourceVersion)))])),
      (
        "items",
        .array(
          items.map { item in
            guard case .object(let pairs) = object(item) else { return item }
            return .object(pairs.filter { $0.0 != "kind" && $0.0 != "apiVersion" })
          })
      ),
    ])
  }

  /// The `Status` a NotFound answer carries (`apimachinery/pkg/api/errors.NewNotFound`).
  static func notFound(_ type: ResourceType, name: String) -> JSONValue {
    var details: [(String, JSONValue)] = [("name", .string(name))]
    if !type.group.isEmpty { details.append(("group", .string(type.group))) }
    details.append(("kind", .string(type.plural)))
    return .object([
      ("kind", .string("Status")), ("apiVersion", .string("v1")), ("metadata", .object([])),
      ("status", .string("Failure")), ("message", .string("\(type.qualifiedResource) \"\(name)\" not found")),
      ("reason", .string("NotFound")), ("details", .object(details)), ("code", .int(404)),
    ])
  }
}
