import Testing

@testable import KubeSim

/// The heap must pick exactly what a scan of every node picks: the fewest pods, ties to the
/// lowest index, skipping full nodes, even when other templates' pods raise counts meanwhile.
@Suite struct LeastLoadedNodesTests {
  static func scan(_ feasible: [Int], counts: [Int], capacity: [Int]) -> Int? {
    var best: Int?
    for index in feasible where counts[index] < capacity[index] {
      if best == nil || counts[index] < counts[best!] { best = index }
    }
    return best
  }

  @Test(arguments: 1...20) func agreesWithAScan(seed: Int) {
    var random = SeededGenerator(seed: UInt64(seed))
    let nodes = 1 + random.below(12)
    var counts = (0..<nodes).map { _ in random.below(5) }
    let capacity = (0..<nodes).map { _ in 3 + random.below(6) }
    let feasible = (0..<nodes).filter { _ in random.below(4) != 0 }
    var heap = LeastLoadedNodes(feasible: feasible, counts: counts)
    for _ in 0..<60 {
      if random.below(3) == 0 {
        // Another template's pod lands somewhere: the heap's entry for that node goes stale.
        counts[random.below(nodes)] += 1
        continue
      }
      let expected = Self.scan(feasible, counts: counts, capacity: capacity)
      let chosen = heap.pop(counts: counts, capacity: capacity)
      #expect(chosen == expected)
      guard let chosen else { break }
      counts[chosen] += 1
      heap.push(count: counts[chosen], index: chosen)
    }
  }
}
