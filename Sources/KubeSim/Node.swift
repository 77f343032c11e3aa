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
  public var isReady: Bool { status.ready == .true }

  /// `findNodeRoles`: the `node-role.kubernetes.io/<role>` label keys and the value of
  /// `kubernetes.io/role`, de-duplicated and sorted (ROLES in `get nodes`, Roles in describe).
  public var roles: [String] {
    var roles: Set<String> = []
    for (key, value) in metadata.labels {
      if key.hasPrefix("node-role.kubernetes.io/") {
        let role = String(key.dropFirst("node-role.kubernetes.io/".count))
        if !role.isEmpty { roles.insert(role) }
      } else if key == "kubernetes.io/role", !value.isEmpty {
        roles.insert(value)
      }
    }
    return roles.sorted()
  }
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
  public var effect: TaintEffect
  /// When a NoExecute taint was added (for toleration timeouts).
  public var timeAdded: Timestamp?

  /// Creates a taint.
  public init(key: String, value: String? = nil, effect: TaintEffect, timeAdded: Timestamp? = nil) {
    self.key = key
    self.value = value
    self.effect = effect
    self.timeAdded = timeAdded
  }
}

/// A node's observed state.
public struct NodeStatus: Sendable, Equatable {
  /// The status of the Ready condition: `True`, `False` or `Unknown`.
  public var ready = ConditionStatus.true
  /// Whether the node's kubelet is reporting (false after `sim node fail`).
  public var reporting = true
  /// When the kubelet stopped reporting.
  public var lastHeartbeat: Timestamp?
  /// When the Ready condition last changed (nil: since the node registered).
  public var readyChangedAt: Timestamp?
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

/// One of a node's status conditions (`status.conditions[]`).
public struct NodeCondition: Sendable, Equatable {
  public var type: String
  public var status: ConditionStatus
  public var lastHeartbeatTime: Timestamp
  public var lastTransitionTime: Timestamp
  public var reason: String
  public var message: String
}

extension Node {
  /// How often the kubelet posts an unchanged node status (`nodeStatusReportFrequency`).
  static let statusReportMilliseconds: Int64 = 300_000
  /// How often the kubelet renews its node lease (a quarter of the 40 s lease duration).
  static let leaseRenewMilliseconds: Int64 = 10_000

  /// The last instant at or before `now` on the kubelet's `period` since registration, frozen
  /// when the kubelet stopped reporting.
  func lastTick(every period: Int64, now: Timestamp) -> Timestamp {
    let until = status.reporting ? now : (status.lastHeartbeat ?? now)
    let elapsed = max(0, until.milliseconds - metadata.creationTimestamp.milliseconds)
    return metadata.creationTimestamp.adding(milliseconds: elapsed / period * period)
  }

  /// When the kubelet last renewed the node's lease in `kube-node-lease`.
  public func leaseRenewTime(now: Timestamp) -> Timestamp {
    lastTick(every: Self.leaseRenewMilliseconds, now: now)
  }

  /// The four conditions a kubelet reports; once the node controller has given up on the
  /// kubelet, all of them read Unknown (`docs/reference/controllers.md` §7.1).
  public func conditions(now: Timestamp) -> [NodeCondition] {
    let heartbeat = lastTick(every: Self.statusReportMilliseconds, now: now)
    let registered = metadata.creationTimestamp
    let healthy: [(String, String, String)] = [
      ("MemoryPressure", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
      ("DiskPressure", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
      ("PIDPressure", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
      ("Ready", "KubeletReady", "kubelet is posting ready status"),
    ]
    return healthy.map { type, reason, message in
      if status.ready == .true {
        let transition = type == "Ready" ? (status.readyChangedAt ?? registered) : registered
        return NodeCondition(
          type: type, status: type == "Ready" ? .true : .false, lastHeartbeatTime: heartbeat,
          lastTransitionTime: transition, reason: reason, message: message)
      }
      return NodeCondition(
        type: type, status: .unknown, lastHeartbeatTime: heartbeat,
        lastTransitionTime: status.readyChangedAt ?? now, reason: "NodeStatusUnknown",
        message: "Kubelet stopped posting node status.")
    }
  }
}

extension Node: StoredResource {
  public static let resource = ResourceType(
    plural: "nodes", singular: "node", kind: "Node", group: "", shortNames: ["no"], namespaced: false)
  public static var store: KeyPath<Cluster, [String: Node]> { \.nodes }
}
