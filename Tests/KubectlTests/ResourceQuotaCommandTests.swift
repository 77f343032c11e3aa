import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// ResourceQuotas: `create quota` against the real kubectl; the table from printers.go
/// (`printResourceQuota`: `name: used/hard` sorted, `limits.*` in LIMIT) and `describeQuota`;
/// the quota admission's refusals with the texts of `plugin/pkg/admission/resourcequota`
/// (`checkRequest`: `exceeded quota: %s, requested: %s, used: %s, limited: %s` with
/// `prettyPrint`'s sorted `name=quantity` lists) and of the pod evaluator's `Constraints`
/// (`failed quota: %s: must specify ...`); a ReplicaSet's refused pods as FailedCreate events.
@Suite struct ResourceQuotaCommandTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "create quota q --hard=pods=2,requests.cpu=1 --dry-run=client -o yaml",
      "create quota q --hard=pods=2,requests.cpu=1000m,requests.memory=1024Mi --dry-run=client -o json",
      "create quota q --dry-run=client -o yaml", "create quota q --hard=pods --dry-run=client",
      "create quota q --hard=pods=x --dry-run=client", "create resourcequota q --hard=pods=1 -n dev --dry-run=client",
      "create quota q --hard=pods=1 --scopes=BestEffort --dry-run=client -o yaml",
      "create quota q --hard=pods=1 --scopes=a,,b --dry-run=client", "create quota --dry-run=client",
      "create quota q --hard=pods=1 --dry-run=client -o name", "create quota q --hard==,=1 --dry-run=client",
      "create quota q --hard=pods=99999999999999999999999E --dry-run=client -o yaml",
      "create quota q --hard=pods=1,pods=2 --dry-run=client -o yaml", "create quota q --hard=, --dry-run=client",
    ])
  func createMatchesRealKubectl(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  @Test func tableAndDescribe() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create quota compute --hard=pods=4,requests.cpu=1,requests.memory=1G,limits.memory=2Gi")
    var cluster = terminal.cluster
    var container = Container(name: "app", image: "nginx")
    container.resources.requests = ["cpu": 250, "memory": 128 << 20]
    container.resources.limits = ["memory": 256 << 20]
    _ = try? cluster.createPod(
      Pod(metadata: ObjectMeta(name: "app", namespace: "default"), spec: PodSpec(containers: [container])))
    terminal.cluster = cluster
    _ = terminal.run("sleep 10")
    #expect(
      terminal.run("kubectl get quota").output == """
        NAME      REQUEST                                                      LIMIT                      AGE
        compute   pods: 1/4, requests.cpu: 250m/1, requests.memory: 128Mi/1G   limits.memory: 256Mi/2Gi   10s

        """)
    // describeQuota shows a used quantity in its hard quantity's format: 128Mi as bytes
    // against a decimal 1G.
    #expect(
      terminal.run("kubectl describe quota compute").output == """
        Name:            compute
        Namespace:       default
        Resource         Used       Hard
        --------         ----       ----
        limits.memory    256Mi      2Gi
        pods             1          4
        requests.cpu     250m       1
        requests.memory  134217728  1G

        """)
  }

  @Test func admissionRefusals() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create quota pods --hard=pods=2")
    _ = terminal.run("kubectl run a --image=nginx")
    _ = terminal.run("kubectl run b --image=nginx")
    let refused = terminal.run("kubectl run c --image=nginx")
    #expect(
      refused.output
        == "Error from server (Forbidden): pods \"c\" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2\n"
    )
    #expect(refused.exitCode == 1)
    // A quota on CPU or memory requires every container to state it.
    _ = terminal.run("kubectl create quota compute --hard=requests.cpu=1,limits.memory=1Gi -n kube-public")
    #expect(
      terminal.run("kubectl run d --image=nginx -n kube-public").output
        == "Error from server (Forbidden): pods \"d\" is forbidden: failed quota: compute: must specify limits.memory for: d; requests.cpu for: d\n"
    )
    // Deleting a pod frees its share once it is gone.
    _ = terminal.run("kubectl delete pod a")
    #expect(terminal.run("kubectl run c --image=nginx").output == "pod/c created\n")
  }

  @Test func replicaSetPodsRefusedAreFailedCreateEvents() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create quota pods --hard=pods=1")
    _ = terminal.run("kubectl create deployment web --image=nginx --replicas=2")
    _ = terminal.run("sleep 5")
    let events = terminal.run("kubectl get events --field-selector reason=FailedCreate -o name").output
    #expect(!events.isEmpty)
    let messages = terminal.cluster.events.filter { $0.reason == "FailedCreate" }.map(\.message)
    #expect(
      messages.allSatisfy {
        $0.hasPrefix("Error creating: pods \"web-")
          && $0.hasSuffix("\" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=1, limited: pods=1")
      })
    #expect(terminal.cluster.resourceQuotas["default/pods"]?.status.used == ["pods": "1"])
  }
}
