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
