import Testing

@testable import KubeSim

/// The Deployment and ReplicaSet controllers against `docs/reference/controllers.md` §1, §2 and the worked
/// rolling updates of §9.
@Suite struct DeploymentControllerTests {
  func deployment(_ name: String = "web", replicas: Int, image: String = "nginx:1.26") -> Deployment {
    let labels = ["app": name]
    var d = Deployment(
      metadata: ObjectMeta(name: name, namespace: "default", labels: labels),
      selector: SelectorSpec(matchLabels: labels),
      template: PodTemplate(labels: labels, spec: PodSpec(containers: [Container(name: "nginx", image: image)])))
    d.replicas = replicas
    return d
  }

  func scalingEvents(_ cluster: Cluster) -> [String] {
    cluster.events.filter { $0.reason == "ScalingReplicaSet" && $0.namespace == "default" }.map(\.message)
  }

  /// Rolls `d` to a new image and checks the invariants at every step of virtual time.
  func roll(_ cluster: inout Cluster, name: String, to image: String) throws {
    var d = cluster.deployments["default/\(name)"]!
    d.template.spec.containers[0].image = image
    try cluster.updateDeployment(d)
    let (surge, unavailable) = d.fenceposts
    try cluster.advance(
      until: cluster.now.adding(seconds: 600),
      observe: { state in
        let sets = state.replicaSets.values.filter { $0.metadata.controller?.uid == d.metadata.uid }
        let total = sets.reduce(0) { $0 + $1.replicas }
        let available = sets.reduce(0) { $0 + $1.status.availableReplicas }
        #expect(total <= d.replicas + surge)
        #expect(available >= d.replicas - unavailable)
      },
      done: { state in
        let current = state.deployments["default/\(name)"]!
        return current.status.updatedReplicas == d.replicas && current.status.replicas == d.replicas
          && current.status.availableReplicas == d.replicas
      })
  }

  @Test func createMakesAReplicaSetAndPods() throws {
    var cluster = Cluster()
    try cluster.createDeployment(deployment(replicas: 3))
    try cluster.advance(seconds: 30)
    let sets = cluster.listReplicaSets(namespace: "default")
    #expect(sets.count == 1)
    let set = sets[0]
    let hash = set.metadata.labels["pod-template-hash"]!
    #expect(set.metadata.name == "web-" + hash)
    #expect(hash.allSatisfy { "456789bcdf".contains($0) })
    #expect(set.metadata.annotations["deployment.kubernetes.io/revision"] == "1")
    #expect(set.metadata.annotations["deployment.kubernetes.io/desired-replicas"] == "3")
    #expect(set.metadata.annotations["deployment.kubernetes.io/max-replicas"] == "4")
    let pods = cluster.pods(ownedBy: set.metadata.uid)
    #expect(pods.count == 3)
    #expect(pods.allSatisfy { $0.metadata.name.hasPrefix(set.metadata.name + "-") && $0.isReady })
    #expect(scalingEvents(cluster) == ["Scaled up replica set \(set.metadata.name) from 0 to 3"])
    let d = cluster.deployments["default/web"]!
    #expect(d.status.availableReplicas == 3)
    #expect(d.status.conditions.map(\.type) == ["Available", "Progressing"])
    #expect(d.status.conditions.map(\.reason) == ["MinimumReplicasAvailable", "NewReplicaSetAvailable"])
  }

  /// `docs/reference/controllers.md` §9 (a): replicas 3, 25 %/25 % → maxSurge 1, maxUnavailable 0.
  @Test func rollingUpdateExampleA() throws {
    var cluster = Cluster()
    try cluster.createDeployment(deployment(replicas: 3))
    try cluster.advance(seconds: 30)
    let old = cluster.listReplicaSets(namespace: "default")[0].metadata.name
    try roll(&cluster, name: "web", to: "nginx:1.27")
    let new = cluster.listReplicaSets(namespace: "default").first { $0.metadata.name != old }!.metadata.name
    #expect(
      scalingEvents(cluster).dropFirst() == [
        "Scaled up replica set \(new) from 0 to 1", "Scaled down replica set \(old) from 3 to 2",
        "Scaled up replica set \(new) from 1 to 2", "Scaled down replica set \(old) from 2 to 1",
        "Scaled up replica set \(new) from 2 to 3", "Scaled down replica set \(old) from 1 to 0",
      ])
    #expect(cluster.replicaSets["default/\(old)"]?.replicas == 0, "old ReplicaSet kept for history")
    #expect(cluster.replicaSets["default/\(new)"]?.metadata.annotations["deployment.kubernetes.io/revision"] == "2")
  }

  /// `docs/reference/controllers.md` §9 (b): replicas 4, maxSurge 1, maxUnavailable 1: the first sync both
  /// creates the new ReplicaSet and scales the old one down.
  @Test func rollingUpdateExampleB() throws {
    var cluster = Cluster()
    var d = deployment(replicas: 4)
    d.strategy = .rollingUpdate(maxSurge: .int(1), maxUnavailable: .int(1))
    try cluster.createDeployment(d)
    try cluster.advance(seconds: 30)
    let old = cluster.listReplicaSets(namespace: "default")[0].metadata.name
    try roll(&cluster, name: "web", to: "nginx:1.27")
    let events = Array(scalingEvents(cluster).dropFirst())
    let new = cluster.listReplicaSets(namespace: "default").first { $0.metadata.name != old }!.metadata.name
    #expect(
      events.prefix(2) == ["Scaled up replica set \(new) from 0 to 1", "Scaled down replica set \(old) from 4 to 3"])
    #expect(
      events.last == "Scaled down replica set \(old) from 1 to 0"
        || events.last?.hasPrefix("Scaled down replica set \(old)") == true)
  }

  @Test func recreateScalesOldToZeroBeforeCreatingNew() throws {
    var cluster = Cluster()
    var d = deployment(replicas: 2)
    d.strategy = .recreate
    try cluster.createDeployment(d)
    try cluster.advance(seconds: 30)
    let old = cluster.listReplicaSets(namespace: "default")[0].metadata.name
    var updated = cluster.deployments["default/web"]!
    updated.template.spec.containers[0].image = "nginx:1.27"
    try cluster.updateDeployment(updated)
    try cluster.settle()
    #expect(cluster.listReplicaSets(namespace: "default").count == 1, "no new ReplicaSet while old pods exist")
    try cluster.advance(seconds: 60)
    let new = cluster.listReplicaSets(namespace: "default").first { $0.metadata.name != old }!.metadata.name
    #expect(
      scalingEvents(cluster).dropFirst() == [
        "Scaled down replica set \(old) from 2 to 0", "Scaled up replica set \(new) from 0 to 2",
      ])
  }

  /// `docs/reference/controllers.md` §1.2 table for the 25 %/25 % defaults.
  @Test(arguments: [(1, 1, 0), (2, 1, 0), (3, 1, 0), (4, 1, 1), (5, 2, 1), (10, 3, 2)])
  func fenceposts(replicas: Int, surge: Int, unavailable: Int) {
    var d = deployment(replicas: replicas)
    d.replicas = replicas
    #expect(d.fenceposts == (surge, unavailable))
  }

  @Test func scaleDownDeletesNewestPodsFirst() throws {
    var cluster = Cluster()
    try cluster.createDeployment(deployment(replicas: 2))
    try cluster.advance(seconds: 30)
    var d = cluster.deployments["default/web"]!
    d.replicas = 3
    try cluster.updateDeployment(d)
    try cluster.settle()
    let set = cluster.listReplicaSets(namespace: "default")[0]
    let youngest = cluster.pods(ownedBy: set.metadata.uid).max {
      $0.metadata.creationTimestamp < $1.metadata.creationTimestamp
    }!
    d = cluster.deployments["default/web"]!
    d.replicas = 2
    try cluster.updateDeployment(d)
    try cluster.settle()
    // The youngest pod is going (or, never having started, already gone); the others stay.
    let victim = cluster.pod(youngest.metadata.name, namespace: "default")
    #expect(victim == nil || victim?.metadata.deletionTimestamp != nil)
    #expect(cluster.pods(ownedBy: set.metadata.uid).filter { $0.metadata.deletionTimestamp == nil }.count == 2)
  }

  @Test func backgroundDeleteRemovesReplicaSetsAndPods() throws {
    var cluster = Cluster()
    try cluster.createDeployment(deployment(replicas: 2))
    try cluster.advance(seconds: 30)
    cluster.deleteWorkload(kind: "Deployment", name: "web", namespace: "default", propagation: .background)
    try cluster.settle()
    #expect(cluster.listReplicaSets(namespace: "default").isEmpty)
    #expect(cluster.listPods(namespace: "default").allSatisfy { $0.metadata.deletionTimestamp != nil })
    try cluster.advance(seconds: 31)
    #expect(cluster.listPods(namespace: "default").isEmpty)
  }

  @Test func orphanDeleteKeepsPods() throws {
    var cluster = Cluster()
    try cluster.createDeployment(deployment(replicas: 2))
    try cluster.advance(seconds: 30)
    let set = cluster.listReplicaSets(namespace: "default")[0]
    cluster.deleteWorkload(
      kind: "ReplicaSet", name: set.metadata.name, namespace: "default", propagation: .orphan)
    cluster.deleteWorkload(kind: "Deployment", name: "web", namespace: "default", propagation: .orphan)
    try cluster.advance(seconds: 60)
    #expect(cluster.listPods(namespace: "default").count == 2)
    #expect(cluster.listPods(namespace: "default").allSatisfy { $0.metadata.ownerReferences.isEmpty })
  }

  @Test func foregroundDeleteWaitsForDependents() throws {
    var cluster = Cluster()
    try cluster.createDeployment(deployment(replicas: 2))
    try cluster.advance(seconds: 30)
    cluster.deleteWorkload(kind: "Deployment", name: "web", namespace: "default", propagation: .foreground)
    try cluster.settle()
    #expect(cluster.deployments["default/web"] != nil, "visible while its pods terminate")
    try cluster.advance(seconds: 31)
    #expect(cluster.deployments["default/web"] == nil)
    #expect(cluster.listReplicaSets(namespace: "default").isEmpty)
    #expect(cluster.listPods(namespace: "default").isEmpty)
  }

  @Test func sameSeedSameHashesAndNames() throws {
    func names() throws -> [String] {
      var cluster = Cluster()
      try cluster.createDeployment(deployment(replicas: 3))
      try cluster.advance(seconds: 10)
      return cluster.listPods(namespace: "default").map(\.metadata.name)
    }
    #expect(try names() == names())
  }
}

/// Proportional scaling, progress deadlines, ReplicaSet selectors and ReplicationControllers.
@Suite struct ControllerBehaviourTests {
  func deployment(replicas: Int, surge: IntOrPercent, unavailable: IntOrPercent) -> Deployment {
    var d = Deployment(
      metadata: ObjectMeta(name: "web", namespace: "default", labels: ["app": "web"]),
      selector: SelectorSpec(matchLabels: ["app": "web"]),
      template: PodTemplate(
        labels: ["app": "web"], spec: PodSpec(containers: [Container(name: "web", image: "nginx:1")])))
    d.replicas = replicas
    d.strategy = .rollingUpdate(maxSurge: surge, maxUnavailable: unavailable)
    return d
  }

  /// `docs/reference/controllers.md` §1.7 worked example: 10 replicas, maxSurge 3, maxUnavailable 2, mid-rollout
  /// with old 8 and new 5, scaled to 15 → old 11, new 7.
  @Test func proportionalScalingWorkedExample() throws {
    var cluster = Cluster(config: ClusterConfig(workers: 4))
    try cluster.createDeployment(deployment(replicas: 10, surge: .int(3), unavailable: .int(2)))
    try cluster.advance(seconds: 60)
    cluster.markImageMissing("nginx:2")  // keeps the rollout from finishing
    var d = cluster.deployments["default/web"]!
    d.template.spec.containers[0].image = "nginx:2"
    try cluster.updateDeployment(d)
    try cluster.advance(seconds: 30)
    let (newSet, all) = cluster.replicaSets(of: cluster.deployments["default/web"]!)
    let old = all.first { $0.metadata.uid != newSet!.metadata.uid }!
    #expect(old.replicas == 8)
    #expect(newSet!.replicas == 5)
    d = cluster.deployments["default/web"]!
    d.replicas = 15
    try cluster.updateDeployment(d)
    try cluster.settle()
    #expect(cluster.replicaSets[Cluster.key(old.metadata)]!.replicas == 11)
    #expect(cluster.replicaSets[Cluster.key(newSet!.metadata)]!.replicas == 7)
    let messages = cluster.events.filter { $0.reason == "ScalingReplicaSet" }.suffix(2).map(\.message)
    #expect(
      messages == [
        "Scaled up replica set \(old.metadata.name) from 8 to 11",
        "Scaled up replica set \(newSet!.metadata.name) from 5 to 7",
      ])
  }

  /// `docs/reference/controllers.md` §1.11: no progress for progressDeadlineSeconds → ProgressDeadlineExceeded.
  @Test func progressDeadlineExceeded() throws {
    var cluster = Cluster()
    var d = deployment(replicas: 2, surge: .percent(25), unavailable: .percent(25))
    d.progressDeadlineSeconds = 60
    try cluster.createDeployment(d)
    try cluster.advance(seconds: 30)
    cluster.markImageMissing("nginx:2")
    d = cluster.deployments["default/web"]!
    d.template.spec.containers[0].image = "nginx:2"
    try cluster.updateDeployment(d)
    try cluster.advance(seconds: 120)
    let progressing = cluster.deployments["default/web"]!.status.conditions.first { $0.type == "Progressing" }!
    #expect(progressing.status == .false)
    #expect(progressing.reason == "ProgressDeadlineExceeded")
    #expect(progressing.message.hasSuffix("has timed out progressing."))
  }

  /// `docs/reference/controllers.md` §0.5–§0.6: set-based selectors, adoption of matching orphans.
  @Test func replicaSetWithSetBasedSelectorAdoptsMatchingOrphans() throws {
    var cluster = Cluster()
    for (name, tier) in [("a", "frontend"), ("b", "backend"), ("c", "cache")] {
      try cluster.createPod(
        Pod(
          metadata: ObjectMeta(name: name, namespace: "default", labels: ["tier": tier]),
          spec: PodSpec(containers: [Container(name: "x", image: "nginx")])))
    }
    let selector = SelectorSpec(
      matchLabels: [:], matchExpressions: [.init(key: "tier", op: .known(.in), values: ["frontend", "backend"])])
    try cluster.createReplicaSet(
      ReplicaSet(
        metadata: ObjectMeta(name: "rs", namespace: "default"), replicas: 3, selector: selector,
        template: PodTemplate(
          labels: ["tier": "frontend"], spec: PodSpec(containers: [Container(name: "x", image: "nginx")]))))
    try cluster.advance(seconds: 20)
    let set = cluster.replicaSets["default/rs"]!
    let owned = Set(cluster.pods(ownedBy: set.metadata.uid).map(\.metadata.name))
    #expect(owned.contains("a") && owned.contains("b"))
    #expect(!owned.contains("c"))
    #expect(owned.count == 3, "two adopted, one created")
  }

  /// A ReplicationController keeps its count with an equality selector.
  @Test func replicationControllerReplacesDeletedPods() throws {
    var cluster = Cluster()
    try cluster.createReplicationController(
      ReplicationController(
        metadata: ObjectMeta(name: "rc", namespace: "default"), replicas: 2, selector: ["app": "rc"],
        template: PodTemplate(labels: ["app": "rc"], spec: PodSpec(containers: [Container(name: "x", image: "nginx")])))
    )
    try cluster.advance(seconds: 20)
    let first = cluster.listPods(namespace: "default")[0]
    try cluster.deletePod(first.metadata.name, namespace: "default")
    try cluster.settle()
    let active = cluster.listPods(namespace: "default").filter { $0.metadata.deletionTimestamp == nil }
    #expect(active.count == 2)
    #expect(active.allSatisfy { $0.metadata.name.hasPrefix("rc-") })
    #expect(cluster.replicationControllers["default/rc"]!.status.replicas == 2)
  }
}

/// Resource requests in scheduling (`pkg/scheduler/framework/types.go`, FitError: the
/// "<count> <reason>" strings sorted, then the preemption summary).
@Suite struct ResourceSchedulingTests {
  @Test func podsThatDoNotFitStayPendingWithTheSchedulersMessage() throws {
    var cluster = Cluster()
    var container = Container(name: "app", image: "nginx")
    container.resources.requests = ["cpu": 1500, "memory": 256 << 20]
    container.resources.limits = ["memory": 256 << 20]
    var d = Deployment(
      metadata: ObjectMeta(name: "big", namespace: "default", labels: ["app": "big"]),
      selector: SelectorSpec(matchLabels: ["app": "big"]),
      template: PodTemplate(labels: ["app": "big"], spec: PodSpec(containers: [container])))
    d.replicas = 6
    try cluster.createDeployment(d)
    try cluster.advance(seconds: 20)
    let pods = cluster.listPods(namespace: "default")
    #expect(pods.filter { $0.spec.nodeName != nil }.count == 4, "two 4-CPU workers take two 1.5-CPU pods each")
    #expect(pods.allSatisfy { $0.qosClass == "Burstable" })
    let failed = cluster.events.first { $0.reason == "FailedScheduling" }
    #expect(
      failed?.message
        == "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod."
    )
  }

  @Test(
    arguments: [
      ("cpu", "250m", 250), ("cpu", "0.5", 500), ("cpu", "2", 2000), ("memory", "64Mi", 64 << 20),
      ("memory", "1Gi", 1 << 30),
    ] as [(String, String, Int64)])
  func quantities(resource: String, text: String, value: Int64) {
    #expect(ResourceRequirements.parse(resource, text) == value)
  }

  @Test(
    arguments: [("cpu", 500, "500m"), ("cpu", 2000, "2"), ("memory", 256 << 20, "256Mi"), ("memory", 1 << 30, "1Gi")]
      as [(String, Int64, String)])
  func canonicalQuantities(resource: String, value: Int64, text: String) {
    #expect(ResourceRequirements.format(resource, value) == text)
  }
}
