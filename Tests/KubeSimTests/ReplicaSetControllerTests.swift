import Testing

@testable import KubeSim

/// The ReplicaSet controller's choice of pods to delete.
@Suite struct ReplicaSetControllerTests {
  /// A cluster with the ReplicaSet `web` of `replicas` ready pods.
  func cluster(replicas: Int) throws -> Cluster {
    var cluster = Cluster()
    let labels = ["app": "web"]
    let set = ReplicaSet(
      metadata: ObjectMeta(name: "web", namespace: "default", labels: labels), replicas: replicas,
      selector: SelectorSpec(matchLabels: labels),
      template: PodTemplate(labels: labels, spec: PodSpec(containers: [Container(name: "nginx", image: "nginx:1.27")])))
    _ = try cluster.createReplicaSet(set)
    try cluster.advance(seconds: 30)
    return cluster
  }

  /// Deleting all pods does not depend on the order they are handed over in (which comes
  /// from a set): the same ranked order either way.
  @Test func deletingEveryPodGoesInRankOrderWhateverTheInputOrder() throws {
    let cluster = try cluster(replicas: 4)
    let set = try #require(cluster.replicaSets["default/web"])
    let pods = cluster.pods(ownedBy: set.metadata.uid)
    #expect(pods.count == 4)
    let names = { (order: [Pod]) in
      ReplicaSetController.podsToDelete(order, count: order.count, owner: set.metadata, cluster: cluster)
        .map(\.metadata.name)
    }
    let forward = names(pods)
    #expect(forward.count == 4)
    #expect(names(pods.reversed()) == forward)
    #expect(names([pods[2], pods[0], pods[3], pods[1]]) == forward)
    // And the same as the first pods picked when fewer are deleted.
    #expect(
      ReplicaSetController.podsToDelete(pods.reversed(), count: 2, owner: set.metadata, cluster: cluster)
        .map(\.metadata.name) == Array(forward.prefix(2)))
  }
}
