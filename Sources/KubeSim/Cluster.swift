/// A deterministic, in-process Kubernetes cluster: the object store, the virtual clock and
/// the control loops that act on them.
///
/// A cluster is a value: copying it takes a snapshot. Commands change it through the API
/// methods (create, update, delete), then ``settle()`` runs the controllers in a fixed order
/// (``controlLoops``) until a round changes nothing; virtual time moves only through
/// ``advance(seconds:)`` and ``advance(until:done:)``, which run due work in deadline order.
///
/// Its stored properties are the store (objects by kind, and the pod indexes several
/// controllers share), the clock and bookkeeping (resource versions, names, watches), and one
/// value per control loop that keeps state between rounds (``deploymentController``, …): its
/// caches, dirty marks and requeue times, which no other loop reads.
public struct Cluster: Sendable {
  /// The current virtual instant.
  public internal(set) var now: Timestamp
  /// How the cluster was built and the bounds it enforces.
  public let config: ClusterConfig
  /// An instant no wait goes past: a command that would move time beyond it stops there, as
  /// a real command stops when Ctrl-C interrupts it (`kubebook shell`). Setting it clears
  /// ``wasInterrupted``.
  public var interruptAt: Timestamp? {
    didSet { wasInterrupted = false }
  }
  /// Whether a wait stopped at ``interruptAt`` before it was done.
  public private(set) var wasInterrupted = false
  /// The ReplicaSets' counts recorded as time advances, from ``startReplicaTimeline()`` on;
  /// nil (and no cost) when nobody asked.
  public private(set) var replicaTimeline: ReplicaTimeline?

  var names: NameGenerator
  var lastResourceVersion = 1000
  /// Bumped on every write; a settle round that leaves it unchanged is quiet.
  var writeCount = 0
  /// Controller rounds run so far (for benchmarks and tests).
  public internal(set) var settleRounds = 0

  /// Nodes by name.
  public internal(set) var nodes: [String: Node] = [:]
  /// Pods by `namespace/name`.
  public internal(set) var pods: [String: Pod] = [:]
  /// Namespaces by name.
  public internal(set) var namespaces: [String: Namespace] = [:]
  /// ReplicaSets by `namespace/name`.
  public internal(set) var replicaSets: [String: ReplicaSet] = [:]
  /// Deployments by `namespace/name`.
  public internal(set) var deployments: [String: Deployment] = [:]
  /// ReplicationControllers by `namespace/name`.
  public internal(set) var replicationControllers: [String: ReplicationController] = [:]
  /// Services by `namespace/name`.
  public internal(set) var services: [String: Service] = [:]
  /// Endpoints by `namespace/name` (the name of their Service).
  public internal(set) var endpoints: [String: Endpoints] = [:]
  /// ConfigMaps and Secrets by `namespace/name`.
  public internal(set) var configMaps: [String: ConfigMap] = [:]
  public internal(set) var secrets: [String: Secret] = [:]
  /// The last change of each ConfigMap and Secret (`configmap/ns/name`, `secret/ns/name`):
  /// the data before it and when it happened, for mounted files that lag behind.
  var configChanges: [String: (previous: [String: String], at: Timestamp)] = [:]
  /// What `kubectl exec` (and exec probes) wrote in each pod's files, by pod uid, in order
  /// (``Cluster/podFiles(of:)`` replays it with the containers' own processes).
  var containerWrites: [String: [ContainerWrite]] = [:]
  /// PersistentVolumeClaims by `namespace/name`, PersistentVolumes and StorageClasses by name.
  public internal(set) var claims: [String: PersistentVolumeClaim] = [:]
  public internal(set) var volumes: [String: PersistentVolume] = [:]
  public internal(set) var storageClasses: [String: StorageClass] = [:]
  /// StatefulSets by `namespace/name`.
  public internal(set) var statefulSets: [String: StatefulSet] = [:]
  /// HorizontalPodAutoscalers by `namespace/name`, and the CPU loads `sim load` set.
  public internal(set) var autoscalers: [String: HorizontalPodAutoscaler] = [:]
  public internal(set) var loads: [Load] = []
  /// Ingresses by `namespace/name`.
  public internal(set) var ingresses: [String: Ingress] = [:]
  /// CronJobs by `namespace/name`.
  public internal(set) var cronJobs: [String: CronJob] = [:]
  /// Jobs by `namespace/name`.
  public internal(set) var jobs: [String: Job] = [:]
  /// DaemonSets by `namespace/name`.
  public internal(set) var daemonSets: [String: DaemonSet] = [:]
  /// PodDisruptionBudgets by `namespace/name`.
  public internal(set) var podDisruptionBudgets: [String: PodDisruptionBudget] = [:]
  /// ServiceAccounts by `namespace/name`.
  public internal(set) var serviceAccounts: [String: ServiceAccount] = [:]
  /// Roles and RoleBindings by `namespace/name`, ClusterRoles and ClusterRoleBindings by name.
  public internal(set) var roles: [String: Role] = [:]
  public internal(set) var roleBindings: [String: RoleBinding] = [:]
  public internal(set) var clusterRoles: [String: ClusterRole] = [:]
  public internal(set) var clusterRoleBindings: [String: ClusterRoleBinding] = [:]
  /// PriorityClasses by name.
  public internal(set) var priorityClasses: [String: PriorityClass] = [:]
  /// The node leases by `namespace/name` (see ``Lease``).
  public internal(set) var leases: [String: Lease] = [:]
  /// CustomResourceDefinitions by name.
  public internal(set) var customResourceDefinitions: [String: CustomResourceDefinition] = [:]
  /// The objects of the kinds they define, by ``Cluster/customObjectKey(_:name:namespace:)``.
  public internal(set) var customObjects: [String: CustomObject] = [:]
  /// LimitRanges by `namespace/name`.
  public internal(set) var limitRanges: [String: LimitRange] = [:]
  /// ResourceQuotas by `namespace/name`.
  public internal(set) var resourceQuotas: [String: ResourceQuota] = [:]
  /// The events recorded in the last hour (see ``expireEvents()``), oldest first.
  public internal(set) var events: [Event] = []
  /// When the oldest event's TTL runs out (nil: not known, look at the events).
  var nextEventExpiry: Timestamp?

  // MARK: Store indexes

  // Kept in step with the pod store by `storePod` and `removePod` and read by several
  // controllers (`podsPerNode` only by the scheduler, but it follows every pod write as the
  // others do); with them the two signals the workload controllers share, `allWorkloadsDirty`
  // and `wakeups`.

  /// Pod keys by the uid of their controlling owner.
  var podsByOwner: [String: Set<String>] = [:]
  /// Bumped whenever some pod's labels change; lets controllers skip re-checking selectors.
  var podLabelChanges = 0
  /// Active and ready pods of each controlling owner (by uid), kept in step with the store
  /// so the ReplicaSet controller need not count pods one by one every round.
  var ownerCounts: [String: OwnerCounts] = [:]
  /// Pods bound to each node (terminating ones included), by node name.
  var podsPerNode: [String: Int] = [:]
  /// Pods with a required pod anti-affinity: while there is one, every pending pod goes
  /// through the scheduler's inter-pod checks (the symmetric anti-affinity filter).
  var podsWithRequiredAntiAffinity: Set<String> = []
  /// Set when a pod loses its owner or time passes: every workload should look again (read by
  /// the Deployment and ReplicaSet controllers, cleared by the latter).
  var allWorkloadsDirty = true
  /// Pods without a controlling owner (candidates for adoption).
  var orphanPods: Set<String> = []
  /// Instants at which some workload or node controller has work (pods becoming available,
  /// node grace periods): at each, every workload looks again (``allWorkloadsDirty``).
  var wakeups = DeadlineQueue<Int>()

  /// The kinds being watched, and the writes recorded for them (see ``startWatching(_:)``).
  var watchedKinds: Set<String> = []
  var watchEvents: [WatchEvent] = []

  /// Connections made through Services so far (seeds kube-proxy's choice of endpoint).
  var connectionCount = 0

  /// Images whose pulls fail (`sim image missing`).
  public internal(set) var missingImages: Set<String> = []

  // MARK: Controllers (see ``controlLoops`` for their order; loops without state have none)

  /// The Deployment controller's state.
  var deploymentController = DeploymentController()
  /// The ReplicaSet (and ReplicationController) controller's state.
  var replicaSetController = ReplicaSetController()
  /// The DaemonSet controller's state.
  var daemonSetController = DaemonSetController()
  /// The StatefulSet controller's state.
  var statefulSetController = StatefulSetController()
  /// The HorizontalPodAutoscaler controller's state.
  var autoscalerController = HorizontalPodAutoscalerController()
  /// The CronJob controller's state.
  var cronJobController = CronJobController()
  /// The Job controller's state.
  var jobController = JobController()
  /// The Endpoints controller's state.
  var endpointsController = EndpointsController()
  /// The API server's `kubernetes` Service loop's state.
  var kubernetesServiceController = KubernetesServiceController()
  /// The scheduler's state.
  var scheduler = Scheduler()
  /// The volume binder's state.
  var volumeBinder = VolumeBinder()
  /// The kubelets' state.
  var kubelet = Kubelet()
  /// The taint-eviction controller's state.
  var taintEvictionController = TaintEvictionController()
  /// The client writes of each object, by uid, in order: what `--show-managed-fields` is
  /// computed from (``FieldWrite``).
  public var fieldWrites: [String: [FieldWrite]] = [:]

  /// Creates the default kubeadm-like cluster described by `config`.
  public init(config: ClusterConfig = ClusterConfig()) {
    self.config = config
    self.now = config.start
    self.names = NameGenerator(seed: config.seed)
    let created = config.start.adding(milliseconds: -config.clusterAgeSeconds * 1000)
    now = created
    APIServerBootstrap.seed(&self, created: created)
    for name in ["default", "kube-node-lease", "kube-public", "kube-system"] {
      var meta = ObjectMeta(name: name, labels: ["kubernetes.io/metadata.name": name])
      meta.creationTimestamp = created
      stamp(&meta)
      namespaces[name] = Namespace(metadata: meta)
      publishRootCA(in: name)
      addDefaultServiceAccount(in: name)
    }
    now = created
    addNode(name: "control-plane", controlPlane: true, created: created)
    ClusterBootstrap.boot(&self, workers: config.workers)
    // Run the boot forward to the scenario's start; by then the system pods are Running.
    _ = try? advance(until: config.start) { _ in false }
    now = config.start
  }

  // MARK: - Store helpers

  /// Gives a new object its uid and resource version.
  mutating func stamp(_ meta: inout ObjectMeta) {
    if meta.uid.isEmpty { meta.uid = names.uuid() }
    meta.resourceVersion = nextResourceVersion()
  }

  /// Gives a new object a uid from its own seeded stream (derived from `stream` and the
  /// object's key), so that objects created on the side (Services, Endpoints) leave every
  /// generated pod name as it was.
  mutating func stampAside(_ meta: inout ObjectMeta, stream: String) {
    var generator = NameGenerator(seed: config.seed ^ ImageCatalog.fnv1a(stream + ":" + Self.key(meta)))
    meta.uid = generator.uuid()
    meta.resourceVersion = nextResourceVersion()
  }

  /// The resourceVersion a list answered now carries: the latest write's.
  public var currentResourceVersion: Int { lastResourceVersion }

  mutating func nextResourceVersion() -> Int {
    lastResourceVersion += 1
    writeCount += 1
    return lastResourceVersion
  }

  /// The key of a namespaced object in the cluster's maps: `NAMESPACE/NAME`.
  public static func key(_ namespace: String, _ name: String) -> String { namespace + "/" + name }

  static func key(_ meta: ObjectMeta) -> String { key(meta.namespace ?? "default", meta.name) }

  /// Records an event.
  mutating func record(_ event: Event) {
    events.append(event)
  }

  /// Records an event, folding it into the previous identical one (same object, type,
  /// reason and message) by raising its count, as the event recorder does.
  mutating func recordAggregated(_ event: Event) {
    if let index = events.lastIndex(where: {
      $0.involvedKind == event.involvedKind && $0.involvedName == event.involvedName
        && $0.namespace == event.namespace && $0.reason == event.reason && $0.message == event.message
        && $0.type == event.type
    }) {
      events[index].count += 1
      events[index].lastTimestamp = max(events[index].lastTimestamp, event.lastTimestamp)
      return
    }
    events.append(event)
  }

  /// Records a Normal or Warning event about an object.
  mutating func record(
    _ kind: String, _ meta: ObjectMeta, reason: String, message: String, type: EventType = .normal,
    source: String
  ) {
    events.append(
      Event(
        namespace: meta.namespace ?? "default", involvedKind: kind, involvedName: meta.name, type: type,
        reason: reason, message: message, source: source, at: now))
  }

  /// Asks for a controller round at `time` in which every workload looks again (the Job,
  /// CronJob and autoscaler controllers ask for plain rounds in their own ``DeadlineQueue``s).
  mutating func wake(at time: Timestamp) {
    wakeups.wake(at: time, after: now)
  }

  /// Checks that a namespace exists.
  func requireNamespace(_ namespace: String) throws(APIError) {
    guard namespaces[namespace] != nil else { throw .notFound(resource: "namespaces", name: namespace) }
  }

  /// Like ``requireNamespace(_:)``, for a create: a Terminating namespace takes no new content.
  func admitCreate(in namespace: String, resource: String, name: String) throws(APIError) {
    try requireNamespace(namespace)
    if namespaces[namespace]?.metadata.deletionTimestamp != nil {
      throw .forbidden(
        resource: resource, name: name,
        reason: "unable to create new content in namespace \(namespace) because it is being terminated")
    }
  }

  // MARK: - Nodes

  mutating func addNode(name: String, controlPlane: Bool, created: Timestamp) {
    let index = nodes.count
    var labels = [
      "beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux",
      "kubernetes.io/arch": "amd64", "kubernetes.io/hostname": name, "kubernetes.io/os": "linux",
    ]
    var taints: [Taint] = []
    if controlPlane {
      labels["node-role.kubernetes.io/control-plane"] = ""
      labels["node.kubernetes.io/exclude-from-external-load-balancers"] = ""
      taints.append(Taint(key: "node-role.kubernetes.io/control-plane", effect: .noSchedule))
    }
    var meta = ObjectMeta(name: name, labels: labels)
    meta.annotations = Node.systemAnnotations
    meta.creationTimestamp = created
    stamp(&meta)
    let status = NodeStatus(
      internalIP: "172.18.\(index / 250).\(index % 250 + 2)", cpuMillis: 4000,
      memoryBytes: 8 * 1024 * 1024 * 1024)
    nodes[name] = Node(
      metadata: meta, spec: NodeSpec(podCIDR: "10.244.\(index).0/24", taints: taints), status: status)
    if let node = nodes[name] { addNodeLease(for: node) }
    // What a kubelet and the node controller say when a node registers.
    meta.namespace = "default"
    record("Node", meta, reason: "Starting", message: "Starting kubelet.", source: "kubelet")
    for condition in ["NodeHasSufficientMemory", "NodeHasNoDiskPressure", "NodeHasSufficientPID"] {
      record("Node", meta, reason: condition, message: "Node \(name) status is now: \(condition)", source: "kubelet")
    }
    record(
      "Node", meta, reason: "NodeAllocatableEnforced", message: "Updated Node Allocatable limit across pods",
      source: "kubelet")
    record(
      "Node", meta, reason: "RegisteredNode", message: "Node \(name) event: Registered Node \(name) in Controller",
      source: "node-controller")
    record("Node", meta, reason: "NodeReady", message: "Node \(name) status is now: NodeReady", source: "kubelet")
  }

  /// The nodes sorted by name.
  public var sortedNodes: [Node] {
    nodes.keys.sorted().compactMap { nodes[$0] }
  }

  // MARK: - Pods

  /// Pods in `namespace` (all namespaces when nil), sorted by namespace and name as the API
  /// server lists them.
  public func listPods(namespace: String?) -> [Pod] {
    pods.keys.sorted().compactMap { key in
      guard let pod = pods[key] else { return nil }
      if let namespace, pod.metadata.namespace != namespace { return nil }
      return pod
    }
  }

  /// The pod called `name` in `namespace`.
  public func pod(_ name: String, namespace: String) -> Pod? {
    pods[Self.key(namespace, name)]
  }

  /// The pods bound to node `name`, in key order.
  public func listPods(onNode name: String) -> [Pod] {
    pods.keys.sorted().compactMap { pods[$0] }.filter { $0.spec.nodeName == name }
  }

  /// Makes pods that failed to schedule try again (a node became usable).
  mutating func unscheduledNeedRetry() {
    for key in scheduler.queue {
      guard var pod = pods[key] else { continue }
      pod.status.conditions.removeAll { $0.type == "PodScheduled" && $0.status == .false }
      update(pod)
    }
  }

  /// The pods controlled by the object with `uid`, in key order.
  public func pods(ownedBy uid: String) -> [Pod] {
    (podsByOwner[uid] ?? []).sorted().compactMap { pods[$0] }
  }

  /// A name for a new object with `metadata.generateName` `base`: the base and five random
  /// characters, drawn again while `isTaken` (the API server retries a generated name that
  /// exists, `RetryGenerateName`, seven times in all).
  public mutating func generatedName(base: String, isTaken: (String) -> Bool) -> String {
    var name = names.generateName(base: base)
    for _ in 1..<7 where isTaken(name) { name = names.generateName(base: base) }
    return name
  }

  /// Admits and stores a new pod, as the API server's create does: validation, defaults
  /// (tolerations, the service-account token volume), uid and timestamps. An empty name
  /// with `generateName` gets a generated one.
  @discardableResult
  public mutating func createPod(_ pod: Pod, generateName: String? = nil) throws(APIError) -> Pod {
    var pod = pod
    let namespace = pod.metadata.namespace ?? "default"
    pod.metadata.namespace = namespace
    try admitCreate(in: namespace, resource: "pods", name: pod.metadata.name)
    if pod.metadata.name.isEmpty, let base = generateName {
      // Inline rather than through a closure: capturing `pods` would copy the dictionary on
      // the next write.
      repeat {
        pod.metadata.name = names.generateName(base: base)
      } while pods[Self.key(namespace, pod.metadata.name)] != nil
    }
    // Mutating admission (LimitRanger) before validation; then the validating plugins.
    if !limitRanges.isEmpty { applyLimitRanges(to: &pod) }
    let causes = PodValidation.validate(pod)
    if !causes.isEmpty {
      throw .invalid(kind: "Pod", name: pod.metadata.name, causes: causes)
    }
    if !limitRanges.isEmpty { try checkLimitRanges(pod) }
    try admitPriority(&pod)
    if !resourceQuotas.isEmpty { try admitQuota(pod) }
    if pods[Self.key(namespace, pod.metadata.name)] != nil {
      throw .alreadyExists(resource: "pods", name: pod.metadata.name)
    }
    if pods.count >= config.limits.maxPods {
      throw .limitExceeded(
        "the simulated cluster holds at most \(config.limits.maxPods) pods; pod \"\(pod.metadata.name)\" was not created"
      )
    }
    PodDefaults.apply(to: &pod, names: &names)
    pod.status = PodStatus()
    pod.metadata.creationTimestamp = now
    stamp(&pod.metadata)
    storePod(pod)
    return pod
  }

  /// Starts a graceful delete of a pod: it shows as Terminating until its grace period ends.
  @discardableResult
  public mutating func deletePod(_ name: String, namespace: String, gracePeriod: Int? = nil)
    throws(APIError) -> Pod
  {
    let key = Self.key(namespace, name)
    guard var pod = pods[key] else { throw .notFound(resource: "pods", name: name) }
    if pod.metadata.deletionTimestamp != nil && gracePeriod != 0 { return pod }
    let grace = max(0, gracePeriod ?? pod.spec.terminationGracePeriodSeconds)
    if pod.spec.nodeName == nil || pod.status.phase.isTerminal
      || grace == 0
    {
      removePod(key)
      return pod
    }
    pod.metadata.deletionTimestamp = now.adding(wholeSeconds: grace)
    pod.metadata.deletionGracePeriodSeconds = grace
    update(pod)
    return pod
  }

  /// Replaces a stored pod with an updated copy, bumping its resource version.
  mutating func update(_ pod: Pod) {
    var pod = pod
    pod.metadata.resourceVersion = nextResourceVersion()
    storePod(pod)
  }

  /// Writes a pod into the store and keeps the indexes in step.
  mutating func storePod(_ pod: Pod) {
    let key = Self.key(pod.metadata)
    if !watchedKinds.isEmpty { recordWatch(pods[key] == nil ? .added : .modified, pod) }
    if let old = pods[key] {
      if let owner = old.metadata.controllerUID { ownerCounts[owner, default: OwnerCounts()].remove(old) }
      if let owner = old.metadata.controllerUID, owner != pod.metadata.controllerUID {
        podsByOwner[owner]?.remove(key)
        replicaSetController.dirty.insert(owner)
      }
      if old.metadata.labels != pod.metadata.labels {
        podLabelChanges += 1
        allWorkloadsDirty = true
      }
      if let node = old.spec.nodeName { podsPerNode[node, default: 0] -= 1 }
    }
    if let node = pod.spec.nodeName { podsPerNode[node, default: 0] += 1 }
    if !pod.spec.affinity.requiredPodAntiAffinity.isEmpty {
      podsWithRequiredAntiAffinity.insert(key)
    } else if !podsWithRequiredAntiAffinity.isEmpty {
      podsWithRequiredAntiAffinity.remove(key)
    }
    if pod.metadata.controller?.kind == DaemonSet.resource.kind { daemonSetController.podsChanged = true }
    if let owner = pod.metadata.controllerUID {
      ownerCounts[owner, default: OwnerCounts()].add(pod)
      podsByOwner[owner, default: []].insert(key)
      replicaSetController.dirty.insert(owner)
      orphanPods.remove(key)
    } else {
      if !orphanPods.contains(key) { allWorkloadsDirty = true }
      orphanPods.insert(key)
    }
    pods[key] = pod
    endpointsController.dirty.insert(pod.metadata.namespace ?? "default")
    if pod.spec.nodeName == nil {
      if pod.metadata.deletionTimestamp == nil {
        scheduler.queue.insert(key)
        if pod.spec.priorityClassName != nil || pod.spec.priority != nil { scheduler.prioritized.insert(key) }
      }
    } else {
      scheduler.queue.remove(key)
      kubelet.pending.insert(key)
    }
  }

  /// Removes a pod from the store and every index.
  mutating func removePod(_ key: String) {
    guard let pod = pods.removeValue(forKey: key) else { return }
    endpointsController.dirty.insert(pod.metadata.namespace ?? "default")
    if !watchedKinds.isEmpty { recordWatch(.deleted, pod) }
    if pod.metadata.controller?.kind == DaemonSet.resource.kind { daemonSetController.podsChanged = true }
    if let owner = pod.metadata.controllerUID {
      ownerCounts[owner]?.remove(pod)
      podsByOwner[owner]?.remove(key)
      replicaSetController.dirty.insert(owner)
      if podsByOwner[owner]?.isEmpty == true {
        podsByOwner[owner] = nil
        ownerCounts[owner] = nil
      }
    }
    if let node = pod.spec.nodeName { podsPerNode[node, default: 0] -= 1 }
    scheduler.queue.remove(key)
    podsWithRequiredAntiAffinity.remove(key)
    kubelet.pending.remove(key)
    orphanPods.remove(key)
    kubelet.runtimes[pod.metadata.uid] = nil
    writeCount += 1
  }

  /// Replaces a pod's labels and annotations (what `apply` may change on a running pod).
  public mutating func updateMetadata(
    of name: String, namespace: String, labels: [String: String], annotations: [String: String]
  ) {
    guard var pod = pods[Self.key(namespace, name)] else { return }
    pod.metadata.labels = labels
    pod.metadata.annotations = annotations
    update(pod)
  }

  // MARK: - Control loop

  /// The control loops in the order every ``settle()`` round runs them, each once.
  ///
  /// Work flows down the list within a round: a Deployment's ReplicaSets change before the
  /// ReplicaSet controller looks at them; the workload controllers (ReplicaSets, DaemonSets,
  /// StatefulSets, scaled by the autoscaler) create and delete pods; a CronJob's Jobs exist
  /// before the Job controller makes their pods; the Endpoints controller sees the pods the
  /// round wrote; the garbage collector, the namespace controller and the node lifecycle
  /// controller clean up after deleted owners, deleted namespaces and lost nodes, and the
  /// taint-eviction controller deletes the pods NoExecute taints push off their nodes; the scheduler
  /// binds the pods created above, the volume binder gives their claims volumes, and the
  /// kubelet starts them. The order decides which write happens in which round, and so the
  /// resource versions, generated names and event order the simulator prints.
  static let controlLoops: [any ControlLoop.Type] = [
    DeploymentController.self,
    ReplicaSetController.self,
    DaemonSetController.self,
    StatefulSetController.self,
    HorizontalPodAutoscalerController.self,
    CronJobController.self,
    JobController.self,
    KubernetesServiceController.self,
    EndpointsController.self,
    GarbageCollector.self,
    NamespaceController.self,
    NodeLifecycleController.self,
    TaintEvictionController.self,
    Scheduler.self,
    VolumeBinder.self,
    Kubelet.self,
    DisruptionController.self,
    ResourceQuotaController.self,
  ]

  /// Runs the ``controlLoops`` in their order until a round changes nothing.
  ///
  /// - Throws: ``APIError/limitExceeded(_:)`` when the round cap is reached.
  public mutating func settle() throws(APIError) {
    var rounds = 0
    while true {
      settleRounds += 1
      let before = writeCount
      for loop in Self.controlLoops { loop.reconcile(&self) }
      if writeCount == before { return }
      rounds += 1
      if rounds >= config.limits.maxRounds {
        throw .limitExceeded(
          "the simulated control plane did not settle within \(config.limits.maxRounds) rounds")
      }
    }
  }

  /// The earliest instant after ``now`` at which some controller has work due.
  public var nextDeadline: Timestamp? {
    var earliest: Timestamp?
    if let time = kubelet.timers.earliest { earliest = time }
    if let time = wakeups.earliest, earliest.map({ time < $0 }) ?? true { earliest = time }
    if let time = deploymentController.progressChecks.earliest, earliest.map({ time < $0 }) ?? true { earliest = time }
    for queue in roundRequestQueues {
      if let time = queue.earliest, earliest.map({ time < $0 }) ?? true { earliest = time }
    }
    return earliest
  }

  /// The Job, CronJob and autoscaler controllers' requeue times, at which they ask for a
  /// plain round.
  private var roundRequestQueues: [DeadlineQueue<Int>] {
    [jobController.wakeups, cronJobController.wakeups, autoscalerController.wakeups]
  }

  /// Drops the Job, CronJob and autoscaler controllers' requests for a round at or before `time`.
  mutating func discardRoundRequests(through time: Timestamp) {
    jobController.wakeups.discard(through: time)
    cronJobController.wakeups.discard(through: time)
    autoscalerController.wakeups.discard(through: time)
  }

  /// Whether nothing is scheduled to happen but progress-deadline checks: every pod has
  /// settled into its state (a watch ends here).
  public var isQuiet: Bool {
    kubelet.timers.isEmpty && wakeups.isEmpty && roundRequestQueues.allSatisfy(\.isEmpty)
  }

  /// Starts recording ``replicaTimeline`` afresh (at most `maxSamples` samples), with the
  /// counts as they are now.
  public mutating func startReplicaTimeline(maxSamples: Int = 2000) {
    replicaTimeline = ReplicaTimeline(maxSamples: maxSamples)
    recordReplicaTimeline()
  }

  /// Stops recording and hands back what was recorded.
  public mutating func stopReplicaTimeline() -> ReplicaTimeline? {
    defer { replicaTimeline = nil }
    return replicaTimeline
  }

  /// Hands the cluster as it is to `observe`, and to the timeline when one is recording.
  mutating func stepped(_ observe: (Cluster) -> Void) {
    observe(self)
    recordReplicaTimeline()
  }

  /// Adds the counts as they are now to the timeline, when one is recording. (The timeline
  /// is taken out while it records, so its storage is not shared with the copy it reads.)
  mutating func recordReplicaTimeline() {
    guard var timeline = replicaTimeline else { return }
    replicaTimeline = nil
    timeline.record(self)
    replicaTimeline = timeline
  }

  /// Moves virtual time forward by `seconds`, running due work in deadline order.
  public mutating func advance(seconds: Double) throws(APIError) {
    let target = try sleepTarget(seconds: seconds)
    try advance(until: target) { _ in false }
  }

  /// Sleeps for `seconds`: like ``advance(seconds:)``, but whole CronJob cycles that nothing
  /// can observe afterwards may be skipped (``CronFastForward``) unless `fastForward` is false.
  public mutating func sleep(seconds: Double, fastForward: Bool = true) throws(APIError) {
    let target = try sleepTarget(seconds: seconds)
    _ = try advance(until: target, fastForward: fastForward) { _ in false }
  }

  /// The instant a sleep of `seconds` ends, refused at once when it lies beyond what one
  /// command may reach (``furthestInstant``), so that no time passes for nothing.
  private func sleepTarget(seconds: Double) throws(APIError) -> Timestamp {
    guard seconds.isFinite else { throw advanceLimitError(Timestamp(milliseconds: .max)) }
    let target = now.adding(seconds: seconds)
    guard target <= furthestInstant else { throw advanceLimitError(target) }
    return target
  }

  /// The latest instant one command may move the virtual clock to: `maxAdvanceSeconds` from
  /// now, and never past ``Timestamp/latest``.
  var furthestInstant: Timestamp {
    min(now.adding(milliseconds: config.limits.maxAdvanceSeconds.saturatingMultiply(1000)), .latest)
  }

  /// The error for a command that would move the clock to `target`, beyond ``furthestInstant``.
  private func advanceLimitError(_ target: Timestamp) -> APIError {
    if now.adding(milliseconds: config.limits.maxAdvanceSeconds.saturatingMultiply(1000)) < target {
      return .limitExceeded(
        "the simulator advances virtual time by at most \(config.limits.maxAdvanceSeconds / 86400) days per command")
    }
    return .limitExceeded(
      "the simulator's virtual clock stops at \(Timestamp.latest.rfc3339), the last instant the API server can write")
  }

  /// Moves virtual time forward until `done` holds after a settle, or `limit` is reached;
  /// `observe` sees the cluster after every step (for watches).
  ///
  /// - Returns: whether `done` held (false when time ran out first).
  @discardableResult
  public mutating func advance(
    until limit: Timestamp, observe: (Cluster) -> Void = { _ in }, done: (Cluster) -> Bool
  ) throws(APIError) -> Bool {
    try advance(until: limit, fastForward: false, observe: observe, done: done)
  }

  mutating func advance(
    until limit: Timestamp, fastForward allowed: Bool, observe: (Cluster) -> Void = { _ in }, done: (Cluster) -> Bool
  ) throws(APIError) -> Bool {
    let original = limit
    var limit = limit
    var capped = false
    if let cap = interruptAt, cap < limit {
      limit = max(cap, now)
      capped = true
    }
    // A wait may name a later deadline than one command can reach; it runs up to the furthest
    // instant and fails there only if what it waits for has not happened by then.
    let furthest = furthestInstant
    let beyondFurthest = limit > furthest
    if beyondFurthest { limit = max(furthest, now) }
    try settle()
    stepped(observe)
    if done(self) { return true }
    var steps = 0
    var fastForward = allowed
    while let next = nextDeadline, next <= limit {
      steps += 1
      if steps > config.limits.maxTimeSteps {
        throw .limitExceeded(
          "the simulation needed more than \(config.limits.maxTimeSteps) time steps in one command and was stopped")
      }
      if next > now { now = next }
      expireEvents()
      if wakeups.earliest.map({ $0 <= now }) ?? false { allWorkloadsDirty = true }
      if deploymentController.progressChecks.earliest.map({ $0 <= now }) ?? false { deploymentController.due = true }
      wakeups.discard(through: now)
      discardRoundRequests(through: now)
      deploymentController.progressChecks.discard(through: now)
      try settle()
      stepped(observe)
      if done(self) { return true }
      if fastForward, let plan = CronFastForward.plan(self, limit: limit) {
        fastForward = false
        self.fastForward(plan)
        try settle()
      }
    }
    if limit > now { now = limit }
    expireEvents()
    try settle()
    stepped(observe)
    let finished = done(self)
    if capped && !finished { wasInterrupted = true }
    if beyondFurthest && !finished && !capped { throw advanceLimitError(original) }
    return finished
  }
}

/// How many of an owner's pods are active (not terminating, not finished) and ready.
struct OwnerCounts: Sendable, Equatable {
  var active = 0
  var ready = 0

  mutating func add(_ pod: Pod) {
    guard ReplicaSetController.isActive(pod) else { return }
    active += 1
    if pod.isReady { ready += 1 }
  }

  mutating func remove(_ pod: Pod) {
    guard ReplicaSetController.isActive(pod) else { return }
    active -= 1
    if pod.isReady { ready -= 1 }
  }
}
