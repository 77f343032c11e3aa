/// A cluster event (`kubectl get events`, the Events section of `describe`).
public struct Event: Sendable, Equatable {
  public var namespace: String
  /// `<kind>/<name>` of the object the event is about, e.g. `Pod` and its name.
  public var involvedKind: String
  public var involvedName: String
  public var type: EventType
  public var reason: String
  public var message: String
  /// The component that reported it (`default-scheduler`, `kubelet`).
  public var source: String
  public var firstTimestamp: Timestamp
  public var lastTimestamp: Timestamp
  public var count: Int = 1

  /// Creates an event.
  public init(
    namespace: String, involvedKind: String, involvedName: String, type: EventType = .normal,
    reason: String, message: String, source: String, at time: Timestamp
  ) {
    self.namespace = namespace
    self.involvedKind = involvedKind
    self.involvedName = involvedName
    self.type = type
    self.reason = reason
    self.message = message
    self.source = source
    self.firstTimestamp = time
    self.lastTimestamp = time
  }
}
