/// The DaemonSet controller (controllers.md §4.1): one pod per eligible node, pinned there by
/// node affinity; pods on nodes that may no longer run them are deleted; status counts the
/// oldest pod on each node.
enum DaemonSetController {
  static func reconcile(_ cluster: inout Cluster) {
    guard !cluster.daemonSets.isEmpty else { return }
    // Nothing to do unless a node, a DaemonSet, one of their pods or the clock has moved.
    var seen = [cluster.nodes.count, Int(truncatingIfNeeded: cluster.now.milliseconds)]
    seen.append(cluster.nodes.values.reduce(0) { $0 &+ $1.metadata.resourceVersion })
    seen.append(cluster.daemonSets.values.reduce(0) { $0 &+ $1.metadata.resourceVersion })
    guard cluster.daemonPodsChanged || seen != cluster.daemonSetsCheckedAt else { return }
    cluster.daemonPodsChanged = false
    let nodes = cluster.sortedNodes
    for key in cluster.daemonSets.keys.sorted() {
      guard let set = cluster.daemonSets[key], set.metadata.deletionTimestamp == nil else { continue }
      manage(set, nodes: nodes, cluster: &cluster)
      updateStatus(key, nodes: nodes, cluster: &cluster)
    }
    seen[3] = cluster.daemonSets.values.reduce(0) { $0 &+ $1.metadata.resourceVersion }
    cluster.daemonSetsCheckedAt = seen
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
      (taint.effect == "NoSchedule" || taint.effect == "NoExecute")
        && !tolerations.contains { Scheduler.tolerates($0, taint) }
    }
    if untolerated.isEmpty { return (true, true) }
    return (false, !untolerated.contains { $0.effect == "NoExecute" })
  }

  /// The node a daemon pod belongs to: where it runs, or where its affinity pins it.
  static func node(of pod: Pod) -> String? { pod.spec.nodeName ?? pod.spec.requiredNodeName }

  /// The active pods of `set` by node, oldest first on each node.
  static func podsByNode(_ set: DaemonSet, cluster: Cluster) -> [String: [Pod]] {
    var byNode: [String: [Pod]] = [:]
    for pod in cluster.pods(ownedBy: set.metadata.uid) where pod.metadata.deletionTimestamp == nil {
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

  /// `podsShouldBeOnNode` and `syncNodes` for one DaemonSet.
  static func manage(_ set: DaemonSet, nodes: [Node], cluster: inout Cluster) {
    let namespace = set.metadata.namespace ?? "default"
    let byNode = podsByNode(set, cluster: cluster)
    for node in nodes {
      let (shouldRun, shouldContinueRunning) = eligibility(of: set, on: node)
      let pods = byNode[node.metadata.name] ?? []
      if shouldRun && pods.isEmpty {
        create(for: set, on: node.metadata.name, cluster: &cluster)
      } else if !shouldContinueRunning {
        for pod in pods { _ = try? cluster.deletePod(pod.metadata.name, namespace: namespace) }
      } else {
        var running = pods
        for pod in pods where pod.status.phase == "Failed" {
          cluster.record(
            "DaemonSet", set.metadata,
            reason: "FailedDaemonPod",
            message:
              "Found failed daemon pod \(namespace)/\(pod.metadata.name) on node \(node.metadata.name), will try to kill it",
            type: "Warning", source: "daemonset-controller")
          _ = try? cluster.deletePod(pod.metadata.name, namespace: namespace)
          running.removeAll { $0.metadata.name == pod.metadata.name }
        }
        // Without surge only the oldest pod may stay.
        for pod in running.dropFirst() { _ = try? cluster.deletePod(pod.metadata.name, namespace: namespace) }
      }
    }
  }

  /// Creates the pod for `node` from the template (`CreatePodTemplate`).
  static func create(for set: DaemonSet, on node: String, cluster: inout Cluster) {
    let namespace = set.metadata.namespace ?? "default"
    var labels = set.template.labels
    labels["controller-revision-hash"] = PodTemplateHash.compute(set.template, collisionCount: nil)
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
        type: "Warning", source: "daemonset-controller")
    }
  }

  /// `updateDaemonSetStatus`: the counts over eligible nodes, measured on each node's oldest pod.
  static func updateStatus(_ key: String, nodes: [Node], cluster: inout Cluster) {
    guard var set = cluster.daemonSets[key] else { return }
    let hash = PodTemplateHash.compute(set.template, collisionCount: nil)
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
        let availableAt = readySince.adding(milliseconds: Int64(set.minReadySeconds) * 1000)
        if set.minReadySeconds == 0 || availableAt <= cluster.now {
          status.numberAvailable += 1
        } else {
          cluster.wake(at: availableAt)
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
