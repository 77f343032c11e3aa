import Foundation
import TestSupport
import Testing

@testable import Kubectl

/// ``GoSort`` against Go's own `sort.Sort` (the machine's Go toolchain, run offline): the
/// order of elements that compare equal, which is what `--sort-by` shows for ties and for
/// objects without the field, must be Go's.
@Suite struct GoSortTests {
  static var goPath: String? {
    ["/usr/bin/go", "/usr/local/go/bin/go"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  static let program = """
    package main

    import (
    \t"fmt"
    \t"os"
    \t"sort"
    \t"strconv"
    )

    type keyed struct{ keys, order []int }

    func (k *keyed) Len() int           { return len(k.keys) }
    func (k *keyed) Less(i, j int) bool { return k.keys[i] < k.keys[j] }
    func (k *keyed) Swap(i, j int) {
    \tk.keys[i], k.keys[j] = k.keys[j], k.keys[i]
    \tk.order[i], k.order[j] = k.order[j], k.order[i]
    }

    func main() {
    \tdata := &keyed{}
    \tfor i, arg := range os.Args[1:] {
    \t\tn, _ := strconv.Atoi(arg)
    \t\tdata.keys = append(data.keys, n)
    \t\tdata.order = append(data.order, i)
    \t}
    \tsort.Sort(data)
    \tfor _, i := range data.order {
    \t\tfmt.Print(i, " ")
    \t}
    }
    """

  /// Key lists: short and long, sorted, reversed, all equal, few distinct values, sawtooth.
  static let inputs: [[Int]] = [
    [3, 1, 2, 1, 3, 2, 1, 1, 1, 2, 3, 4, 5, 1, 2, 3, 1, 1, 1, 1, 2],
    Array(0..<13).map { $0 % 2 },
    Array((0..<60).reversed()),
    Array(repeating: 7, count: 70),
    (0..<100).map { ($0 * 7919) % 5 },
    (0..<200).map { $0 % 17 },
    (0..<64).map { ($0 * 31 + 11) % 64 },
    (0..<300).map { ($0 * $0 + 3) % 13 },
  ]

  @Test(.enabled(if: goPath != nil, "needs the Go toolchain"), arguments: inputs)
  func matchesGo(keys: [Int]) throws {
    let directory = try TemporaryDirectory.create("gosort")
    let file = directory.appendingPathComponent("main.go")
    try Self.program.write(to: file, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.goPath ?? "/usr/bin/go")
    process.arguments = ["run", file.path] + keys.map(String.init)
    process.environment = [
      "HOME": directory.path, "GOCACHE": directory.appendingPathComponent("cache").path,
      "GOPATH": directory.appendingPathComponent("gopath").path, "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local",
      "PATH": "/usr/bin:/bin",
    ]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let goOrder = String(decoding: data, as: UTF8.self).split(separator: " ").compactMap { Int($0) }
    #expect(goOrder.count == keys.count)
    #expect(GoSort.sort(count: keys.count) { keys[$0] < keys[$1] } == goOrder)
  }
}
