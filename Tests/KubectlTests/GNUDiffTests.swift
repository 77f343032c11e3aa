import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// ``GNUDiff`` against the system's GNU `diff -u` on many pairs of texts: random texts over
/// small alphabets (where shortest edit scripts tie most and the tie-breaking shows), random
/// edits of a longer text, and edited YAML like `kubectl diff` compares.
@Suite struct GNUDiffTests {
  static let diffPath = ["/usr/bin/diff", "/bin/diff"].first { FileManager.default.isExecutableFile(atPath: $0) }

  /// The system diff's hunks (its `---`/`+++` lines dropped) and exit status.
  static func systemDiff(_ old: [String], _ new: [String], in directory: URL) throws -> (String, Int32) {
    let oldURL = directory.appendingPathComponent("old")
    let newURL = directory.appendingPathComponent("new")
    try old.map { $0 + "\n" }.joined().write(to: oldURL, atomically: true, encoding: .utf8)
    try new.map { $0 + "\n" }.joined().write(to: newURL, atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: diffPath ?? "/usr/bin/diff")
    process.arguments = ["-u", oldURL.path, newURL.path]
    process.environment = ["LC_ALL": "C"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    return (lines.dropFirst(2).joined(separator: "\n"), process.terminationStatus)
  }

  /// Random lines over `alphabet`, `count` of them.
  static func randomLines(_ count: Int, alphabet: [String], random: inout SeededGenerator) -> [String] {
    (0..<count).map { _ in alphabet[random.below(alphabet.count)] }
  }

  /// `lines` with a few random insertions, deletions and replacements.
  static func edited(_ lines: [String], edits: Int, random: inout SeededGenerator) -> [String] {
    var result = lines
    for number in 0..<edits {
      let position = random.below(result.count + 1)
      switch random.below(3) {
      case 0: result.insert("inserted \(number)", at: position)
      case 1: if position < result.count { result.remove(at: position) }
      default: if position < result.count { result[position] = "replaced \(number)" }
      }
    }
    return result
  }

  /// The pairs compared: deterministic, from a fixed seed.
  static func pairs() -> [([String], [String])] {
    var random = SeededGenerator(seed: 16)
    var pairs: [([String], [String])] = [([], []), ([], ["a"]), (["a"], []), (["a", "b"], ["a", "b"])]
    for _ in 0..<250 {
      let alphabet = Array(["a", "b", "c", "d", "e", "f"].prefix(2 + random.below(5)))
      pairs.append(
        (
          randomLines(random.below(25), alphabet: alphabet, random: &random),
          randomLines(random.below(25), alphabet: alphabet, random: &random)
        ))
    }
    for _ in 0..<100 {
      let base = (0..<(20 + random.below(200))).map { "line \($0 % 37) \($0 % 5 == 0 ? "" : "x")" }
      pairs.append((base, edited(base, edits: 1 + random.below(12), random: &random)))
    }
    let yaml = YAMLPrinter.print(
      .object([
        ("apiVersion", .string("apps/v1")), ("kind", .string("Deployment")),
        (
          "spec",
          .object([
            ("replicas", .int(3)),
            (
              "template",
              .object([
                (
                  "spec",
                  .object([
                    (
                      "containers",
                      .array([
                        .object([("name", .string("web")), ("image", .string("nginx:1.27"))]),
                        .object([("name", .string("sidecar")), ("image", .string("busybox"))]),
                      ])
                    )
                  ])
                )
              ])
            ),
          ])
        ),
      ])
    ).split(separator: "\n").map(String.init)
    for _ in 0..<50 {
      pairs.append((yaml, edited(yaml, edits: 1 + random.below(4), random: &random)))
    }
    return pairs
  }

  @Test(.enabled(if: diffPath != nil, "needs GNU diff"))
  func matchesSystemDiff() throws {
    let directory = try TemporaryDirectory.create("kubebook-gnudiff")
    defer { try? FileManager.default.removeItem(at: directory) }
    var mismatches = 0
    for (old, new) in Self.pairs() {
      let (expected, status) = try Self.systemDiff(old, new, in: directory)
      let ours = GNUDiff.unifiedHunks(old: old, new: new)
      #expect(status == (old == new ? 0 : 1))
      if ours != expected {
        mismatches += 1
        if mismatches <= 3 {
          Issue.record("old: \(old)\nnew: \(new)\nexpected:\n\(expected)\nours:\n\(ours)")
        }
      }
    }
    #expect(mismatches == 0)
  }

  @Test func equalTextsHaveNoHunks() {
    #expect(GNUDiff.unifiedHunks(old: ["a", "b"], new: ["a", "b"]).isEmpty)
    #expect(GNUDiff.unifiedHunks(old: [], new: ["x"]) == "@@ -0,0 +1 @@\n+x\n")
  }
}
