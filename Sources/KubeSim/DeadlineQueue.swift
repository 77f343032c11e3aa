import HeapModule

/// A min-heap of deadlines, each with a payload: the simulator's alarm clock.
struct DeadlineQueue<Payload: Sendable>: Sendable {
  /// One deadline; equal times keep their insertion order.
  private struct Entry: Comparable, Sendable {
    var time: Timestamp
    var order: Int
    var payload: Payload

    static func < (a: Entry, b: Entry) -> Bool { (a.time, a.order) < (b.time, b.order) }
    static func == (a: Entry, b: Entry) -> Bool { a.time == b.time && a.order == b.order }
  }

  private var heap = Heap<Entry>()
  private var counter = 0

  /// The earliest deadline, if any.
  var earliest: Timestamp? { heap.min?.time }

  var isEmpty: Bool { heap.isEmpty }

  /// Adds a deadline. Equal deadlines come out in insertion order.
  mutating func schedule(_ payload: Payload, at time: Timestamp) {
    counter += 1
    heap.insert(Entry(time: time, order: counter, payload: payload))
  }

  /// Removes and returns every payload due at or before `time`, earliest first.
  mutating func popDue(_ time: Timestamp) -> [Payload] {
    var due: [Payload] = []
    while let first = heap.min, first.time <= time {
      due.append(first.payload)
      heap.removeMin()
    }
    return due
  }

  /// Drops deadlines at or before `time` without returning them.
  mutating func discard(through time: Timestamp) {
    while let first = heap.min, first.time <= time { heap.removeMin() }
  }
}

extension DeadlineQueue where Payload == Int {
  /// Asks for a controller round at `time`, when that lies after `now` (the payload is 0: such
  /// a queue only marks instants).
  mutating func wake(at time: Timestamp, after now: Timestamp) {
    if time > now { schedule(0, at: time) }
  }
}
