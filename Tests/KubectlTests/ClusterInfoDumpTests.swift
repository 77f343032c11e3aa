import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl cluster-info dump`, against kubectl v0.32.4 `pkg/cmd/clusterinfo/clusterinfo_dump.go`.
@Suite struct ClusterInfoDumpTests {
  /// The `"kind": "...List"` lines of a JSON dump, in order (each list printed at the top level
  /// by the JSON printer, four spaces in).
  static func listKinds(_ output: String) -> [String] {
    output.split(separator: "\n").filter { $0.hasPrefix("    \"kind\": \"") }.map {
      String($0.dropFirst(13).dropLast(2))
    }
  }

  /// `Run` (clusterinfo_dump.go:170-267): nodes first, then per namespace — `kube-system` and
  /// the current one by default (`metav1.NamespaceSystem, o.Namespace`, :201-204) — events,
  /// replication controllers, services, daemon sets, deployments, replica sets and pods.
  @Test func listsInRunsOrder() {
    var terminal = Terminal()
    let perNamespace = [
      "EventList", "ReplicationControllerList", "ServiceList", "DaemonSetList", "DeploymentList", "ReplicaSetList",
      "PodList",
    ]
    let output = terminal.run("kubectl cluster-info dump").output
    #expect(Self.listKinds(output) == ["NodeList"] + perNamespace + perNamespace)
    let named = terminal.run("kubectl cluster-info dump --namespaces default,kube-system,kube-public").output
    #expect(Self.listKinds(named).count == 1 + 3 * perNamespace.count)
    let namespaces = terminal.run("kubectl get namespaces -o name").output.split(separator: "\n").count
    let all = terminal.run("kubectl cluster-info dump -A").output
    #expect(Self.listKinds(all).count == 1 + namespaces * perNamespace.count)
  }

  /// `printContainer` (clusterinfo_dump.go:269-290): each container's log between the START and
  /// END lines; a container still waiting answers 400, and `DoRaw`'s error for a JSON body is
  /// apimachinery's generic text (client-go rest/request.go `newUnstructuredResponseError`:
  /// message "unknown" unless the body is text; apimachinery `errors.NewGenericServerResponse`,
  /// errors.go:450-452 and :494-495: `(get pods NAME)`).
  @Test func containerLogsAreFramed() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run web --image=nginx:1.27")
    let waiting = terminal.run("kubectl cluster-info dump --namespaces default").output
    #expect(
      waiting.hasSuffix(
        """
        ==== START logs for container web of pod default/web ====
        Request log error: the server rejected our request for an unknown reason (get pods web)
        ==== END logs for container web of pod default/web ====

        """))
    _ = terminal.run("sleep 10")
    let running = terminal.run("kubectl cluster-info dump --namespaces default").output
    let logs = terminal.run("kubectl logs web").output
    #expect(
      running.hasSuffix(
        "==== START logs for container web of pod default/web ====\n" + logs
          + "==== END logs for container web of pod default/web ====\n"))
  }

  /// `-o` defaults to json (clusterinfo_dump.go:69, `WithDefaultOutput("json")`);
  /// typed lists carry no `kind` on their items; a directory is refused.
  @Test func formatsAndDirectory() {
    var terminal = Terminal()
    let yaml = terminal.run("kubectl cluster-info dump -o yaml --namespaces default").output
    #expect(yaml.hasPrefix("apiVersion: v1\nitems:\n"))
    #expect(yaml.contains("\nkind: NodeList\n"))
    let directory = terminal.run("kubectl cluster-info dump --output-directory=/tmp/state")
    #expect(directory.exitCode == 1)
    #expect(directory.output.contains("kubebook does not simulate"))
  }
}
