import KubeSim
import Testing

@testable import Kubectl

/// `kubectl run --env` (`parseEnvs` in run.go: `NAME=VALUE`, else `invalid env: X`) and the
/// whole environment as `kubectl exec POD -- env` shows it in BusyBox: the image's PATH first,
/// HOSTNAME, the container's variables, the Services' variables, HOME last (runc adds it).
@Suite struct ExecEnvTests {
  @Test func runSetsVariables() {
    var terminal = Terminal()
    #expect(terminal.run("kubectl run c --image=busybox --env=BAD").output == "error: invalid env: BAD\n")
    #expect(terminal.run("kubectl run c --image=busybox --env==x").output == "error: invalid env: =x\n")
    #expect(terminal.run("kubectl run c --image=busybox --env=1X=y").output == "error: invalid env: 1X=y\n")
    _ = terminal.run("kubectl run b --image=busybox:1.36 --env=GREETING=hi --env=EMPTY= -- sleep 3600")
    _ = terminal.run("sleep 10")
    let lines = terminal.run("kubectl exec b -- env").output.split(separator: "\n").map(String.init)
    #expect(lines.first == "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
    #expect(Array(lines.dropFirst().prefix(3)) == ["HOSTNAME=b", "GREETING=hi", "EMPTY="])
    #expect(lines.contains("KUBERNETES_SERVICE_HOST=10.96.0.1"))
    #expect(lines.last == "HOME=/root")
    #expect(terminal.run("kubectl exec b -- printenv").output == terminal.run("kubectl exec b -- env").output)
  }

  @Test func otherImagesAreRefused() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run n --image=nginx:1.27")
    _ = terminal.run("sleep 10")
    let result = terminal.run("kubectl exec n -- env")
    #expect(result.exitCode == 1)
    #expect(result.output.contains("the image adds variables of its own that kubebook does not know"))
  }
}
