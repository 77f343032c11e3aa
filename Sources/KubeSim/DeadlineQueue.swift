/// A min-heap of deadlines, each with a payload: the simulator's alarm clock.
struct DeadlineQueue<Payload: Sendable>: Sendable {
  private var heap: [(time: Timestamp, order: Int, payload: Payload)] = []
  private var counter = 0

  /// The earliest deadline, if any.
  var earliest: Timestamp? { heap.first?.time }

  var isEmpty: Bool { heap.isEmpty }

  /// Adds a deadline. Equal deadlines come out in insertion order.
  mutating func schedule(_ payload: Payload, at time: Timestamp) {
    counter += 1
    heap.append((time, counter, payload))
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      if less(heap[child], heap[parent]) {
        heap.swapAt(child, parent)
        child = parent
      } else {
        break
      }
    }
  }

  /// Removes and returns every payload due at or before `time`, earliest first.
  mutating func popDue(_ time: Timestamp) -> [Payload] {
    var due: [Payload] = []
    while let first = heap.first, first.time <= time {
      due.append(first.payload)
      removeFirst()
    }
    return due
  }

  /// Drops deadlines at or before `time` without returning them.
  mutating func discard(through time: Timestamp) {
    while let first = heap.first, first.time <= time { removeFirst() }
  }

  private mutating func removeFirst() {
    heap.swapAt(0, heap.count - 1)
    heap.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < heap.count && less(heap[left], heap[smallest]) { smallest = left }
      if right < heap.count && less(heap[right], heap[smallest]) { smallest = right }
      if smallest == parent { return }
      heap.swapAt(parent, smallest)
      parent = smallest
    }
  }

  private func less(
    _ a: (time: Timestamp, order: Int, payload: Payload), _ b: (time: Timestamp, order: Int, payload: Payload)
  ) -> Bool {
    a.time < b.time || (a.time == b.time && a.order < b.order)
  }
}
