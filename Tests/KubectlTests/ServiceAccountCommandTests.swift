import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// ServiceAccounts: `create serviceaccount` against the real kubectl; the table from printers.go
/// `printServiceAccount` (NAME, SECRETS = `len(obj.Secrets)`, AGE); the describer from kubectl
/// v0.32 `describe.go` `describeServiceAccount` (the three lists under their headers in sorted
/// order, `<none>` when empty, `(not found)` for a missing secret); and the serviceaccounts
/// controller's `default` account in every namespace (`pkg/controller/serviceaccount`).
@Suite struct ServiceAccountCommandTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "create serviceaccount my-sa --dry-run=client -o yaml", "create sa my-sa -n other --dry-run=client -o json",
      "create sa my-sa --dry-run=client", "create sa my-sa --dry-run=client -o name", "create sa --dry-run=client",
      "create sa a b --dry-run=client", "create sa my-sa --dry-run=bogus", "create sa '' --dry-run=client",
    ])
  func createMatchesRealKubectl(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  @Test func everyNamespaceHasADefaultAccount() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create namespace dev")
    #expect(
      terminal.run("kubectl get sa -A").output == """
        NAMESPACE         NAME      SECRETS   AGE
        default           default   0         10m
        dev               default   0         0s
        kube-node-lease   default   0         10m
        kube-public       default   0         10m
        kube-system       default   0         10m

        """)
    // The controller puts a deleted `default` back (`syncNamespace` creates the missing ones).
    #expect(terminal.run("kubectl delete sa default -n dev").output == "serviceaccount \"default\" deleted\n")
    #expect(terminal.run("kubectl get sa default -n dev -o name").output == "serviceaccount/default\n")
    // A Terminating namespace's accounts go with it.
    _ = terminal.run("kubectl delete namespace dev")
    #expect(terminal.cluster.serviceAccounts["dev/default"] == nil)
  }

  @Test func createdAccountsAndTheirErrors() {
    var terminal = Terminal()
    #expect(terminal.run("kubectl create sa bot").output == "serviceaccount/bot created\n")
    // `create_serviceaccount.go`: `failed to create serviceaccount: %v` around the server's error.
    #expect(
      terminal.run("kubectl create sa bot").output
        == "error: failed to create serviceaccount: serviceaccounts \"bot\" already exists\n")
    #expect(
      terminal.run("kubectl create sa bot -n nowhere").output
        == "error: failed to create serviceaccount: namespaces \"nowhere\" not found\n")
    // No `generation`: the ServiceAccount strategy sets none.
    let yaml = terminal.run("kubectl get sa bot -o yaml").output
    #expect(yaml.hasPrefix("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  creationTimestamp: "))
    #expect(!yaml.contains("generation"))
  }

  @Test func describe() {
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "sa.yaml": """
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: builder
          labels:
            team: ci
        imagePullSecrets:
        - name: registry
        - name: mirror
        secrets:
        - name: builder-token
        """
      ]))
    _ = terminal.run("kubectl create secret generic registry --from-literal=a=b")
    #expect(terminal.run("kubectl apply -f sa.yaml").output == "serviceaccount/builder created\n")
    #expect(
      terminal.run("kubectl get sa builder").output == """
        NAME      SECRETS   AGE
        builder   1         0s

        """)
    #expect(
      terminal.run("kubectl describe sa builder").output == """
        Name:                builder
        Namespace:           default
        Labels:              team=ci
        Annotations:         <none>
        Image pull secrets:  registry
                             mirror (not found)
        Mountable secrets:   builder-token (not found)
        Tokens:              <none>
        Events:              <none>

        """)
    #expect(
      terminal.run("kubectl describe sa default").output == """
        Name:                default
        Namespace:           default
        Labels:              <none>
        Annotations:         <none>
        Image pull secrets:  <none>
        Mountable secrets:   <none>
        Tokens:              <none>
        Events:              <none>

        """)
  }
}
