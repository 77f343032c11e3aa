import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl cp`: kubectl v1.32's argument errors.
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

  /// The pod is looked up in the namespace of the remote side (the copy itself is tested in
  /// ExecFilesTests).
  @Test func podOfTheRemoteSide() {
    var terminal = Terminal(files: VirtualDirectory(files: ["app.conf": "x = 1\n"]))
    _ = terminal.run("kubectl run web --image=nginx:1.27")
    #expect(
      terminal.run("kubectl cp app.conf other/web:/tmp")
        == CommandResult(output: "Error from server (NotFound): pods \"web\" not found\n", exitCode: 1))
  }
}
