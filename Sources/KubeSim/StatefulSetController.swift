/// The StatefulSet controller (`stateful_set_control.go`, `docs/reference/controllers.md` §3.4): creates pods
/// `<set>-0`, `<set>-1`, … in order (each waiting for the previous one to be Running and Ready
/// under OrderedReady), each with its claims `<template>-<set>-<ordinal>`; scales down from the
/// highest ordinal; rolls a new template out from the highest ordinal down to the partition.
///
/// The value holds the controller's own state (``Cluster/statefulSetController``); its steps are
/// static and take the whole cluster, whose store they read and write.
struct StatefulSetController: ControlLoop {
  /// Each StatefulSet's revisions, by uid.
  var revisions: [String: [Revision]] = [:]

  /// A template the StatefulSet has had, named `<set>-<hash>` like its ControllerRevision.
  struct Revision: Sendable, Equatable {
    var name: String
    var number: Int
    var template: PodTemplate
    var created: Timestamp
  }

  static func reconcile(_ cluster: inout Cluster) {
    guard !cluster.statefulSets.isEmpty else { return }
    for key in cluster.statefulSets.keys.sorted() {
      guard var set = cluster.statefulSets[key], set.metadata.deletionTimestamp == nil else { continue }
      let before = set
      sync(&set, cluster: &cluster)
      if set != before {
        set.metadata.resourceVersion = cluster.nextResourceVersion()
        cluster.statefulSets[key] = set
        if !cluster.watchedKinds.isEmpty { cluster.recordWatch(.modified, set) }
      }
    }
  }

  /// The claims made from the set's templates (`<template>-<set>-<ordinal>`).
  static func claims(of set: StatefulSet, cluster: Cluster) -> [PersistentVolumeClaim] {
    PersistentVolumeClaim.list(in: cluster, namespace: set.metadata.namespace ?? "default").filter {
      claimOrdinal($0.metadata.name, of: set) != nil
    }
  }

  /// The ordinal of a claim made from one of the set's templates, if it is one.
  static func claimOrdinal(_ name: String, of set: StatefulSet) -> Int? {
    for template in set.claimTemplates {
      let prefix = "\(template.name)-\(set.metadata.name)-"
      if name.hasPrefix(prefix), let ordinal = Int(name.dropFirst(prefix.count)) { return ordinal }
    }
    return nil
  }

  /// The ordinal at the end of a pod name (`web-2` → 2).
  static func ordinal(of name: String, set: String) -> Int? {
    guard name.hasPrefix(set + "-") else { return nil }
    return Int(name.dropFirst(set.count + 1))
  }

  /// The update revision for the current template, recorded if new.
  static func updateRevision(of set: StatefulSet, cluster: inout Cluster) -> Revision {
    var revisions = cluster.statefulSetController.revisions[set.metadata.uid] ?? []
    let name = "\(set.metadata.name)-\(PodTemplateHash.compute(set.template, collisionCount: nil))"
    let next = (revisions.map(\.number).max() ?? 0) + 1
    if let index = revisions.firstIndex(where: { $0.name == name }) {
      if index != revisions.indices.last {
        // An older revision with equal data is raised to the next number (a rollback).
        var revision = revisions.remove(at: index)
        revision.number = next
        revisions.append(revision)
        cluster.statefulSetController.revisions[set.metadata.uid] = revisions
      }
      return revisions.last!
    }
    let revision = Revision(name: name, number: next, template: set.template, created: cluster.now)
    revisions.append(revision)
    cluster.statefulSetController.revisions[set.metadata.uid] = revisions
    return revision
  }

  static func sync(_ set: inout StatefulSet, cluster: inout Cluster) {
    let update = updateRevision(of: set, cluster: &cluster)
    let revisions = cluster.statefulSetController.revisions[set.metadata.uid] ?? []
    let current = revisions.first { $0.name == set.status.currentRevision } ?? update
    var byOrdinal: [Int: Pod] = [:]
    var condemned: [Pod] = []
    let pods = cluster.pods(ownedBy: set.metadata.uid)
    // As `updateStatefulSet` does, the status is counted from the pods as they were when the
    // sync began, then adjusted for what this sync creates and deletes.
    var status = countStatus(pods, of: set, current: current, update: update, now: cluster.now)
    func count(_ pod: Pod, _ delta: Int) {
      let revision = pod.metadata.labels["controller-revision-hash"]
      if revision == current.name { status.currentReplicas += delta }
      if revision == update.name { status.updatedReplicas += delta }
    }
    for pod in pods {
      guard let ordinal = ordinal(of: pod.metadata.name, set: set.metadata.name) else { continue }
      if ordinal < set.replicas { byOrdinal[ordinal] = pod } else { condemned.append(pod) }
    }
    condemned.sort {
      ordinal(of: $0.metadata.name, set: set.metadata.name)! > ordinal(of: $1.metadata.name, set: set.metadata.name)!
    }
    let monotonic = set.podManagementPolicy.value == .orderedReady
    func healthy(_ pod: Pod) -> Bool {
      guard pod.metadata.deletionTimestamp == nil, pod.status.phase == .running,
        let ready = ReplicaSetController.readyTime(pod)
      else { return false }
      let available = ready.adding(wholeSeconds: set.minReadySeconds)
      if available > cluster.now { cluster.wake(at: available) }
      return available <= cluster.now
    }
    var blocked = false
    for index in 0..<set.replicas where !blocked {
      guard let pod = byOrdinal[index] else {
        let revision = set.updateStrategy.value == .rollingUpdate && index < set.partition ? current : update
        create(index, of: set, revision: revision, cluster: &cluster)
        status.replicas += 1
        if revision.name == current.name { status.currentReplicas += 1 }
        if revision.name == update.name { status.updatedReplicas += 1 }
        if monotonic { blocked = true }
        continue
      }
      if pod.status.phase.isTerminal {
        if pod.metadata.deletionTimestamp == nil {
          delete(pod, of: set, cluster: &cluster)
          status.replicas -= 1
          count(pod, -1)
        }
        if monotonic { blocked = true }
        continue
      }
      if monotonic && !healthy(pod) { blocked = true }
    }
    if !blocked {
      var firstUnhealthy = true
      for pod in condemned {
        if monotonic {
          if pod.metadata.deletionTimestamp != nil { break }
          if !healthy(pod) && !firstUnhealthy { break }
          firstUnhealthy = false
          delete(pod, of: set, cluster: &cluster)
          break
        }
        if pod.metadata.deletionTimestamp == nil { delete(pod, of: set, cluster: &cluster) }
      }
    }
    if !blocked && set.updateStrategy.value == .rollingUpdate && condemned.isEmpty {
      for index in stride(from: set.replicas - 1, through: max(0, set.partition), by: -1) {
        guard let pod = byOrdinal[index] else { break }
        if pod.metadata.labels["controller-revision-hash"] != update.name {
          if pod.metadata.deletionTimestamp == nil {
            delete(pod, of: set, cluster: &cluster)
            status.currentReplicas -= 1
          }
          break
        }
        if !healthy(pod) { break }
      }
    }
    // `whenScaled: Delete`: the claims of ordinals beyond the replicas go once their pod has.
    if set.claimsWhenScaled.value == .delete {
      for claim in claims(of: set, cluster: cluster) where claim.metadata.deletionTimestamp == nil {
        guard let ordinal = claimOrdinal(claim.metadata.name, of: set), ordinal >= set.replicas,
          !pods.contains(where: { self.ordinal(of: $0.metadata.name, set: set.metadata.name) == ordinal })
        else { continue }
        try? cluster.deleteClaim(claim.metadata.name, namespace: claim.metadata.namespace ?? "default")
      }
    }
    // `completeRollingUpdate`: every pod updated and ready makes the update revision current.
    if set.updateStrategy.value == .rollingUpdate && status.updatedReplicas == status.replicas
      && status.readyReplicas == status.replicas
    {
      status.currentRevision = update.name
      status.currentReplicas = status.updatedReplicas
    }
    set.status = status
  }

  /// Creates the claims (if missing) and the pod for one ordinal.
  static func create(_ index: Int, of set: StatefulSet, revision: Revision, cluster: inout Cluster) {
    let namespace = set.metadata.namespace ?? "default"
    let podName = "\(set.metadata.name)-\(index)"
    var spec = revision.template.spec
    for template in set.claimTemplates {
      let claimName = "\(template.name)-\(podName)"
      if cluster.claims[Cluster.key(namespace, claimName)] == nil {
        var labels = template.labels
        labels.merge(set.selector.matchLabels) { _, selector in selector }
        let claim = PersistentVolumeClaim(
          metadata: ObjectMeta(name: claimName, namespace: namespace, labels: labels),
          storageClassName: template.storageClassName, accessModes: template.accessModes, request: template.request)
        do {
          try cluster.createClaim(claim)
          cluster.record(
            "StatefulSet", set.metadata, reason: "SuccessfulCreate",
            message: "create Claim \(claimName) Pod \(podName) in StatefulSet \(set.metadata.name) success",
            source: "statefulset-controller")
        } catch {
          cluster.record(
            "StatefulSet", set.metadata, reason: "FailedCreate",
            message:
              "create Claim \(claimName) for Pod \(podName) in StatefulSet \(set.metadata.name) failed error: \(error.message)",
            type: .warning, source: "statefulset-controller")
          return
        }
      }
      spec.volumes.removeAll { $0.name == template.name }
      spec.volumes.append(
        Volume(name: template.name, source: .persistentVolumeClaim(claimName: claimName, readOnly: false)))
    }
    spec.hostname = podName
    spec.subdomain = set.serviceName
    var labels = revision.template.labels
    labels["controller-revision-hash"] = revision.name
    labels["statefulset.kubernetes.io/pod-name"] = podName
    labels["apps.kubernetes.io/pod-index"] = String(index)
    var metadata = ObjectMeta(name: podName, namespace: namespace, labels: labels)
    metadata.annotations = revision.template.annotations
    metadata.ownerReferences = [
      OwnerReference(apiVersion: "apps/v1", kind: "StatefulSet", name: set.metadata.name, uid: set.metadata.uid)
    ]
    do {
      try cluster.createPod(Pod(metadata: metadata, spec: spec))
      cluster.record(
        "StatefulSet", set.metadata, reason: "SuccessfulCreate",
        message: "create Pod \(podName) in StatefulSet \(set.metadata.name) successful",
        source: "statefulset-controller")
    } catch {
      cluster.record(
        "StatefulSet", set.metadata, reason: "FailedCreate",
        message: "create Pod \(podName) in StatefulSet \(set.metadata.name) failed error: \(error.message)",
        type: .warning, source: "statefulset-controller")
    }
  }

  static func delete(_ pod: Pod, of set: StatefulSet, cluster: inout Cluster) {
    guard (try? cluster.deletePod(pod.metadata.name, namespace: pod.metadata.namespace ?? "default")) != nil else {
      return
    }
    cluster.record(
      "StatefulSet", set.metadata, reason: "SuccessfulDelete",
      message: "delete Pod \(pod.metadata.name) in StatefulSet \(set.metadata.name) successful",
      source: "statefulset-controller")
  }

  /// `computeReplicaStatus` (§3.5): created pods, running-and-ready ones (terminating or not),
  /// available ones, and the non-terminating pods of the current and the update revision.
  static func countStatus(_ pods: [Pod], of set: StatefulSet, current: Revision, update: Revision, now: Timestamp)
    -> StatefulSet.Status
  {
    var status = StatefulSet.Status()
    for pod in pods {
      status.replicas += 1
      if pod.status.phase == .running && pod.isReady {
        status.readyReplicas += 1
        if let ready = ReplicaSetController.readyTime(pod),
          ready.adding(wholeSeconds: set.minReadySeconds) <= now
        {
          status.availableReplicas += 1
        }
      }
      guard pod.metadata.deletionTimestamp == nil else { continue }
      let revision = pod.metadata.labels["controller-revision-hash"]
      if revision == current.name { status.currentReplicas += 1 }
      if revision == update.name { status.updatedReplicas += 1 }
    }
    status.currentRevision = current.name
    status.updateRevision = update.name
    status.observedGeneration = set.metadata.generation
    return status
  }
}
