/// How a fresh simulated cluster is built, and the simulator's bounds.
public struct ClusterConfig: Sendable, Equatable {
  /// The number of worker nodes (`nodes=N` in a scenario's info string).
  public var workers: Int = 2
  /// The seed of every generated name (`seed=N`).
  public var seed: UInt64 = 1
  /// The virtual instant a scenario starts at: 2025-03-03T09:00:00Z.
  public var start = Timestamp(seconds: 1_740_992_400)
  /// How long before ``start`` the cluster was created (the nodes' AGE at the start).
  public var clusterAgeSeconds: Int64 = 600
  /// The bounds that keep every command finite.
  public var limits = Limits()

  /// Creates the default configuration.
  public init(workers: Int = 2, seed: UInt64 = 1) {
    self.workers = workers
    self.seed = seed
  }
}

/// Bounds on what one simulated cluster may do; each is reported when reached.
public struct Limits: Sendable, Equatable {
  /// The most worker nodes a cluster may have.
  public var maxNodes: Int = 1000
  /// The most pods that may exist at once.
  public var maxPods: Int = 50_000
  /// The most Services that may exist at once.
  public var maxServices: Int = 10_000
  /// The most controller rounds one settle may take.
  public var maxRounds: Int = 10_000
  /// The most distinct instants one command may step through.
  public var maxTimeSteps: Int = 100_000
  /// The longest one command may advance virtual time, in seconds (`sleep`, waits).
  public var maxAdvanceSeconds: Int64 = 3660 * 24 * 3600

  /// Creates the default limits.
  public init() {}
}

/// The durations of the simulated kubelet, documented on the course's simulator page.
public enum KubeletTimings {
  /// Creating the pod sandbox (network namespace, pause container) and its IP.
  public static let sandboxMilliseconds: Int64 = 1000
  /// Pulling an image that the node does not have yet.
  public static let firstPullMilliseconds: Int64 = 5000
  /// Finishing a pull whose layers another pod's pull just fetched.
  public static let layersPresentMilliseconds: Int64 = 412
  /// Checking an image already on the node when the pull policy is `Always`.
  public static let repeatPullMilliseconds: Int64 = 1000
  /// How long the kubelet waits before syncing a pod again after a failed sync (a missing
  /// ConfigMap or Secret); the real pod worker waits 10 s plus up to 50 % jitter.
  public static let syncRetryMilliseconds: Int64 = 10_000
  /// Creating and starting a container once its image is present.
  public static let startMilliseconds: Int64 = 1000
  /// A start takes 0 to `startJitterSteps - 1` whole seconds more, drawn from the seeded
  /// generator, so pods started together do not all become ready at the same instant.
  /// Whole seconds keep the number of distinct instants (and so simulation steps) small.
  public static let startJitterSteps = 2
}
