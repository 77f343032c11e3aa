import KubeSim
import Testing

@testable import Kubectl

/// `kubectl get controllerrevisions`: the columns NAME, CONTROLLER, REVISION, AGE; one
/// revision per template a StatefulSet or DaemonSet has had, named by the pods'
/// `controller-revision-hash`, a template used again renumbered as the newest.
@Suite struct ControllerRevisionTests {
  @Test func kubeProxyHasItsRevisionAtBoot() throws {
    var terminal = Terminal()
    let pod = try #require(
      terminal.cluster.listPods(namespace: "kube-system").first { $0.metadata.name.hasPrefix("kube-proxy-") })
    let hash = try #require(pod.metadata.labels["controller-revision-hash"])
    #expect(
      terminal.run("kubectl get controllerrevisions -n kube-system").output
        == "NAME                    CONTROLLER                  REVISION   AGE\nkube-proxy-\(hash)   daemonset.apps/kube-proxy   1          10m\n"
    )
  }

  @Test func statefulSetRevisionsFollowUpdatesAndRollbacks() {
    var terminal = Terminal()
    terminal.files.files["web.yaml"] = StatefulSetCommandTests.manifest(replicas: 2)
    _ = terminal.run("kubectl apply -f web.yaml")
    _ = terminal.run("kubectl rollout status sts/web")
    _ = terminal.run("kubectl set image sts/web nginx=nginx:1.27")
    _ = terminal.run("kubectl rollout status sts/web")
    let labels = Set(
      terminal.cluster.listPods(namespace: "default").compactMap { $0.metadata.labels["controller-revision-hash"] })
    let listed = terminal.run("kubectl get controllerrevisions").output.split(separator: "\n").dropFirst()
    #expect(listed.count == 2)
    #expect(
      listed.contains { line in
        labels.contains { line.hasPrefix($0 + " ") } && line.contains("statefulset.apps/web   2")
      })
    _ = terminal.run("kubectl rollout undo sts/web")
    _ = terminal.run("kubectl rollout status sts/web")
    let numbers = terminal.run("kubectl get controllerrevisions -o name").output
    #expect(numbers.split(separator: "\n").allSatisfy { $0.hasPrefix("controllerrevision.apps/web-") })
    #expect(terminal.run("kubectl get controllerrevisions").output.contains("statefulset.apps/web   3"))
  }
}
