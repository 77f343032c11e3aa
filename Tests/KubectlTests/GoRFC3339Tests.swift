import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// Go's `time.Parse(time.RFC3339, ...)` as `kubectl logs --since-time` uses it: instants
/// checked against GNU `date -u -d TIME +%s`, refusals against the real kubectl.
@Suite struct GoRFC3339Tests {
  @Test func instants() {
    let cases: [(String, Int64)] = [
      ("2025-03-03T09:00:07Z", 1_740_992_407_000), ("2025-03-03T10:00:07+01:00", 1_740_992_407_000),
      ("2025-03-03T08:30:07-00:30", 1_740_992_407_000), ("2025-03-03T09:00:07.5Z", 1_740_992_407_500),
      ("2025-03-03T09:00:07,250999Z", 1_740_992_407_250), ("2024-02-29T23:59:59Z", 1_709_251_199_000),
      ("1969-12-31T23:00:00Z", -3_600_000), ("2025-03-03T9:00:07Z", 1_740_992_407_000),
    ]
    for (text, milliseconds) in cases {
      #expect(GoRFC3339.parse(text) == .success(Timestamp(milliseconds: milliseconds)), "\(text)")
    }
  }

  /// Refusals: the real kubectl prints them before it contacts a cluster.
  @Test(
    arguments: [
      "2023-02-29T00:00:00Z", "2025-04-31T00:00:00Z", "2025-01-01T23:60:00Z", "2025-01-01T23:00:60Z",
      "2025-01-01T10:00:00+25:00", "2025-01-01T10:00:00+01:61", "2025-01-01T10:00:00+1:00", "2025-01-01T10:00:00.Z",
      "2025-00-10T00:00:00Z", "2025-01-00T00:00:00Z", "20x5-01-01T00:00:00Z",
    ])
  func refusalsMatchKubectl(text: String) throws {
    guard RealKubectl.path != nil else { return }
    try RealKubectl.expectSameOutput("logs x --since-time=\(text)")
  }
}
