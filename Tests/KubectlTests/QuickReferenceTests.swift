import Foundation
import KubeSim
import Testing

@testable import Kubectl

/// How much of the kubectl Quick Reference kubebook simulates: every kubectl command of the
/// page, adapted to the simulated cluster (`bench/quick-reference/commands.txt`), run on a
/// fresh cluster with the page's manifests. A command is refused when kubebook says it does
/// not simulate it or reports a flag or command kubectl would know.
@Suite struct QuickReferenceTests {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("bench/quick-reference")

  /// Whether kubebook's answer is a refusal rather than kubectl's own behaviour.
  static func isRefusal(_ output: String) -> Bool {
    [
      "kubebook does not simulate", "kubebook simulates only", "unknown flag", "unknown shorthand flag",
      "unknown command", "kubebook's container shell does not run", "kubebook's kubectl cp copies single files",
      "kubebook knows that the image has", "kubebook cannot copy", "kubebook copies only",
    ]
    .contains { output.contains($0) }
  }

  @Test func quickReferenceCoverage() throws {
    let names = try FileManager.default.subpathsOfDirectory(atPath: Self.directory.path).sorted()
    var files: [String: String] = [:]
    for name in names where name.hasSuffix(".yaml") || name.hasSuffix(".json") {
      files[name] = try String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)
    }
    let list = try String(contentsOf: Self.directory.appendingPathComponent("commands.txt"), encoding: .utf8)
    let floor = list.split(separator: "\n").first { $0.hasPrefix("# floor: ") }.flatMap { Int($0.dropFirst(9)) }
    var terminal = Terminal(files: VirtualDirectory(files: files))
    var refused: [String] = []
    var total = 0
    for line in list.split(separator: "\n").map(String.init) where !line.hasPrefix("#") {
      if line.hasPrefix("setup$ ") {
        let result = terminal.run(String(line.dropFirst(7)))
        #expect(result.exitCode == 0, "setup failed: \(line)\n\(result.output)")
        continue
      }
      total += 1
      if Self.isRefusal(terminal.run(line).output) { refused.append(line) }
    }
    let simulated = total - refused.count
    print("quick reference: \(simulated) of \(total) commands simulated; refused:\n" + refused.joined(separator: "\n"))
    #expect(simulated >= floor ?? Int.max, "fewer Quick Reference commands simulated than the floor")
  }
}
