import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl debug` as kubectl v1.32's `debug.go` runs it with the legacy profile: ephemeral
/// containers, copies and node debugging pods, with kubectl's notes and errors.
@Suite struct DebugCommandTests {
  /// Errors kubectl reports before it contacts the cluster: the real binary's text.
  @Test(
    arguments: [
      "debug", "debug x", "debug node/x", "debug x --image=busybox --replace", "debug x --image=busybox --same-node",
      "debug x --set-image=a=b", "debug x --copy-to=y", "debug x --copy-to=y -- sh", "debug --image=busybox",
      "debug x --image=Bad:Image", "debug x --image=busybox --image-pull-policy=Bogus",
      "debug x --copy-to=y --image=busybox --target=c", "debug x --image=busybox -t",
      "debug x --image=busybox --profile=bogus", "debug --profile=bogus", "debug x --attach",
      "debug x --image=busybox --env=FOO", "debug x --image=busybox --stdin=maybe",
    ])
  func errorsMatchKubectl(command: String) throws {
    guard RealKubectl.path != nil else { return }
    try RealKubectl.expectSameOutput(command)
  }

  /// `Validate`'s deprecation note for the default profile (`debug.go`).
  static let legacy =
    "--profile=legacy is deprecated and will be removed in the future. It is recommended to explicitly specify a profile, for example \"--profile=general\".\n"
  static let prompt = "If you don't see a command prompt, try pressing enter.\n"
  static let endOfInput =
    "kubebook: typing into the session is not simulated; the shell gets the end of its input and exits\n"

  static func terminal() -> (Terminal, String) {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    _ = terminal.run("kubectl rollout status deployment/web")
    let pod = terminal.cluster.listPods(namespace: "default").first { $0.metadata.labels["app"] == "web" }!
    return (terminal, pod.metadata.name)
  }

  /// The container name line, with the five characters of `debugger-xxxxx`.
  static func debuggerName(in output: String) -> String? {
    let prefix = "Defaulting debug container name to "
    guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) else { return nil }
    return String(line.dropFirst(prefix.count).dropLast())
  }

  @Test func ephemeralContainer() throws {
    var (terminal, pod) = Self.terminal()
    let result = terminal.run("kubectl debug -it \(pod) --image=busybox:1.36 --target=nginx")
    let name = try #require(Self.debuggerName(in: result.output))
    #expect(name.hasPrefix("debugger-") && name.count == "debugger-".count + 5)
    #expect(name.dropFirst("debugger-".count).allSatisfy { "bcdfghjklmnpqrstvwxz2456789".contains($0) })
    #expect(
      result
        == CommandResult(
          output:
            "Targeting container \"nginx\". If you don't see processes from this container it may be because the container runtime doesn't support this feature.\n"
            + Self.legacy + "Defaulting debug container name to \(name).\n" + Self.prompt + Self.endOfInput
            + "Session ended, the ephemeral container will not be restarted but may be reattached using 'kubectl attach \(pod) -c \(name) -i -t' if it is still running\n",
          exitCode: 0))
    let yaml = terminal.run("kubectl get pod \(pod) -o yaml").output
    #expect(
      yaml.contains(
        "  ephemeralContainers:\n  - image: busybox:1.36\n    imagePullPolicy: IfNotPresent\n    name: \(name)\n    resources: {}\n    stdin: true\n    targetContainerName: nginx\n"
      ))
    #expect(yaml.contains("  ephemeralContainerStatuses:\n"))
    #expect(
      yaml.contains(
        "    name: \(name)\n    ready: false\n    restartCount: 0\n    started: false\n    state:\n      terminated:\n")
    )
    let describe = terminal.run("kubectl describe pod \(pod)").output
    #expect(describe.contains("Ephemeral Containers:\n  \(name):\n"))
    #expect(describe.contains("Started container \(name)"))
    // The same seed gives the same name.
    var (again, _) = Self.terminal()
    #expect(Self.debuggerName(in: again.run("kubectl debug -it \(pod) --image=busybox:1.36").output) == name)
    // `logs` names the ephemeral container among the pod's.
    #expect(
      terminal.run("kubectl logs \(pod) --tail=0").output
        == "Defaulted container \"nginx\" out of: nginx, \(name) (ephem)\n")
  }

  /// Without `-i` nothing is attached: busybox's shell, with no input, exits at once.
  @Test func ephemeralWithoutAttaching() throws {
    var (terminal, pod) = Self.terminal()
    let result = terminal.run("kubectl debug \(pod) --image=busybox:1.36 -c probe -- sleep 600")
    #expect(result == CommandResult(output: Self.legacy, exitCode: 0))
    _ = terminal.run("sleep 30")
    let status = terminal.cluster.pod(pod, namespace: "default")?.status.ephemeralContainerStatuses.first
    #expect(status?.name == "probe")
    if case .running? = status?.state {} else { Issue.record("probe is not running: \(String(describing: status))") }
    #expect(
      terminal.run("kubectl exec \(pod) -c probe -- hostname").output
        == "error: kubebook does not simulate kubectl exec in ephemeral containers yet (kubectl attach \(pod) -c probe -i -t attaches to one)\n"
    )
    #expect(
      terminal.run("kubectl debug \(pod) --image=busybox:1.36 -c probe")
        == CommandResult(
          output: Self.legacy
            + "The Pod \"\(pod)\" is invalid: spec.ephemeralContainers[1].name: Duplicate value: \"probe\"\n",
          exitCode: 1))
  }

  @Test func copyOfThePod() throws {
    var (terminal, pod) = Self.terminal()
    let result = terminal.run("kubectl debug \(pod) -it --copy-to=web-debug --image=busybox:1.36")
    let name = try #require(Self.debuggerName(in: result.output))
    #expect(
      result.output
        == Self.legacy + "Defaulting debug container name to \(name).\n" + Self.prompt + Self.endOfInput
        + "Session ended, resume using 'kubectl attach web-debug -c \(name) -i -t' command when the pod is running\n")
    let copy = try #require(terminal.cluster.pod("web-debug", namespace: "default"))
    #expect(copy.metadata.labels.isEmpty)
    #expect(copy.spec.containers.map(\.name) == ["nginx", name])
    #expect(copy.spec.containers[1].stdin && copy.spec.containers[1].tty)
    // `--set-image` alone changes images in the copy, with no debug container.
    #expect(
      terminal.run("kubectl debug \(pod) --copy-to=web-old --set-image=*=nginx:1.26")
        == CommandResult(output: Self.legacy, exitCode: 0))
    #expect(terminal.cluster.pod("web-old", namespace: "default")?.spec.containers.map(\.image) == ["nginx:1.26"])
    // `--replace` deletes the original.
    _ = terminal.run("kubectl debug \(pod) --copy-to=web-new --container=nginx --image=nginx:1.26 --replace")
    #expect(terminal.cluster.pod("web-new", namespace: "default")?.spec.containers.map(\.image) == ["nginx:1.26"])
    let original = terminal.cluster.pod(pod, namespace: "default")
    #expect(original == nil || original?.metadata.deletionTimestamp != nil)
  }

  @Test func nodeDebuggingPod() throws {
    var terminal = Terminal()
    let result = terminal.run("kubectl debug node/worker-1 -it --image=busybox:1.36")
    let created = try #require(
      result.output.split(separator: "\n").first { $0.hasPrefix("Creating debugging pod ") })
    let podName = String(created.split(separator: " ")[3])
    #expect(podName.hasPrefix("node-debugger-worker-1-") && podName.count == "node-debugger-worker-1-".count + 5)
    #expect(
      result.output
        == Self.legacy + "Creating debugging pod \(podName) with container debugger on node worker-1.\n" + Self.prompt
        + Self.endOfInput)
    let pod = try #require(terminal.cluster.pod(podName, namespace: "default"))
    #expect(pod.spec.nodeName == "worker-1")
    #expect(pod.spec.hostNetwork && pod.spec.hostPID && pod.spec.hostIPC)
    #expect(pod.spec.containers.first?.volumeMounts.first?.mountPath == "/host")
    #expect(pod.status.phase == .succeeded)
    #expect(
      terminal.run("kubectl debug node/nope --image=busybox")
        == CommandResult(output: Self.legacy + "Error from server (NotFound): nodes \"nope\" not found\n", exitCode: 1))
    #expect(
      terminal.run("kubectl debug deploy/web --image=busybox").output
        == Self.legacy + "Error from server (NotFound): deployments.apps \"web\" not found\n")
  }
}
