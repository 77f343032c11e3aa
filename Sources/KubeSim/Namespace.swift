/// A namespace.
public struct Namespace: Sendable, Equatable {
  public var metadata: ObjectMeta
  public var phase = NamespacePhase.active

  /// Creates an active namespace.
  public init(metadata: ObjectMeta) {
    self.metadata = metadata
  }
}

extension Namespace: StoredResource {
  public static let resource = ResourceType(
    plural: "namespaces", singular: "namespace", kind: "Namespace", group: "", shortNames: ["ns"], namespaced: false)
  public static var store: KeyPath<Cluster, [String: Namespace]> { \.namespaces }
  public func json(now: Timestamp) -> JSONValue { json }
}
