import Foundation
import KubeSim
import Testing

@testable import Kubectl

/// Changing a running pod's image, the one container change the API server allows: the
/// kubelet's `computePodActions` kills the container ("Container %s definition changed" +
/// ", will be restarted", reason Killing), pulls the new image, starts a new container with a
/// new ID; RESTARTS counts it and `lastState` / describe's "Last State" show the old run
/// (describe.go `describeStatus`).
@Suite struct PodImageUpdateTests {
  static let manifest = """
    apiVersion: v1
    kind: Pod
    metadata: {name: web}
    spec:
      containers:
      - name: web
        image: IMAGE

    """

  @Test func setImageRestartsTheContainer() throws {
    var terminal = Terminal()
    _ = terminal.run("kubectl run web --image=nginx:1.26")
    _ = terminal.run("sleep 10")
    let before = try #require(terminal.cluster.pod("web", namespace: "default")?.status.containerStatuses.first)
    #expect(terminal.run("kubectl set image pod/web web=nginx:1.27").output == "pod/web image updated\n")
    // Until the new container runs, the status is the old one's.
    #expect(terminal.run("kubectl get pod web").output.contains("web    1/1     Running   0          10s"))
    _ = terminal.run("sleep 10")
    let after = try #require(terminal.cluster.pod("web", namespace: "default")?.status.containerStatuses.first)
    #expect(after.restartCount == 1)
    #expect(after.image == "docker.io/library/nginx:1.27")
    #expect(after.containerID != before.containerID && after.lastContainerID == before.containerID)
    guard case .terminated(0, "Completed", _, _)? = after.lastTerminated else {
      Issue.record("lastState: \(String(describing: after.lastTerminated))")
      return
    }
    let describe = terminal.run("kubectl describe pod web").output
    #expect(describe.contains("    Last State:     Terminated\n      Reason:       Completed\n      Exit Code:    0\n"))
    #expect(describe.contains("kubelet            Container web definition changed, will be restarted"))
    #expect(describe.contains("kubelet            Pulling image \"nginx:1.27\""))
  }

  /// `apply` of a manifest that changes only the image configures the pod; any other change to
  /// the containers is the API server's Forbidden error.
  @Test func applyImageOnly() {
    var terminal = Terminal()
    terminal.files.files["pod.yaml"] = Self.manifest.replacingOccurrences(
      of: "IMAGE", with: "busybox:1.36\n    command: [sleep, \"3600\"]")
    _ = terminal.run("kubectl apply -f pod.yaml")
    _ = terminal.run("sleep 10")
    terminal.files.files["pod.yaml"] = Self.manifest.replacingOccurrences(
      of: "IMAGE", with: "busybox:1.37\n    command: [sleep, \"3600\"]")
    #expect(terminal.run("kubectl apply -f pod.yaml").output == "pod/web configured\n")
    // A shell as PID 1 ignores SIGTERM: it is killed when the 30-second grace period ends.
    _ = terminal.run("sleep 40")
    let status = terminal.cluster.pod("web", namespace: "default")?.status.containerStatuses.first
    #expect(status?.restartCount == 1)
    guard case .terminated(137, "Error", _, _)? = status?.lastTerminated else {
      Issue.record("lastState: \(String(describing: status?.lastTerminated))")
      return
    }
    terminal.files.files["pod.yaml"] = Self.manifest.replacingOccurrences(
      of: "IMAGE", with: "busybox:1.37\n    command: [sleep, \"60\"]")
    let forbidden = terminal.run("kubectl apply -f pod.yaml")
    #expect(forbidden.exitCode == 1)
    #expect(
      forbidden.output.hasPrefix(
        "The Pod \"web\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`"
      ))
  }
}
