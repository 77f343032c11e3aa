import KubeSim
import Testing

@testable import Kubectl

/// `kubectl logs` prints what kubebook knows a container prints, and refuses honestly for
/// images it does not know instead of printing an empty log.
@Suite struct SimulatedLogsTests {
  /// BusyBox `date` uses `%a %b %e %H:%M:%S %Z %Y` (coreutils/date.c), `%e` padded with a space.
  @Test func busyboxDateFormat() {
    // 2025-03-03T09:00:07Z, a Monday.
    #expect(SimulatedLogs.busyboxDate(Timestamp(seconds: 1_740_992_407)) == "Mon Mar  3 09:00:07 UTC 2025")
    // 2025-12-25T23:59:59Z, a Thursday.
    #expect(SimulatedLogs.busyboxDate(Timestamp(seconds: 1_766_707_199)) == "Thu Dec 25 23:59:59 UTC 2025")
  }

  @Test func knownAndUnknownImages() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run quiet --image=busybox:1.36 -- sleep 3600")
    _ = terminal.run("kubectl run name --image=busybox:1.36 --restart=Never -- hostname")
    _ = terminal.run("kubectl run cache --image=redis:7")
    _ = terminal.run("sleep 30")
    #expect(terminal.run("kubectl logs quiet") == CommandResult(output: "", exitCode: 0))
    #expect(terminal.run("kubectl logs name").output == "name\n")
    let unknown = terminal.run("kubectl logs cache")
    #expect(unknown.exitCode == 1)
    #expect(unknown.output.hasPrefix("error: kubebook has no simulated log for the image redis:7 yet"))
  }
}
