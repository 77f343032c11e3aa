/// The Deployment controller (`pkg/controller/deployment`, `docs/reference/controllers.md` §1): rolls a
/// Deployment's template out through ReplicaSets, scales them proportionally, keeps revision
/// history, and reports status and conditions.
///
/// The value holds the controller's own state (``Cluster/deploymentController``); its steps are
/// static and take the whole cluster, whose store they read and write.
struct DeploymentController: ControlLoop {
  /// What the controller saw when it last looked (counts and summed resource versions of
  /// Deployments and ReplicaSets, and the pod count).
  var checkedAt: [Int] = []
  /// Whether a time the controller waits for (a progress check) has come.
  var due = true
  /// Instants at which a Deployment's progress deadline should be checked. These do not
  /// keep the cluster from being quiet: nothing happens at them unless a rollout is stuck.
  var progressChecks = DeadlineQueue<Int>()

  static let source = "deployment-controller"

  static func reconcile(_ cluster: inout Cluster) {
    guard !cluster.deployments.isEmpty else { return }
    // A sync reads Deployments, ReplicaSets, which pods exist (Recreate waits for old pods to
    // be gone) and the clock's progress checks: when none of them changed since the last
    // pass, it would change nothing.
    var seen = [cluster.deployments.count, cluster.replicaSets.count, cluster.pods.count]
    seen.append(cluster.deployments.values.reduce(0) { $0 &+ $1.metadata.resourceVersion })
    seen.append(cluster.replicaSets.values.reduce(0) { $0 &+ $1.metadata.resourceVersion })
    guard
      cluster.allWorkloadsDirty || cluster.deploymentController.due || seen != cluster.deploymentController.checkedAt
    else { return }
    cluster.deploymentController.due = false
    defer {
      var after = [cluster.deployments.count, cluster.replicaSets.count, cluster.pods.count]
      after.append(cluster.deployments.values.reduce(0) { $0 &+ $1.metadata.resourceVersion })
      after.append(cluster.replicaSets.values.reduce(0) { $0 &+ $1.metadata.resourceVersion })
      cluster.deploymentController.checkedAt = after
    }
    for key in cluster.deployments.keys.sorted() {
      guard var deployment = cluster.deployments[key] else { continue }
      let before = deployment
      sync(&deployment, cluster: &cluster)
      if deployment != before, cluster.deployments[key] != nil {
        deployment.metadata.resourceVersion = cluster.nextResourceVersion()
        cluster.storeDeployment(deployment)
        // The informer's update event of the controller's own write queues the Deployment
        // again (`updateDeployment`): the sync after the one that found the rollout complete
        // sees that status and trims the history (`cleanupDeployment`). Only that sync is
        // run again here; the others would change nothing the next change does not.
        if isComplete(deployment) && !isComplete(before) { cluster.deploymentController.due = true }
      }
    }
  }

  /// One `syncDeployment` (§1.3).
  static func sync(_ d: inout Deployment, cluster: inout Cluster) {
    if d.selector.isEmpty {
      if d.status.observedGeneration < d.metadata.generation {
        cluster.record(
          "Deployment", d.metadata, reason: "SelectingAll",
          message: "This deployment is selecting all pods. A non-empty selector is required.", type: .warning,
          source: source)
        d.status.observedGeneration = d.metadata.generation
      }
      return
    }
    let sets = claimReplicaSets(d, cluster: &cluster)
    if d.metadata.deletionTimestamp != nil {
      syncStatus(&d, sets: sets, newSet: findNewReplicaSet(d, sets), cluster: cluster)
      return
    }
    checkPausedConditions(&d, now: cluster.now)
    if d.paused {
      scale(&d, cluster: &cluster)
      return
    }
    if isScalingEvent(d, sets: sets) {
      scale(&d, cluster: &cluster)
      return
    }
    switch d.strategy {
    case .rollingUpdate: rolloutRolling(&d, cluster: &cluster)
    case .recreate: rolloutRecreate(&d, cluster: &cluster)
    }
  }

  // MARK: - ReplicaSets of a Deployment

  /// The ReplicaSets the Deployment owns after adoption and release, oldest first.
  static func claimReplicaSets(_ d: Deployment, cluster: inout Cluster) -> [ReplicaSet] {
    let namespace = d.metadata.namespace ?? "default"
    let selector = d.selector.selector
    var owned: [ReplicaSet] = []
    for key in cluster.replicaSets.keys.sorted() {
      guard var set = cluster.replicaSets[key], set.metadata.namespace == namespace else { continue }
      let matches = selector.matches(set.metadata.labels)
      if let controller = set.metadata.controller {
        guard controller.uid == d.metadata.uid else { continue }
        if matches || d.metadata.deletionTimestamp != nil {
          owned.append(set)
        } else {
          set.metadata.ownerReferences.removeAll { $0.uid == d.metadata.uid }
          cluster.storeReplicaSet(set)
        }
      } else if matches && d.metadata.deletionTimestamp == nil && set.metadata.deletionTimestamp == nil {
        set.metadata.ownerReferences.append(
          OwnerReference(apiVersion: "apps/v1", kind: "Deployment", name: d.metadata.name, uid: d.metadata.uid))
        cluster.storeReplicaSet(set)
        owned.append(set)
      }
    }
    return sortedByAge(owned)
  }

  static func sortedByAge(_ sets: [ReplicaSet]) -> [ReplicaSet] {
    sets.sorted {
      $0.metadata.creationTimestamp != $1.metadata.creationTimestamp
        ? $0.metadata.creationTimestamp < $1.metadata.creationTimestamp : $0.metadata.name < $1.metadata.name
    }
  }

  /// Whether two templates are equal apart from the `pod-template-hash` label.
  static func templatesMatch(_ a: PodTemplate, _ b: PodTemplate) -> Bool {
    var a = a
    var b = b
    a.labels[DeploymentAnnotations.podTemplateHash] = nil
    b.labels[DeploymentAnnotations.podTemplateHash] = nil
    return a == b
  }

  /// The oldest ReplicaSet whose template equals the Deployment's.
  static func findNewReplicaSet(_ d: Deployment, _ sets: [ReplicaSet]) -> ReplicaSet? {
    sets.first { templatesMatch($0.template, d.template) }
  }

  /// The up-to-date ReplicaSets: the new one (maybe created now) and the old ones.
  static func newAndOld(_ d: inout Deployment, create: Bool, cluster: inout Cluster) -> (ReplicaSet?, [ReplicaSet]) {
    let sets = claimReplicaSets(d, cluster: &cluster)
    let existingNew = findNewReplicaSet(d, sets)
    let olds = sets.filter { $0.metadata.uid != existingNew?.metadata.uid }
    let maxOldRevision = olds.map { DeploymentAnnotations.revision(of: $0.metadata) }.max() ?? 0
    let newRevision = maxOldRevision + 1
    if var newSet = existingNew {
      var changed = false
      for (key, value) in d.metadata.annotations where !DeploymentAnnotations.notCopied.contains(key) {
        if newSet.metadata.annotations[key] != value {
          newSet.metadata.annotations[key] = value
          changed = true
        }
      }
      let current = DeploymentAnnotations.revision(of: newSet.metadata)
      if current < newRevision {
        if current > 0 {
          let history = newSet.metadata.annotations[DeploymentAnnotations.revisionHistory]
          newSet.metadata.annotations[DeploymentAnnotations.revisionHistory] =
            history.map { $0 + ",\(current)" } ?? "\(current)"
        }
        newSet.metadata.annotations[DeploymentAnnotations.revision] = String(newRevision)
        changed = true
      }
      if newSet.minReadySeconds != d.minReadySeconds {
        newSet.minReadySeconds = d.minReadySeconds
        changed = true
      }
      if changed { cluster.storeReplicaSet(newSet) }
      d.metadata.annotations[DeploymentAnnotations.revision] =
        newSet.metadata.annotations[DeploymentAnnotations.revision]
      if !d.status.conditions.contains(where: { $0.type == "Progressing" }) {
        setCondition(
          &d, type: "Progressing", status: .true, reason: "FoundNewReplicaSet",
          message: "Found new replica set \"\(newSet.metadata.name)\"", now: cluster.now)
      }
      return (newSet, olds)
    }
    guard create else { return (nil, olds) }
    let hash = PodTemplateHash.compute(d.template, collisionCount: d.status.collisionCount)
    let name = d.metadata.name + "-" + hash
    let namespace = d.metadata.namespace ?? "default"
    if cluster.replicaSets[Cluster.key(namespace, name)] != nil {
      d.status.collisionCount = (d.status.collisionCount ?? 0) + 1
      return (nil, olds)
    }
    var template = d.template
    template.labels[DeploymentAnnotations.podTemplateHash] = hash
    var metadata = ObjectMeta(name: name, namespace: namespace, labels: template.labels)
    metadata.ownerReferences = [
      OwnerReference(apiVersion: "apps/v1", kind: "Deployment", name: d.metadata.name, uid: d.metadata.uid)
    ]
    for (key, value) in d.metadata.annotations where !DeploymentAnnotations.notCopied.contains(key) {
      metadata.annotations[key] = value
    }
    let (surge, _) = d.fenceposts
    metadata.annotations[DeploymentAnnotations.revision] = String(newRevision)
    metadata.annotations[DeploymentAnnotations.desiredReplicas] = String(d.replicas)
    metadata.annotations[DeploymentAnnotations.maxReplicas] = String(d.replicas.saturatingAdd(surge))
    var selector = d.selector
    selector.matchLabels[DeploymentAnnotations.podTemplateHash] = hash
    let replicas = newReplicaSetReplicas(d, all: olds, newSet: nil)
    var set = ReplicaSet(metadata: metadata, replicas: replicas, selector: selector, template: template)
    set.minReadySeconds = d.minReadySeconds
    do {
      set = try cluster.createReplicaSet(set)
    } catch {
      setCondition(
        &d, type: "Progressing", status: .false, reason: "ReplicaSetCreateError",
        message: "Failed to create new replica set \"\(name)\": \(error.message)", now: cluster.now)
      cluster.record(
        "Deployment", d.metadata, reason: "ReplicaSetCreateError",
        message: "Failed to create new replica set \"\(name)\": \(error.message)", type: .warning, source: source)
      return (nil, olds)
    }
    if replicas > 0 {
      cluster.record(
        "Deployment", d.metadata, reason: "ScalingReplicaSet",
        message: "Scaled up replica set \(name) from 0 to \(replicas)", source: source)
    }
    d.metadata.annotations[DeploymentAnnotations.revision] = String(newRevision)
    setCondition(
      &d, type: "Progressing", status: .true, reason: "NewReplicaSetCreated",
      message: "Created new replica set \"\(name)\"", now: cluster.now)
    return (set, olds)
  }

  /// `NewRSNewReplicas` (§1.5).
  static func newReplicaSetReplicas(_ d: Deployment, all: [ReplicaSet], newSet: ReplicaSet?) -> Int {
    switch d.strategy {
    case .recreate:
      return d.replicas
    case .rollingUpdate(let surgeValue, _):
      let surge = surgeValue.scaled(total: d.replicas, roundUp: true)
      let current = all.reduce(0) { $0 + $1.replicas } + (newSet?.replicas ?? 0)
      let newReplicas = newSet?.replicas ?? 0
      let maxTotal = d.replicas.saturatingAdd(surge)
      if current >= maxTotal { return newReplicas }
      return newReplicas + max(0, min(maxTotal - current, d.replicas - newReplicas))
    }
  }

  /// `scaleReplicaSetAndRecordEvent`: sets the size and refreshes the annotations; returns
  /// whether the size changed.
  @discardableResult
  static func scaleReplicaSet(_ set: ReplicaSet, to size: Int, d: Deployment, cluster: inout Cluster) -> Bool {
    guard var current = cluster.replicaSets[Cluster.key(set.metadata)] else { return false }
    let (surge, _) = d.fenceposts
    let oldSize = current.replicas
    var changed = false
    if current.metadata.annotations[DeploymentAnnotations.desiredReplicas] != String(d.replicas)
      || current.metadata.annotations[DeploymentAnnotations.maxReplicas] != String(d.replicas.saturatingAdd(surge))
    {
      current.metadata.annotations[DeploymentAnnotations.desiredReplicas] = String(d.replicas)
      current.metadata.annotations[DeploymentAnnotations.maxReplicas] = String(d.replicas.saturatingAdd(surge))
      changed = true
    }
    if oldSize != size {
      current.replicas = size
      current.metadata.generation += 1
      changed = true
      let direction = size > oldSize ? "up" : "down"
      cluster.record(
        "Deployment", d.metadata, reason: "ScalingReplicaSet",
        message: "Scaled \(direction) replica set \(current.metadata.name) from \(oldSize) to \(size)", source: source)
    }
    if changed { cluster.storeReplicaSet(current) }
    return oldSize != size
  }

  // MARK: - Strategies

  /// `rolloutRolling` (§1.6).
  static func rolloutRolling(_ d: inout Deployment, cluster: inout Cluster) {
    let (created, olds) = newAndOld(&d, create: true, cluster: &cluster)
    guard let newSet = created.flatMap({ cluster.replicaSets[Cluster.key($0.metadata)] }) else {
      syncRolloutStatus(&d, cluster: &cluster)
      return
    }
    let currentOlds = olds.compactMap { cluster.replicaSets[Cluster.key($0.metadata)] }
    if reconcileNewReplicaSet(d, newSet: newSet, olds: currentOlds, cluster: &cluster) {
      syncRolloutStatus(&d, cluster: &cluster)
      return
    }
    let refreshedNew = cluster.replicaSets[Cluster.key(newSet.metadata)] ?? newSet
    if reconcileOldReplicaSets(d, newSet: refreshedNew, olds: currentOlds, cluster: &cluster) {
      syncRolloutStatus(&d, cluster: &cluster)
      return
    }
    if isComplete(d) { cleanup(d, olds: currentOlds, cluster: &cluster) }
    syncRolloutStatus(&d, cluster: &cluster)
  }

  static func reconcileNewReplicaSet(_ d: Deployment, newSet: ReplicaSet, olds: [ReplicaSet], cluster: inout Cluster)
    -> Bool
  {
    if newSet.replicas == d.replicas { return false }
    if newSet.replicas > d.replicas { return scaleReplicaSet(newSet, to: d.replicas, d: d, cluster: &cluster) }
    let size = newReplicaSetReplicas(d, all: olds, newSet: newSet)
    return scaleReplicaSet(newSet, to: size, d: d, cluster: &cluster)
  }

  static func reconcileOldReplicaSets(_ d: Deployment, newSet: ReplicaSet, olds: [ReplicaSet], cluster: inout Cluster)
    -> Bool
  {
    let oldPods = olds.reduce(0) { $0 + $1.replicas }
    if oldPods == 0 { return false }
    let allPods = oldPods + newSet.replicas
    let (_, maxUnavailable) = d.fenceposts
    let minAvailable = d.replicas - maxUnavailable
    let newUnavailable = newSet.replicas - newSet.status.availableReplicas
    let maxScaledDown = allPods - minAvailable - newUnavailable
    if maxScaledDown <= 0 { return false }
    var scaled = false
    // cleanupUnhealthyReplicas
    var cleaned = 0
    var sets = sortedByAge(olds)
    for index in sets.indices {
      if cleaned >= maxScaledDown { break }
      let set = sets[index]
      if set.replicas == 0 || set.replicas == set.status.availableReplicas { continue }
      let amount = min(maxScaledDown - cleaned, set.replicas - set.status.availableReplicas)
      if scaleReplicaSet(set, to: set.replicas - amount, d: d, cluster: &cluster) { scaled = true }
      sets[index].replicas -= amount
      cleaned += amount
    }
    // scaleDownOldReplicaSetsForRollingUpdate
    let available = sets.reduce(0) { $0 + $1.status.availableReplicas } + newSet.status.availableReplicas
    if available > minAvailable {
      let budget = available - minAvailable
      var done = 0
      for set in sets {
        if done >= budget { break }
        if set.replicas == 0 { continue }
        let amount = min(set.replicas, budget - done)
        if scaleReplicaSet(set, to: set.replicas - amount, d: d, cluster: &cluster) { scaled = true }
        done += amount
      }
    }
    return scaled
  }

  /// `rolloutRecreate` (§1.8).
  static func rolloutRecreate(_ d: inout Deployment, cluster: inout Cluster) {
    let (existingNew, olds) = newAndOld(&d, create: false, cluster: &cluster)
    var scaledDown = false
    for set in olds where set.replicas > 0 {
      if scaleReplicaSet(set, to: 0, d: d, cluster: &cluster) { scaledDown = true }
    }
    if scaledDown {
      syncRolloutStatus(&d, cluster: &cluster)
      return
    }
    let oldPodsExist = olds.contains { set in
      cluster.pods(ownedBy: set.metadata.uid).contains {
        !$0.status.phase.isTerminal
      }
    }
    if oldPodsExist {
      syncRolloutStatus(&d, cluster: &cluster)
      return
    }
    var newSet = existingNew
    if newSet == nil { newSet = newAndOld(&d, create: true, cluster: &cluster).0 }
    if let set = newSet.flatMap({ cluster.replicaSets[Cluster.key($0.metadata)] }) {
      scaleReplicaSet(set, to: d.replicas, d: d, cluster: &cluster)
    }
    if isComplete(d) {
      cleanup(d, olds: olds.compactMap { cluster.replicaSets[Cluster.key($0.metadata)] }, cluster: &cluster)
    }
    syncRolloutStatus(&d, cluster: &cluster)
  }

  // MARK: - Scaling (§1.7)

  /// Whether some active ReplicaSet was sized for a different replica count.
  static func isScalingEvent(_ d: Deployment, sets: [ReplicaSet]) -> Bool {
    sets.contains { set in
      set.replicas > 0
        && set.metadata.annotations[DeploymentAnnotations.desiredReplicas].map { $0 != String(d.replicas) } ?? false
    }
  }

  /// `sync()`: proportional scaling, clean-up while paused, and status without Progressing.
  static func scale(_ d: inout Deployment, cluster: inout Cluster) {
    let (newSet, olds) = newAndOld(&d, create: false, cluster: &cluster)
    let all = (olds + (newSet.map { [$0] } ?? [])).compactMap { cluster.replicaSets[Cluster.key($0.metadata)] }
    let current = newSet.flatMap { cluster.replicaSets[Cluster.key($0.metadata)] }
    scaleProportionally(d, newSet: current, all: all, cluster: &cluster)
    if d.paused {
      cleanup(d, olds: olds.compactMap { cluster.replicaSets[Cluster.key($0.metadata)] }, cluster: &cluster)
    }
    let sets = claimReplicaSets(d, cluster: &cluster)
    syncStatus(&d, sets: sets, newSet: findNewReplicaSet(d, sets), cluster: cluster)
  }

  static func scaleProportionally(_ d: Deployment, newSet: ReplicaSet?, all: [ReplicaSet], cluster: inout Cluster) {
    let active = all.filter { $0.replicas > 0 }
    if active.count <= 1 {
      let target = active.first ?? newSet ?? sortedByAge(all).last
      if let target, target.replicas != d.replicas {
        scaleReplicaSet(target, to: d.replicas, d: d, cluster: &cluster)
      }
      return
    }
    if let newSet, newSet.replicas == d.replicas,
      newSet.metadata.annotations[DeploymentAnnotations.desiredReplicas] == String(d.replicas),
      newSet.status.availableReplicas == d.replicas
    {
      for set in active where set.metadata.uid != newSet.metadata.uid {
        scaleReplicaSet(set, to: 0, d: d, cluster: &cluster)
      }
      return
    }
    guard case .rollingUpdate = d.strategy else { return }
    let (surge, _) = d.fenceposts
    let allowed = d.replicas > 0 ? d.replicas.saturatingAdd(surge) : 0
    let toAdd = allowed - active.reduce(0) { $0 + $1.replicas }
    if toAdd == 0 { return }
    let ordered = active.sorted { a, b in
      if a.replicas != b.replicas { return a.replicas > b.replicas }
      let newer =
        a.metadata.creationTimestamp != b.metadata.creationTimestamp
        ? a.metadata.creationTimestamp > b.metadata.creationTimestamp : a.metadata.name > b.metadata.name
      return toAdd > 0 ? newer : !newer
    }
    var sizes = ordered.map(\.replicas)
    var added = 0
    for (index, set) in ordered.enumerated() where set.replicas > 0 && added != toAdd {
      let annotatedMax = Int(set.metadata.annotations[DeploymentAnnotations.maxReplicas] ?? "") ?? d.status.replicas
      var fraction: Int
      if d.replicas == 0 {
        fraction = -set.replicas
      } else if annotatedMax == 0 {
        fraction = 0
      } else {
        let exact = Double(set.replicas) * Double(d.replicas.saturatingAdd(surge)) / Double(annotatedMax)
        fraction = (Int.clamping((exact + 0.5).rounded(.down)) ?? 0).saturatingSubtract(set.replicas)
      }
      let proportion = toAdd > 0 ? min(fraction, toAdd - added) : max(fraction, toAdd - added)
      sizes[index] += proportion
      added += proportion
    }
    if added != toAdd, !sizes.isEmpty { sizes[0] = max(0, sizes[0] + toAdd - added) }
    for (index, set) in ordered.enumerated() {
      scaleReplicaSet(set, to: sizes[index], d: d, cluster: &cluster)
    }
  }

  // MARK: - History clean-up (§1.9)

  static func cleanup(_ d: Deployment, olds: [ReplicaSet], cluster: inout Cluster) {
    let candidates = olds.filter { $0.metadata.deletionTimestamp == nil }
    let diff = candidates.count - d.revisionHistoryLimit
    guard diff > 0 else { return }
    let ordered = candidates.sorted {
      let a = DeploymentAnnotations.revision(of: $0.metadata)
      let b = DeploymentAnnotations.revision(of: $1.metadata)
      if a != b { return a < b }
      return $0.metadata.creationTimestamp < $1.metadata.creationTimestamp
    }
    for set in ordered.prefix(diff)
    where set.status.replicas == 0 && set.replicas == 0
      && set.metadata.generation <= set.status.observedGeneration
    {
      cluster.deleteReplicaSet(set.metadata.name, namespace: set.metadata.namespace ?? "default")
    }
  }

  // MARK: - Status (§1.11)

  static func checkPausedConditions(_ d: inout Deployment, now: Timestamp) {
    let progressing = d.status.conditions.first { $0.type == "Progressing" }
    if progressing?.reason == "ProgressDeadlineExceeded" { return }
    let pausedCondition = progressing?.reason == "DeploymentPaused"
    if d.paused && !pausedCondition {
      setCondition(
        &d, type: "Progressing", status: .unknown, reason: "DeploymentPaused", message: "Deployment is paused",
        now: now)
    } else if !d.paused && pausedCondition {
      setCondition(
        &d, type: "Progressing", status: .unknown, reason: "DeploymentResumed", message: "Deployment is resumed",
        now: now)
    }
  }

  /// `calculateStatus` plus the Available condition.
  static func syncStatus(_ d: inout Deployment, sets: [ReplicaSet], newSet: ReplicaSet?, cluster: Cluster) {
    let current = sets.compactMap { cluster.replicaSets[Cluster.key($0.metadata)] }
    let currentNew = newSet.flatMap { cluster.replicaSets[Cluster.key($0.metadata)] }
    d.status.replicas = current.reduce(0) { $0 + $1.status.replicas }
    d.status.updatedReplicas = currentNew?.status.replicas ?? 0
    d.status.readyReplicas = current.reduce(0) { $0 + $1.status.readyReplicas }
    d.status.availableReplicas = current.reduce(0) { $0 + $1.status.availableReplicas }
    d.status.unavailableReplicas = max(0, current.reduce(0) { $0 + $1.replicas } - d.status.availableReplicas)
    d.status.observedGeneration = d.metadata.generation
    let (_, maxUnavailable) = d.fenceposts
    if d.status.availableReplicas >= d.replicas - maxUnavailable {
      setCondition(
        &d, type: "Available", status: .true, reason: "MinimumReplicasAvailable",
        message: "Deployment has minimum availability.", now: cluster.now)
    } else {
      setCondition(
        &d, type: "Available", status: .false, reason: "MinimumReplicasUnavailable",
        message: "Deployment does not have minimum availability.", now: cluster.now)
    }
  }

  static func isComplete(_ d: Deployment) -> Bool {
    d.status.updatedReplicas == d.replicas && d.status.replicas == d.replicas
      && d.status.availableReplicas == d.replicas && d.status.observedGeneration >= d.metadata.generation
  }

  /// `syncRolloutStatus`: status, Available and the Progressing rules.
  static func syncRolloutStatus(_ d: inout Deployment, cluster: inout Cluster) {
    let previous = d.status
    let sets = claimReplicaSets(d, cluster: &cluster)
    let newSet = findNewReplicaSet(d, sets)
    syncStatus(&d, sets: sets, newSet: newSet, cluster: cluster)
    let progressing = d.status.conditions.first { $0.type == "Progressing" }
    let alreadyComplete =
      d.status.replicas == d.status.updatedReplicas && progressing?.reason == "NewReplicaSetAvailable"
    guard !alreadyComplete else { return }
    let subject = newSet.map { "ReplicaSet \"\($0.metadata.name)\"" } ?? "Deployment \"\(d.metadata.name)\""
    if isComplete(d) {
      setCondition(
        &d, type: "Progressing", status: .true, reason: "NewReplicaSetAvailable",
        message: "\(subject) has successfully progressed.", now: cluster.now)
    } else if madeProgress(old: previous, new: d.status) {
      setCondition(
        &d, type: "Progressing", status: .true, reason: "ReplicaSetUpdated",
        message: "\(subject) is progressing.", now: cluster.now, refreshUpdateTime: true)
    } else if let progressing, progressing.reason != "NewReplicaSetAvailable", progressing.status != .unknown {
      let deadline = progressing.lastUpdateTime.adding(wholeSeconds: d.progressDeadlineSeconds)
      if deadline < cluster.now {
        setCondition(
          &d, type: "Progressing", status: .false, reason: "ProgressDeadlineExceeded",
          message: "\(subject) has timed out progressing.", now: cluster.now)
      } else if progressing.reason != "ProgressDeadlineExceeded" {
        let check = deadline.adding(milliseconds: 1000)
        if check > cluster.now { cluster.deploymentController.progressChecks.schedule(0, at: check) }
      }
    }
  }

  static func madeProgress(old: Deployment.Status, new: Deployment.Status) -> Bool {
    new.updatedReplicas > old.updatedReplicas
      || new.replicas - new.updatedReplicas < old.replicas - old.updatedReplicas
      || new.readyReplicas > old.readyReplicas || new.availableReplicas > old.availableReplicas
  }

  /// `SetDeploymentCondition`: no-op when status and reason are unchanged; otherwise the
  /// condition moves to the end, keeping its transition time when only the reason changed.
  /// With `refreshUpdateTime` (progress was made) it is replaced even when unchanged, so its
  /// update time moves to `now`, as `syncRolloutStatus` does for the Progressing condition.
  static func setCondition(
    _ d: inout Deployment, type: String, status: ConditionStatus, reason: String, message: String, now: Timestamp,
    refreshUpdateTime: Bool = false
  ) {
    let existing = d.status.conditions.first { $0.type == type }
    if let existing, existing.status == status, existing.reason == reason, !refreshUpdateTime {
      return
    }
    if refreshUpdateTime, let existing, existing.status == status, existing.reason == reason,
      existing.lastUpdateTime == now, existing.message == message
    {
      return
    }
    let transition = existing.map { $0.status == status ? $0.lastTransitionTime : now } ?? now
    d.status.conditions.removeAll { $0.type == type }
    d.status.conditions.append(
      Deployment.Condition(
        type: type, status: status, reason: reason, message: message, lastUpdateTime: now,
        lastTransitionTime: transition))
  }
}
