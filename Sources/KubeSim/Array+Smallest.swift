extension Array {
  /// The `count` smallest elements under the strict total order `less`, in order: the same
  /// as `sorted(by: less).prefix(count)`, in O(n log count) instead of O(n log n).
  func smallest(_ count: Int, by less: (Element, Element) -> Bool) -> [Element] {
    guard count < self.count else { return sorted(by: less) }
    guard count > 0 else { return [] }
    // A max-heap of the best `count` seen so far: its root is the worst of them.
    var heap: [Element] = []
    heap.reserveCapacity(count)
    func siftUp(_ start: Int) {
      var child = start
      while child > 0 {
        let parent = (child - 1) / 2
        guard less(heap[parent], heap[child]) else { return }
        heap.swapAt(child, parent)
        child = parent
      }
    }
    func siftDown() {
      var parent = 0
      while true {
        let left = 2 * parent + 1
        let right = left + 1
        var largest = parent
        if left < heap.count && less(heap[largest], heap[left]) { largest = left }
        if right < heap.count && less(heap[largest], heap[right]) { largest = right }
        if largest == parent { return }
        heap.swapAt(parent, largest)
        parent = largest
      }
    }
    for element in self {
      if heap.count < count {
        heap.append(element)
        siftUp(heap.count - 1)
      } else if less(element, heap[0]) {
        heap[0] = element
        siftDown()
      }
    }
    return heap.sorted(by: less)
  }
}
