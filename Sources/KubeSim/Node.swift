/// A node: a machine in the cluster.
public struct Node: Sendable, Equatable {
  public var metadata: ObjectMeta
  public var spec: NodeSpec
  public var status: NodeStatus

  /// Creates a node.
  public init(metadata: ObjectMeta, spec: NodeSpec, status: NodeStatus) {
    self.metadata = metadata
    self.spec = spec
    self.status = status
  }

  /// Whether the node's Ready condition is True.
  public var isReady: Bool { status.ready == "True" }
}

/// A node's desired state.
public struct NodeSpec: Sendable, Equatable {
  public var podCIDR: String
  public var unschedulable: Bool = false
  public var taints: [Taint] = []

  /// Creates a node spec.
  public init(podCIDR: String, taints: [Taint] = []) {
    self.podCIDR = podCIDR
    self.taints = taints
  }
}

/// A node taint.
public struct Taint: Sendable, Equatable {
  public var key: String
  public var value: String?
  public var effect: String
  /// When a NoExecute taint was added (for toleration timeouts).
  public var timeAdded: Timestamp?

  /// Creates a taint.
  public init(key: String, value: String? = nil, effect: String, timeAdded: Timestamp? = nil) {
    self.key = key
    self.value = value
    self.effect = effect
    self.timeAdded = timeAdded
  }
}

/// A node's observed state.
public struct NodeStatus: Sendable, Equatable {
  /// The status of the Ready condition: `True`, `False` or `Unknown`.
  public var ready: String = "True"
  /// Whether the node's kubelet is reporting (false after `sim node fail`).
  public var reporting = true
  /// When the kubelet stopped reporting.
  public var lastHeartbeat: Timestamp?
  public var internalIP: String
  public var cpuMillis: Int
  public var memoryBytes: Int64
  public var maxPods: Int = 110
  public var kubeletVersion: String = "v1.32.0"
  public var osImage: String = "Debian GNU/Linux 12 (bookworm)"
  public var kernelVersion: String = "6.8.0-45-generic"
  public var containerRuntimeVersion: String = "containerd://1.7.24"

  /// Creates a node status.
  public init(internalIP: String, cpuMillis: Int, memoryBytes: Int64) {
    self.internalIP = internalIP
    self.cpuMillis = cpuMillis
    self.memoryBytes = memoryBytes
  }
}
