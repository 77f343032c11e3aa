import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// Node leases: one per node in kube-node-lease, held by the node, 40 s long, owned by the Node
/// (the kubelet's `nodelease` controller, `pkg/kubelet/nodelease`), renewed every quarter of
/// its duration; the table from printers.go (`printLease`: NAME, HOLDER, AGE).
@Suite struct LeaseCommandTests {
  @Test func oneLeasePerNode() {
    var terminal = Terminal()
    #expect(
      terminal.run("kubectl get leases -A").output == """
        NAMESPACE         NAME            HOLDER          AGE
        kube-node-lease   control-plane   control-plane   10m
        kube-node-lease   worker-1        worker-1        10m
        kube-node-lease   worker-2        worker-2        10m

        """)
    let spec = terminal.run("kubectl get lease worker-1 -n kube-node-lease -o jsonpath={.spec}").output
    #expect(
      spec == #"{"holderIdentity":"worker-1","leaseDurationSeconds":40,"renewTime":"2025-03-03T09:00:00.000000Z"}"#)
    let owner = terminal.run("kubectl get lease worker-1 -n kube-node-lease -o jsonpath={.metadata.ownerReferences}")
    let uid = terminal.cluster.nodes["worker-1"]?.metadata.uid ?? ""
    #expect(owner.output == #"[{"apiVersion":"v1","kind":"Node","name":"worker-1","uid":""# + uid + #""}]"#)
  }

  /// The renewal follows the clock in 10 s steps and stops with the kubelet.
  @Test func renewTimeFollowsTheKubelet() {
    var terminal = Terminal()
    _ = terminal.run("sleep 25")
    let path = "kubectl get lease worker-1 -n kube-node-lease -o jsonpath={.spec.renewTime}"
    #expect(terminal.run(path).output == "2025-03-03T09:00:20.000000Z")
    _ = terminal.run("sim node fail worker-1")
    _ = terminal.run("sleep 60")
    #expect(terminal.run(path).output == "2025-03-03T09:00:20.000000Z")
    #expect(
      terminal.run("kubectl get lease worker-2 -n kube-node-lease -o jsonpath={.spec.renewTime}").output
        == "2025-03-03T09:01:20.000000Z")
  }
}
