import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl cp`: kubectl v1.32's argument errors, then an honest refusal, since kubebook
/// models no container filesystem.
@Suite struct CopyCommandTests {
  /// Errors kubectl reports before it contacts the cluster: the real binary's text.
  @Test(
    arguments: [
      "cp", "cp a", "cp a b c", "cp a b", "cp :x y", "cp a/b/c:x y", "cp p:x q:y", "cp p: y",
      "cp nothere p:/tmp", "cp --retries=x a b", "cp nothere/ ns/p:/tmp/",
    ])
  func errorsMatchKubectl(command: String) throws {
    guard RealKubectl.path != nil else { return }
    try RealKubectl.expectSameOutput(command)
  }

  @Test func notSimulatedForAnExistingPod() {
    var terminal = Terminal(files: VirtualDirectory(files: ["app.conf": "x = 1\n"]))
    _ = terminal.run("kubectl run web --image=nginx:1.27")
    let refusal =
      "error: kubebook does not simulate kubectl cp: kubectl copies by running tar inside the container, and the simulated containers have no filesystem (kubectl exec POD -- cat FILE shows the files of ConfigMap and Secret volumes)\n"
    #expect(
      terminal.run("kubectl cp web:/etc/nginx/nginx.conf ./nginx.conf") == CommandResult(output: refusal, exitCode: 1))
    #expect(terminal.run("kubectl cp app.conf default/web:/tmp/") == CommandResult(output: refusal, exitCode: 1))
    #expect(
      terminal.run("kubectl cp app.conf other/web:/tmp")
        == CommandResult(output: "Error from server (NotFound): pods \"web\" not found\n", exitCode: 1))
  }
}
