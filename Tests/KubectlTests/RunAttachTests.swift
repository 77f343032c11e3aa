import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl run -i|--attach [--rm]` as kubectl v1.32's `run.go` runs it: the attach session's
/// lines (`attach.go`), the container's output, its exit code under `--restart=Never`, and
/// `--rm`'s deletion.
@Suite struct RunAttachTests {
  /// Usage errors `run.go` reports before creating anything: the real binary's text.
  @Test(
    arguments: [
      "run x --image=busybox --rm", "run x --image=busybox -t", "run x --image=busybox -i --dry-run=client",
      "run x --image=busybox -i --restart=Bogus", "run x --image=busybox --attach --pod-running-timeout=0",
      "run x --image=busybox -q --rm", "run --image=busybox", "run x --image=busybox --image-pull-policy=Bogus",
      "run x --image=busybox --attach=maybe",
    ])
  func usageErrorsMatchKubectl(command: String) throws {
    guard RealKubectl.path != nil else { return }
    try RealKubectl.expectSameOutput(command)
  }

  @Test func removedAfterItsOutput() {
    var terminal = Terminal()
    let result = terminal.run("kubectl run t --image=busybox:1.36 -i -t --rm --restart=Never -- sh -c 'echo hi'")
    #expect(
      result
        == CommandResult(
          output: "If you don't see a command prompt, try pressing enter.\nhi\npod \"t\" deleted\n", exitCode: 0))
    #expect(terminal.cluster.pod("t", namespace: "default") == nil)
    // `-q` silences the prompt line and the deletion.
    #expect(
      terminal.run("kubectl run q --image=busybox:1.36 -i -q --rm --restart=Never -- echo quiet").output == "quiet\n")
  }

  /// Without `--rm` the pod stays, finished, and its container asked for standard input.
  @Test func interactiveWithoutRemoval() {
    var terminal = Terminal()
    #expect(
      terminal.run("kubectl run p --image=busybox:1.36 -i --restart=Never -- echo kept").output
        == "If you don't see a command prompt, try pressing enter.\nkept\n")
    let pod = terminal.cluster.pod("p", namespace: "default")
    #expect(pod?.status.phase == .succeeded)
    #expect(pod?.spec.containers.first?.stdin == true)
    #expect(pod?.spec.containers.first?.stdinOnce == true)
    #expect(pod?.spec.containers.first?.tty == false)
    let yaml = terminal.run("kubectl get pod p -o yaml").output
    #expect(yaml.contains("    stdin: true\n    stdinOnce: true\n"))
  }

  /// `--attach` without `-i`: no input; `--restart=Never` passes the container's exit code on
  /// with `pod NS/NAME terminated (REASON)`.
  @Test func exitCodeOfAFailedContainer() {
    var terminal = Terminal()
    let result = terminal.run("kubectl run f --image=busybox:1.36 --attach --restart=Never -- sh -c 'echo bad; exit 3'")
    #expect(
      result
        == CommandResult(
          output: "If you don't see a command prompt, try pressing enter.\nbad\npod default/f terminated (Error)\n",
          exitCode: 3))
  }

  /// An interactive shell with a restarting pod: the session ends at once (typing is not
  /// simulated), kubectl says how to resume, and `--rm` deletes the pod.
  @Test func interactiveShell() {
    var terminal = Terminal()
    #expect(
      terminal.run("kubectl run a --image=busybox:1.36 -it --rm -- sh").output
        == "If you don't see a command prompt, try pressing enter.\n"
        + "kubebook: typing into the session is not simulated; the shell gets the end of its input and exits\n"
        + "Session ended, resume using 'kubectl attach a -c a -i -t' command when the pod is running\n"
        + "pod \"a\" deleted\n")
  }

  /// A command that outlasts the follow's bound: kubebook says it stopped following and does
  /// not wait for the exit code; `--rm` still deletes the pod.
  @Test func longCommandStopsAtTheBound() {
    var terminal = Terminal()
    #expect(
      terminal.run("kubectl run long --image=busybox:1.36 -i --rm --restart=Never -- sleep 3600")
        == CommandResult(
          output: "If you don't see a command prompt, try pressing enter.\n"
            + "kubebook: stopped following after 10 minutes of virtual time (a real kubectl attach keeps going until Ctrl-C)\n"
            + "pod \"long\" deleted\n",
          exitCode: 0))
  }

  /// `--pod-running-timeout` bounds the wait for the pod (`waitForPod`'s timeout error).
  @Test func timesOutWaitingForThePod() {
    var terminal = Terminal()
    // Pulling the image takes longer than one second.
    let slow = terminal.run("kubectl run s --image=busybox:1.36 --attach --pod-running-timeout=1s -- echo late")
    #expect(slow == CommandResult(output: "error: timed out waiting for the condition\n", exitCode: 1))
  }
}
