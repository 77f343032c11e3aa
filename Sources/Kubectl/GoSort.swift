/// Go's `sort.Sort` (pattern-defeating quicksort, `sort/zsortinterface.go` since Go 1.19),
/// step for step, so that elements that compare equal end up where kubectl puts them.
struct GoSort {
  /// The permutation being sorted: `order[i]` is the original index now at position `i`.
  private(set) var order: [Int]
  /// Whether the element originally at the first index sorts before the one at the second.
  private let less: (Int, Int) -> Bool

  /// Sorts the indices `0..<count` by `less` on original indices; returns the final order.
  static func sort(count: Int, less: @escaping (Int, Int) -> Bool) -> [Int] {
    var sorter = GoSort(order: Array(0..<count), less: less)
    guard count > 1 else { return sorter.order }
    let limit = Int.bitWidth - count.leadingZeroBitCount
    sorter.pdqsort(0, count, limit)
    return sorter.order
  }

  /// `Less` on positions.
  private func lessAt(_ i: Int, _ j: Int) -> Bool { less(order[i], order[j]) }
  /// `Swap` on positions.
  private mutating func swapAt(_ i: Int, _ j: Int) { order.swapAt(i, j) }

  /// `insertionSort(data, a, b)`.
  private mutating func insertionSort(_ a: Int, _ b: Int) {
    var i = a + 1
    while i < b {
      var j = i
      while j > a && lessAt(j, j - 1) {
        swapAt(j, j - 1)
        j -= 1
      }
      i += 1
    }
  }

  /// `siftDown(data, lo, hi, first)`.
  private mutating func siftDown(_ lo: Int, _ hi: Int, _ first: Int) {
    var root = lo
    while true {
      var child = 2 * root + 1
      if child >= hi { return }
      if child + 1 < hi && lessAt(first + child, first + child + 1) { child += 1 }
      if !lessAt(first + root, first + child) { return }
      swapAt(first + root, first + child)
      root = child
    }
  }

  /// `heapSort(data, a, b)`.
  private mutating func heapSort(_ a: Int, _ b: Int) {
    let first = a
    let hi = b - a
    var i = (hi - 1) / 2
    while i >= 0 {
      siftDown(i, hi, first)
      i -= 1
    }
    i = hi - 1
    while i >= 0 {
      swapAt(first, first + i)
      siftDown(0, i, first)
      i -= 1
    }
  }

  /// What the pivot samples suggest about the range's order.
  private enum Hint { case unknown, increasing, decreasing }

  /// `pdqsort(data, a, b, limit)`.
  private mutating func pdqsort(_ start: Int, _ end: Int, _ startLimit: Int) {
    var a = start
    var b = end
    var limit = startLimit
    var wasBalanced = true
    var wasPartitioned = true
    while true {
      let length = b - a
      if length <= 12 {
        insertionSort(a, b)
        return
      }
      if limit == 0 {
        heapSort(a, b)
        return
      }
      if !wasBalanced {
        breakPatterns(a, b)
        limit -= 1
      }
      var (pivot, hint) = choosePivot(a, b)
      if hint == .decreasing {
        reverseRange(a, b)
        pivot = (b - 1) - (pivot - a)
        hint = .increasing
      }
      if wasBalanced && wasPartitioned && hint == .increasing {
        if partialInsertionSort(a, b) { return }
      }
      if a > 0 && !lessAt(a - 1, pivot) {
        a = partitionEqual(a, b, pivot)
        continue
      }
      let (mid, alreadyPartitioned) = partition(a, b, pivot)
      wasPartitioned = alreadyPartitioned
      let leftLength = mid - a
      let rightLength = b - mid
      let balanceThreshold = length / 8
      if leftLength < rightLength {
        wasBalanced = leftLength >= balanceThreshold
        pdqsort(a, mid, limit)
        a = mid + 1
      } else {
        wasBalanced = rightLength >= balanceThreshold
        pdqsort(mid + 1, b, limit)
        b = mid
      }
    }
  }

  /// `partition(data, a, b, pivot)`: the pivot's new place and whether nothing moved.
  private mutating func partition(_ a: Int, _ b: Int, _ pivot: Int) -> (Int, Bool) {
    swapAt(a, pivot)
    var i = a + 1
    var j = b - 1
    while i <= j && lessAt(i, a) { i += 1 }
    while i <= j && !lessAt(j, a) { j -= 1 }
    if i > j {
      swapAt(j, a)
      return (j, true)
    }
    swapAt(i, j)
    i += 1
    j -= 1
    while true {
      while i <= j && lessAt(i, a) { i += 1 }
      while i <= j && !lessAt(j, a) { j -= 1 }
      if i > j { break }
      swapAt(i, j)
      i += 1
      j -= 1
    }
    swapAt(j, a)
    return (j, false)
  }

  /// `partitionEqual(data, a, b, pivot)`.
  private mutating func partitionEqual(_ a: Int, _ b: Int, _ pivot: Int) -> Int {
    swapAt(a, pivot)
    var i = a + 1
    var j = b - 1
    while true {
      while i <= j && !lessAt(a, i) { i += 1 }
      while i <= j && lessAt(a, j) { j -= 1 }
      if i > j { break }
      swapAt(i, j)
      i += 1
      j -= 1
    }
    return i
  }

  /// `partialInsertionSort(data, a, b)`: whether the range ended up sorted.
  private mutating func partialInsertionSort(_ a: Int, _ b: Int) -> Bool {
    let maxSteps = 5
    let shortestShifting = 50
    var i = a + 1
    for _ in 0..<maxSteps {
      while i < b && !lessAt(i, i - 1) { i += 1 }
      if i == b { return true }
      if b - a < shortestShifting { return false }
      swapAt(i, i - 1)
      if i - a >= 2 {
        var j = i - 1
        while j >= 1 {
          if !lessAt(j, j - 1) { break }
          swapAt(j, j - 1)
          j -= 1
        }
      }
      if b - i >= 2 {
        var j = i + 1
        while j < b {
          if !lessAt(j, j - 1) { break }
          swapAt(j, j - 1)
          j += 1
        }
      }
    }
    return false
  }

  /// `breakPatterns(data, a, b)` with Go's xorshift seeded by the length.
  private mutating func breakPatterns(_ a: Int, _ b: Int) {
    let length = b - a
    guard length >= 8 else { return }
    var random = UInt64(length)
    let modulus = UInt(1) << UInt(Int.bitWidth - length.leadingZeroBitCount)
    var index = a + (length / 4) * 2 - 1
    while index <= a + (length / 4) * 2 + 1 {
      // Go's xorshift: shifts 13, 17 and 5 on a uint64.
      random ^= random << 13
      random ^= random >> 17
      random ^= random << 5
      var other = Int(UInt(truncatingIfNeeded: random) & (modulus - 1))
      if other >= length { other -= length }
      swapAt(index, a + other)
      index += 1
    }
  }

  /// `choosePivot(data, a, b)`: the pivot and what the samples suggest about the order.
  private mutating func choosePivot(_ a: Int, _ b: Int) -> (Int, Hint) {
    let length = b - a
    var swaps = 0
    var i = a + length / 4 * 1
    var j = a + length / 4 * 2
    var k = a + length / 4 * 3
    if length >= 8 {
      if length >= 50 {
        i = median(i - 1, i, i + 1, &swaps)
        j = median(j - 1, j, j + 1, &swaps)
        k = median(k - 1, k, k + 1, &swaps)
      }
      j = median(i, j, k, &swaps)
    }
    switch swaps {
    case 0: return (j, .increasing)
    case 12: return (j, .decreasing)
    default: return (j, .unknown)
    }
  }

  /// `order2`: the two positions in order, counting a swap.
  private func order2(_ a: Int, _ b: Int, _ swaps: inout Int) -> (Int, Int) {
    if lessAt(b, a) {
      swaps += 1
      return (b, a)
    }
    return (a, b)
  }

  /// `median`: the position of the middle one of three.
  private func median(_ first: Int, _ second: Int, _ third: Int, _ swaps: inout Int) -> Int {
    var (a, b) = order2(first, second, &swaps)
    var c = third
    (b, c) = order2(b, c, &swaps)
    (a, b) = order2(a, b, &swaps)
    _ = (a, c)
    return b
  }

  /// `reverseRange(data, a, b)`.
  private mutating func reverseRange(_ a: Int, _ b: Int) {
    var i = a
    var j = b - 1
    while i < j {
      swapAt(i, j)
      i += 1
      j -= 1
    }
  }
}
