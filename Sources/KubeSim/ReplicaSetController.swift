/// The ReplicaSet (and ReplicationController) controller: claims matching pods, creates or
/// deletes pods until `replicas` are active, and reports replica counts
/// (`pkg/controller/replicaset/replica_set.go`, controllers.md §2).
enum ReplicaSetController {
  /// Pods created or deleted per sync at most (`burstReplicas`).
  static let burstReplicas = 500

  static func reconcile(_ cluster: inout Cluster) {
    for key in cluster.replicaSets.keys.sorted() {
      guard var set = cluster.replicaSets[key] else { continue }
      if sync(&set, cluster: &cluster) {
        set.metadata.resourceVersion = cluster.nextResourceVersion()
        cluster.replicaSets[key] = set
      }
    }
    for key in cluster.replicationControllers.keys.sorted() {
      guard var controller = cluster.replicationControllers[key] else { continue }
      if sync(&controller, cluster: &cluster) {
        controller.metadata.resourceVersion = cluster.nextResourceVersion()
        cluster.replicationControllers[key] = controller
      }
    }
  }

  /// One sync of one workload; returns whether its status changed.
  static func sync<W: ReplicatedWorkload>(_ workload: inout W, cluster: inout Cluster) -> Bool {
    let namespace = workload.metadata.namespace ?? "default"
    let uid = workload.metadata.uid
    let selector = workload.labelSelector
    let beingDeleted = workload.metadata.deletionTimestamp != nil
    claim(workload, selector: selector, namespace: namespace, beingDeleted: beingDeleted, cluster: &cluster)
    let active = cluster.pods(ownedBy: uid).filter(isActive)
    if !beingDeleted {
      let diff = active.count - workload.replicas
      if diff < 0 {
        create(min(-diff, burstReplicas), for: workload, namespace: namespace, cluster: &cluster)
      } else if diff > 0 {
        let victims = podsToDelete(active, count: min(diff, burstReplicas), owner: workload.metadata, cluster: cluster)
        for pod in victims {
          _ = try? cluster.deletePod(pod.metadata.name, namespace: namespace)
          cluster.record(
            W.kind, workload.metadata, reason: "SuccessfulDelete", message: "Deleted pod: \(pod.metadata.name)",
            source: controllerName(W.self))
        }
      }
    }
    var status = ReplicaCounts()
    status.replicas = active.count
    status.fullyLabeledReplicas =
      active.filter { pod in
        workload.template.labels.allSatisfy { pod.metadata.labels[$0.key] == $0.value }
      }.count
    for pod in active where pod.isReady {
      status.readyReplicas += 1
      if let readySince = readyTime(pod) {
        let availableAt = readySince.adding(milliseconds: Int64(workload.minReadySeconds) * 1000 + 1)
        if workload.minReadySeconds == 0 || availableAt <= cluster.now {
          status.availableReplicas += 1
        } else {
          cluster.wake(at: availableAt)
        }
      }
    }
    status.observedGeneration = workload.metadata.generation
    if status == workload.status { return false }
    workload.status = status
    return true
  }

  /// Pods that count toward replicas: not being deleted, not finished.
  static func isActive(_ pod: Pod) -> Bool {
    pod.metadata.deletionTimestamp == nil && pod.status.phase != "Succeeded" && pod.status.phase != "Failed"
  }

  /// When the pod's Ready condition last turned True.
  static func readyTime(_ pod: Pod) -> Timestamp? {
    pod.status.conditions.first { $0.type == "Ready" && $0.status == "True" }?.lastTransitionTime
  }

  static func controllerName<W: ReplicatedWorkload>(_ type: W.Type) -> String {
    type == ReplicaSet.self ? "replicaset-controller" : "replication-controller"
  }

  /// Adopts matching orphans and releases owned pods that no longer match (controllers.md §0.6).
  static func claim<W: ReplicatedWorkload>(
    _ workload: W, selector: LabelSelector, namespace: String, beingDeleted: Bool, cluster: inout Cluster
  ) {
    for pod in cluster.pods(ownedBy: workload.metadata.uid) where !selector.matches(pod.metadata.labels) {
      guard !beingDeleted else { continue }
      var released = pod
      released.metadata.ownerReferences.removeAll { $0.uid == workload.metadata.uid }
      cluster.update(released)
    }
    guard !beingDeleted else { return }
    for key in cluster.orphanPods.sorted() {
      guard let pod = cluster.pods[key], pod.metadata.namespace == namespace, pod.metadata.deletionTimestamp == nil,
        selector.matches(pod.metadata.labels)
      else { continue }
      var adopted = pod
      adopted.metadata.ownerReferences.append(
        OwnerReference(
          apiVersion: W.apiVersion, kind: W.kind, name: workload.metadata.name, uid: workload.metadata.uid))
      cluster.update(adopted)
    }
  }

  /// Creates `count` pods from the workload's template.
  static func create<W: ReplicatedWorkload>(
    _ count: Int, for workload: W, namespace: String, cluster: inout Cluster
  ) {
    for _ in 0..<count {
      var metadata = ObjectMeta(name: "", namespace: namespace, labels: workload.template.labels)
      metadata.annotations = workload.template.annotations
      metadata.generateName = workload.metadata.name + "-"
      metadata.ownerReferences = [
        OwnerReference(
          apiVersion: W.apiVersion, kind: W.kind, name: workload.metadata.name, uid: workload.metadata.uid)
      ]
      do {
        let pod = try cluster.createPod(
          Pod(metadata: metadata, spec: workload.template.spec), generateName: workload.metadata.name + "-")
        cluster.record(
          W.kind, workload.metadata, reason: "SuccessfulCreate", message: "Created pod: \(pod.metadata.name)",
          source: controllerName(W.self))
      } catch {
        cluster.record(
          W.kind, workload.metadata, reason: "FailedCreate", message: "Error creating: \(error.message)",
          type: "Warning", source: controllerName(W.self))
        return
      }
    }
  }

  /// The `count` pods to delete first (`getPodsToDelete` + `ActivePodsWithRanks`,
  /// controllers.md §2.2), using exact times and the name as the last tie-breaker.
  static func podsToDelete(_ pods: [Pod], count: Int, owner: ObjectMeta, cluster: Cluster) -> [Pod] {
    if count >= pods.count { return pods }
    // Rank: active pods on the same node among all pods of the owner's owner's workloads.
    var related = pods
    if let grandOwner = owner.controller?.uid {
      related = cluster.replicaSets.values.filter { $0.metadata.controller?.uid == grandOwner }
        .flatMap { cluster.pods(ownedBy: $0.metadata.uid) }.filter(isActive)
    }
    var perNode: [String: Int] = [:]
    for pod in related { if let node = pod.spec.nodeName { perNode[node, default: 0] += 1 } }
    func phaseOrder(_ phase: String) -> Int {
      switch phase {
      case "Pending": return 0
      case "Unknown": return 1
      case "Running": return 2
      default: return 3
      }
    }
    let sorted = pods.sorted { a, b in
      let aAssigned = a.spec.nodeName != nil
      let bAssigned = b.spec.nodeName != nil
      if aAssigned != bAssigned { return !aAssigned }
      if phaseOrder(a.status.phase) != phaseOrder(b.status.phase) {
        return phaseOrder(a.status.phase) < phaseOrder(b.status.phase)
      }
      if a.isReady != b.isReady { return !a.isReady }
      let aCost = Int(a.metadata.annotations["controller.kubernetes.io/pod-deletion-cost"] ?? "") ?? 0
      let bCost = Int(b.metadata.annotations["controller.kubernetes.io/pod-deletion-cost"] ?? "") ?? 0
      if aCost != bCost { return aCost < bCost }
      let aRank = a.spec.nodeName.map { perNode[$0] ?? 0 } ?? 0
      let bRank = b.spec.nodeName.map { perNode[$0] ?? 0 } ?? 0
      if aRank != bRank { return aRank > bRank }
      if a.isReady && b.isReady, let aTime = readyTime(a), let bTime = readyTime(b), aTime != bTime {
        return aTime > bTime
      }
      let aRestarts = a.status.containerStatuses.map(\.restartCount).max() ?? 0
      let bRestarts = b.status.containerStatuses.map(\.restartCount).max() ?? 0
      if aRestarts != bRestarts { return aRestarts > bRestarts }
      if a.metadata.creationTimestamp != b.metadata.creationTimestamp {
        return a.metadata.creationTimestamp > b.metadata.creationTimestamp
      }
      return a.metadata.name < b.metadata.name
    }
    return Array(sorted.prefix(count))
  }
}

extension APIError {
  /// The error's message as the API server states it.
  public var message: String {
    switch self {
    case .notFound(let resource, let name): return "\(resource) \"\(name)\" not found"
    case .alreadyExists(let resource, let name): return "\(resource) \"\(name)\" already exists"
    case .invalid(let kind, let name, let causes):
      return "\(kind) \"\(name)\" is invalid: " + causes.map(\.message).joined(separator: ", ")
    case .limitExceeded(let message): return message
    }
  }
}
