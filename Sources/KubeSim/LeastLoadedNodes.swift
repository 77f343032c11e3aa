import HeapModule

/// The feasible nodes of one pod template ordered by how many pods they run, lowest node
/// index first among equals: the scheduler's spreading choice in O(log n) per pod instead of
/// a scan of every node.
///
/// Pod counts only grow while the scheduler runs, so an entry whose count has gone stale is
/// pushed back with the current count when it reaches the top (lazy re-keying).
struct LeastLoadedNodes {
  /// A node and the number of pods it had when the entry was made.
  private struct Entry: Comparable {
    var count: Int
    var index: Int

    static func < (a: Entry, b: Entry) -> Bool { (a.count, a.index) < (b.count, b.index) }
  }

  private var heap: Heap<Entry>

  /// Builds the heap over `feasible` node indexes with their current `counts`.
  init(feasible: [Int], counts: [Int]) {
    heap = Heap(feasible.map { Entry(count: counts[$0], index: $0) })
  }

  /// The least loaded node below its capacity, with ties to the lowest index, or nil when
  /// every feasible node is full; full nodes leave the heap.
  mutating func pop(counts: [Int], capacity: [Int]) -> Int? {
    while let top = heap.popMin() {
      if counts[top.index] != top.count {
        heap.insert(Entry(count: counts[top.index], index: top.index))
      } else if top.count < capacity[top.index] {
        return top.index
      }
    }
    return nil
  }

  /// Puts a node back with its new pod count.
  mutating func push(count: Int, index: Int) {
    heap.insert(Entry(count: count, index: index))
  }
}
