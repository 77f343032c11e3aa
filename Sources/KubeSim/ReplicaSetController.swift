/// The ReplicaSet (and ReplicationController) controller: claims matching pods, creates or
/// deletes pods until `replicas` are active, and reports replica counts
/// (`pkg/controller/replicaset/replica_set.go`, `docs/reference/controllers.md` §2).
///
/// The value holds the controller's own state (``Cluster/replicaSetController``); its steps are
/// static and take the whole cluster, whose store they read and write. The store's flag
/// ``Cluster/allWorkloadsDirty`` (every workload should look again), which the Deployment
/// controller reads too, stays on the cluster.
struct ReplicaSetController: ControlLoop {
  /// Workloads (by uid) whose pods or spec changed since the controller last looked.
  var dirty: Set<String> = []
  /// The value of ``Cluster/podLabelChanges`` when each workload last checked its pods' labels.
  var labelsCheckedAt: [String: Int] = [:]
  /// Per workload uid: how many active pods lack some template label, and the value of
  /// ``Cluster/podLabelChanges`` when that was counted.
  var notFullyLabeled: [String: Int] = [:]
  var fullyLabeledCheckedAt: [String: Int] = [:]

  /// Pods created or deleted per sync at most (`burstReplicas`).
  static let burstReplicas = 500

  static func reconcile(_ cluster: inout Cluster) {
    let everything = cluster.allWorkloadsDirty
    let dirty = cluster.replicaSetController.dirty
    cluster.allWorkloadsDirty = false
    cluster.replicaSetController.dirty = []
    for key in cluster.replicaSets.keys.sorted() {
      guard var set = cluster.replicaSets[key], everything || dirty.contains(set.metadata.uid) else { continue }
      if sync(&set, cluster: &cluster) {
        cluster.storeReplicaSet(set)
      }
    }
    for key in cluster.replicationControllers.keys.sorted() {
      guard var controller = cluster.replicationControllers[key], everything || dirty.contains(controller.metadata.uid)
      else { continue }
      if sync(&controller, cluster: &cluster) {
        controller.metadata.resourceVersion = cluster.nextResourceVersion()
        cluster.storeReplicationController(controller)
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
    let counts = cluster.ownerCounts[uid] ?? OwnerCounts()
    if !beingDeleted {
      let diff = counts.active - workload.replicas
      if diff < 0 {
        create(min(-diff, burstReplicas), for: workload, namespace: namespace, cluster: &cluster)
      } else if diff > 0 {
        let active = activePods(of: uid, cluster: cluster)
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
    status.replicas = counts.active
    status.readyReplicas = counts.ready
    // Pods made from the template carry its labels; only a label change or an adoption can
    // break that, and both make the workload look at its pods again.
    if cluster.replicaSetController.fullyLabeledCheckedAt[uid] == cluster.podLabelChanges {
      status.fullyLabeledReplicas = counts.active - (cluster.replicaSetController.notFullyLabeled[uid] ?? 0)
    } else {
      let lacking = activePods(of: uid, cluster: cluster).filter { pod in
        !workload.template.labels.allSatisfy { pod.metadata.labels[$0.key] == $0.value }
      }.count
      cluster.replicaSetController.notFullyLabeled[uid] = lacking
      cluster.replicaSetController.fullyLabeledCheckedAt[uid] = cluster.podLabelChanges
      status.fullyLabeledReplicas = counts.active - lacking
    }
    if workload.minReadySeconds == 0 {
      status.availableReplicas = counts.ready
    } else {
      for pod in activePods(of: uid, cluster: cluster) {
        guard let readySince = readyTime(pod) else { continue }
        let availableAt = readySince.adding(wholeSeconds: workload.minReadySeconds).adding(milliseconds: 1)
        if availableAt <= cluster.now {
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

  /// The active pods of the owner with `uid`, in no particular order.
  static func activePods(of uid: String, cluster: Cluster) -> [Pod] {
    (cluster.podsByOwner[uid] ?? []).compactMap { cluster.pods[$0] }.filter(isActive)
  }

  /// Pods that count toward replicas: not being deleted, not finished.
  static func isActive(_ pod: Pod) -> Bool {
    pod.metadata.deletionTimestamp == nil && !pod.status.phase.isTerminal
  }

  /// When the pod's Ready condition last turned True.
  static func readyTime(_ pod: Pod) -> Timestamp? {
    pod.status.readySince
  }

  static func controllerName<W: ReplicatedWorkload>(_ type: W.Type) -> String {
    type == ReplicaSet.self ? "replicaset-controller" : "replication-controller"
  }

  /// Adopts matching orphans and releases owned pods that no longer match (`docs/reference/controllers.md` §0.6).
  static func claim<W: ReplicatedWorkload>(
    _ workload: W, selector: LabelSelector, namespace: String, beingDeleted: Bool, cluster: inout Cluster
  ) {
    let uid = workload.metadata.uid
    // Owned pods keep matching unless some pod's labels changed since the last check.
    var mismatched: [String] = []
    if cluster.replicaSetController.labelsCheckedAt[uid] != cluster.podLabelChanges {
      let owned = cluster.podsByOwner[uid] ?? []
      mismatched = owned.filter { key in cluster.pods[key].map { !selector.matches($0.metadata.labels) } ?? false }
        .sorted()
      cluster.replicaSetController.labelsCheckedAt[uid] = cluster.podLabelChanges
    }
    for key in mismatched {
      guard !beingDeleted, let pod = cluster.pods[key] else { continue }
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
      cluster.replicaSetController.fullyLabeledCheckedAt[workload.metadata.uid] = nil
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
          type: .warning, source: controllerName(W.self))
        return
      }
    }
  }

  /// The `count` pods to delete first (`getPodsToDelete` + `ActivePodsWithRanks`,
  /// `docs/reference/controllers.md` §2.2), with logarithmic time buckets, the uid and then the name as the tie-breakers.
  /// Deleting every pod still goes in rank order: the pods come from a set, and their order
  /// (hence the order of the SuccessfulDelete events) must not depend on hashing.
  static func podsToDelete(_ pods: [Pod], count: Int, owner: ObjectMeta, cluster: Cluster) -> [Pod] {
    // Rank: active pods on the same node among all pods of the owner's owner's workloads.
    var perNode: [String: Int] = [:]
    if let grandOwner = owner.controllerUID {
      for set in cluster.replicaSets.values where set.metadata.controllerUID == grandOwner {
        for key in cluster.podsByOwner[set.metadata.uid] ?? [] {
          if let pod = cluster.pods[key], isActive(pod), let node = pod.spec.nodeName { perNode[node, default: 0] += 1 }
        }
      }
    } else {
      for pod in pods { if let node = pod.spec.nodeName { perNode[node, default: 0] += 1 } }
    }
    let keys = pods.enumerated().map { index, pod in
      PodDeletionRank(
        index: index, pod: pod, rank: pod.spec.nodeName.map { perNode[$0] ?? 0 } ?? 0, now: cluster.now)
    }
    return keys.smallest(count).map { pods[$0.index] }
  }
}

extension APIError {
  /// The error's message as the API server states it.
  public var message: String {
    switch self {
    case .notFound(let resource, let name): return "\(resource) \"\(name)\" not found"
    case .alreadyExists(let resource, let name): return "\(resource) \"\(name)\" already exists"
    case .invalid(let kind, let name, let causes):
      // `NewInvalid`: one cause as is, several as an aggregate in brackets.
      let detail = causes.count == 1 ? causes[0].message : "[" + causes.map(\.message).joined(separator: ", ") + "]"
      return "\(kind) \"\(name)\" is invalid: " + detail
    case .forbidden(let resource, let name, let reason): return "\(resource) \"\(name)\" is forbidden: \(reason)"
    case .tooManyRequests(let message), .internalError(let message): return message
    case .limitExceeded(let message): return message
    case .conflict(let resource, let name):
      return "Operation cannot be fulfilled on \(resource) \"\(name)\": \(APIError.optimisticLockMessage)"
    }
  }
}
