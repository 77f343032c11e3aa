/// The taint-eviction controller (kube-controller-manager's `pkg/controller/tainteviction`,
/// v1.32): a pod bound to a node with NoExecute taints it does not all tolerate is deleted at
/// once; one that tolerates them with `tolerationSeconds` is deleted that many seconds (the
/// smallest among the tolerations used) after the controller first saw it there. Each
/// deletion records `TaintManagerEviction` "Marking for deletion Pod NS/NAME"; a scheduled
/// deletion that is called off (the taints went, the pod went or now tolerates them for ever)
/// records "Cancelling deletion of Pod NS/NAME".
///
/// The controller reacts to changes as the real one does to informer events: a node's pods
/// are looked at again when its NoExecute taints change, a pod when it first shows up on a
/// tainted node.
struct TaintEvictionController: ControlLoop {
  /// One pod's entry in the eviction queue (`TimedWorkerQueue`), by pod key.
  struct Work: Sendable, Equatable {
    var uid: String
    var fireAt: Timestamp
    /// Whether the deletion ran (the real queue keeps such a key, without a timer, until the
    /// work is cancelled, so that it is not added twice).
    var fired = false
  }

  /// The NoExecute taints last seen on each tainted node (`taintedNodes`).
  var knownTaints: [String: [Taint]] = [:]
  /// The uid of each pod already looked at under its node's current taints, by pod key.
  var processed: [String: String] = [:]
  /// Scheduled and finished evictions, by pod key.
  var queue: [String: Work] = [:]

  static let component = "taint-eviction-controller"

  static func reconcile(_ cluster: inout Cluster) {
    forgetGonePods(&cluster)
    for name in cluster.nodes.keys.sorted() {
      guard let node = cluster.nodes[name] else { continue }
      let taints = node.spec.taints.filter { $0.effect == .noExecute }
      let known = cluster.taintEvictionController.knownTaints[name] ?? []
      if taints.isEmpty {
        guard !known.isEmpty else { continue }
        cluster.taintEvictionController.knownTaints[name] = nil
        for pod in cluster.listPods(onNode: name) { cancel(pod, cluster: &cluster) }
        continue
      }
      let changed = taints != known
      if changed { cluster.taintEvictionController.knownTaints[name] = taints }
      guard cluster.podsPerNode[name, default: 0] > 0 else { continue }
      for pod in cluster.listPods(onNode: name) {
        let key = Cluster.key(pod.metadata)
        if changed || cluster.taintEvictionController.processed[key] != pod.metadata.uid {
          cluster.taintEvictionController.processed[key] = pod.metadata.uid
          if pod.metadata.deletionTimestamp == nil { process(pod, taints: taints, cluster: &cluster) }
        }
        if let work = cluster.taintEvictionController.queue[key], !work.fired, work.fireAt <= cluster.now,
          pod.metadata.deletionTimestamp == nil
        {
          fire(pod, cluster: &cluster)
        }
      }
    }
  }

  /// `processPodOnNode`: schedules, moves or cancels the pod's eviction for `taints`.
  private static func process(_ pod: Pod, taints: [Taint], cluster: inout Cluster) {
    let key = Cluster.key(pod.metadata)
    // `GetMatchingTolerations`: the first toleration of each taint.
    var used: [Toleration] = []
    for taint in taints {
      guard let toleration = pod.spec.tolerations.first(where: { Scheduler.tolerates($0, taint) }) else {
        cancel(pod, cluster: &cluster)
        fire(pod, cluster: &cluster)
        return
      }
      used.append(toleration)
    }
    // `getMinTolerationTime`: nil tolerates for ever; zero or less evicts at once.
    let seconds = used.compactMap(\.tolerationSeconds).min()
    guard let seconds else {
      cancel(pod, cluster: &cluster)
      return
    }
    // An eviction already queued (or done) keeps its time: it started earlier.
    guard cluster.taintEvictionController.queue[key] == nil else { return }
    let fireAt = cluster.now.adding(wholeSeconds: max(0, seconds))
    if fireAt <= cluster.now {
      fire(pod, cluster: &cluster)
      return
    }
    cluster.taintEvictionController.queue[key] = Work(uid: pod.metadata.uid, fireAt: fireAt)
    cluster.wake(at: fireAt)
  }

  /// Deletes the pod now, recording the controller's event.
  private static func fire(_ pod: Pod, cluster: inout Cluster) {
    let namespace = pod.metadata.namespace ?? "default"
    cluster.taintEvictionController.queue[Cluster.key(pod.metadata)] = Work(
      uid: pod.metadata.uid, fireAt: cluster.now, fired: true)
    cluster.record(
      "Pod", pod.metadata, reason: "TaintManagerEviction",
      message: "Marking for deletion Pod \(namespace)/\(pod.metadata.name)", source: component)
    _ = try? cluster.deletePod(pod.metadata.name, namespace: namespace)
  }

  /// `cancelWorkWithEvent`: drops the pod's queue entry, recording an event when a deletion
  /// was still to come.
  private static func cancel(_ pod: Pod, cluster: inout Cluster) {
    let key = Cluster.key(pod.metadata)
    guard let work = cluster.taintEvictionController.queue.removeValue(forKey: key), !work.fired else { return }
    let namespace = pod.metadata.namespace ?? "default"
    cluster.record(
      "Pod", pod.metadata, reason: "TaintManagerEviction",
      message: "Cancelling deletion of Pod \(namespace)/\(pod.metadata.name)", source: component)
  }

  /// Drops what the controller keeps about pods that are gone (a pending eviction is
  /// cancelled with its event, as `handlePodUpdate` does for a deleted pod).
  private static func forgetGonePods(_ cluster: inout Cluster) {
    for key in cluster.taintEvictionController.processed.keys.sorted()
    where cluster.pods[key]?.metadata.uid != cluster.taintEvictionController.processed[key] {
      cluster.taintEvictionController.processed[key] = nil
    }
    for key in cluster.taintEvictionController.queue.keys.sorted() {
      guard let work = cluster.taintEvictionController.queue[key],
        cluster.pods[key]?.metadata.uid != work.uid
      else { continue }
      cluster.taintEvictionController.queue[key] = nil
      if work.fired { continue }
      let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
      let meta = ObjectMeta(name: parts.count == 2 ? parts[1] : key, namespace: parts.first)
      cluster.record(
        "Pod", meta, reason: "TaintManagerEviction", message: "Cancelling deletion of Pod \(key)", source: component)
    }
  }
}
