/// A Pod: one or more containers scheduled together on a node.
///
/// Its fields live in one copy-on-write box, so copying a pod (snapshots, listing, the
/// controllers' reads) costs one reference count, not one per field.
public struct Pod: Sendable, Equatable {
  private final class Box: @unchecked Sendable {
    var metadata: ObjectMeta
    var spec: PodSpec
    var status: PodStatus

    init(metadata: ObjectMeta, spec: PodSpec, status: PodStatus) {
      self.metadata = metadata
      self.spec = spec
      self.status = status
    }
  }

  private var box: Box

  /// Creates a pod.
  public init(metadata: ObjectMeta, spec: PodSpec) {
    box = Box(metadata: metadata, spec: spec, status: PodStatus())
  }

  private mutating func makeUnique() {
    if !isKnownUniquelyReferenced(&box) {
      box = Box(metadata: box.metadata, spec: box.spec, status: box.status)
    }
  }

  public var metadata: ObjectMeta {
    _read { yield box.metadata }
    _modify {
      makeUnique()
      yield &box.metadata
    }
  }

  public var spec: PodSpec {
    _read { yield box.spec }
    _modify {
      makeUnique()
      yield &box.spec
    }
  }

  public var status: PodStatus {
    _read { yield box.status }
    _modify {
      makeUnique()
      yield &box.status
    }
  }

  public static func == (lhs: Pod, rhs: Pod) -> Bool {
    lhs.box === rhs.box
      || (lhs.box.metadata == rhs.box.metadata && lhs.box.spec == rhs.box.spec && lhs.box.status == rhs.box.status)
  }

  /// Whether the pod's Ready condition is True.
  public var isReady: Bool { status.readySince != nil }
}

/// What the pod should run (`spec`).
public struct PodSpec: Sendable, Equatable {
  public var containers: [Container]
  /// Containers added to the running pod for debugging (`kubectl debug`); never restarted.
  public var ephemeralContainers: [EphemeralContainer] = []
  public var restartPolicy = APIField<RestartPolicy>.known(.always)
  public var dnsPolicy = APIField<DNSPolicy>.known(.clusterFirst)
  public var nodeName: String?
  /// Use the node's network namespace (and so its IP), as the control-plane pods do.
  public var hostNetwork = false
  /// Whether the pod shares the node's process IDs (`hostPID`) and IPC (`hostIPC`).
  public var hostPID = false
  public var hostIPC = false
  public var nodeSelector: [String: String] = [:]
  public var terminationGracePeriodSeconds: Int = 30
  public var serviceAccountName: String = "default"
  public var tolerations: [Toleration] = []
  /// The one node the pod may run on, as a DaemonSet pins its pods: a required node affinity
  /// `matchFields: metadata.name In [node]`.
  public var requiredNodeName: String?
  /// `affinity`: node affinity (beside ``requiredNodeName``), pod affinity and anti-affinity.
  public var affinity = Affinity()
  /// `topologySpreadConstraints`.
  public var topologySpreadConstraints: [TopologySpreadConstraint] = []
  /// `priorityClassName` (system pods are `system-node-critical` or `system-cluster-critical`).
  public var priorityClassName: String?
  /// The priority the Priority admission plugin resolved from the class (nil: not admitted
  /// through it; ``effectivePriority`` then falls back to the system classes' values).
  public var priority: Int64?
  /// The class's `preemptionPolicy` (`PreemptLowerPriority` or `Never`), set with ``priority``.
  public var preemptionPolicy: String?
  /// The name of the projected service-account token volume the API server adds.
  public var tokenVolumeName: String?
  /// The pod's hostname, and the headless Service that gives it a DNS name
  /// (`<hostname>.<subdomain>.<namespace>.svc.cluster.local`).
  public var hostname: String?
  public var subdomain: String?
  /// The pod's own volumes (the API server adds the token volume after them).
  public var volumes: [Volume] = []

  /// Creates a pod spec.
  public init(containers: [Container]) {
    self.containers = containers
  }
}

/// A container in a pod.
public struct Container: Sendable, Equatable {
  public var name: String
  public var image: String
  public var command: [String] = []
  public var args: [String] = []
  public var ports: [ContainerPort] = []
  public var imagePullPolicy: APIField<PullPolicy>
  public var resources = ResourceRequirements()
  /// When the container counts as ready (``Prober``).
  public var readinessProbe: Probe?
  /// When the kubelet restarts the container (``Prober``).
  public var livenessProbe: Probe?
  /// Until it passes, liveness and readiness probes wait (``Prober``).
  public var startupProbe: Probe?
  /// Whether the kubelet's prober has anything to run for this container.
  var hasProbes: Bool { readinessProbe != nil || livenessProbe != nil || startupProbe != nil }
  public var env: [EnvVar] = []
  public var envFrom: [EnvFromSource] = []
  public var volumeMounts: [VolumeMount] = []
  /// Whether the container keeps a standard input open (`stdin`, `kubectl run -i`).
  public var stdin = false
  /// Whether that input closes after the first attach ends (`stdinOnce`).
  public var stdinOnce = false
  /// Whether the container gets a terminal (`tty`, `kubectl run -t`).
  public var tty = false

  /// Creates a container; the pull policy defaults as the API server defaults it.
  public init(name: String, image: String, imagePullPolicy: APIField<PullPolicy>? = nil) {
    self.name = name
    self.image = image
    self.imagePullPolicy = imagePullPolicy ?? .known(ImageReference(image).defaultPullPolicy)
  }
}

/// A container added to a running pod (`spec.ephemeralContainers`): a container that may
/// name another container of the pod whose processes it targets.
public struct EphemeralContainer: Sendable, Equatable {
  public var container: Container
  /// The container whose process namespace it joins (`targetContainerName`).
  public var targetContainerName: String?

  /// Creates an ephemeral container.
  public init(container: Container, targetContainerName: String? = nil) {
    self.container = container
    self.targetContainerName = targetContainerName
  }
}

/// A port a container exposes.
public struct ContainerPort: Sendable, Equatable {
  public var name: String?
  public var containerPort: Int
  public var `protocol` = APIField<PortProtocol>.known(.tcp)

  /// Creates a container port.
  public init(name: String? = nil, containerPort: Int, protocol: APIField<PortProtocol> = .known(.tcp)) {
    self.name = name
    self.containerPort = containerPort
    self.protocol = `protocol`
  }
}

/// A pod toleration of a node taint.
public struct Toleration: Sendable, Hashable {
  public var key: String?
  public var `operator`: APIField<TolerationOperator>?
  public var value: String?
  public var effect: APIField<TaintEffect>?
  public var tolerationSeconds: Int?

  /// Creates a toleration.
  public init(
    key: String? = nil, operator: APIField<TolerationOperator>? = nil, value: String? = nil,
    effect: APIField<TaintEffect>? = nil,
    tolerationSeconds: Int? = nil
  ) {
    self.key = key
    self.operator = `operator`
    self.value = value
    self.effect = effect
    self.tolerationSeconds = tolerationSeconds
  }
}

/// What the pod is doing (`status`).
public struct PodStatus: Sendable, Equatable {
  public var phase: PodPhase = .pending
  public var reason: String?
  public var conditions: [PodCondition] = [] {
    didSet { readySince = conditions.first { $0.type == "Ready" && $0.status == .true }?.lastTransitionTime }
  }
  /// When the Ready condition turned True, if it is True (derived from ``conditions``).
  public private(set) var readySince: Timestamp?
  public var containerStatuses: [ContainerStatus] = []
  /// The states of the ephemeral containers, in the order they were added.
  public var ephemeralContainerStatuses: [ContainerStatus] = []
  public var hostIP: String?
  public var podIP: String?
  public var startTime: Timestamp?
  /// The node a preemption freed for the pod (`status.nominatedNodeName`).
  public var nominatedNodeName: String?

  /// Creates an empty (Pending) status.
  public init() {}
}

/// One pod condition (`PodScheduled`, `Ready`, ...).
public struct PodCondition: Sendable, Equatable {
  public var type: String
  public var status: ConditionStatus
  public var lastTransitionTime: Timestamp
  public var reason: String?
  public var message: String?

  /// Creates a condition.
  public init(
    type: String, status: ConditionStatus, lastTransitionTime: Timestamp, reason: String? = nil,
    message: String? = nil
  ) {
    self.type = type
    self.status = status
    self.lastTransitionTime = lastTransitionTime
    self.reason = reason
    self.message = message
  }
}

/// The state of one container as the kubelet reports it.
public struct ContainerStatus: Sendable, Equatable {
  /// A container's current state.
  public enum State: Sendable, Equatable {
    case waiting(reason: String, message: String?)
    case running(startedAt: Timestamp)
    case terminated(exitCode: Int, reason: String, startedAt: Timestamp, finishedAt: Timestamp)
  }

  public var name: String
  public var image: String
  public var imageID: String = ""
  public var containerID: String?
  /// The ID of the container that ran before this one (`lastState.terminated.containerID`).
  public var lastContainerID: String?
  public var state: State
  public var ready: Bool = false
  public var started: Bool = false
  public var restartCount: Int = 0
  /// The previous run's end (`lastState.terminated`), once the container has restarted or is
  /// waiting to.
  public var lastTerminated: State?

  /// Creates a container status.
  public init(name: String, image: String, state: State) {
    self.name = name
    self.image = image
    self.state = state
  }
}

extension Pod: StoredResource {
  public static let resource = ResourceType(
    plural: "pods", singular: "pod", kind: "Pod", group: "", shortNames: ["po"], namespaced: true)
  public static var store: KeyPath<Cluster, [String: Pod]> { \.pods }
  public func json(now: Timestamp) -> JSONValue { json }
}
