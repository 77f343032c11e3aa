import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl attach` as kubectl v1.32's `attach.go` runs it, on kubebook's containers.
@Suite struct AttachCommandTests {
  /// Errors kubectl reports before asking the server: the real binary's text.
  @Test(arguments: ["attach", "attach a b c", "attach x --pod-running-timeout=0", "attach x --bogus"])
  func usageErrorsMatchKubectl(command: String) throws {
    guard RealKubectl.path != nil else { return }
    try RealKubectl.expectSameOutput(command)
  }

  static let twoContainers = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: duo
    spec:
      containers:
      - name: web
        image: nginx:1.27
      - name: shell
        image: busybox:1.36
        command: ["sh"]
        stdin: true
        tty: true
    """

  @Test func promptAndContainers() {
    var terminal = Terminal()
    _ = terminal.run("kubectl apply -f -", stdin: Self.twoContainers)
    _ = terminal.run("sleep 30")
    let prompt = "If you don't see a command prompt, try pressing enter.\n"
    let forever =
      "kubebook: the simulated container prints nothing after it starts; a real kubectl attach stays attached until Ctrl-C\n"
    #expect(
      terminal.run("kubectl attach duo")
        == CommandResult(output: "Defaulted container \"web\" out of: web, shell\n" + prompt + forever, exitCode: 0))
    // `-t` on a container without a terminal: kubectl says so and carries on without one.
    #expect(
      terminal.run("kubectl attach duo -c web -it").output
        == "error: Unable to use a TTY - container web did not allocate one\n" + prompt + forever)
    #expect(terminal.run("kubectl attach pod duo -c web -q").output == forever)
    #expect(
      terminal.run("kubectl attach duo -c nope")
        == CommandResult(
          output: "error: cannot attach to the container: container nope not found in pod duo\n", exitCode: 1))
    // The shell container reads its input: the session ends it, and the pod restarts it.
    #expect(
      terminal.run("kubectl attach duo -c shell -i -t").output
        == prompt
        + "kubebook: typing into the session is not simulated; the shell gets the end of its input and exits\n"
        + "Session ended, resume using 'kubectl attach duo -c shell -i -t' command when the pod is running\n")
  }

  @Test func completedAndMissingPods() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run done --image=busybox:1.36 --restart=Never -- echo hi")
    _ = terminal.run("sleep 30")
    #expect(
      terminal.run("kubectl attach done")
        == CommandResult(
          output: "error: cannot attach a container in a completed pod; current phase is Succeeded\n", exitCode: 1))
    #expect(
      terminal.run("kubectl attach nope")
        == CommandResult(output: "Error from server (NotFound): pods \"nope\" not found\n", exitCode: 1))
  }

  /// A container whose command ends: the session follows it until it exits.
  @Test func followsUntilTheCommandEnds() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run job --image=busybox:1.36 --restart=Never -- sh -c 'echo start; sleep 60'")
    _ = terminal.run("sleep 20")
    let start = terminal.cluster.now
    #expect(terminal.run("kubectl attach job").output == "If you don't see a command prompt, try pressing enter.\n")
    #expect(terminal.cluster.pod("job", namespace: "default")?.status.phase == .succeeded)
    #expect(terminal.cluster.now.milliseconds(since: start) < 60_000)
  }
}
