import Testing

@testable import KubeSim

/// `smallest(_:by:)` must return exactly `sorted(by:).prefix(count)`.
@Suite struct SmallestTests {
  @Test(arguments: 1...20) func matchesSortedPrefix(seed: Int) {
    var random = SeededGenerator(seed: UInt64(seed))
    let values = (0..<(1 + random.below(200))).map { index in (key: random.below(10), id: index) }
    let less: ((key: Int, id: Int), (key: Int, id: Int)) -> Bool = {
      $0.key != $1.key ? $0.key < $1.key : $0.id > $1.id
    }
    for count in [0, 1, 2, values.count / 3, values.count - 1, values.count, values.count + 5] where count >= 0 {
      let expected = Array(values.sorted(by: less).prefix(count)).map(\.id)
      #expect(values.smallest(count, by: less).map(\.id) == expected)
    }
  }
}
