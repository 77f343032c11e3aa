import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl logs` options as kubectl v1.32's `logs.go` and `logsforobject.go` handle them:
/// `--all-containers`, an inline container, `--since-time`, `-f`, and the errors of
/// `Complete` (the real binary) and `Validate` (the source's texts).
@Suite struct LogsOptionsTests {
  /// A pod of two BusyBox containers that print a line each and keep running.
  static let twoContainers = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: duo
    spec:
      containers:
      - name: first
        image: busybox:1.36
        command: ["sh", "-c", "echo one; sleep 3600"]
      - name: second
        image: busybox:1.36
        command: ["sh", "-c", "echo two; sleep 3600"]
    """

  static func terminal() -> Terminal {
    var terminal = Terminal()
    _ = terminal.run("kubectl apply -f -", stdin: twoContainers)
    _ = terminal.run("sleep 30")
    return terminal
  }

  /// Errors kubectl reports before it asks the server anything: the real binary's text.
  @Test(
    arguments: [
      "logs --tail=x", "logs a b c", "logs x --since-time=bogus", "logs x --since-time=2025-01",
      "logs x --since-time=2025-01-01T10:00:00", "logs x --since-time=2025-13-01T00:00:00Z",
      "logs x --since-time=2025-02-30T00:00:00Z", "logs x --since-time=2025-01-01T25:00:00Z",
      "logs x --since-time=2025-01-01T10:00:00+0100", "logs x --since-time=2025-1-01T00:00:00Z",
      "logs x --since-time=2025-01-01t10:00:00Z", "logs x --since-time=2025-01-01T10:00:00Zjunk",
      "logs --since=5x x", "logs --limit-bytes=1.5 x", "logs x --pod-running-timeout=0 --since-time=bad",
      "logs a b c --pod-running-timeout=0",
    ])
  func clientSideErrorsMatchKubectl(command: String) throws {
    guard RealKubectl.path != nil else { return }
    try RealKubectl.expectSameOutput(command)
  }

  /// `Validate`'s errors, after the pod is found (texts from `logs.go`).
  @Test func validationErrors() {
    var terminal = Self.terminal()
    let cases = [
      "kubectl logs duo --since=5m --since-time=2025-01-01T00:00:00Z":
        "error: at most one of `sinceTime` or `sinceSeconds` may be specified\n",
      "kubectl logs duo --all-containers -c first":
        "error: --all-containers=true should not be specified with container name first\n",
      "kubectl logs duo second -c first": "error: only one of -c or an inline [CONTAINER] arg is allowed\n",
      "kubectl logs duo --limit-bytes=-1": "error: --limit-bytes must be greater than 0\n",
      "kubectl logs duo --since=-5s": "error: --since must be greater than 0\n",
      "kubectl logs duo --tail=-2": "error: --tail must be greater than or equal to -1\n",
      "kubectl logs duo third": "error: container third is not valid for pod duo\n",
    ]
    for (command, expected) in cases.sorted(by: { $0.key < $1.key }) {
      #expect(terminal.run(command) == CommandResult(output: expected, exitCode: 1), "\(command)")
    }
  }

  @Test func containersByFlagByArgumentAndAll() {
    var terminal = Self.terminal()
    #expect(terminal.run("kubectl logs duo").output == "Defaulted container \"first\" out of: first, second\none\n")
    #expect(terminal.run("kubectl logs duo second").output == "two\n")
    #expect(terminal.run("kubectl logs duo -c second").output == "two\n")
    #expect(terminal.run("kubectl logs duo --all-containers").output == "one\ntwo\n")
    #expect(
      terminal.run("kubectl logs duo --all-containers --prefix").output
        == "[pod/duo/first] one\n[pod/duo/second] two\n")
    #expect(terminal.run("kubectl logs duo --all-containers --limit-bytes=2").output == "ontw")
  }

  /// The `kubectl.kubernetes.io/default-container` annotation picks the container, and one
  /// naming no container is reported and ignored (`logsforobject.go`).
  @Test func defaultContainerAnnotation() {
    var terminal = Self.terminal()
    _ = terminal.run("kubectl annotate pod duo kubectl.kubernetes.io/default-container=second")
    #expect(terminal.run("kubectl logs duo").output == "two\n")
    _ = terminal.run("kubectl annotate pod duo kubectl.kubernetes.io/default-container=none --overwrite")
    #expect(
      terminal.run("kubectl logs duo").output
        == "Default container name \"none\" not found in pod duo\nDefaulted container \"first\" out of: first, second\none\n"
    )
  }

  /// Lines are written when the container starts: `--since-time` before that shows them,
  /// after it hides them.
  @Test func sinceTime() {
    var terminal = Self.terminal()
    let started = terminal.cluster.pod("duo", namespace: "default")!.status.startTime!
    let before = started.adding(milliseconds: -60_000).rfc3339
    let after = terminal.cluster.now.rfc3339
    #expect(terminal.run("kubectl logs duo -c first --since-time=\(before)").output == "one\n")
    #expect(terminal.run("kubectl logs duo -c first --since-time=\(after)").output == "")
  }

  /// `-f` follows a container until it exits, at most ``Watch/boundSeconds`` (the stop is
  /// said); a container that never exits by itself is not waited for.
  @Test func followEndsWithTheContainer() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run once --image=busybox:1.36 --restart=Never -- sh -c 'echo hi; sleep 30'")
    _ = terminal.run("sleep 10")
    let start = terminal.cluster.now
    #expect(terminal.run("kubectl logs -f once") == CommandResult(output: "hi\n", exitCode: 0))
    let pod = terminal.cluster.pod("once", namespace: "default")!
    #expect(pod.status.phase == .succeeded)
    #expect(terminal.cluster.now.milliseconds(since: start) < 40_000)
  }

  @Test func followStopsAtTheBound() {
    var terminal = Self.terminal()
    // `sleep 3600` ends after the bound.
    let start = terminal.cluster.now
    let result = terminal.run("kubectl logs -f duo -c first")
    #expect(
      result.output
        == "one\nkubebook: stopped following after 10 minutes of virtual time (a real kubectl logs -f keeps going until Ctrl-C)\n"
    )
    #expect(terminal.cluster.now.milliseconds(since: start) == Watch.boundSeconds * 1000)
    // nginx never exits by itself and writes nothing more: the follow returns at once.
    var quiet = Terminal()
    _ = quiet.run("kubectl run web --image=nginx:1.27")
    _ = quiet.run("sleep 30")
    let quietStart = quiet.cluster.now
    let expected = quiet.run("kubectl logs web").output
    #expect(quiet.run("kubectl logs -f web").output == expected)
    #expect(quiet.cluster.now == quietStart)
  }

  @Test func followRefusesTooManyStreams() {
    var terminal = Self.terminal()
    let result = terminal.run("kubectl logs -f duo --all-containers --max-log-requests=1")
    #expect(
      result
        == CommandResult(
          output:
            "error: you are attempting to follow 2 log streams, but maximum allowed concurrency is 1, use --max-log-requests to increase the limit\n",
          exitCode: 1))
  }
}
