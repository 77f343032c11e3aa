/// The scheduler: binds each unscheduled pod to a feasible node.
///
/// Feasible, checked per node in the default plugins' order, the first failure being the
/// node's reason: Ready, not cordoned (NodeUnschedulable), every NoSchedule/NoExecute taint
/// tolerated (TaintToleration), `nodeSelector` and required node affinity (NodeAffinity),
/// below the pod limit with the requested CPU and memory free (NodeResourcesFit), then
/// `DoNotSchedule` topology spread constraints (PodTopologySpread) and required pod affinity,
/// anti-affinity and existing pods' anti-affinity (InterPodAffinity), in ``PlacementRules``.
///
/// Choice: the highest sum of the scores the simulator computes (preferred node affinity,
/// preferred pod affinity, `ScheduleAnyway` spread; ``PlacementRules/scores(for:candidates:)``),
/// then the node running the fewest pods, then the first by name. The fewest-pods rule stands in
/// for LeastAllocated, BalancedAllocation and the default system spreading on the simulator's
/// identical workers; where kube-scheduler picks at random among equal scores, the simulator's
/// choice is deterministic.
///
/// The value holds the scheduler's own state (``Cluster/scheduler``); its steps are static and
/// take the whole cluster, whose store they read and write.
struct Scheduler: ControlLoop {
  /// Pods waiting to be scheduled, by key: the store adds every unbound pod that is not being
  /// deleted and drops it once bound or gone.
  var queue: Set<String> = []
  /// Queued pods that may have a priority other than 0 (a superset: keys that left the queue
  /// are dropped at the next round); while it is empty the queue is taken in key order.
  var prioritized: Set<String> = []

  /// What decides where a pod may go; pods from one template share it.
  private struct Signature: Hashable {
    var tolerations: [Toleration]
    var nodeSelector: [String: String]
    var requiredNodeName: String?
  }

  static func reconcile(_ cluster: inout Cluster) {
    guard !cluster.scheduler.queue.isEmpty else { return }
    if !cluster.scheduler.prioritized.isEmpty {
      cluster.scheduler.prioritized.formIntersection(cluster.scheduler.queue)
    }
    let pending =
      cluster.scheduler.prioritized.isEmpty
      ? cluster.scheduler.queue.sorted() : prioritySorted(cluster.scheduler.queue, cluster)
    let nodeNames = cluster.nodes.keys.sorted()
    var counts = nodeNames.map { cluster.podsPerNode[$0] ?? 0 }
    let capacity = nodeNames.map { cluster.nodes[$0]!.status.maxPods }
    // Free CPU and memory per node, only worked out when some pending pod requests any.
    var free: [(cpu: Int64, memory: Int64)] = []
    if pending.contains(where: { key in
      cluster.pods[key].map { $0.requested("cpu") > 0 || $0.requested("memory") > 0 } ?? false
    }) {
      var used: [String: (cpu: Int64, memory: Int64)] = [:]
      for pod in cluster.pods.values
      where pod.spec.nodeName != nil && !pod.status.phase.isTerminal {
        let node = pod.spec.nodeName!
        used[node, default: (0, 0)].cpu = used[node, default: (0, 0)].cpu.saturatingAdd(pod.requested("cpu"))
        used[node, default: (0, 0)].memory = used[node, default: (0, 0)].memory.saturatingAdd(
          pod.requested("memory"))
      }
      free = nodeNames.map { name in
        let node = cluster.nodes[name]!
        return (
          Int64(node.status.cpuMillis).saturatingSubtract(used[name]?.cpu ?? 0),
          node.status.memoryBytes.saturatingSubtract(used[name]?.memory ?? 0)
        )
      }
    }
    var feasibleBySignature: [Signature: (nodes: [Int], rejections: [String: Int])] = [:]
    // Pods of one controller come from one template, so they share where they may go.
    var feasibleByOwner: [String: (nodes: [Int], rejections: [String: Int])] = [:]
    var leastLoaded: [String: LeastLoadedNodes] = [:]
    // Built once a pod needs the bound pods (affinity, spread, existing anti-affinity).
    var rules: PlacementRules?
    for key in pending {
      guard var pod = cluster.pods[key], pod.spec.nodeName == nil, pod.metadata.deletionTimestamp == nil else {
        cluster.scheduler.queue.remove(key)
        continue
      }
      let owner = pod.metadata.controllerUID
      // Without resource requests in play, the least loaded node comes off a heap.
      if free.isEmpty, let owner, feasibleByOwner[owner] != nil,
        let index = leastLoaded[owner]?.pop(counts: counts, capacity: capacity)
      {
        assign(&pod, to: index, nodeNames: nodeNames, counts: &counts, free: &free, rules: &rules, cluster: &cluster)
        leastLoaded[owner]?.push(count: counts[index], index: index)
        continue
      }
      if let owner, let cached = feasibleByOwner[owner] {
        bind(
          &pod, key: key, feasible: cached, nodeNames: nodeNames, counts: &counts, capacity: capacity, free: &free,
          rules: &rules, cluster: &cluster)
        continue
      }
      // Claims: every claim must exist (VolumeBinding's PreFilter), and a claim bound to a
      // node-local volume pins the pod to that node.
      let claimNames = cluster.claimNames(of: pod)
      var pinned = pod.spec.requiredNodeName
      if !claimNames.isEmpty {
        let namespace = pod.metadata.namespace ?? "default"
        if let missing = claimNames.first(where: { cluster.claims[Cluster.key(namespace, $0)] == nil }) {
          if !pod.status.conditions.contains(where: { $0.type == "PodScheduled" }) {
            let total = nodeNames.count
            let message =
              "0/\(total) nodes are available: persistentvolumeclaim \"\(missing)\" not found. preemption: 0/\(total) nodes are available: \(total) Preemption is not helpful for scheduling."
            pod.status.conditions.append(
              PodCondition(
                type: "PodScheduled", status: .false, lastTransitionTime: cluster.now, reason: "Unschedulable",
                message: message))
            cluster.update(pod)
            cluster.record(
              Event(
                namespace: namespace, involvedKind: "Pod", involvedName: pod.metadata.name, type: .warning,
                reason: "FailedScheduling", message: message, source: "default-scheduler", at: cluster.now))
          }
          continue
        }
        let unboundImmediate = claimNames.contains { name in
          guard let claim = cluster.claims[Cluster.key(namespace, name)] else { return false }
          return claim.phase == .pending && !cluster.waitsForFirstConsumer(claim.storageClassName)
        }
        if unboundImmediate {
          if !pod.status.conditions.contains(where: { $0.type == "PodScheduled" }) {
            let total = nodeNames.count
            let message =
              "0/\(total) nodes are available: pod has unbound immediate PersistentVolumeClaims. preemption: 0/\(total) nodes are available: \(total) Preemption is not helpful for scheduling."
            pod.status.conditions.append(
              PodCondition(
                type: "PodScheduled", status: .false, lastTransitionTime: cluster.now, reason: "Unschedulable",
                message: message))
            cluster.update(pod)
            cluster.record(
              Event(
                namespace: namespace, involvedKind: "Pod", involvedName: pod.metadata.name, type: .warning,
                reason: "FailedScheduling", message: message, source: "default-scheduler", at: cluster.now))
          }
          continue
        }
        for claimName in claimNames {
          if let volumeName = cluster.claims[Cluster.key(namespace, claimName)]?.volumeName,
            let node = cluster.volumes[volumeName]?.node
          {
            pinned = node
          }
        }
        cluster.volumeBinder.waitingPods.insert(key)
      }
      // A pod pinned to one node (a DaemonSet's, or one whose volume lives on a node) that fits
      // there binds without looking at the other nodes; only a pod that does not fit needs
      // every node's reason for the event.
      if let required = pinned, let node = cluster.nodes[required],
        let index = binarySearch(nodeNames, required), counts[index] < capacity[index],
        free.isEmpty || (pod.requested("cpu") <= free[index].cpu && pod.requested("memory") <= free[index].memory),
        unfitReason(pod, node, podCount: 0) == nil
      {
        assign(&pod, to: index, nodeNames: nodeNames, counts: &counts, free: &free, rules: &rules, cluster: &cluster)
        continue
      }
      if !pod.spec.affinity.isEmpty || !pod.spec.topologySpreadConstraints.isEmpty
        || !cluster.podsWithRequiredAntiAffinity.isEmpty
      {
        if rules == nil { rules = PlacementRules(cluster: cluster, nodeNames: nodeNames) }
        placeConstrained(
          &pod, nodeNames: nodeNames, counts: &counts, capacity: capacity, free: &free, rules: &rules,
          cluster: &cluster)
        // Another pod's anti-affinity may now keep a template's pods off a node.
        if !pod.spec.affinity.requiredPodAntiAffinity.isEmpty {
          feasibleByOwner = [:]
          leastLoaded = [:]
        }
        continue
      }
      let signature = Signature(
        tolerations: pod.spec.tolerations, nodeSelector: pod.spec.nodeSelector,
        requiredNodeName: pod.spec.requiredNodeName)
      if feasibleBySignature[signature] == nil {
        var feasible: [Int] = []
        var rejections: [String: Int] = [:]
        for (index, name) in nodeNames.enumerated() {
          if let reason = cluster.nodes[name].flatMap({ unfitReason(pod, $0, podCount: 0) }) {
            rejections[reason, default: 0] += 1
          } else {
            feasible.append(index)
          }
        }
        feasibleBySignature[signature] = (feasible, rejections)
      }
      let entry = feasibleBySignature[signature]!
      // A DaemonSet's pods share an owner but each is pinned to its own node.
      if let owner, pod.spec.requiredNodeName == nil {
        feasibleByOwner[owner] = entry
        if free.isEmpty { leastLoaded[owner] = LeastLoadedNodes(feasible: entry.nodes, counts: counts) }
      }
      bind(
        &pod, key: key, feasible: entry, nodeNames: nodeNames, counts: &counts, capacity: capacity, free: &free,
        rules: &rules, cluster: &cluster)
    }
  }

  /// The queue in PrioritySort's order: higher priority first, then by key (the simulator's
  /// stand-in for the queue's arrival order).
  static func prioritySorted(_ queue: Set<String>, _ cluster: Cluster) -> [String] {
    var keys = queue.sorted()
    let ranked = keys.map { (cluster.pods[$0]?.spec.effectivePriority ?? 0, $0) }
    if ranked.contains(where: { $0.0 != 0 }) {
      keys = ranked.sorted { ($1.0, $0.1) < ($0.0, $1.1) }.map(\.1)
    }
    return keys
  }

  /// The index of `name` in the sorted `names`, if present.
  static func binarySearch(_ names: [String], _ name: String) -> Int? {
    var low = 0
    var high = names.count
    while low < high {
      let middle = (low + high) / 2
      if names[middle] < name { low = middle + 1 } else { high = middle }
    }
    return low < names.count && names[low] == name ? low : nil
  }

  /// Binds `pod` to the least loaded of its feasible nodes, or records why it cannot be placed.
  private static func bind(
    _ pod: inout Pod, key: String, feasible entry: (nodes: [Int], rejections: [String: Int]), nodeNames: [String],
    counts: inout [Int], capacity: [Int], free: inout [(cpu: Int64, memory: Int64)], rules: inout PlacementRules?,
    cluster: inout Cluster
  ) {
    let (feasible, staticRejections) = entry
    let cpu = pod.requested("cpu")
    let memory = pod.requested("memory")
    do {
      var best: Int?
      var bestCount = Int.max
      var full = 0
      var insufficient: [String: Int] = [:]
      for index in feasible {
        let count = counts[index]
        if count >= capacity[index] {
          full += 1
          continue
        }
        if !free.isEmpty && (cpu > free[index].cpu || memory > free[index].memory) {
          if cpu > free[index].cpu { insufficient["Insufficient cpu", default: 0] += 1 }
          if memory > free[index].memory { insufficient["Insufficient memory", default: 0] += 1 }
          continue
        }
        if count < bestCount {
          best = index
          bestCount = count
        }
      }
      if let index = best {
        assign(&pod, to: index, nodeNames: nodeNames, counts: &counts, free: &free, rules: &rules, cluster: &cluster)
      } else if !pod.status.conditions.contains(where: { $0.type == "PodScheduled" }) {
        // Stays in the ``queue``: a node added, uncordoned or recovered later may fit it.
        var rejections = staticRejections
        if full > 0 { rejections["Too many pods", default: 0] += full }
        rejections.merge(insufficient) { $0 + $1 }
        recordUnschedulable(
          &pod, rejections: rejections, resolvable: feasible, nodeNames: nodeNames, cluster: &cluster)
      }
    }
  }

  /// Records that no node fits `pod`: the PodScheduled condition and the FailedScheduling
  /// event, once. The message is `FitError.Error()` (`framework/types.go`): the
  /// "<count> <reason>" strings sorted, then DefaultPreemption's summary (``Preemption``):
  /// nodes whose reason preemption cannot resolve (`UnschedulableAndUnresolvable`, not in
  /// `resolvable`) are "not helpful"; the others give their own reasons. When preemption finds
  /// victims they are evicted, the pod is nominated to their node and the message has no
  /// preemption part.
  static func recordUnschedulable(
    _ pod: inout Pod, rejections: [String: Int], resolvable: [Int], nodeNames: [String], cluster: inout Cluster
  ) {
    guard !pod.status.conditions.contains(where: { $0.type == "PodScheduled" }) else { return }
    let total = cluster.nodes.count
    let reasons = rejections.map { "\($1) \($0)" }.sorted().joined(separator: ", ")
    var preemption: [String: Int] = [:]
    var message = "0/\(total) nodes are available: \(reasons)."
    // Only a class below the pod's priority can give a victim (pods without one have 0).
    let priority = pod.spec.effectivePriority
    let lowerExists = priority > 0 || cluster.priorityClasses.values.contains { Int64($0.value) < priority }
    if pod.spec.preemptionPolicy == "Never" {
      message += " preemption: not eligible due to preemptionPolicy=Never."
    } else if lowerExists && !resolvable.isEmpty {
      switch Preemption(cluster: cluster, nodeNames: nodeNames).evaluate(pod, resolvable: resolvable) {
      case .preempt(let candidate):
        cluster.preempt(candidate, for: &pod, nodeName: nodeNames[candidate.node])
      case .none(let found):
        preemption = found
      }
    } else if !resolvable.isEmpty {
      preemption["No preemption victims found for incoming pod"] = resolvable.count
    }
    if pod.status.nominatedNodeName == nil && pod.spec.preemptionPolicy != "Never" {
      if total - resolvable.count > 0 {
        preemption["Preemption is not helpful for scheduling", default: 0] += total - resolvable.count
      }
      let preemptionText = preemption.map { "\($1) \($0)" }.sorted().joined(separator: ", ")
      message += " preemption: 0/\(total) nodes are available: \(preemptionText)."
    }
    pod.status.conditions.append(
      PodCondition(
        type: "PodScheduled", status: .false, lastTransitionTime: cluster.now, reason: "Unschedulable",
        message: message))
    cluster.update(pod)
    cluster.record(
      Event(
        namespace: pod.metadata.namespace ?? "default", involvedKind: "Pod", involvedName: pod.metadata.name,
        type: .warning, reason: "FailedScheduling", message: message, source: "default-scheduler", at: cluster.now))
  }

  /// Places a pod with affinity or spread rules (or any pod while some bound pod has a
  /// required anti-affinity): the filters in the framework's order, each node stopping at its
  /// first failure (NodeUnschedulable, TaintToleration, NodeAffinity, NodeResourcesFit,
  /// PodTopologySpread, InterPodAffinity), then the highest weighted score
  /// (``PlacementRules/scores(for:candidates:)``), ties to the node with the fewest pods, then
  /// the first by name.
  private static func placeConstrained(
    _ pod: inout Pod, nodeNames: [String], counts: inout [Int], capacity: [Int],
    free: inout [(cpu: Int64, memory: Int64)], rules: inout PlacementRules?, cluster: inout Cluster
  ) {
    guard let current = rules else { return }
    let interPod = current.interPodState(for: pod)
    let spread = current.spreadCounts(for: pod, hard: true)
    let cpu = pod.requested("cpu")
    let memory = pod.requested("memory")
    var rejections: [String: Int] = [:]
    var resolvable: [Int] = []
    var candidates: [Int] = []
    for index in nodeNames.indices {
      if let reason = unfitReason(pod, current.nodes[index], podCount: 0) {
        rejections[reason, default: 0] += 1
        continue
      }
      if counts[index] >= capacity[index] {
        rejections["Too many pods", default: 0] += 1
        resolvable.append(index)
        continue
      }
      if !free.isEmpty && (cpu > free[index].cpu || memory > free[index].memory) {
        if cpu > free[index].cpu { rejections["Insufficient cpu", default: 0] += 1 }
        if memory > free[index].memory { rejections["Insufficient memory", default: 0] += 1 }
        resolvable.append(index)
        continue
      }
      if let reason = current.spreadReason(spread, node: index) ?? current.interPodReason(interPod, node: index) {
        rejections[reason.rawValue, default: 0] += 1
        if reason.isResolvable { resolvable.append(index) }
        continue
      }
      candidates.append(index)
    }
    guard !candidates.isEmpty else {
      recordUnschedulable(
        &pod, rejections: rejections, resolvable: resolvable, nodeNames: nodeNames, cluster: &cluster)
      return
    }
    let scores = current.scores(for: pod, candidates: candidates)
    var best = 0
    for position in candidates.indices.dropFirst() {
      let (score, bestScore) = (scores?[position] ?? 0, scores?[best] ?? 0)
      if score > bestScore || (score == bestScore && counts[candidates[position]] < counts[candidates[best]]) {
        best = position
      }
    }
    assign(
      &pod, to: candidates[best], nodeNames: nodeNames, counts: &counts, free: &free, rules: &rules, cluster: &cluster)
  }

  /// Binds `pod` to node `index` and records the Scheduled event.
  private static func assign(
    _ pod: inout Pod, to index: Int, nodeNames: [String], counts: inout [Int],
    free: inout [(cpu: Int64, memory: Int64)], rules: inout PlacementRules?, cluster: inout Cluster
  ) {
    let namespace = pod.metadata.namespace ?? "default"
    let node = nodeNames[index]
    pod.spec.nodeName = node
    setCondition(&pod, type: "PodScheduled", status: .true, at: cluster.now)
    counts[index] += 1
    if !free.isEmpty {
      free[index].cpu = free[index].cpu.saturatingSubtract(pod.requested("cpu"))
      free[index].memory = free[index].memory.saturatingSubtract(pod.requested("memory"))
    }
    cluster.update(pod)
    rules?.add(pod, at: index)
    cluster.record(
      Event(
        namespace: namespace, involvedKind: "Pod", involvedName: pod.metadata.name, reason: "Scheduled",
        message: "Successfully assigned \(namespace)/\(pod.metadata.name) to \(node)",
        source: "default-scheduler", at: cluster.now))
  }

  /// Why `node` cannot take `pod`, in the scheduler's words, or nil when it can.
  static func unfitReason(_ pod: Pod, _ node: Node, podCount: Int) -> String? {
    if !node.isReady { return "node(s) were not ready" }
    if node.spec.unschedulable
      && !pod.spec.tolerations.contains(where: {
        tolerates($0, Taint(key: "node.kubernetes.io/unschedulable", effect: .noSchedule))
      })
    {
      return "node(s) were unschedulable"
    }
    for taint in node.spec.taints where taint.effect == .noSchedule || taint.effect == .noExecute {
      if !pod.spec.tolerations.contains(where: { tolerates($0, taint) }) {
        return "node(s) had untolerated taint {\(taint.key): \(taint.value ?? "")}"
      }
    }
    if !matchesNodeAffinity(pod, node) { return "node(s) didn't match Pod's node affinity/selector" }
    if podCount >= node.status.maxPods { return "Too many pods" }
    return nil
  }

  /// NodeAffinity's filter (`nodeaffinity/node_affinity.go`, `GetRequiredNodeAffinity`):
  /// every `nodeSelector` pair, and one of the required node selector terms (ORed) when the
  /// pod has any; a DaemonSet pod's ``PodSpec/requiredNodeName`` is such a term.
  static func matchesNodeAffinity(_ pod: Pod, _ node: Node) -> Bool {
    for (key, value) in pod.spec.nodeSelector where node.metadata.labels[key] != value { return false }
    if let required = pod.spec.requiredNodeName { return required == node.metadata.name }
    if let terms = pod.spec.affinity.requiredNodeTerms, !NodeSelectorTerm.anyMatches(terms, node) { return false }
    return true
  }

  /// Whether `toleration` tolerates `taint` (`v1.Toleration.ToleratesTaint`).
  static func tolerates(_ toleration: Toleration, _ taint: Taint) -> Bool {
    if let effect = toleration.effect, !effect.text.isEmpty, effect.value != taint.effect { return false }
    if let key = toleration.key, !key.isEmpty, key != taint.key { return false }
    if toleration.key == nil || toleration.key == "" {
      if toleration.operator?.value != .exists { return false }
    }
    switch toleration.operator {
    case .known(.exists)?: return true
    case .known(.equal)?, .unsupported("")?, nil: return (toleration.value ?? "") == (taint.value ?? "")
    default: return false
    }
  }

  static func setCondition(_ pod: inout Pod, type: String, status: ConditionStatus, at time: Timestamp) {
    if let index = pod.status.conditions.firstIndex(where: { $0.type == type }) {
      if pod.status.conditions[index].status != status {
        pod.status.conditions[index] = PodCondition(type: type, status: status, lastTransitionTime: time)
      }
    } else {
      pod.status.conditions.append(PodCondition(type: type, status: status, lastTransitionTime: time))
    }
  }
}
