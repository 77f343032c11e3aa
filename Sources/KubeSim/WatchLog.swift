/// What a watch sees: every write to the watched kinds, in order, as the API server would
/// send them (`ADDED`, `MODIFIED`, `DELETED` with the object's state at that moment).
public struct WatchEvent: Sendable {
  /// The kind of change.
  public enum Change: String, Sendable {
    case added = "ADDED"
    case modified = "MODIFIED"
    case deleted = "DELETED"
  }

  public var change: Change
  /// The object as it was written (or as it was when deleted).
  public var object: any APIResource
  /// The virtual instant of the write.
  public var time: Timestamp
}

extension Cluster {
  /// Starts recording writes of `kinds` (`Pod`, `Deployment`, `ReplicaSet`,
  /// `ReplicationController`, `StatefulSet`) into ``watchEvents``.
  public mutating func startWatching(_ kinds: Set<String>) {
    watchedKinds = kinds
    watchEvents = []
  }

  /// Stops recording and returns what was recorded.
  public mutating func stopWatching() -> [WatchEvent] {
    watchedKinds = []
    defer { watchEvents = [] }
    return watchEvents
  }

  /// The events recorded so far (for an observer that cannot take them).
  public var recordedWatchEvents: [WatchEvent] { watchEvents }

  /// Takes the events recorded so far, leaving the watch running.
  public mutating func drainWatchEvents() -> [WatchEvent] {
    defer { watchEvents = [] }
    return watchEvents
  }

  mutating func recordWatch(_ change: WatchEvent.Change, _ object: some APIResource) {
    guard watchedKinds.contains(type(of: object).resource.kind) else { return }
    watchEvents.append(WatchEvent(change: change, object: object, time: now))
  }
}
