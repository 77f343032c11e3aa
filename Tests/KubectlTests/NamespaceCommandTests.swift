import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// Namespaces and label columns: `create namespace` against the real kubectl, the
/// NamespaceLifecycle admission's refusals, the namespace controller emptying a Terminating
/// namespace, and `get -L`.
@Suite struct NamespaceCommandTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "create namespace dev --dry-run=client -o yaml", "create ns dev --dry-run=client",
      "create namespace dev --dry-run=client -o json",
    ])
  func createNamespaceMatchesRealKubectl(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  @Test func deletingANamespaceEmptiesItFirst() {
    var terminal = Terminal()
    #expect(terminal.run("kubectl create namespace dev").output == "namespace/dev created\n")
    _ = terminal.run("kubectl create deployment web --image=nginx --replicas=2 -n dev")
    _ = terminal.run("kubectl create configmap settings --from-literal=a=b -n dev")
    _ = terminal.run("kubectl rollout status deployment/web -n dev")
    // The namespace turns Terminating; new content is refused until it is gone.
    var cluster = terminal.cluster
    try? cluster.deleteNamespace("dev")
    var refused = cluster
    let blocked = Kubectl.run(
      ["run", "late", "--image=nginx", "-n", "dev"], cluster: &refused, files: VirtualDirectory())
    #expect(
      blocked.output
        == "Error from server (Forbidden): pods \"late\" is forbidden: unable to create new content in namespace dev because it is being terminated\n"
    )
    #expect(terminal.run("kubectl delete namespace dev").output == "namespace \"dev\" deleted\n")
    #expect(terminal.cluster.namespaces["dev"] == nil)
    #expect(terminal.cluster.listPods(namespace: "dev").isEmpty)
    #expect(terminal.cluster.deployments["dev/web"] == nil)
    #expect(terminal.cluster.configMaps["dev/settings"] == nil)
    #expect(
      terminal.run("kubectl delete namespace kube-system").output
        == "Error from server (Forbidden): namespaces \"kube-system\" is forbidden: this namespace may not be deleted\n"
    )
  }

  @Test func labelColumns() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run a --image=nginx --labels=env=prod,app.kubernetes.io/name=shop")
    _ = terminal.run("kubectl run b --image=nginx --labels=env=dev")
    let output = terminal.run("kubectl get pods -L env -L app.kubernetes.io/name").output
    #expect(
      output == """
        NAME   READY   STATUS              RESTARTS   AGE   ENV    NAME
        a      0/1     ContainerCreating   0          0s    prod   shop
        b      0/1     ContainerCreating   0          0s    dev    

        """)
  }
}
