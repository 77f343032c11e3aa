import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl exec TYPE/NAME`: the pod `attachablePodForObject` picks through the workload's
/// selector (kubectl's `polymorphichelpers`), no "Found N pods" line (that is `logs`').
@Suite struct ExecTargetTests {
  @Test func workloadNamesAPod() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    _ = terminal.run("kubectl rollout status deployment/web")
    let pod = terminal.cluster.listPods(namespace: "default").first { $0.metadata.labels["app"] == "web" }!
    let direct = terminal.run("kubectl exec \(pod.metadata.name) -- hostname")
    let viaDeployment = terminal.run("kubectl exec deploy/web -- hostname")
    #expect(viaDeployment.exitCode == 0)
    #expect(viaDeployment.output == direct.output)
    #expect(
      terminal.run("kubectl exec deploy/nope -- hostname").output
        == "Error from server (NotFound): deployments.apps \"nope\" not found\n")
    _ = terminal.run("kubectl create configmap c --from-literal=a=b")
    #expect(
      terminal.run("kubectl exec cm/c -- hostname").output
        == "error: cannot attach to *v1.ConfigMap: selector for *v1.ConfigMap not implemented\n")
  }
}
