import Foundation

/// What the scheduler's pod-dependent plugins see in one scheduling round: the bound pods by
/// node, so that InterPodAffinity (`interpodaffinity/filtering.go`, `scoring.go`) and
/// PodTopologySpread (`podtopologyspread/filtering.go`, `scoring.go`) count matching pods
/// once per pending pod (over the bound pods) rather than once per node.
///
/// Built only in a round that has a pending pod with affinity or spread rules, or when some
/// bound pod has a required anti-affinity; pods bound during the round are added as they go.
struct PlacementRules {
  /// The reasons the filters give (`interpodaffinity/filtering.go`,
  /// `podtopologyspread/filtering.go`), and whether preemption could resolve them.
  enum Reason: String {
    case affinity = "node(s) didn't match pod affinity rules"
    case antiAffinity = "node(s) didn't match pod anti-affinity rules"
    case existingAntiAffinity = "node(s) didn't satisfy existing pods anti-affinity rules"
    case spread = "node(s) didn't match pod topology spread constraints"
    case spreadMissingLabel = "node(s) didn't match pod topology spread constraints (missing required label)"

    /// `Unschedulable` (preemption may help) rather than `UnschedulableAndUnresolvable`.
    var isResolvable: Bool { self == .antiAffinity || self == .existingAntiAffinity || self == .spread }
  }

  /// The sorted node names, and the nodes.
  let nodeNames: [String]
  let nodes: [Node]
  /// Bound pods that are not finished, by node index.
  private(set) var podsByNode: [[Pod]]
  /// Bound pods with a required anti-affinity, with their node index.
  private(set) var antiAffinityPods: [(pod: Pod, node: Int)] = []
  /// Labels of each namespace, with the `kubernetes.io/metadata.name` label the API server adds.
  let namespaceLabels: [String: [String: String]]

  /// Indexes the bound pods of `cluster` over the sorted `nodeNames`.
  init(cluster: Cluster, nodeNames: [String]) {
    var labels: [String: [String: String]] = [:]
    for (name, namespace) in cluster.namespaces { labels[name] = namespace.metadata.labels }
    self.init(
      nodes: nodeNames.map { cluster.nodes[$0]! }, pods: cluster.pods.keys.sorted().map { cluster.pods[$0]! },
      namespaceLabels: labels)
  }

  /// Indexes `pods` bound to `nodes` (sorted by name); pods elsewhere, unbound or finished
  /// are left out. Each namespace gets the `kubernetes.io/metadata.name` label.
  init(nodes: [Node], pods: [Pod], namespaceLabels: [String: [String: String]]) {
    self.nodes = nodes
    nodeNames = nodes.map(\.metadata.name)
    var byNode = [[Pod]](repeating: [], count: nodes.count)
    for pod in pods {
      guard let node = pod.spec.nodeName, !pod.status.phase.isTerminal,
        let index = Scheduler.binarySearch(nodeNames, node)
      else { continue }
      byNode[index].append(pod)
      if !pod.spec.affinity.requiredPodAntiAffinity.isEmpty { antiAffinityPods.append((pod, index)) }
    }
    podsByNode = byNode
    var labels: [String: [String: String]] = [:]
    for pod in pods {
      let name = pod.metadata.namespace ?? "default"
      labels[name] = ["kubernetes.io/metadata.name": name]
    }
    for (name, namespace) in namespaceLabels {
      labels[name] = namespace.merging(["kubernetes.io/metadata.name": name]) { $1 }
    }
    self.namespaceLabels = labels
  }

  /// Records a pod bound during the round.
  mutating func add(_ pod: Pod, at index: Int) {
    podsByNode[index].append(pod)
    if !pod.spec.affinity.requiredPodAntiAffinity.isEmpty { antiAffinityPods.append((pod, index)) }
  }

  /// The value of `key` on node `index`.
  private func topologyValue(_ key: String, _ index: Int) -> String? { nodes[index].metadata.labels[key] }

  /// Whether `term` of a pod in `namespace` selects `pod`.
  private func term(_ term: ResolvedAffinityTerm, selects pod: Pod) -> Bool {
    term.matches(pod, namespaceLabels: namespaceLabels[pod.metadata.namespace ?? "default"] ?? [:])
  }

  // MARK: InterPodAffinity

  /// The pod's inter-pod state for one scheduling attempt (`preFilterState`): matching pods
  /// counted per topology pair for each required term, and the pairs existing pods' required
  /// anti-affinity keeps the pod out of.
  struct InterPodState {
    var affinityTerms: [ResolvedAffinityTerm] = []
    var antiAffinityTerms: [ResolvedAffinityTerm] = []
    /// Per affinity term, the topology values holding a matching pod.
    var affinityCounts: [[String: Int]] = []
    /// Whether any pod at all matches some affinity term (`len(affinityCounts) == 0`).
    var anyAffinityMatch = false
    var antiAffinityCounts: [[String: Int]] = []
    /// (topologyKey, value) pairs an existing pod's anti-affinity forbids.
    var existingAntiAffinity: Set<[String]> = []
    /// Whether the pod matches all its own affinity terms (`podMatchesAllAffinityTerms`).
    var matchesOwnAffinity = false
  }

  /// `PreFilter`: counts the pods each required term of `pod` selects per topology value, and
  /// the topology pairs whose existing pods' required anti-affinity selects `pod`.
  func interPodState(for pod: Pod) -> InterPodState {
    let namespace = pod.metadata.namespace ?? "default"
    var state = InterPodState()
    state.affinityTerms = pod.spec.affinity.requiredPodAffinity.map { $0.resolved(in: namespace) }
    state.antiAffinityTerms = pod.spec.affinity.requiredPodAntiAffinity.map { $0.resolved(in: namespace) }
    state.affinityCounts = Array(repeating: [:], count: state.affinityTerms.count)
    state.antiAffinityCounts = Array(repeating: [:], count: state.antiAffinityTerms.count)
    let ownNamespaceLabels = namespaceLabels[namespace] ?? [:]
    state.matchesOwnAffinity =
      !state.affinityTerms.isEmpty
      && state.affinityTerms.allSatisfy { $0.matches(pod, namespaceLabels: ownNamespaceLabels) }
    if !state.affinityTerms.isEmpty || !state.antiAffinityTerms.isEmpty {
      for (index, placed) in podsByNode.enumerated() {
        for other in placed {
          for (number, term) in state.affinityTerms.enumerated() where self.term(term, selects: other) {
            if let value = topologyValue(term.topologyKey, index) {
              state.affinityCounts[number][value, default: 0] += 1
              state.anyAffinityMatch = true
            }
          }
          for (number, term) in state.antiAffinityTerms.enumerated() where self.term(term, selects: other) {
            if let value = topologyValue(term.topologyKey, index) {
              state.antiAffinityCounts[number][value, default: 0] += 1
            }
          }
        }
      }
    }
    // Existing pods' own required anti-affinity, each resolved in its namespace.
    for (other, index) in antiAffinityPods {
      let otherNamespace = other.metadata.namespace ?? "default"
      for existing in other.spec.affinity.requiredPodAntiAffinity {
        let term = existing.resolved(in: otherNamespace)
        if term.matches(pod, namespaceLabels: ownNamespaceLabels), let value = topologyValue(term.topologyKey, index) {
          state.existingAntiAffinity.insert([term.topologyKey, value])
        }
      }
    }
    return state
  }

  /// `InterPodAffinity.Filter`: why node `index` fails `state`, or nil.
  func interPodReason(_ state: InterPodState, node index: Int) -> Reason? {
    if !state.affinityTerms.isEmpty {
      var podsExist = true
      for (number, term) in state.affinityTerms.enumerated() {
        guard let value = topologyValue(term.topologyKey, index) else { return .affinity }
        if state.affinityCounts[number][value, default: 0] <= 0 { podsExist = false }
      }
      // The first of a group of pods with affinity to themselves may go anywhere.
      if !podsExist && !(!state.anyAffinityMatch && state.matchesOwnAffinity) { return .affinity }
    }
    for (number, term) in state.antiAffinityTerms.enumerated() {
      if let value = topologyValue(term.topologyKey, index), state.antiAffinityCounts[number][value, default: 0] > 0 {
        return .antiAffinity
      }
    }
    for (key, value) in nodes[index].metadata.labels.sorted(by: { $0.key < $1.key })
    where state.existingAntiAffinity.contains([key, value]) {
      return .existingAntiAffinity
    }
    return nil
  }

  // MARK: PodTopologySpread

  /// One constraint's counts for an attempt: matching pods per domain over the eligible nodes.
  struct SpreadCounts {
    var constraint: TopologySpreadConstraint
    var domains: [String: Int] = [:]
    /// Whether the incoming pod matches the selector (`selfMatchNum`).
    var selfMatch = 0
  }

  /// `PreFilter` (or `PreScore` for `ScheduleAnyway`): for each constraint of `pod` with
  /// `hard` set as asked, the matching pods (not terminating, same namespace) per domain, over
  /// the nodes that have the key and pass the node-inclusion policies (`nodeAffinityPolicy`
  /// Honor and `nodeTaintsPolicy` Ignore by default).
  func spreadCounts(for pod: Pod, hard: Bool) -> [SpreadCounts] {
    let namespace = pod.metadata.namespace ?? "default"
    return pod.spec.topologySpreadConstraints.filter { $0.isHard == hard }.map { constraint in
      var counts = SpreadCounts(constraint: constraint)
      let selector = constraint.selector(for: pod)
      if selector?.matches(pod.metadata.labels) == true { counts.selfMatch = 1 }
      for index in nodes.indices {
        guard let value = topologyValue(constraint.topologyKey, index), Self.isEligible(constraint, pod, nodes[index])
        else { continue }
        var matching = counts.domains[value, default: 0]
        for other in podsByNode[index]
        where other.metadata.deletionTimestamp == nil && (other.metadata.namespace ?? "default") == namespace
          && selector?.matches(other.metadata.labels) == true
        {
          matching += 1
        }
        counts.domains[value] = matching
      }
      return counts
    }
  }

  /// Whether `node` counts for `constraint` of `pod` (`nodeInclusionPolicy`).
  static func isEligible(_ constraint: TopologySpreadConstraint, _ pod: Pod, _ node: Node) -> Bool {
    if constraint.nodeAffinityPolicy != "Ignore" && !Scheduler.matchesNodeAffinity(pod, node) { return false }
    if constraint.nodeTaintsPolicy == "Honor" {
      for taint in node.spec.taints where taint.effect == .noSchedule || taint.effect == .noExecute {
        if !pod.spec.tolerations.contains(where: { Scheduler.tolerates($0, taint) }) { return false }
      }
    }
    return true
  }

  /// `PodTopologySpread.Filter`: why node `index` breaks a `DoNotSchedule` constraint, or nil.
  func spreadReason(_ counts: [SpreadCounts], node index: Int) -> Reason? {
    for entry in counts {
      guard let value = topologyValue(entry.constraint.topologyKey, index) else { return .spreadMissingLabel }
      var minimum = entry.domains.values.min() ?? 0
      if let minDomains = entry.constraint.minDomains, entry.domains.count < minDomains { minimum = 0 }
      let skew = entry.domains[value, default: 0] + entry.selfMatch - minimum
      if skew > entry.constraint.maxSkew { return .spread }
    }
    return nil
  }

  // MARK: Scores

  /// The weighted sum of the scores the simulator computes for `pod` on each candidate node
  /// (indexes into `nodes`), as the framework sums normalized scores times plugin weights:
  /// NodeAffinity (2), InterPodAffinity (2) and PodTopologySpread's `ScheduleAnyway`
  /// constraints (2). Nil when the pod has no preference (every node scores alike).
  func scores(for pod: Pod, candidates: [Int]) -> [Int]? {
    let affinity = pod.spec.affinity
    let soft = spreadCounts(for: pod, hard: false)
    guard
      !affinity.preferredNodeTerms.isEmpty || !affinity.preferredPodAffinity.isEmpty
        || !affinity.preferredPodAntiAffinity.isEmpty || !soft.isEmpty
    else { return nil }
    var total = [Int](repeating: 0, count: candidates.count)
    // NodeAffinity: the weights of the preferred terms a node matches, scaled to 0...100.
    let nodeRaw = candidates.map { index in
      affinity.preferredNodeTerms.reduce(0) { $0 + ($1.preference.matches(nodes[index]) ? $1.weight : 0) }
    }
    let nodeMax = nodeRaw.max() ?? 0
    for position in candidates.indices where nodeMax > 0 { total[position] += 2 * (nodeRaw[position] * 100 / nodeMax) }
    // InterPodAffinity: + weight per selected pod in the same domain, - for anti-affinity.
    if !affinity.preferredPodAffinity.isEmpty || !affinity.preferredPodAntiAffinity.isEmpty {
      let namespace = pod.metadata.namespace ?? "default"
      let weighted =
        affinity.preferredPodAffinity.map { ($0.term.resolved(in: namespace), $0.weight) }
        + affinity.preferredPodAntiAffinity.map { ($0.term.resolved(in: namespace), -$0.weight) }
      var byPair: [[String]: Int] = [:]
      for (index, placed) in podsByNode.enumerated() {
        for other in placed {
          for (term, weight) in weighted where self.term(term, selects: other) {
            if let value = topologyValue(term.topologyKey, index) {
              byPair[[term.topologyKey, value], default: 0] += weight
            }
          }
        }
      }
      let raw = candidates.map { index in
        weighted.reduce(0) { sum, entry in
          guard let value = topologyValue(entry.0.topologyKey, index) else { return sum }
          return sum + (byPair[[entry.0.topologyKey, value]] ?? 0)
        }
      }
      let (low, high) = (raw.min() ?? 0, raw.max() ?? 0)
      for position in candidates.indices where high > low {
        total[position] += 2 * (100 * (raw[position] - low) / (high - low))
      }
    }
    // PodTopologySpread (`scoring.go`): fewer matching pods in the node's domains scores higher.
    if !soft.isEmpty {
      let raw: [Double?] = candidates.map { index in
        var score = 0.0
        for entry in soft {
          guard let value = topologyValue(entry.constraint.topologyKey, index) else { return nil }
          let weight = log(Double(entry.domains.count + 2))
          score += Double(entry.domains[value, default: 0]) * weight + Double(entry.constraint.maxSkew - 1)
        }
        return score.rounded()
      }
      let present = raw.compactMap { $0 }
      let (low, high) = (present.min() ?? 0, present.max() ?? 0)
      for position in candidates.indices {
        guard let value = raw[position] else { continue }
        total[position] += 2 * (high == 0 ? 100 : Int(100 * (high + low - value) / high))
      }
    }
    return total
  }
}
