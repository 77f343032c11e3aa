import Testing

@testable import KubeSim

/// The DaemonSet controller (`docs/reference/controllers.md` §4.1), through the kube-proxy DaemonSet every
/// cluster boots with.
@Suite struct DaemonSetControllerTests {
  func proxies(_ cluster: Cluster) -> [Pod] {
    cluster.listPods(namespace: "kube-system").filter { $0.metadata.controller?.kind == "DaemonSet" }
  }

  @Test func podsArePinnedLabelledAndTolerateNodeProblems() throws {
    let cluster = Cluster()
    let set = try #require(cluster.daemonSets["kube-system/kube-proxy"])
    for pod in proxies(cluster) {
      #expect(pod.spec.requiredNodeName == pod.spec.nodeName)
      #expect(pod.metadata.labels["k8s-app"] == "kube-proxy")
      #expect(pod.metadata.labels["pod-template-generation"] == "1")
      #expect(
        pod.metadata.labels["controller-revision-hash"] == PodTemplateHash.compute(set.template, collisionCount: nil))
      for key in ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"] {
        // The controller's own toleration has no time limit, so the 300 s default is not added.
        #expect(
          pod.spec.tolerations.contains {
            $0.key == key && $0.effect?.value == .noExecute && $0.tolerationSeconds == nil
          })
        #expect(!pod.spec.tolerations.contains { $0.key == key && $0.tolerationSeconds != nil })
      }
      #expect(pod.spec.tolerations.contains { $0.key == "node.kubernetes.io/network-unavailable" }, "host network")
    }
    #expect(set.status.desiredNumberScheduled == 3)
    #expect(set.status.currentNumberScheduled == 3)
    #expect(set.status.numberReady == 3)
    #expect(set.status.numberAvailable == 3)
    #expect(set.status.updatedNumberScheduled == 3)
    #expect(set.metadata.annotations["deprecated.daemonset.template.generation"] == "1")
  }

  @Test func newNodeGetsAPodAndADeletedPodComesBack() throws {
    var cluster = Cluster()
    cluster.addNode(name: "worker-3", controlPlane: false, created: cluster.now)
    try cluster.advance(seconds: 30)
    #expect(
      proxies(cluster).compactMap(\.spec.nodeName).sorted() == ["control-plane", "worker-1", "worker-2", "worker-3"])
    #expect(cluster.daemonSets["kube-system/kube-proxy"]?.status.numberAvailable == 4)
    let victim = try #require(proxies(cluster).first { $0.spec.nodeName == "worker-1" })
    try cluster.deletePod(victim.metadata.name, namespace: "kube-system", gracePeriod: 0)
    try cluster.settle()
    let replacement = try #require(proxies(cluster).first { $0.spec.nodeName == "worker-1" })
    #expect(replacement.metadata.name != victim.metadata.name)
  }

  /// A cordoned node keeps (and would get) its daemon pod: the pods tolerate `unschedulable`.
  @Test func cordonedNodesStillRunDaemonPods() throws {
    var cluster = Cluster()
    _ = try cluster.setUnschedulable("worker-1", true)
    let victim = try #require(proxies(cluster).first { $0.spec.nodeName == "worker-1" })
    try cluster.deletePod(victim.metadata.name, namespace: "kube-system", gracePeriod: 0)
    try cluster.advance(seconds: 30)
    #expect(proxies(cluster).contains { $0.spec.nodeName == "worker-1" && $0.isReady })
  }

  /// `NodeShouldRunDaemonPod`: an untolerated NoSchedule taint stops new pods but lets a running
  /// one stay; an untolerated NoExecute taint evicts it; a selector mismatch rules the node out.
  @Test func eligibility() {
    let template = PodTemplate(labels: ["app": "agent"], spec: PodSpec(containers: [Container(name: "a", image: "a")]))
    var set = DaemonSet(
      metadata: ObjectMeta(name: "agent"), selector: SelectorSpec(matchLabels: ["app": "agent"]), template: template)
    var node = Node(
      metadata: ObjectMeta(name: "n", labels: ["kubernetes.io/os": "linux"]), spec: NodeSpec(podCIDR: "10.244.9.0/24"),
      status: NodeStatus(internalIP: "172.18.0.9", cpuMillis: 1000, memoryBytes: 1 << 30))
    #expect(DaemonSetController.eligibility(of: set, on: node) == (true, true))
    node.spec.taints = [Taint(key: "dedicated", value: "db", effect: .noSchedule)]
    #expect(DaemonSetController.eligibility(of: set, on: node) == (false, true))
    node.spec.taints = [Taint(key: "dedicated", value: "db", effect: .noExecute)]
    #expect(DaemonSetController.eligibility(of: set, on: node) == (false, false))
    set.template.spec.tolerations = [Toleration(key: "dedicated", operator: .known(.equal), value: "db")]
    #expect(DaemonSetController.eligibility(of: set, on: node) == (true, true))
    node.spec.taints = [Taint(key: "node.kubernetes.io/unschedulable", effect: .noSchedule)]
    #expect(DaemonSetController.eligibility(of: set, on: node) == (true, true))
    set.template.spec.nodeSelector = ["disk": "ssd"]
    #expect(DaemonSetController.eligibility(of: set, on: node) == (false, false))
  }

  /// A failed node's daemon pod is never evicted (its toleration has no time limit), unlike a
  /// Deployment's pod, which goes after 300 s.
  @Test func daemonPodsSurviveNodeFailure() throws {
    var cluster = Cluster()
    try cluster.failNode("worker-1")
    try cluster.advance(seconds: 600)
    let proxy = try #require(proxies(cluster).first { $0.spec.nodeName == "worker-1" })
    #expect(proxy.metadata.deletionTimestamp == nil)
    #expect(!proxy.isReady)
  }
}
