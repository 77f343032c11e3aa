/// The names the API server serves a kind under (discovery's `APIResource`): every spelling
/// kubectl accepts for it, its group and whether it lives in a namespace.
public struct ResourceType: Sendable, Equatable, Hashable {
  /// The plural resource name (`pods`).
  public var plural: String
  /// The singular name (`pod`).
  public var singular: String
  /// The Kind (`Pod`).
  public var kind: String
  /// The API group, empty for the core group.
  public var group: String
  /// The short names served by discovery (`po`).
  public var shortNames: [String]
  /// Whether objects of this type live in a namespace.
  public var namespaced: Bool
  /// The versions of its group manifests may name (`apiVersion: GROUP/VERSION`).
  public var versions: [String]

  /// `<kind-lowercase>[.<group>]`: the prefix of `-o name` and success messages.
  public var qualifiedKind: String {
    group.isEmpty ? kind.lowercased() : kind.lowercased() + "." + group
  }

  /// `<plural>[.<group>]`: how server errors name the resource.
  public var qualifiedResource: String {
    group.isEmpty ? plural : plural + "." + group
  }

  /// Creates the names of a kind.
  public init(
    plural: String, singular: String, kind: String, group: String, shortNames: [String], namespaced: Bool,
    versions: [String] = ["v1"]
  ) {
    self.plural = plural
    self.singular = singular
    self.kind = kind
    self.group = group
    self.shortNames = shortNames
    self.namespaced = namespaced
    self.versions = versions
  }

  /// Whether a manifest's `apiVersion` names this type's group and one of its versions.
  public func accepts(apiVersion: String) -> Bool {
    versions.contains { (group.isEmpty ? $0 : group + "/" + $0) == apiVersion }
  }
}
