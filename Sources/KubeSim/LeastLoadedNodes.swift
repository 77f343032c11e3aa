/// The feasible nodes of one pod template ordered by how many pods they run, lowest node
/// index first among equals: the scheduler's spreading choice in O(log n) per pod instead of
/// a scan of every node.
///
/// Pod counts only grow while the scheduler runs, so an entry whose count has gone stale is
/// pushed back with the current count when it reaches the top (lazy re-keying).
struct LeastLoadedNodes {
  /// A binary min-heap of (pods on the node, node index).
  private var heap: [(count: Int, index: Int)] = []

  /// Builds the heap over `feasible` node indexes with their current `counts`.
  init(feasible: [Int], counts: [Int]) {
    for index in feasible { push(count: counts[index], index: index) }
  }

  /// The least loaded node below its capacity, with ties to the lowest index, or nil when
  /// every feasible node is full; full nodes leave the heap.
  mutating func pop(counts: [Int], capacity: [Int]) -> Int? {
    while let top = heap.first {
      removeTop()
      if counts[top.index] != top.count {
        push(count: counts[top.index], index: top.index)
      } else if top.count < capacity[top.index] {
        return top.index
      }
    }
    return nil
  }

  /// Puts a node back with its new pod count.
  mutating func push(count: Int, index: Int) {
    heap.append((count, index))
    var child = heap.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard Self.less(heap[child], heap[parent]) else { break }
      heap.swapAt(child, parent)
      child = parent
    }
  }

  private mutating func removeTop() {
    let last = heap.removeLast()
    guard !heap.isEmpty else { return }
    heap[0] = last
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var smallest = parent
      if left < heap.count && Self.less(heap[left], heap[smallest]) { smallest = left }
      if right < heap.count && Self.less(heap[right], heap[smallest]) { smallest = right }
      if smallest == parent { return }
      heap.swapAt(parent, smallest)
      parent = smallest
    }
  }

  private static func less(_ a: (count: Int, index: Int), _ b: (count: Int, index: Int)) -> Bool {
    a.count != b.count ? a.count < b.count : a.index < b.index
  }
}
