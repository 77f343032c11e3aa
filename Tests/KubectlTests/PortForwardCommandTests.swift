import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl port-forward` as kubectl v1.32's `portforward.go` and client-go's
/// `tools/portforward` resolve it: the pod, its ports, kubectl's errors, and the
/// `Forwarding from ...` lines (the simulated forward does not listen).
@Suite struct PortForwardCommandTests {
  static func terminal() -> (Terminal, String) {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27 --port=80")
    _ = terminal.run("kubectl expose deployment web --port=8080 --target-port=80")
    _ = terminal.run("kubectl rollout status deployment/web")
    let pod = terminal.cluster.listPods(namespace: "default").first { $0.metadata.labels["app"] == "web" }!
    return (terminal, pod.metadata.name)
  }

  /// Usage errors kubectl prints before asking the server: the real binary's text.
  @Test(
    arguments: [
      "port-forward", "port-forward pod/x", "port-forward pod/x --pod-running-timeout=0 80", "port-forward --address",
      "port-forward pod/x 80 --bogus",
    ])
  func usageErrorsMatchKubectl(command: String) throws {
    guard RealKubectl.path != nil else { return }
    try RealKubectl.expectSameOutput(command)
  }

  /// client-go prints one line per listen address (`localhost`: 127.0.0.1, then ::1).
  @Test func forwardingLines() {
    var (terminal, pod) = Self.terminal()
    #expect(
      terminal.run("kubectl port-forward pod/\(pod) 8080:80")
        == CommandResult(
          output: "Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n", exitCode: 0))
    #expect(
      terminal.run("kubectl port-forward \(pod) 80 9090:80").output
        == "Forwarding from 127.0.0.1:80 -> 80\nForwarding from [::1]:80 -> 80\n"
        + "Forwarding from 127.0.0.1:9090 -> 80\nForwarding from [::1]:9090 -> 80\n")
    // A Service's port becomes its target port on the pod.
    #expect(
      terminal.run("kubectl port-forward svc/web 9000:8080").output
        == "Forwarding from 127.0.0.1:9000 -> 80\nForwarding from [::1]:9000 -> 80\n")
    #expect(
      terminal.run("kubectl port-forward svc/web 8080").output
        == "Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n")
    #expect(
      terminal.run("kubectl port-forward deploy/web 8080:80 --address=0.0.0.0,localhost").output
        == "Forwarding from 0.0.0.0:8080 -> 80\nForwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n"
    )
  }

  /// Errors from the source: `portforward.go`, `pkg/util` and client-go's `parsePorts`.
  @Test func errors() {
    var (terminal, pod) = Self.terminal()
    let cases = [
      "kubectl port-forward deploy/web 8080:http": "error: Pod '\(pod)' does not have a named port 'http'",
      "kubectl port-forward svc/web 8080:9999": "error: Service web does not have a service port 9999",
      "kubectl port-forward svc/web 8080:http": "error: Service 'web' does not have a named port 'http'",
      "kubectl port-forward pod/\(pod) 8080:": "error: remote port cannot be empty",
      "kubectl port-forward pod/\(pod) abc:80":
        "error: error parsing local port 'abc': strconv.ParseUint: parsing \"abc\": invalid syntax",
      "kubectl port-forward pod/\(pod) 70000:80":
        "error: error parsing local port '70000': strconv.ParseUint: parsing \"70000\": value out of range",
      "kubectl port-forward pod/\(pod) 8080:0": "error: remote port must be > 0",
      "kubectl port-forward pod/\(pod) 80 --address=bogus": "error: bogus is not a valid IP",
      "kubectl port-forward pod/nope 80": "Error from server (NotFound): pods \"nope\" not found",
    ]
    for (command, expected) in cases.sorted(by: { $0.key < $1.key }) {
      #expect(terminal.run(command) == CommandResult(output: expected + "\n", exitCode: 1), "\(command)")
    }
    // `splitPort` reads `1:2:3` as port 1 for both ends, so kubectl forwards 1 -> 1.
    #expect(
      terminal.run("kubectl port-forward pod/\(pod) 1:2:3").output
        == "Forwarding from 127.0.0.1:1 -> 1\nForwarding from [::1]:1 -> 1\n")
    // Without a container port to match "", the empty name is looked up first.
    _ = terminal.run("kubectl run bare --image=nginx:1.27")
    _ = terminal.run("sleep 30")
    #expect(
      terminal.run("kubectl port-forward bare 8080:").output == "error: Pod 'bare' does not have a named port ''\n")
    _ = terminal.run("kubectl run late --image=nginx:1.27")
    #expect(
      terminal.run("kubectl port-forward late 80").output
        == "error: unable to forward port because pod is not running. Current status=Pending\n")
  }
}
