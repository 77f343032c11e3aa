import KubeSim
import Testing

@testable import Kubectl

/// A pod on a node that fails, and a pod being deleted: the node lifecycle controller's
/// `MarkPodsNotReady` (`pkg/controller/util/node/controller_utils.go`: only the Ready
/// condition turns False, then a Warning `NodeNotReady` "Node is not ready" from the
/// `node-controller` recorder), and `describePod`'s `Status: Terminating (lasts %s)` with
/// `translateTimestampSince(DeletionTimestamp)` (kubectl v0.32.4 `pkg/describe/describe.go`).
@Suite struct NodeFailurePodTests {
  /// A terminal with pod `web` running and ready on `worker-1`.
  static func runningPod() -> Terminal {
    var terminal = Terminal()
    terminal.files.files["web.yaml"] = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web}
      spec:
        nodeName: worker-1
        containers:
        - {name: web, image: nginx}
      """
    _ = terminal.run("kubectl apply -f web.yaml")
    _ = terminal.run("kubectl wait --for=condition=Ready pod/web")
    return terminal
  }

  @Test func failedNodeMarksItsPodsNotReady() throws {
    var terminal = Self.runningPod()
    #expect(terminal.cluster.pods["default/web"]?.spec.nodeName == "worker-1")
    _ = terminal.run("sim node fail worker-1")
    _ = terminal.run("sleep 60")
    let pod = try #require(terminal.cluster.pods["default/web"])
    #expect(pod.status.conditions.first { $0.type == "Ready" }?.status == .false)
    #expect(pod.status.conditions.first { $0.type == "ContainersReady" }?.status == .true)
    // Every pod on the node, the kube-proxy DaemonSet's too.
    let warnings = terminal.cluster.events.filter { $0.involvedKind == "Pod" && $0.reason == "NodeNotReady" }
    let onNode = terminal.cluster.pods.values.filter { $0.spec.nodeName == "worker-1" }.map(\.metadata.name)
    #expect(warnings.map(\.involvedName).sorted() == onNode.sorted())
    #expect(warnings.filter { $0.involvedName == "web" }.count == 1)
    #expect(warnings.first?.type == .warning)
    #expect(warnings.first?.message == "Node is not ready")
    #expect(warnings.first?.source == "node-controller")
    #expect(terminal.run("kubectl describe pod web").output.contains("  Warning  NodeNotReady  "))
  }

  /// Within the grace period the deletion timestamp lies ahead: `HumanDuration` of a
  /// negative duration below -1 s is `<invalid>`.
  @Test func terminatingWithinTheGracePeriod() {
    var terminal = Self.runningPod()
    _ = terminal.run("kubectl delete pod web --wait=false")
    let describe = terminal.run("kubectl describe pod web").output
    #expect(describe.contains("Status:                    Terminating (lasts <invalid>)\n"))
    #expect(describe.contains("Termination Grace Period:  30s\n"))
  }

  /// A pod whose node is gone outlives its deletion timestamp: deleted 5 s after the failure
  /// with 30 s of grace and described 153 s later, it has lasted 123 s past it.
  @Test func terminatingPastTheDeletionTimestamp() {
    var terminal = Self.runningPod()
    _ = terminal.run("sim node fail worker-1")
    _ = terminal.run("sleep 5")
    _ = terminal.run("kubectl delete pod web --wait=false")
    _ = terminal.run("sleep 153")
    let describe = terminal.run("kubectl describe pod web").output
    #expect(describe.contains("Status:                    Terminating (lasts 2m3s)\n"))
    #expect(describe.contains("Termination Grace Period:  30s\n"))
  }
}
