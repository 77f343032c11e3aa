/// The replicas of every ReplicaSet over virtual time while the cluster advances, for the
/// rollout timeline picture: a sample each time some ReplicaSet's counts change. Recording is
/// off until a caller starts it (``Cluster/startReplicaTimeline(maxSamples:)``); it stops at ``maxSamples`` and says so.
public struct ReplicaTimeline: Sendable, Equatable {
  /// The counts of one ReplicaSet at one instant.
  public struct Count: Sendable, Equatable {
    /// `namespace/name` of the ReplicaSet.
    public var key: String
    /// The Deployment that owns it, if any.
    public var owner: String?
    /// The pods it wants (`spec.replicas`).
    public var desired: Int
    /// The pods it has (`status.replicas`).
    public var current: Int
    /// Its ready pods (`status.readyReplicas`).
    public var ready: Int
  }

  /// Every ReplicaSet's counts from one instant on.
  public struct Sample: Sendable, Equatable {
    public var time: Timestamp
    /// In `namespace/name` order.
    public var counts: [Count]
  }

  /// The most samples kept; later changes are not recorded and ``isTruncated`` is set.
  public let maxSamples: Int

  /// The samples in time order, the first at the instant recording started.
  public private(set) var samples: [Sample] = []
  /// Whether changes after the last sample were dropped (``maxSamples`` reached).
  public private(set) var isTruncated = false

  /// An empty timeline that keeps at most `maxSamples` samples.
  public init(maxSamples: Int = 2000) {
    self.maxSamples = maxSamples
  }

  /// Records `cluster`'s counts if they differ from the last sample's (a later sample at the
  /// same instant replaces the earlier one: only settled states are kept).
  mutating func record(_ cluster: Cluster) {
    let counts = cluster.replicaSets.keys.sorted().compactMap { key -> Count? in
      guard let replicaSet = cluster.replicaSets[key] else { return nil }
      let owner = replicaSet.metadata.ownerReferences.first { $0.kind == Deployment.resource.kind }?.name
      return Count(
        key: key, owner: owner, desired: replicaSet.replicas, current: replicaSet.status.replicas,
        ready: replicaSet.status.readyReplicas)
    }
    if samples.last?.counts == counts { return }
    if let last = samples.last, last.time == cluster.now {
      samples[samples.count - 1].counts = counts
      return
    }
    guard samples.count < maxSamples else {
      isTruncated = true
      return
    }
    samples.append(Sample(time: cluster.now, counts: counts))
  }
}
