import HeapModule

extension Array where Element: Comparable {
  /// The `count` smallest elements, in order: the same as `sorted().prefix(count)` for a
  /// strict total order, in O(n log count) instead of O(n log n).
  func smallest(_ count: Int) -> [Element] {
    guard count < self.count else { return sorted() }
    guard count > 0 else { return [] }
    // The best `count` seen so far; its maximum is the first to give way.
    var best = Heap(prefix(count))
    for element in dropFirst(count) where element < best.max! {
      _ = best.replaceMax(with: element)
    }
    return best.unordered.sorted()
  }
}
