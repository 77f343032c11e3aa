import Foundation
import Testing

@testable import Kubectl

/// `guide/kubectl-coverage.md` is what ``KubectlCoverage`` generates from the command tree and
/// kubebook's kubectl today. `KUBEBOOK_WRITE_COVERAGE=1` rewrites the page instead.
@Suite struct KubectlCoverageTests {
  static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("guide/kubectl-coverage.md")

  @Test func coveragePageIsCurrent() throws {
    let generated = KubectlCoverage.markdown()
    if ProcessInfo.processInfo.environment["KUBEBOOK_WRITE_COVERAGE"] == "1" {
      try generated.write(to: Self.page, atomically: true, encoding: .utf8)
    }
    let committed = try String(contentsOf: Self.page, encoding: .utf8)
    #expect(
      committed == generated,
      "guide/kubectl-coverage.md is out of date: run KUBEBOOK_WRITE_COVERAGE=1 swift test --filter KubectlCoverageTests"
    )
  }

  /// The probe tells apart what kubebook runs from what it refuses.
  @Test func probeSeesRefusedCommandsAndFlags() {
    let entries = KubectlCoverage.entries()
    let get = entries.first { $0.path == "get" }
    #expect(get?.refusal == nil)
    #expect(get?.unsimulatedFlags.contains { $0.name == "raw" } == true)
    #expect(get?.simulatedFlags.contains { $0.name == "selector" } == true)
    #expect(entries.first { $0.path == "proxy" }?.refusal?.contains("does not simulate") == true)
  }
}
