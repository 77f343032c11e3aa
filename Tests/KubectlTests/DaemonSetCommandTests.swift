import KubeSim
import Testing

@testable import Kubectl

/// `kubectl get` for DaemonSets (`docs/reference/kubectl-output.md` §3.6), on the kube-proxy DaemonSet a
/// kubeadm cluster boots with.
@Suite struct DaemonSetCommandTests {
  @Test func getDaemonSetsAcrossNamespaces() {
    var terminal = Terminal()
    // Columns NAME, DESIRED, CURRENT, READY, UP-TO-DATE, AVAILABLE, NODE SELECTOR, AGE; three
    // nodes, all running their pod; every column padded to its widest cell plus three spaces.
    let expected = """
      NAMESPACE     NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE
      kube-system   kube-proxy   3         3         3       3            3           kubernetes.io/os=linux   10m

      """
    #expect(terminal.run("kubectl get ds -A").output == expected)
    #expect(terminal.run("kubectl get daemonsets").output == "No resources found in default namespace.\n")
  }

  @Test func wideAddsContainersImagesAndSelector() {
    var terminal = Terminal()
    let output = terminal.run("kubectl get daemonset kube-proxy -n kube-system -o wide").output
    let lines = output.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true) }
    #expect(lines.first?.suffix(3) == ["CONTAINERS", "IMAGES", "SELECTOR"])
    #expect(lines.last?.suffix(3) == ["kube-proxy", "registry.k8s.io/kube-proxy:v1.32.0", "k8s-app=kube-proxy"])
  }

  /// `get all` lists the core kinds, then DaemonSets, Deployments and ReplicaSets
  /// (`docs/reference/kubectl-output.md` §2: pod, service, daemonset, deployment, replicaset).
  @Test func getAllListsTheDaemonSet() {
    var terminal = Terminal()
    let output = terminal.run("kubectl get all -n kube-system").output
    let names = output.split(separator: "\n").compactMap { $0.split(separator: " ").first }.filter { $0.contains("/") }
    let kinds = names.map { $0.split(separator: "/")[0] }
    var order: [Substring] = []
    for kind in kinds where order.last != kind { order.append(kind) }
    #expect(order == ["pod", "service", "daemonset.apps", "deployment.apps", "replicaset.apps"])
    #expect(names.contains("daemonset.apps/kube-proxy"))
  }

  @Test func nodeAddFollowedByTheDaemonSet() {
    var terminal = Terminal()
    _ = terminal.run("sim node add worker-3")
    _ = terminal.run("sleep 30")
    let output = terminal.run("kubectl get ds kube-proxy -n kube-system").output
    #expect(
      output.split(separator: "\n").last?.split(separator: " ").prefix(6) == ["kube-proxy", "4", "4", "4", "4", "4"])
  }

  static func manifest(image: String, maxUnavailable: Int = 1, maxSurge: Int = 0) -> String {
    """
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent
    spec:
      selector:
        matchLabels: {app: agent}
      updateStrategy:
        rollingUpdate: {maxUnavailable: \(maxUnavailable), maxSurge: \(maxSurge)}
      template:
        metadata:
          labels: {app: agent}
        spec:
          containers:
          - name: agent
            image: \(image)
    """
  }

  /// A user's DaemonSet: one pod per schedulable node (not the tainted control plane);
  /// deleting it takes its pods along (background cascade).
  @Test func userDaemonSetRunsOnEveryWorkerAndGoesWithItsPods() {
    var terminal = Terminal(config: ClusterConfig(workers: 3, seed: 7))
    terminal.files.files["ds.yaml"] = Self.manifest(image: "fluent/fluent-bit:3.1")
    #expect(terminal.run("kubectl apply -f ds.yaml").output == "daemonset.apps/agent created\n")
    _ = terminal.run("kubectl rollout status ds/agent")
    let pods = terminal.cluster.listPods(namespace: "default")
    #expect(pods.count == 3)
    #expect(Set(pods.compactMap(\.spec.nodeName)) == ["worker-1", "worker-2", "worker-3"])
    #expect(terminal.run("kubectl apply -f ds.yaml").output == "daemonset.apps/agent unchanged\n")
    #expect(terminal.run("kubectl delete ds agent").output == "daemonset.apps \"agent\" deleted\n")
    _ = terminal.run("sleep 60")
    #expect(terminal.cluster.listPods(namespace: "default").isEmpty)
  }

  /// RollingUpdate without surge (`docs/reference/controllers.md` §4.1): at every instant of the update, at
  /// most `maxUnavailable` eligible nodes lack an available pod, and in the end every node
  /// runs the new template.
  @Test(arguments: [1, 2])
  func rollingUpdateKeepsWithinMaxUnavailable(maxUnavailable: Int) throws {
    var terminal = Terminal(config: ClusterConfig(workers: 5, seed: 3))
    terminal.files.files["ds.yaml"] = Self.manifest(image: "fluent/fluent-bit:3.1", maxUnavailable: maxUnavailable)
    _ = terminal.run("kubectl apply -f ds.yaml")
    _ = terminal.run("kubectl rollout status ds/agent")
    terminal.files.files["ds.yaml"] = Self.manifest(image: "fluent/fluent-bit:3.2", maxUnavailable: maxUnavailable)
    #expect(terminal.run("kubectl apply -f ds.yaml").output == "daemonset.apps/agent configured\n")
    var done = false
    for _ in 0..<300 where !done {
      let pods = terminal.cluster.listPods(namespace: "default")
      let workers = (1...5).map { "worker-\($0)" }
      let lacking = workers.filter { node in
        !pods.contains { $0.spec.nodeName == node && $0.isReady && $0.metadata.deletionTimestamp == nil }
      }
      #expect(lacking.count <= maxUnavailable, "at \(terminal.cluster.now): \(lacking)")
      done =
        pods.count == 5
        && pods.allSatisfy { $0.isReady && $0.spec.containers[0].image == "fluent/fluent-bit:3.2" }
      _ = terminal.run("sleep 1")
    }
    #expect(done)
    let events = terminal.run("kubectl get events").output
    #expect(events.contains("SuccessfulDelete"))
  }

  /// RollingUpdate with surge (`update.go`): with maxUnavailable 0 every node keeps an
  /// available pod throughout, no node runs more than two, no more than `maxSurge` nodes have
  /// a new pod beside an old one, and in the end every node runs the new template alone.
  @Test(arguments: [1, 2])
  func surgingUpdateKeepsEveryNodeServing(maxSurge: Int) throws {
    var terminal = Terminal(config: ClusterConfig(workers: 5, seed: 3))
    terminal.files.files["ds.yaml"] = Self.manifest(image: "nginx:1.26", maxUnavailable: 0, maxSurge: maxSurge)
    _ = terminal.run("kubectl apply -f ds.yaml")
    _ = terminal.run("kubectl rollout status ds/agent")
    terminal.files.files["ds.yaml"] = Self.manifest(image: "nginx:1.27", maxUnavailable: 0, maxSurge: maxSurge)
    _ = terminal.run("kubectl apply -f ds.yaml")
    var done = false
    var sawTwoOnANode = false
    for _ in 0..<300 where !done {
      let pods = terminal.cluster.listPods(namespace: "default").filter { $0.metadata.deletionTimestamp == nil }
      for node in (1...5).map({ "worker-\($0)" }) {
        let here = pods.filter { $0.spec.nodeName == node }
        #expect(here.count <= 2, "at \(terminal.cluster.now) on \(node)")
        #expect(here.contains { $0.isReady }, "at \(terminal.cluster.now): \(node) has no ready pod")
        if here.count == 2 { sawTwoOnANode = true }
      }
      let doubled = Set(pods.compactMap(\.spec.nodeName)).filter { node in
        pods.filter { $0.spec.nodeName == node }.count == 2
      }
      #expect(doubled.count <= maxSurge)
      done = pods.count == 5 && pods.allSatisfy { $0.isReady && $0.spec.containers[0].image == "nginx:1.27" }
      _ = terminal.run("sleep 1")
    }
    #expect(done)
    #expect(sawTwoOnANode)
  }

  /// `docs/reference/kubectl-output.md`'s DaemonSet status table: a new node's pod is updated at once but
  /// not yet available, then the rollout is done.
  @Test func rolloutStatusFollowsANewNode() {
    var terminal = Terminal()
    #expect(
      terminal.run("kubectl rollout status ds/kube-proxy -n kube-system").output
        == "daemon set \"kube-proxy\" successfully rolled out\n")
    _ = terminal.run("sim node add worker-3")
    #expect(
      terminal.run("kubectl rollout status daemonset kube-proxy -n kube-system").output == """
        Waiting for daemon set "kube-proxy" rollout to finish: 3 of 4 updated pods are available...
        daemon set "kube-proxy" successfully rolled out

        """)
  }

  /// A fresh `default` namespace holds only the API server's Service; `get all` still prefixes
  /// the kind, as every captured `kubectl get all` on a new cluster shows, and kube-dns sits
  /// at the well-known 10.96.0.10 (`docs/reference/kubectl-output.md` §3.9 columns).
  @Test func builtInServices() {
    var terminal = Terminal()
    #expect(
      terminal.run("kubectl get all").output == """
        NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
        service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   10m

        """)
    #expect(
      terminal.run("kubectl get svc -n kube-system -o wide").output == """
        NAME       TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE   SELECTOR
        kube-dns   ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   10m   k8s-app=kube-dns

        """)
  }

  /// A deleted mirror pod comes back at once under the same name with a new uid (the kubelet
  /// posts a new mirror of the static pod, which never stopped), and `kubectl delete` waits
  /// only for the old uid.
  @Test func deletedMirrorPodIsPostedAgain() throws {
    var terminal = Terminal()
    let before = try #require(terminal.cluster.pod("etcd-control-plane", namespace: "kube-system"))
    let start = terminal.cluster.now
    #expect(
      terminal.run("kubectl delete pod etcd-control-plane -n kube-system").output
        == "pod \"etcd-control-plane\" deleted\n")
    #expect(terminal.cluster.now.milliseconds - start.milliseconds < 5000)
    let after = try #require(terminal.cluster.pod("etcd-control-plane", namespace: "kube-system"))
    #expect(after.metadata.uid != before.metadata.uid)
    #expect(after.metadata.creationTimestamp > before.metadata.creationTimestamp)
    #expect(after.isReady)
    #expect(after.status.containerStatuses.map(\.restartCount) == [0])
    #expect(after.metadata.annotations["kubernetes.io/config.mirror"] != nil)
  }
}
