/// A namespace.
public struct Namespace: Sendable, Equatable {
  public var metadata: ObjectMeta
  /// `Active` or `Terminating`.
  public var phase: String = "Active"

  /// Creates an active namespace.
  public init(metadata: ObjectMeta) {
    self.metadata = metadata
  }
}
