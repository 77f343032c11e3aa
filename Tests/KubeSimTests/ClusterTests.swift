import Testing

@testable import KubeSim

@Suite struct ClusterTests {
  func nginx(_ name: String = "nginx") -> Pod {
    Pod(metadata: ObjectMeta(name: name), spec: PodSpec(containers: [Container(name: "nginx", image: "nginx")]))
  }

  @Test func systemPodsRunInKubeSystem() {
    let cluster = Cluster()
    let system = cluster.listPods(namespace: "kube-system")
    let names = system.map(\.metadata.name)
    for component in ["etcd", "kube-apiserver", "kube-controller-manager", "kube-scheduler"] {
      #expect(names.contains("\(component)-control-plane"))
    }
    #expect(names.filter { $0.hasPrefix("coredns-") }.count == 2)
    #expect(system.allSatisfy { $0.isReady })
    // Everything but kube-proxy (one per node) runs on the control plane.
    #expect(
      system.filter { !$0.metadata.name.hasPrefix("kube-proxy-") }.allSatisfy { $0.spec.nodeName == "control-plane" })
    let proxies = system.filter { $0.metadata.name.hasPrefix("kube-proxy-") }
    #expect(proxies.compactMap(\.spec.nodeName).sorted() == ["control-plane", "worker-1", "worker-2"])
    let etcd = cluster.pod("etcd-control-plane", namespace: "kube-system")!
    #expect(etcd.status.podIP == cluster.nodes["control-plane"]!.status.internalIP, "host network")
    #expect(cluster.listPods(namespace: "default").isEmpty)
  }

  /// Static pods reach the API server as mirror pods: the ServiceAccount admission plugin
  /// skips them (no service account, no token volume), and the kubelet marks them with
  /// `kubernetes.io/config.mirror` (the manifest hash) and `config.seen` in RFC 3339 with nanoseconds.
  @Test func staticPodsAreMirrorPods() throws {
    let cluster = Cluster()
    let etcd = try #require(cluster.pod("etcd-control-plane", namespace: "kube-system"))
    #expect(etcd.spec.serviceAccountName.isEmpty)
    #expect(etcd.spec.tokenVolumeName == nil)
    #expect(
      etcd.metadata.annotations["kubernetes.io/config.mirror"] == etcd.metadata.annotations["kubernetes.io/config.hash"]
    )
    let seen = try #require(etcd.metadata.annotations["kubernetes.io/config.seen"])
    #expect(seen.hasPrefix("2025-03-03T08:50:00.") && seen.hasSuffix("Z"))
    #expect(
      etcd.metadata.annotations["kubeadm.kubernetes.io/etcd.advertise-client-urls"] == "https://172.18.0.2:2379")
    #expect(ClusterBootstrap.seen(Timestamp(milliseconds: 0), nanoseconds: 120_000_000) == "1970-01-01T00:00:00.12Z")
    #expect(ClusterBootstrap.seen(Timestamp(milliseconds: 0), nanoseconds: 0) == "1970-01-01T00:00:00Z")
  }

  @Test func defaultClusterIsKubeadmLike() {
    let cluster = Cluster()
    #expect(cluster.sortedNodes.map(\.metadata.name) == ["control-plane", "worker-1", "worker-2"])
    let controlPlane = cluster.nodes["control-plane"]!
    #expect(controlPlane.spec.taints == [Taint(key: "node-role.kubernetes.io/control-plane", effect: .noSchedule)])
    #expect(controlPlane.metadata.labels["node-role.kubernetes.io/control-plane"] == "")
    #expect(cluster.namespaces.keys.sorted() == ["default", "kube-node-lease", "kube-public", "kube-system"])
  }

  /// `docs/reference/controllers.md` §7.3: Pending (unscheduled) → ContainerCreating → Running.
  @Test func podLifeCycleInVirtualTime() throws {
    var cluster = Cluster()
    try cluster.createPod(nginx())
    var pod = cluster.pod("nginx", namespace: "default")!
    #expect(pod.status.phase == .pending)
    #expect(pod.spec.nodeName == nil)
    try cluster.settle()
    pod = cluster.pod("nginx", namespace: "default")!
    #expect(pod.spec.nodeName != nil)
    #expect(pod.status.containerStatuses.first?.state == .waiting(reason: "ContainerCreating", message: nil))
    #expect(pod.status.podIP == nil)
    try cluster.advance(seconds: 1)
    #expect(cluster.pod("nginx", namespace: "default")!.status.podIP != nil)
    try cluster.advance(seconds: 10)
    pod = cluster.pod("nginx", namespace: "default")!
    #expect(pod.status.phase == .running)
    #expect(pod.isReady)
    #expect(
      pod.status.conditions.map(\.type) == [
        "PodReadyToStartContainers", "Initialized", "Ready", "ContainersReady", "PodScheduled",
      ])
  }

  @Test func imagesAreFasterTheSecondTimeOnANode() throws {
    var cluster = Cluster(config: ClusterConfig(workers: 1))
    var first = nginx("a")
    first.spec.containers[0].image = "nginx:1.27"
    try cluster.createPod(first)
    try cluster.advance(seconds: 60)
    let firstPlan = cluster.kubelet.runtimes[cluster.pod("a", namespace: "default")!.metadata.uid]!
    var second = nginx("b")
    second.spec.containers[0].image = "nginx:1.27"
    try cluster.createPod(second)
    try cluster.settle()
    let secondPlan = cluster.kubelet.runtimes[cluster.pod("b", namespace: "default")!.metadata.uid]!
    let firstDuration = firstPlan.containers[0].started.milliseconds - firstPlan.bound.milliseconds
    let secondDuration = secondPlan.containers[0].started.milliseconds - secondPlan.bound.milliseconds
    #expect(secondDuration < firstDuration)
  }

  @Test func controlPlaneTaintKeepsPodsOnWorkers() throws {
    var cluster = Cluster(config: ClusterConfig(workers: 2))
    for index in 0..<6 { try cluster.createPod(nginx("p\(index)")) }
    try cluster.settle()
    let nodes = cluster.listPods(namespace: "default").compactMap(\.spec.nodeName)
    #expect(!nodes.contains("control-plane"))
    #expect(nodes.filter { $0 == "worker-1" }.count == 3)
    #expect(nodes.filter { $0 == "worker-2" }.count == 3)
  }

  /// nginx stops as soon as the kubelet signals it (`docs/reference/controllers.md` §7.3: Terminating for *up to*
  /// the grace period; the pod goes once its containers have exited), well inside the 30 s.
  @Test func serverStopsOnTheSignal() throws {
    var cluster = Cluster()
    try cluster.createPod(nginx())
    try cluster.advance(seconds: 10)
    try cluster.deletePod("nginx", namespace: "default")
    #expect(cluster.pod("nginx", namespace: "default")?.metadata.deletionTimestamp != nil)
    try cluster.advance(seconds: 2)
    #expect(cluster.pod("nginx", namespace: "default") == nil)
  }

  /// A shell running `sleep` as PID 1 has no SIGTERM handler: the kubelet kills it when the
  /// 30 s grace period ends.
  @Test func signalIgnoringContainerTakesTheGracePeriod() throws {
    var cluster = Cluster()
    var container = Container(name: "sleeper", image: "busybox")
    container.command = ["sleep", "3600"]
    try cluster.createPod(Pod(metadata: ObjectMeta(name: "sleeper"), spec: PodSpec(containers: [container])))
    try cluster.advance(seconds: 10)
    try cluster.deletePod("sleeper", namespace: "default")
    try cluster.advance(seconds: 29)
    #expect(cluster.pod("sleeper", namespace: "default") != nil)
    try cluster.advance(seconds: 1)
    #expect(cluster.pod("sleeper", namespace: "default") == nil)
  }

  @Test func sameSeedSameNamesDifferentSeedDifferentNames() throws {
    func run(seed: UInt64) throws -> [String] {
      var cluster = Cluster(config: ClusterConfig(seed: seed))
      try cluster.createPod(nginx())
      try cluster.advance(seconds: 30)
      let pod = cluster.pod("nginx", namespace: "default")!
      return [pod.metadata.uid, pod.spec.tokenVolumeName ?? "", pod.status.podIP ?? ""]
    }
    #expect(try run(seed: 7) == run(seed: 7))
    #expect(try run(seed: 7) != run(seed: 8))
  }

  @Test func timeAdvanceIsBounded() {
    var cluster = Cluster()
    #expect(throws: APIError.self) { try cluster.advance(seconds: 3661 * 86400) }
  }

  @Test func podCountIsBounded() throws {
    var config = ClusterConfig()
    let systemPods = Cluster().pods.count
    config.limits.maxPods = systemPods + 3
    var cluster = Cluster(config: config)
    for index in 0..<3 { try cluster.createPod(nginx("p\(index)")) }
    #expect(throws: APIError.self) { try cluster.createPod(nginx("p3")) }
  }

  @Test func unknownNamespaceIsNotFound() {
    var cluster = Cluster()
    var pod = nginx()
    pod.metadata.namespace = "dev"
    #expect(throws: APIError.notFound(resource: "namespaces", name: "dev")) { try cluster.createPod(pod) }
  }
}

@Suite struct NameGeneratorTests {
  @Test func generatedNamesHaveTheRealShape() {
    var generator = NameGenerator(seed: 1)
    for _ in 0..<100 {
      let name = generator.generateName(base: "nginx-7854ff8877-")
      #expect(name.hasPrefix("nginx-7854ff8877-"))
      let suffix = name.dropFirst("nginx-7854ff8877-".count)
      #expect(suffix.count == 5)
      #expect(suffix.allSatisfy { NameGenerator.alphabet.contains($0) })
    }
  }

  @Test func longBasesAreCutTo58Characters() {
    var generator = NameGenerator(seed: 1)
    #expect(generator.generateName(base: String(repeating: "a", count: 70)).count == 63)
  }

  /// `docs/reference/controllers.md` §0.2: decimal 1335831723 encodes to `5779d75c67`.
  @Test func safeEncoding() {
    #expect(NameGenerator.safeEncode("1335831723") == "5779d75c67")
  }

  @Test func uuidsAreVersion4() {
    var generator = NameGenerator(seed: 3)
    let uuid = generator.uuid()
    let parts = uuid.split(separator: "-")
    #expect(parts.map(\.count) == [8, 4, 4, 4, 12])
    #expect(parts[2].first == "4")
    #expect("89ab".contains(parts[3].first!))
  }
}

@Suite struct TimestampTests {
  @Test(
    arguments: [
      (0, "1970-01-01T00:00:00Z"), (951_782_400, "2000-02-29T00:00:00Z"), (1_740_992_400, "2025-03-03T09:00:00Z"),
      (4_102_444_799, "2099-12-31T23:59:59Z"), (-1, "1969-12-31T23:59:59Z"),
    ] as [(Int64, String)])
  func rfc3339(seconds: Int64, text: String) {
    #expect(Timestamp(seconds: seconds).rfc3339 == text)
  }
}
