/// The CronJob controller (`cronjob_controllerv2.go`, `docs/reference/controllers.md` §4.3): tracks the Jobs
/// it started, runs the most recent missed schedule time (honouring the concurrency policy
/// and the starting deadline), names each Job `<cronjob>-<minutes since the epoch>`, trims
/// the finished Jobs to the history limits, and wakes at the next schedule time.
///
/// The value holds the controller's own state (``Cluster/cronJobController``); its steps are
/// static and take the whole cluster, whose store they read and write.
struct CronJobController: ControlLoop {
  /// Instants at which the controller has work (the next schedule times); they only ask for a
  /// round.
  var wakeups = DeadlineQueue<Int>()

  static func reconcile(_ cluster: inout Cluster) {
    guard !cluster.cronJobs.isEmpty else { return }
    for key in cluster.cronJobs.keys.sorted() {
      guard var cronJob = cluster.cronJobs[key], cronJob.metadata.deletionTimestamp == nil else { continue }
      let before = cronJob
      sync(&cronJob, cluster: &cluster)
      if cronJob != before {
        cronJob.metadata.resourceVersion = cluster.nextResourceVersion()
        cluster.cronJobs[key] = cronJob
      }
    }
  }

  static func sync(_ cronJob: inout CronJob, cluster: inout Cluster) {
    let namespace = cronJob.metadata.namespace ?? "default"
    let children = cluster.jobs.values.filter { $0.metadata.controllerUID == cronJob.metadata.uid }
    // 1. Reconcile `status.active` with the Jobs that exist.
    for entry in cronJob.status.active {
      guard let job = children.first(where: { $0.metadata.uid == entry.uid }) else {
        cronJob.status.active.removeAll { $0.uid == entry.uid }
        cluster.record(
          "CronJob", cronJob.metadata, reason: "MissingJob", message: "Active job went missing: \(entry.name)",
          source: "cronjob-controller")
        continue
      }
      guard job.status.isFinished else { continue }
      cronJob.status.active.removeAll { $0.uid == entry.uid }
      let outcome = job.status.has("Complete") ? "Complete" : "Failed"
      cluster.record(
        "CronJob", cronJob.metadata, reason: "SawCompletedJob",
        message: "Saw completed job: \(job.metadata.name), status: \(outcome)", source: "cronjob-controller")
      if let completed = job.status.completionTime,
        cronJob.status.lastSuccessfulTime.map({ completed > $0 }) ?? true
      {
        cronJob.status.lastSuccessfulTime = completed
      }
    }
    cleanUp(
      cronJob, children: cluster.jobs.values.filter { $0.metadata.controllerUID == cronJob.metadata.uid },
      cluster: &cluster)
    guard !cronJob.suspend, let schedule = cronJob.parsedSchedule ?? (try? CronSchedule(cronJob.schedule)) else {
      return
    }
    // 2. The most recent schedule time not yet run.
    var earliest = cronJob.status.lastScheduleTime ?? cronJob.metadata.creationTimestamp
    if let deadline = cronJob.startingDeadlineSeconds {
      earliest = max(earliest, cluster.now.subtracting(wholeSeconds: deadline))
    }
    let (scheduled, missed) = schedule.mostRecent(after: earliest, upTo: cluster.now)
    if let next = schedule.next(after: cluster.now) {
      cluster.cronJobController.wakeups.wake(at: next, after: cluster.now)
    }
    guard let scheduled else { return }
    if missed > 100 {
      cluster.record(
        "CronJob", cronJob.metadata, reason: "TooManyMissedTimes",
        message: "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew",
        type: .warning, source: "cronjob-controller")
    }
    if let deadline = cronJob.startingDeadlineSeconds,
      scheduled.adding(wholeSeconds: deadline) < cluster.now
    {
      cluster.record(
        "CronJob", cronJob.metadata, reason: "MissSchedule",
        message: "Missed scheduled time to start a job: \(rfc1123z(scheduled))", type: .warning,
        source: "cronjob-controller")
      return
    }
    let name = "\(cronJob.metadata.name)-\(scheduled.milliseconds / 60_000)"
    if cronJob.status.lastScheduleTime == scheduled || cronJob.status.active.contains(where: { $0.name == name }) {
      return
    }
    if cronJob.concurrencyPolicy.value == .forbid && !cronJob.status.active.isEmpty {
      cluster.record(
        "CronJob", cronJob.metadata, reason: "JobAlreadyActive",
        message: "Not starting job because prior execution is running and concurrency policy is Forbid",
        source: "cronjob-controller")
      return
    }
    if cronJob.concurrencyPolicy.value == .replace {
      for entry in cronJob.status.active {
        try? cluster.deleteJob(entry.name, namespace: namespace, propagation: .background)
        cluster.record(
          "CronJob", cronJob.metadata, reason: "SuccessfulDelete", message: "Deleted job \(entry.name)",
          source: "cronjob-controller")
      }
      cronJob.status.active = []
    }
    var job = cronJob.jobTemplate
    job.metadata = ObjectMeta(name: name, namespace: namespace, labels: cronJob.jobTemplateLabels)
    job.metadata.ownerReferences = [
      OwnerReference(apiVersion: "batch/v1", kind: "CronJob", name: cronJob.metadata.name, uid: cronJob.metadata.uid)
    ]
    do {
      let created = try cluster.createJob(job)
      cronJob.status.active.append(.init(name: created.metadata.name, uid: created.metadata.uid))
      cluster.record(
        "CronJob", cronJob.metadata, reason: "SuccessfulCreate", message: "Created job \(name)",
        source: "cronjob-controller")
    } catch {
      cluster.record(
        "CronJob", cronJob.metadata, reason: "FailedCreate", message: "Error creating job: \(error.message)",
        type: .warning, source: "cronjob-controller")
    }
    cronJob.status.lastScheduleTime = scheduled
  }

  /// Trims finished Jobs to the history limits, oldest start first.
  static func cleanUp(_ cronJob: CronJob, children: [Job], cluster: inout Cluster) {
    let namespace = cronJob.metadata.namespace ?? "default"
    for (type, limit) in [("Complete", cronJob.successfulJobsHistoryLimit), ("Failed", cronJob.failedJobsHistoryLimit)]
    {
      let finished = children.filter { $0.status.has(type) }.sorted {
        ($0.status.startTime ?? $0.metadata.creationTimestamp, $0.metadata.name)
          < ($1.status.startTime ?? $1.metadata.creationTimestamp, $1.metadata.name)
      }
      for job in finished.dropLast(max(0, limit)) {
        try? cluster.deleteJob(job.metadata.name, namespace: namespace, propagation: .background)
        cluster.record(
          "CronJob", cronJob.metadata, reason: "SuccessfulDelete", message: "Deleted job \(job.metadata.name)",
          source: "cronjob-controller")
      }
    }
  }

  /// Go's RFC1123Z in UTC (`Mon, 03 Mar 2025 09:00:00 +0000`).
  static func rfc1123z(_ time: Timestamp) -> String {
    let parts = time.civil
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    return "\(days[parts.weekday]), \(two(parts.day)) \(months[parts.month - 1]) \(parts.year) "
      + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
  }
}
