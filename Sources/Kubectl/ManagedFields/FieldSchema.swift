import KubeSim

/// The few schema facts structured-merge-diff needs from the built-in kinds' OpenAPI
/// (`x-kubernetes-list-type`, `x-kubernetes-list-map-keys`, `x-kubernetes-map-type` in
/// k8s.io/api v1.32's `generated.proto` markers): which lists are maps keyed by fields,
/// which are sets, and which lists and maps are atomic. kubebook matches them by field name;
/// a list it does not name is atomic, as a list without markers is.
enum FieldSchema {
  /// How a list is merged.
  enum ListKind: Equatable {
    /// Replaced whole (`+listType=atomic`, or no marker).
    case atomic
    /// Items keyed by these fields (`+listType=map`, `+listMapKey=...`), sorted.
    case map([String])
    /// Items are their own keys (`+listType=set`).
    case set
  }

  /// The list map keys by field name (core/v1 and meta/v1 types.go markers).
  private static let mapKeys: [String: [String]] = [
    "containers": ["name"], "initContainers": ["name"], "ephemeralContainers": ["name"],
    "volumes": ["name"], "env": ["name"], "imagePullSecrets": ["name"], "volumeMounts": ["mountPath"],
    "volumeDevices": ["devicePath"], "conditions": ["type"], "ownerReferences": ["uid"], "podIPs": ["ip"],
    "hostAliases": ["ip"], "resourceClaims": ["name"],
  ]

  /// Maps and structs replaced whole: label selectors (`+structType=atomic` on
  /// `LabelSelector`) and the `+mapType=atomic` selectors of pods and services.
  private static let atomicFields: Set<String> = ["f:selector", "f:nodeSelector"]

  /// The last field name in `path`, if the path ends in one.
  private static func field(_ path: [String]) -> String? {
    guard let last = path.last, last.hasPrefix("f:") else { return nil }
    return String(last.dropFirst(2))
  }

  /// Whether the value at `path` is replaced whole.
  static func isAtomic(_ path: [String]) -> Bool {
    guard let last = path.last else { return false }
    return atomicFields.contains(last)
  }

  /// How the list at `path` is merged. `ports` is keyed by `containerPort` and `protocol` in
  /// a container and by `port` and `protocol` in a Service's spec.
  static func listKind(_ path: [String]) -> ListKind {
    guard let name = field(path) else { return .atomic }
    if name == "finalizers" { return .set }
    if name == "ports" {
      if path.count >= 2, path[path.count - 2].hasPrefix("k:") { return .map(["containerPort", "protocol"]) }
      if path == ["f:spec", "f:ports"] { return .map(["port", "protocol"]) }
      return .atomic
    }
    return mapKeys[name].map(ListKind.map) ?? .atomic
  }

  /// The path element of one list item: `k:{"name":"nginx"}` (the key fields in compact
  /// JSON, sorted by name) or `v:"value"`.
  static func element(_ item: JSONValue, kind: ListKind) -> String {
    switch kind {
    case .map(let keys):
      let fields = keys.sorted().compactMap { key in item[key].map { (key, $0) } }
      return "k:" + CompactJSON.encode(.object(fields))
    case .set, .atomic:
      return "v:" + CompactJSON.encode(item)
    }
  }
}
