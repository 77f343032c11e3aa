/// A namespace.
public struct Namespace: Sendable, Equatable {
  public var metadata: ObjectMeta
  public var phase = NamespacePhase.active

  /// Creates an active namespace.
  public init(metadata: ObjectMeta) {
    self.metadata = metadata
  }
}
