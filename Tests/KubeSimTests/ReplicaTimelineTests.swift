import Testing

@testable import KubeSim

/// The ReplicaSets' counts recorded while time advances, checked against the rolling update
/// of `docs/reference/controllers.md` §9 (a): 3 replicas, maxSurge 1, maxUnavailable 0.
@Suite struct ReplicaTimelineTests {
  /// A cluster with `web` (3 ready pods of nginx:1.26) and its Deployment set to nginx:1.27.
  func rollingCluster() throws -> (cluster: Cluster, old: String) {
    var cluster = Cluster()
    let labels = ["app": "web"]
    var web = Deployment(
      metadata: ObjectMeta(name: "web", namespace: "default", labels: labels),
      selector: SelectorSpec(matchLabels: labels),
      template: PodTemplate(labels: labels, spec: PodSpec(containers: [Container(name: "nginx", image: "nginx:1.26")])))
    web.replicas = 3
    try cluster.createDeployment(web)
    try cluster.advance(seconds: 30)
    let old = "default/" + cluster.listReplicaSets(namespace: "default")[0].metadata.name
    web = cluster.deployments["default/web"]!
    web.template.spec.containers[0].image = "nginx:1.27"
    try cluster.updateDeployment(web)
    return (cluster, old)
  }

  @Test func recordsARollingUpdateFromStartToEnd() throws {
    var (cluster, old) = try rollingCluster()
    let start = cluster.now
    cluster.startReplicaTimeline()
    try cluster.advance(seconds: 120)
    let recorded = cluster.stopReplicaTimeline()
    let timeline = try #require(recorded)
    #expect(cluster.replicaTimeline == nil)
    let samples = timeline.samples
    #expect(samples.count >= 3)
    #expect(samples.first?.time == start)
    #expect(zip(samples, samples.dropFirst()).allSatisfy { $0.time < $1.time })
    func count(_ sample: ReplicaTimeline.Sample, _ key: String) -> ReplicaTimeline.Count? {
      sample.counts.first { $0.key == key }
    }
    let web = { (sample: ReplicaTimeline.Sample) in sample.counts.filter { $0.owner == "web" } }
    // Before: the old ReplicaSet has its 3 ready pods.
    let before = try #require(count(samples[0], old))
    #expect(before.current == 3 && before.ready == 3)
    // Never more than 3 + maxSurge pods wanted, never fewer than 3 ready (maxUnavailable 0).
    for sample in samples {
      #expect(web(sample).reduce(0) { $0 + $1.desired } <= 4)
      #expect(web(sample).reduce(0) { $0 + $1.ready } >= 3)
    }
    // After: the old one is scaled to 0 and kept; the new one has 3 ready pods.
    let after = try #require(samples.last)
    #expect(count(after, old)?.desired == 0 && count(after, old)?.current == 0)
    let new = try #require(web(after).first { $0.key != old })
    #expect(new.desired == 3 && new.ready == 3)
  }

  @Test func stopsAtItsBoundAndSaysSo() throws {
    var (cluster, _) = try rollingCluster()
    cluster.startReplicaTimeline(maxSamples: 2)
    try cluster.advance(seconds: 120)
    let recorded = cluster.stopReplicaTimeline()
    let timeline = try #require(recorded)
    #expect(timeline.samples.count == 2)
    #expect(timeline.isTruncated)
  }

  @Test func recordsNothingUnlessStarted() throws {
    var (cluster, _) = try rollingCluster()
    try cluster.advance(seconds: 120)
    #expect(cluster.replicaTimeline == nil)
  }
}
