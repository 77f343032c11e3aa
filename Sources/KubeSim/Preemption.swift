/// DefaultPreemption's PostFilter (`pkg/scheduler/framework/preemption/preemption.go`,
/// `plugins/defaultpreemption/default_preemption.go`): for a pod no node fits, the nodes whose
/// reason preemption could resolve are tried with every lower-priority pod removed; the pods
/// that need not go are reprieved, most important first; the node whose victims matter least
/// is chosen.
struct Preemption {
  /// One node's victims.
  struct Candidate {
    var node: Int
    var victims: [Pod]
  }

  /// What the evaluation found: a candidate, or each tried node's reasons.
  enum Outcome {
    case preempt(Candidate)
    case none(reasons: [String: Int])
  }

  let nodes: [Node]
  /// Bound, unfinished pods by node index.
  let podsByNode: [[Pod]]
  /// Labels of each namespace (for ``PlacementRules``).
  let namespaceLabels: [String: [String: String]]

  /// `DryRunPreemption` over the `resolvable` nodes, then `SelectCandidate`.
  func evaluate(_ pod: Pod, resolvable: [Int]) -> Outcome {
    let priority = pod.spec.effectivePriority
    var reasons: [String: Int] = [:]
    var candidates: [Candidate] = []
    for index in resolvable {
      let placed = podsByNode[index]
      // Most important first: higher priority, then started earlier (`MoreImportantPod`).
      let potential = placed.filter { $0.spec.effectivePriority < priority }.sorted(by: Self.moreImportant)
      guard !potential.isEmpty else {
        reasons["No preemption victims found for incoming pod", default: 0] += 1
        continue
      }
      var remaining = placed.filter { $0.spec.effectivePriority >= priority }
      let failures = unfit(pod, on: index, with: remaining)
      guard failures.isEmpty else {
        for failure in failures { reasons[failure, default: 0] += 1 }
        continue
      }
      var victims: [Pod] = []
      for candidate in potential {
        remaining.append(candidate)
        if !unfit(pod, on: index, with: remaining).isEmpty {
          remaining.removeLast()
          victims.append(candidate)
        }
      }
      candidates.append(Candidate(node: index, victims: victims))
    }
    guard let best = candidates.min(by: Self.preferred) else { return .none(reasons: reasons) }
    return .preempt(best)
  }

  /// Why `pod` would not fit node `index` running only `remaining`: NodeResourcesFit's
  /// reasons, then PodTopologySpread's and InterPodAffinity's; empty when it fits.
  func unfit(_ pod: Pod, on index: Int, with remaining: [Pod]) -> [String] {
    let node = nodes[index]
    if remaining.count >= node.status.maxPods { return ["Too many pods"] }
    var reasons: [String] = []
    let cpu = remaining.reduce(pod.requested("cpu")) { $0.saturatingAdd($1.requested("cpu")) }
    let memory = remaining.reduce(pod.requested("memory")) { $0.saturatingAdd($1.requested("memory")) }
    if cpu > Int64(node.status.cpuMillis) { reasons.append("Insufficient cpu") }
    if memory > node.status.memoryBytes { reasons.append("Insufficient memory") }
    guard reasons.isEmpty else { return reasons }
    var pods = podsByNode.enumerated().flatMap { $0.offset == index ? [] : $0.element }
    pods += remaining
    let rules = PlacementRules(nodes: nodes, pods: pods, namespaceLabels: namespaceLabels)
    let reason =
      rules.spreadReason(rules.spreadCounts(for: pod, hard: true), node: index)
      ?? rules.interPodReason(rules.interPodState(for: pod), node: index)
    return reason.map { [$0.rawValue] } ?? []
  }

  /// `MoreImportantPod`: higher priority, then the earlier start.
  static func moreImportant(_ a: Pod, _ b: Pod) -> Bool {
    let (left, right) = (a.spec.effectivePriority, b.spec.effectivePriority)
    if left != right { return left > right }
    let never = Timestamp(milliseconds: .max)
    return (a.status.startTime ?? never) < (b.status.startTime ?? never)
  }

  /// `pickOneNodeForPreemption`'s order, budgets aside: the lowest highest-priority victim,
  /// the smallest sum of priorities (each offset by 2^31, so fewer victims weigh less), the
  /// fewest victims, then the first node.
  static func preferred(_ a: Candidate, _ b: Candidate) -> Bool {
    func key(_ candidate: Candidate) -> (Int64, Int64, Int, Int) {
      let priorities = candidate.victims.map(\.spec.effectivePriority)
      let sum = priorities.reduce(Int64(0)) { $0.saturatingAdd($1.saturatingAdd(Int64(Int32.max) + 1)) }
      return (priorities.max() ?? .min, sum, candidate.victims.count, candidate.node)
    }
    return key(a) < key(b)
  }
}

extension Preemption {
  /// Indexes the bound pods of `cluster` over its sorted nodes.
  init(cluster: Cluster, nodeNames: [String]) {
    let nodes = nodeNames.map { cluster.nodes[$0]! }
    var byNode = [[Pod]](repeating: [], count: nodeNames.count)
    for key in cluster.pods.keys.sorted() {
      let pod = cluster.pods[key]!
      guard let name = pod.spec.nodeName, !pod.status.phase.isTerminal,
        let index = Scheduler.binarySearch(nodeNames, name)
      else { continue }
      byNode[index].append(pod)
    }
    var labels: [String: [String: String]] = [:]
    for (name, namespace) in cluster.namespaces { labels[name] = namespace.metadata.labels }
    self.init(nodes: nodes, podsByNode: byNode, namespaceLabels: labels)
  }
}

extension Cluster {
  /// Carries out a preemption (`prepareCandidate`): each victim gets the DisruptionTarget
  /// condition, is deleted gracefully and gets the `Preempted` event; the preemptor is
  /// nominated to the node.
  mutating func preempt(_ candidate: Preemption.Candidate, for pod: inout Pod, nodeName: String) {
    for victim in candidate.victims {
      let key = Self.key(victim.metadata)
      guard var live = pods[key] else { continue }
      live.status.conditions.append(
        PodCondition(
          type: "DisruptionTarget", status: .true, lastTransitionTime: now, reason: "PreemptionByScheduler",
          message: "default-scheduler: preempting to accommodate a higher priority pod"))
      update(live)
      _ = try? deletePod(live.metadata.name, namespace: live.metadata.namespace ?? "default")
      record(
        Event(
          namespace: live.metadata.namespace ?? "default", involvedKind: "Pod", involvedName: live.metadata.name,
          reason: "Preempted", message: "Preempted by pod \(pod.metadata.uid) on node \(nodeName)",
          source: "default-scheduler", at: now))
    }
    pod.status.nominatedNodeName = nodeName
  }
}
