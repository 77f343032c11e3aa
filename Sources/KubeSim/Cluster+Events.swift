/// Events live an hour after their last update, as in the API server's storage.
extension Cluster {
  /// How long the API server keeps an event after its last update (`--event-ttl`, 1 h).
  static let eventTTLSeconds: Int64 = 3600

  /// Drops the events whose TTL has run out, as the API server's storage does. The server
  /// attaches each write to an etcd lease it reuses for a minute (`--lease-reuse-duration-seconds`),
  /// so an event goes an hour after the start of the minute of its last update.
  mutating func expireEvents() {
    guard !events.isEmpty else { return }
    if let due = nextEventExpiry, now < due { return }
    // In place, moving rather than copying the events that stay (this runs every minute).
    var kept = 0
    var earliest: Timestamp?
    for index in events.indices {
      let expiry = Self.expiry(lastWritten: events[index].lastTimestamp)
      guard expiry > now else { continue }
      if kept != index { events.swapAt(kept, index) }
      kept += 1
      if earliest.map({ expiry < $0 }) ?? true { earliest = expiry }
    }
    events.removeLast(events.count - kept)
    nextEventExpiry = earliest
  }

  /// When the lease of an event last written at `time` runs out.
  static func expiry(lastWritten time: Timestamp) -> Timestamp {
    let minute = time.milliseconds - time.milliseconds % 60_000
    return Timestamp(milliseconds: minute + eventTTLSeconds * 1000)
  }
}
