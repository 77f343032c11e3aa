import Testing

@testable import KubeSim

/// `smallest(_:)` must return exactly `sorted().prefix(count)`.
@Suite struct SmallestTests {
  struct Item: Comparable {
    var key: Int
    var id: Int
    static func < (a: Item, b: Item) -> Bool { a.key != b.key ? a.key < b.key : a.id > b.id }
  }

  @Test(arguments: 1...20) func matchesSortedPrefix(seed: Int) {
    var random = SeededGenerator(seed: UInt64(seed))
    let values = (0..<(1 + random.below(200))).map { Item(key: random.below(10), id: $0) }
    for count in [0, 1, 2, values.count / 3, values.count - 1, values.count, values.count + 5] {
      let expected = Array(values.sorted().prefix(count)).map(\.id)
      #expect(values.smallest(count).map(\.id) == expected)
    }
  }
}
