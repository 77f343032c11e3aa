/// The DaemonSet controller (`docs/reference/controllers.md` §4.1): one pod per eligible node, pinned there by
/// node affinity; pods on nodes that may no longer run them are deleted; status counts the
/// oldest pod on each node.
///
/// The value holds the controller's own state (``Cluster/daemonSetController``); its steps are
/// static and take the whole cluster, whose store they read and write.
struct DaemonSetController: ControlLoop {
  /// Set when a DaemonSet's pod is written or removed: the controller should look again.
  var podsChanged = true
  /// What the controller saw when it last looked (node count, summed resource versions of
  /// nodes and of DaemonSets).
  var checkedAt: [Int] = []
  /// When a daemon pod the controller waits for becomes available.
  var wakeAt: Timestamp?
  /// Each DaemonSet's revision hash and the generation it was computed for, by uid.
  var hashes: [String: (generation: Int, hash: String)] = [:]
  /// Each DaemonSet's ControllerRevisions (name, number, creation), by uid.
  var revisions: [String: [ControllerRevision.Entry]] = [:]

  static func reconcile(_ cluster: inout Cluster) {
    guard !cluster.daemonSets.isEmpty else { return }
    // Nothing to do unless a node, a DaemonSet or one of their pods has changed, or a pod
    // the controller waits for (minReadySeconds) has become available.
    var seen = [cluster.nodes.count]
    seen.append(cluster.nodes.values.reduce(0) { $0 &+ $1.metadata.resourceVersion })
    seen.append(cluster.daemonSets.values.reduce(0) { $0 &+ $1.metadata.resourceVersion })
    let woken = cluster.daemonSetController.wakeAt.map { $0 <= cluster.now } ?? false
    guard cluster.daemonSetController.podsChanged || woken || seen != cluster.daemonSetController.checkedAt else {
      return
    }
    cluster.daemonSetController.podsChanged = false
    cluster.daemonSetController.wakeAt = nil
    let nodes = cluster.sortedNodes
    for key in cluster.daemonSets.keys.sorted() {
      guard let set = cluster.daemonSets[key], set.metadata.deletionTimestamp == nil else { continue }
      manage(set, nodes: nodes, cluster: &cluster)
      updateStatus(key, nodes: nodes, cluster: &cluster)
    }
    seen[2] = cluster.daemonSets.values.reduce(0) { $0 &+ $1.metadata.resourceVersion }
    cluster.daemonSetController.checkedAt = seen
  }

  /// The DaemonSet's revision hash, worked out once per template generation.
  static func templateHash(of set: DaemonSet, cluster: inout Cluster) -> String {
    if let cached = cluster.daemonSetController.hashes[set.metadata.uid], cached.generation == set.metadata.generation {
      return cached.hash
    }
    let hash = PodTemplateHash.compute(set.template, collisionCount: nil)
    cluster.daemonSetController.hashes[set.metadata.uid] = (set.metadata.generation, hash)
    ControllerRevision.record(
      "\(set.metadata.name)-\(hash)", in: &cluster.daemonSetController.revisions[set.metadata.uid, default: []],
      at: cluster.now)
    return hash
  }

  /// `NodeShouldRunDaemonPod`: whether a new pod belongs on `node`, and whether one already
  /// there may stay (only an untolerated NoExecute taint or a selector mismatch evicts it).
  static func eligibility(of set: DaemonSet, on node: Node) -> (shouldRun: Bool, shouldContinueRunning: Bool) {
    for (key, value) in set.template.spec.nodeSelector where node.metadata.labels[key] != value {
      return (false, false)
    }
    let tolerations =
      set.template.spec.tolerations + DaemonSet.addedTolerations(hostNetwork: set.template.spec.hostNetwork)
    let untolerated = node.spec.taints.filter { taint in
      (taint.effect == .noSchedule || taint.effect == .noExecute)
        && !tolerations.contains { Scheduler.tolerates($0, taint) }
    }
    if untolerated.isEmpty { return (true, true) }
    return (false, !untolerated.contains { $0.effect == .noExecute })
  }

  /// The node a daemon pod belongs to: where it runs, or where its affinity pins it.
  static func node(of pod: Pod) -> String? { pod.spec.nodeName ?? pod.spec.requiredNodeName }

  /// The pods of `set` by node, oldest first on each node. Terminating pods count until they
  /// are gone (`getNodesToDaemonPods` drops only pods that are both deleted and finished), so
  /// a node gets its new pod once the old one has left.
  static func podsByNode(_ set: DaemonSet, cluster: Cluster) -> [String: [Pod]] {
    var byNode: [String: [Pod]] = [:]
    for pod in cluster.pods(ownedBy: set.metadata.uid) {
      let finished = pod.status.phase.isTerminal
      if pod.metadata.deletionTimestamp != nil && finished { continue }
      guard let node = node(of: pod) else { continue }
      byNode[node, default: []].append(pod)
    }
    for node in byNode.keys {
      byNode[node]?.sort {
        ($0.metadata.creationTimestamp, $0.metadata.name) < ($1.metadata.creationTimestamp, $1.metadata.name)
      }
    }
    return byNode
  }

  /// `podsShouldBeOnNode` and `syncNodes` for one DaemonSet, then its update strategy.
  static func manage(_ set: DaemonSet, nodes: [Node], cluster: inout Cluster) {
    let namespace = set.metadata.namespace ?? "default"
    let byNode = podsByNode(set, cluster: cluster)
    for node in nodes {
      let (shouldRun, shouldContinueRunning) = eligibility(of: set, on: node)
      let pods = byNode[node.metadata.name] ?? []
      let active = pods.filter { $0.metadata.deletionTimestamp == nil }
      if shouldRun && pods.isEmpty {
        create(for: set, on: node.metadata.name, cluster: &cluster)
      } else if !shouldContinueRunning {
        for pod in active { _ = try? cluster.deletePod(pod.metadata.name, namespace: namespace) }
      } else {
        var running = active
        for pod in active where pod.status.phase == .failed {
          cluster.record(
            "DaemonSet", set.metadata,
            reason: "FailedDaemonPod",
            message:
              "Found failed daemon pod \(namespace)/\(pod.metadata.name) on node \(node.metadata.name), will try to kill it",
            type: .warning, source: "daemonset-controller")
          _ = try? cluster.deletePod(pod.metadata.name, namespace: namespace)
          running.removeAll { $0.metadata.name == pod.metadata.name }
        }
        for pod in extraPods(running, of: set, cluster: &cluster) {
          _ = try? cluster.deletePod(pod.metadata.name, namespace: namespace)
        }
      }
    }
    if set.updateStrategy.value == .rollingUpdate {
      if allowsSurge(set) {
        surgingUpdate(set, nodes: nodes, cluster: &cluster)
      } else {
        rollingUpdate(set, nodes: nodes, cluster: &cluster)
      }
    }
  }

  /// Whether the update strategy surges (`util.AllowsSurge`: RollingUpdate with maxSurge > 0).
  static func allowsSurge(_ set: DaemonSet) -> Bool {
    guard set.updateStrategy.value == .rollingUpdate else { return false }
    if case .int(let value) = set.maxSurge { return value > 0 }
    if case .percent(let value) = set.maxSurge { return value > 0 }
    return false
  }

  /// The pods of a node beyond those it may keep (`podsShouldBeOnNode`), oldest first in
  /// `running`. Without surge only the oldest stays. With surge the oldest new and the oldest
  /// old pod may both stay while the old one is ready and the new one not yet available.
  static func extraPods(_ running: [Pod], of set: DaemonSet, cluster: inout Cluster) -> [Pod] {
    guard allowsSurge(set) else { return Array(running.dropFirst()) }
    let hash = templateHash(of: set, cluster: &cluster)
    var extra: [Pod] = []
    var oldestNew: Pod?
    var oldestOld: Pod?
    for pod in running {
      if pod.metadata.labels["controller-revision-hash"] == hash {
        if oldestNew == nil { oldestNew = pod } else { extra.append(pod) }
      } else {
        if oldestOld == nil { oldestOld = pod } else { extra.append(pod) }
      }
    }
    if let new = oldestNew, let old = oldestOld, !old.isReady || isAvailable(new, set: set, cluster: &cluster) {
      extra.append(old)
    }
    return extra
  }

  /// `IsPodAvailable`: ready for `minReadySeconds` (waking the controller when that comes).
  static func isAvailable(_ pod: Pod, set: DaemonSet, cluster: inout Cluster) -> Bool {
    guard pod.metadata.deletionTimestamp == nil, let readySince = ReplicaSetController.readyTime(pod) else {
      return false
    }
    let available = readySince.adding(wholeSeconds: set.minReadySeconds)
    if available > cluster.now {
      cluster.wake(at: available)
      cluster.daemonSetController.wakeAt = min(cluster.daemonSetController.wakeAt ?? available, available)
    }
    return available <= cluster.now
  }

  /// `rollingUpdate` with surge (`update.go`): a node whose old pod is not available gets its
  /// new pod at once; up to `maxSurge` (of the desired number, rounded up) more nodes get a new
  /// pod beside an available old one; an old pod goes once the new pod beside it is available.
  /// Nodes are taken in name order.
  static func surgingUpdate(_ set: DaemonSet, nodes: [Node], cluster: inout Cluster) {
    let namespace = set.metadata.namespace ?? "default"
    let hash = templateHash(of: set, cluster: &cluster)
    let byNode = podsByNode(set, cluster: cluster)
    let eligible = Set(nodes.filter { eligibility(of: set, on: $0).shouldRun }.map(\.metadata.name))
    let maxSurge = set.maxSurge.scaled(total: eligible.count, roundUp: true)
    var oldPodsToDelete: [Pod] = []
    var allowedNewNodes: [String] = []
    var candidateNewNodes: [String] = []
    var surging = 0
    for node in nodes {
      let pods = (byNode[node.metadata.name] ?? []).filter { $0.metadata.deletionTimestamp == nil }
      let newPods = pods.filter { $0.metadata.labels["controller-revision-hash"] == hash }
      let oldPods = pods.filter { $0.metadata.labels["controller-revision-hash"] != hash }
      // More than one of a kind: the manage loop cleans up, and the node counts as surging.
      guard newPods.count <= 1, oldPods.count <= 1 else {
        surging += 1
        continue
      }
      switch (oldPods.first, newPods.first) {
      case (nil, _):
        continue
      case (let old?, nil):
        let shouldRun = eligible.contains(node.metadata.name)
        if !isAvailable(old, set: set, cluster: &cluster) {
          if shouldRun { allowedNewNodes.append(node.metadata.name) } else { oldPodsToDelete.append(old) }
        } else if shouldRun {
          candidateNewNodes.append(node.metadata.name)
        }
      case (let old?, let new?):
        if isAvailable(new, set: set, cluster: &cluster) { oldPodsToDelete.append(old) } else { surging += 1 }
      }
    }
    let remaining = min(max(0, maxSurge - surging), candidateNewNodes.count)
    for pod in oldPodsToDelete {
      guard (try? cluster.deletePod(pod.metadata.name, namespace: namespace)) != nil else { continue }
      cluster.record(
        "DaemonSet", set.metadata, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.metadata.name)",
        source: "daemonset-controller")
    }
    for node in allowedNewNodes + candidateNewNodes.prefix(remaining) {
      create(for: set, on: node, cluster: &cluster)
    }
  }

  /// `rollingUpdate` without surge (`pkg/controller/daemon/update.go`): old pods that are not
  /// available go at once; available ones go while fewer than `maxUnavailable` eligible nodes
  /// lack an available new pod. Nodes are taken in name order (the real controller walks a Go
  /// map, in no fixed order).
  static func rollingUpdate(_ set: DaemonSet, nodes: [Node], cluster: inout Cluster) {
    let namespace = set.metadata.namespace ?? "default"
    let hash = templateHash(of: set, cluster: &cluster)
    let byNode = podsByNode(set, cluster: cluster)
    let eligible = nodes.filter { eligibility(of: set, on: $0).shouldRun }
    let maxUnavailable = max(1, set.maxUnavailable.scaled(total: eligible.count, roundUp: true))
    func available(_ pod: Pod) -> Bool {
      guard pod.metadata.deletionTimestamp == nil, let readySince = ReplicaSetController.readyTime(pod) else {
        return false
      }
      return readySince.adding(wholeSeconds: set.minReadySeconds) <= cluster.now
    }
    var unavailable = 0
    var replaceNow: [Pod] = []
    var candidates: [Pod] = []
    for node in eligible {
      let pods = byNode[node.metadata.name] ?? []
      let newPod = pods.first { $0.metadata.labels["controller-revision-hash"] == hash }
      let oldPod = pods.first { $0.metadata.labels["controller-revision-hash"] != hash }
      switch (oldPod, newPod) {
      case (nil, nil):
        unavailable += 1
      case (nil, let new?):
        if !available(new) { unavailable += 1 }
      case (let old?, nil):
        if old.metadata.deletionTimestamp != nil {
          unavailable += 1
        } else if !available(old) {
          replaceNow.append(old)
        } else {
          candidates.append(old)
        }
      case (_?, _?):
        break
      }
    }
    let budget = max(0, maxUnavailable - unavailable - replaceNow.count)
    for pod in replaceNow + candidates.prefix(budget) {
      guard (try? cluster.deletePod(pod.metadata.name, namespace: namespace)) != nil else { continue }
      cluster.record(
        "DaemonSet", set.metadata, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.metadata.name)",
        source: "daemonset-controller")
    }
  }

  /// Creates the pod for `node` from the template (`CreatePodTemplate`).
  static func create(for set: DaemonSet, on node: String, cluster: inout Cluster) {
    let namespace = set.metadata.namespace ?? "default"
    var labels = set.template.labels
    labels["controller-revision-hash"] = templateHash(of: set, cluster: &cluster)
    labels["pod-template-generation"] = String(set.metadata.generation)
    var metadata = ObjectMeta(name: "", namespace: namespace, labels: labels)
    metadata.annotations = set.template.annotations
    metadata.ownerReferences = [
      OwnerReference(apiVersion: "apps/v1", kind: "DaemonSet", name: set.metadata.name, uid: set.metadata.uid)
    ]
    var spec = set.template.spec
    for toleration in DaemonSet.addedTolerations(hostNetwork: spec.hostNetwork)
    where !spec.tolerations.contains(where: { $0.key == toleration.key && $0.effect == toleration.effect }) {
      spec.tolerations.append(toleration)
    }
    spec.requiredNodeName = node
    do {
      let pod = try cluster.createPod(Pod(metadata: metadata, spec: spec), generateName: set.metadata.name + "-")
      cluster.record(
        "DaemonSet", set.metadata, reason: "SuccessfulCreate", message: "Created pod: \(pod.metadata.name)",
        source: "daemonset-controller")
    } catch {
      cluster.record(
        "DaemonSet", set.metadata, reason: "FailedCreate", message: "Error creating: \(error.message)",
        type: .warning, source: "daemonset-controller")
    }
  }

  /// `updateDaemonSetStatus`: the counts over eligible nodes, measured on each node's oldest pod.
  static func updateStatus(_ key: String, nodes: [Node], cluster: inout Cluster) {
    guard var set = cluster.daemonSets[key] else { return }
    let hash = templateHash(of: set, cluster: &cluster)
    let byNode = podsByNode(set, cluster: cluster)
    var status = DaemonSet.Status()
    for node in nodes {
      let (shouldRun, _) = eligibility(of: set, on: node)
      let pods = byNode[node.metadata.name] ?? []
      guard shouldRun else {
        if !pods.isEmpty { status.numberMisscheduled += 1 }
        continue
      }
      status.desiredNumberScheduled += 1
      guard let oldest = pods.first else { continue }
      status.currentNumberScheduled += 1
      if oldest.metadata.labels["controller-revision-hash"] == hash { status.updatedNumberScheduled += 1 }
      if let readySince = ReplicaSetController.readyTime(oldest) {
        status.numberReady += 1
        let availableAt = readySince.adding(wholeSeconds: set.minReadySeconds)
        if set.minReadySeconds == 0 || availableAt <= cluster.now {
          status.numberAvailable += 1
        } else {
          cluster.wake(at: availableAt)
          cluster.daemonSetController.wakeAt = min(cluster.daemonSetController.wakeAt ?? availableAt, availableAt)
        }
      }
    }
    status.observedGeneration = set.metadata.generation
    guard status != set.status else { return }
    set.status = status
    set.metadata.resourceVersion = cluster.nextResourceVersion()
    cluster.daemonSets[key] = set
  }
}
