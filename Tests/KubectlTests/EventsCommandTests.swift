import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl events` (kubectl `pkg/cmd/events`, v0.32.4): flag errors against the real binary;
/// the listing as `events.go` and `event_printer.go` build it (sorted by last seen, `Kind/name`,
/// `--for`, `--types`, "No events found in NS namespace.").
@Suite struct EventsCommandTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: ["events --types=Foo", "events --for web", "events --for a/b/c"])
  func flagErrorsMatchRealKubectl(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  @Test func listingForAndTypes() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    _ = terminal.run("sleep 30")
    let lines = terminal.run("kubectl events").output.split(separator: "\n").map(String.init)
    #expect(lines.first?.hasPrefix("LAST SEEN   TYPE     REASON ") == true)
    // Oldest first: the nodes' boot events (10m) before the Deployment's (30s).
    #expect(lines[1].hasPrefix("10m "))
    #expect(lines.last?.contains("Pod/web-") == true)
    let web = terminal.run("kubectl events --for deployment/web").output.split(separator: "\n")
    #expect(web.count == 2)
    #expect(web[1].contains("ScalingReplicaSet   Deployment/web   Scaled up replica set web-"))
    #expect(terminal.run("kubectl events --types=Warning").output == "No events found in default namespace.\n")
    #expect(terminal.run("kubectl events -n nope").output == "No events found in nope namespace.\n")
  }
}

/// `kubectl events -w` (`runWatch` in `events.go`, v0.32.4): the stored events first, as the
/// watch's synthetic ADDED events in key order, then each new or repeated one; each printed
/// and flushed on its own, so every row is laid out alone (Go's tabwriter resets on Flush).
@Suite struct EventsWatchTests {
  @Test func storedEventsThenNewOnes() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    _ = terminal.run("sleep 30")
    _ = terminal.run("kubectl scale deployment web --replicas=2")
    let lines = terminal.run("kubectl events -w --for deployment/web").output.split(separator: "\n").map(String.init)
    // Heading and first row laid out together; the next row alone, each cell padded by 3 to
    // at least 6 columns (`GetNewTabWriter`).
    #expect(lines.count == 3)
    #expect(lines[0] == "LAST SEEN   TYPE     REASON              OBJECT           MESSAGE")
    #expect(lines[1].hasPrefix("30s         Normal   ScalingReplicaSet   Deployment/web   Scaled up replica set web-"))
    #expect(lines[2].hasPrefix("0s    Normal   ScalingReplicaSet   Deployment/web   Scaled up replica set web-"))
    #expect(lines[2].hasSuffix(" from 1 to 2"))
  }

  @Test func nothingStoredPrintsNothingUntilAnEvent() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create namespace quiet")
    #expect(terminal.run("kubectl events -w -n quiet").output == "")
  }

  /// The watch's initial events come in storage key order: `<object name>.<creation time>`,
  /// so `web` sorts after `web-…` (`.` is after `-`).
  @Test func initialEventsInKeyOrder() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    _ = terminal.run("kubectl rollout status deployment/web")
    let objects = terminal.run("kubectl events -w --no-headers").output.split(separator: "\n").prefix(30)
      .compactMap { line in line.split(separator: " ", omittingEmptySubsequences: true).dropFirst(3).first }
    let webRows = objects.filter { $0.hasPrefix("Deployment/web") || $0.hasPrefix("Pod/web-") }
    #expect(webRows.first.map { $0.hasPrefix("Pod/web-") } == true)
    #expect(webRows.last == "Deployment/web")
  }
}
