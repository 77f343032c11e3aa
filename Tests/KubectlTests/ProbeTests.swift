import Testing

@testable import KubeSim
@testable import Kubectl

/// The kubelet's prober over virtual time. Expected texts from Kubernetes v1.32:
/// `pkg/kubelet/prober/prober.go` (`"%s probe failed: %s"`, reason `Unhealthy`, Warning),
/// `pkg/kubelet/kuberuntime/kuberuntime_manager.go` (`Container %s failed liveness probe`
/// + `, will be restarted`, recorded as `Killing` by `killContainer`), `pkg/probe/http/http.go`
/// (`HTTP probe failed with statuscode: %d`), Go's net errors for a refused dial (`dial tcp
/// IP:PORT: connect: connection refused`, wrapped by net/http as `Get "URL": ...`),
/// `pkg/probe/grpc/grpc.go` (`timeout: failed to connect service %q within %v: %+v`); the
/// liveness-exec example and its events from kubernetes.io's "Configure Liveness, Readiness and
/// Startup Probes"; `cat`'s error from BusyBox v1.35.0.
@Suite struct ProbeTests {
  /// A pod of one container; `lines` are the container's further fields, indented as under
  /// `- name:`.
  static func pod(_ name: String, image: String, _ lines: [String]) -> String {
    let head = [
      "apiVersion: v1", "kind: Pod", "metadata:", "  name: \(name)", "  labels:", "    app: \(name)", "spec:",
      "  containers:", "  - name: \(name)", "    image: \(image)",
    ]
    return (head + lines.map { "    " + $0 }).joined(separator: "\n") + "\n"
  }

  static func terminal(_ manifest: String) -> Terminal {
    var terminal = Terminal(files: VirtualDirectory(files: ["pod.yaml": manifest]))
    _ = terminal.run("kubectl apply -f pod.yaml")
    return terminal
  }

  static func events(_ terminal: Terminal, _ name: String) -> [(String, String, Int)] {
    terminal.cluster.events.filter { $0.involvedName == name }.map { ($0.reason, $0.message, $0.count) }
  }

  static let livenessExec = pod(
    "liveness", image: "busybox:1.36",
    [
      "args:", "- /bin/sh", "- -c", "- touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600", "livenessProbe:",
      "  exec:", "    command:", "    - cat", "    - /tmp/healthy", "  initialDelaySeconds: 5", "  periodSeconds: 5",
    ])

  @Test func livenessExecRestartsTheContainerOnceTheFileIsGone() throws {
    var terminal = Self.terminal(Self.livenessExec)
    _ = terminal.run("sleep 30")
    #expect(!Self.events(terminal, "liveness").contains { $0.0 == "Unhealthy" })
    _ = terminal.run("sleep 30")
    let events = Self.events(terminal, "liveness")
    let unhealthy = try #require(events.first { $0.0 == "Unhealthy" })
    #expect(unhealthy.1 == "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory")
    #expect(unhealthy.2 == 3)
    #expect(
      events.contains { $0.0 == "Killing" && $0.1 == "Container liveness failed liveness probe, will be restarted" })
    // sh as PID 1 ignores SIGTERM: killed when the 30 s grace period ends, then restarted.
    _ = terminal.run("sleep 40")
    let status = try #require(terminal.cluster.pod("liveness", namespace: "default")?.status.containerStatuses.first)
    #expect(status.restartCount == 1)
    guard case .terminated(let code, let reason, _, _)? = status.lastTerminated else {
      Issue.record("no last state")
      return
    }
    #expect(code == 137 && reason == "Error")
    // The new run (from about 78 s) has /tmp/healthy again for its first 30 s.
    let before = Self.events(terminal, "liveness").first { $0.0 == "Unhealthy" }?.2
    _ = terminal.run("sleep 5")
    #expect(Self.events(terminal, "liveness").first { $0.0 == "Unhealthy" }?.2 == before)
  }

  @Test func readinessOnAPathNginxDoesNotServeStaysNotReady() throws {
    let manifest = Self.pod(
      "web", image: "nginx:1.27", ["readinessProbe:", "  httpGet:", "    path: /healthz", "    port: 80"])
    var terminal = Self.terminal(manifest)
    _ = terminal.run("kubectl expose pod web --port=80")
    _ = terminal.run("sleep 40")
    let pod = try #require(terminal.cluster.pod("web", namespace: "default"))
    #expect(pod.status.containerStatuses.first?.ready == false)
    #expect(
      Self.events(terminal, "web").contains {
        $0.0 == "Unhealthy" && $0.1 == "Readiness probe failed: HTTP probe failed with statuscode: 404"
      })
    let endpoints = try #require(terminal.cluster.endpoints["default/web"])
    #expect(endpoints.subsets.flatMap(\.addresses).isEmpty)
    #expect(endpoints.subsets.flatMap(\.notReadyAddresses).map(\.ip) == [pod.status.podIP])
    // No restart: readiness never restarts a container.
    #expect(pod.status.containerStatuses.first?.restartCount == 0)
  }

  @Test func readinessOnNginxPortBecomesReadyAtTheInitialDelay() throws {
    let manifest = Self.pod(
      "web", image: "nginx:1.27",
      [
        "readinessProbe:", "  httpGet:", "    path: /", "    port: 80", "  initialDelaySeconds: 10",
        "  periodSeconds: 5",
      ])
    var terminal = Self.terminal(manifest)
    _ = terminal.run("sleep 7")
    #expect(terminal.cluster.pod("web", namespace: "default")?.status.containerStatuses.first?.ready == false)
    _ = terminal.run("sleep 10")
    #expect(terminal.cluster.pod("web", namespace: "default")?.status.containerStatuses.first?.ready == true)
    #expect(!Self.events(terminal, "web").contains { $0.0 == "Unhealthy" })
  }

  @Test func httpAndTcpProbesWhereNothingListensAreRefused() throws {
    let manifest = Self.pod(
      "box", image: "busybox:1.36",
      [
        "command: [\"sleep\", \"3600\"]", "readinessProbe:", "  httpGet:", "    path: /healthz", "    port: 8080",
        "livenessProbe:", "  tcpSocket:", "    port: 6379",
      ])
    var terminal = Self.terminal(manifest)
    _ = terminal.run("sleep 40")
    let ip = try #require(terminal.cluster.pod("box", namespace: "default")?.status.podIP)
    let messages = Self.events(terminal, "box").map(\.1)
    #expect(
      messages.contains(
        "Readiness probe failed: Get \"http://\(ip):8080/healthz\": dial tcp \(ip):8080: connect: connection refused"))
    #expect(messages.contains("Liveness probe failed: dial tcp \(ip):6379: connect: connection refused"))
    #expect(messages.contains("Container box failed liveness probe, will be restarted"))
  }

  @Test func grpcWithNothingServingTimesOut() throws {
    let manifest = Self.pod(
      "box", image: "busybox:1.36", ["command: [\"sleep\", \"3600\"]", "readinessProbe:", "  grpc:", "    port: 9090"])
    var terminal = Self.terminal(manifest)
    _ = terminal.run("sleep 30")
    let ip = try #require(terminal.cluster.pod("box", namespace: "default")?.status.podIP)
    #expect(
      Self.events(terminal, "box").map(\.1).contains(
        "Readiness probe failed: timeout: failed to connect service \"\(ip):9090\" within 1s: context deadline exceeded"
      ))
  }

  @Test func startupProbeGatesLivenessAndStarted() throws {
    let manifest = Self.pod(
      "slow", image: "busybox:1.36",
      [
        "args: [\"sh\", \"-c\", \"sleep 20; touch /tmp/up; sleep 3600\"]", "startupProbe:", "  exec:",
        "    command: [\"cat\", \"/tmp/up\"]", "  periodSeconds: 5", "  failureThreshold: 30", "livenessProbe:",
        "  exec:", "    command: [\"cat\", \"/tmp/up\"]", "  failureThreshold: 1",
      ])
    var terminal = Self.terminal(manifest)
    _ = terminal.run("sleep 10")
    var status = try #require(terminal.cluster.pod("slow", namespace: "default")?.status.containerStatuses.first)
    #expect(status.started == false)
    _ = terminal.run("sleep 40")
    status = try #require(terminal.cluster.pod("slow", namespace: "default")?.status.containerStatuses.first)
    #expect(status.started == true)
    #expect(status.restartCount == 0)
    let messages = Self.events(terminal, "slow").map(\.1)
    #expect(messages.contains("Startup probe failed: cat: can't open '/tmp/up': No such file or directory"))
    #expect(!messages.contains { $0.hasPrefix("Liveness probe failed") })
  }

  @Test func podsWithoutProbesAreNeverLookedAtForProbes() throws {
    var terminal = Terminal()
    _ = terminal.run("kubectl run web --image=nginx:1.27")
    _ = terminal.run("sleep 20")
    let pod = try #require(terminal.cluster.pod("web", namespace: "default"))
    let runtime = try #require(terminal.cluster.kubelet.runtimes[pod.metadata.uid])
    #expect(runtime.containers.allSatisfy { $0.tracks.isEmpty })
    #expect(runtime.nextMilestone(after: terminal.cluster.now) == nil)
  }
}
