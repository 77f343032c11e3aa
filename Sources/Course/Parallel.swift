import Dispatch

extension Array where Element: Sendable {
  /// `map` spread over the machine's cores; results keep the input order.
  public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
    if count < 2 { return map(transform) }
    let results = ResultSlots<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
      results.store(transform(self[index]), at: index)
    }
    return results.values
  }
}

/// Write-once slots filled from concurrent iterations, each index by exactly one writer.
private final class ResultSlots<T>: @unchecked Sendable {
  private let slots: UnsafeMutableBufferPointer<T?>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  func store(_ value: T, at index: Int) {
    slots[index] = value
  }

  var values: [T] { slots.map { $0! } }
}
