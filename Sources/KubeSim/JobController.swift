/// The Job controller (`docs/reference/controllers.md` §4.2): counts finished pods once, fails the Job past
/// its back-off limit or deadline, completes it when enough pods succeeded, and otherwise
/// keeps `min(completions − succeeded, parallelism)` pods running, waiting out the
/// pod-failure back-off (10 s doubling, at most 10 min) before replacing failed ones.
///
/// The value holds the controller's own state (``Cluster/jobController``); its steps are static
/// and take the whole cluster, whose store they read and write.
struct JobController: ControlLoop {
  /// Instants at which the controller has work (active deadlines, back-offs, TTLs); they only
  /// ask for a round.
  var wakeups = DeadlineQueue<Int>()

  static let trackingFinalizer = "batch.kubernetes.io/job-tracking"
  static let maxFailureBackOffMilliseconds: Int64 = 600_000

  static func reconcile(_ cluster: inout Cluster) {
    guard !cluster.jobs.isEmpty else { return }
    for key in cluster.jobs.keys.sorted() {
      guard var job = cluster.jobs[key], job.metadata.deletionTimestamp == nil else { continue }
      let before = job
      sync(&job, cluster: &cluster)
      if job != before { cluster.storeJob(job) }
    }
  }

  static func sync(_ job: inout Job, cluster: inout Cluster) {
    let namespace = job.metadata.namespace ?? "default"
    if job.status.isFinished {
      expire(job, cluster: &cluster)
      return
    }
    if job.status.startTime == nil && !job.suspend { job.status.startTime = cluster.now }
    var pods = cluster.pods(ownedBy: job.metadata.uid)
    // Count each finished pod once and release its tracking finalizer.
    for index in pods.indices {
      let pod = pods[index]
      guard pod.status.phase.isTerminal else { continue }
      if job.countedPods.insert(pod.metadata.uid).inserted {
        if pod.status.phase == .succeeded {
          job.status.succeeded += 1
        } else {
          job.status.failed += 1
          job.lastFailureAt = cluster.now
        }
      }
      if pod.metadata.finalizers.contains(trackingFinalizer) {
        var released = pod
        released.metadata.finalizers.removeAll { $0 == trackingFinalizer }
        cluster.update(released)
        pods[index] = released
      }
    }
    let running = pods.filter { !$0.status.phase.isTerminal }
    let active = running.filter { $0.metadata.deletionTimestamp == nil }
    job.status.active = active.count
    job.status.terminating = running.count - active.count
    job.status.ready = active.filter(\.isReady).count
    // Failure first: the back-off limit, then the deadline.
    var failure: (reason: String, message: String)?
    let restarts = active.reduce(0) { $0 + $1.status.containerStatuses.reduce(0) { $0 + $1.restartCount } }
    if job.status.failed > job.backoffLimit
      || (job.template.spec.restartPolicy.value == .onFailure && job.backoffLimit > 0 && restarts >= job.backoffLimit)
    {
      failure = ("BackoffLimitExceeded", "Job has reached the specified backoff limit")
    } else if let deadline = job.activeDeadlineSeconds, let start = job.status.startTime {
      let end = start.adding(wholeSeconds: deadline)
      if end <= cluster.now {
        failure = ("DeadlineExceeded", "Job was active longer than specified deadline")
      } else {
        cluster.jobController.wakeups.wake(at: end, after: cluster.now)
      }
    }
    if let failure {
      if !job.status.has("FailureTarget") {
        job.status.conditions.append(
          .init(type: "FailureTarget", reason: failure.reason, message: failure.message, time: cluster.now))
      }
      for pod in active { _ = try? cluster.deletePod(pod.metadata.name, namespace: namespace) }
      if running.isEmpty {
        job.status.conditions.append(
          .init(type: "Failed", reason: failure.reason, message: failure.message, time: cluster.now))
        cluster.record(
          "Job", job.metadata, reason: failure.reason, message: failure.message, type: .warning,
          source: "job-controller")
      }
      job.status.active = 0
      return
    }
    let done =
      job.completions.map { job.status.succeeded >= $0 } ?? (job.status.succeeded > 0)
    if done {
      if !job.status.has("SuccessCriteriaMet") {
        job.status.conditions.append(
          .init(
            type: "SuccessCriteriaMet", reason: "CompletionsReached",
            message: "Reached expected number of succeeded pods", time: cluster.now))
      }
      if running.isEmpty {
        job.status.conditions.append(
          .init(
            type: "Complete", reason: "CompletionsReached", message: "Reached expected number of succeeded pods",
            time: cluster.now))
        job.status.completionTime = cluster.now
        cluster.record("Job", job.metadata, reason: "Completed", message: "Job completed", source: "job-controller")
      } else {
        for pod in active { _ = try? cluster.deletePod(pod.metadata.name, namespace: namespace) }
      }
      return
    }
    guard !job.suspend else { return }
    let wantActive: Int
    if let completions = job.completions {
      wantActive = max(0, min(completions - job.status.succeeded, job.parallelism))
    } else {
      wantActive = job.status.succeeded > 0 ? active.count : job.parallelism
    }
    var missing = wantActive - active.count
    guard missing > 0 else { return }
    if let lastFailure = job.lastFailureAt, job.status.failed > 0 {
      let failures = min(job.status.failed, 7)
      let delay = min(maxFailureBackOffMilliseconds, 10_000 << Int64(failures - 1))
      let ready = lastFailure.adding(milliseconds: delay)
      if ready > cluster.now {
        cluster.jobController.wakeups.wake(at: ready, after: cluster.now)
        return
      }
    }
    missing = min(missing, 500)
    for _ in 0..<missing { create(for: job, cluster: &cluster) }
    job.status.active = active.count + missing
  }

  /// Creates one pod from the Job's template, with the tracking finalizer.
  static func create(for job: Job, cluster: inout Cluster) {
    var metadata = ObjectMeta(name: "", namespace: job.metadata.namespace, labels: job.template.labels)
    metadata.annotations = job.template.annotations
    metadata.finalizers = [trackingFinalizer]
    metadata.ownerReferences = [
      OwnerReference(apiVersion: "batch/v1", kind: "Job", name: job.metadata.name, uid: job.metadata.uid)
    ]
    do {
      let pod = try cluster.createPod(
        Pod(metadata: metadata, spec: job.template.spec), generateName: job.metadata.name + "-")
      cluster.record(
        "Job", job.metadata, reason: "SuccessfulCreate", message: "Created pod: \(pod.metadata.name)",
        source: "job-controller")
    } catch {
      cluster.record(
        "Job", job.metadata, reason: "FailedCreate", message: "Error creating: \(error.message)", type: .warning,
        source: "job-controller")
    }
  }

  /// `ttlSecondsAfterFinished`: the TTL controller deletes a finished Job (and, through the
  /// garbage collector, its pods) once the time has passed.
  static func expire(_ job: Job, cluster: inout Cluster) {
    guard let ttl = job.ttlSecondsAfterFinished,
      let finished = job.status.completionTime ?? job.status.conditions.last?.time
    else { return }
    let due = finished.adding(wholeSeconds: ttl)
    if due > cluster.now {
      cluster.jobController.wakeups.wake(at: due, after: cluster.now)
      return
    }
    try? cluster.deleteJob(job.metadata.name, namespace: job.metadata.namespace ?? "default", propagation: .background)
  }
}
