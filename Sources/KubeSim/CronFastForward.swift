/// Skips whole CronJob cycles of a long `sleep` that nothing can observe afterwards.
///
/// A `* * * * *` CronJob across `sleep 30d` runs 43,200 Jobs, each with a pod that is
/// scheduled, pulled, started and finished at its own instants. What a learner can see once the
/// sleep is over is only the recent past: the Jobs and pods the history limits keep, the events
/// of the last hour (the API server's event TTL), and the CronJob's last schedule and success
/// times. So when the cluster is quiet between ticks — no pod starting or stopping, no Job
/// running, nothing timed but the CronJobs' schedules — the clock can jump to a moment shortly
/// before the end of the sleep that sits at the same point of the cycle, with each CronJob's
/// status moved as if it had run every tick in between. The last stretch (``horizon(_:)``:
/// longer than the event TTL and than the history limits' worth of ticks) is then simulated in
/// full, so every object and event that is visible at the end is produced by the ordinary
/// controllers. Only resource versions and the seeded random names differ from a tick-by-tick
/// run, and those are arbitrary on a real cluster too.
enum CronFastForward {
  /// Where the clock jumps to, and each CronJob's status there.
  struct Plan: Equatable {
    var target: Timestamp
    /// By CronJob key: the last schedule time and last success time at `target`.
    var statuses: [String: (lastSchedule: Timestamp, lastSuccessful: Timestamp?)]

    static func == (lhs: Plan, rhs: Plan) -> Bool {
      lhs.target == rhs.target
        && lhs.statuses.count == rhs.statuses.count
        && lhs.statuses.allSatisfy { key, value in
          rhs.statuses[key].map { $0.lastSchedule == value.lastSchedule && $0.lastSuccessful == value.lastSuccessful }
            ?? false
        }
    }
  }

  /// One CronJob that ticks, with the facts the plan needs.
  struct Ticker {
    var key: String
    var schedule: CronSchedule
    /// The tick whose Job ran last, and how long after it the cluster was quiet again.
    var lastTick: Timestamp
    var phase: Int64
    var lastSuccessful: Timestamp?
    var historyLimit: Int
  }

  /// The most target candidates tried before giving up on a jump.
  static let maxAttempts = 64

  /// A jump for a sleep that ends at `limit`, or nil when skipping is not safe or not worth it.
  static func plan(_ cluster: Cluster, limit: Timestamp) -> Plan? {
    guard !cluster.cronJobs.isEmpty, isQuiet(cluster) else { return nil }
    var tickers: [Ticker] = []
    for key in cluster.cronJobs.keys.sorted() {
      guard let cronJob = cluster.cronJobs[key], cronJob.metadata.deletionTimestamp == nil, !cronJob.suspend
      else { continue }
      guard cronJob.status.active.isEmpty, let lastTick = cronJob.status.lastScheduleTime,
        let schedule = cronJob.parsedSchedule ?? (try? CronSchedule(cronJob.schedule))
      else { return nil }
      tickers.append(
        Ticker(
          key: key, schedule: schedule, lastTick: lastTick,
          phase: cluster.now.milliseconds - lastTick.milliseconds, lastSuccessful: cronJob.status.lastSuccessfulTime,
          historyLimit: max(cronJob.successfulJobsHistoryLimit, cronJob.failedJobsHistoryLimit)))
    }
    guard !tickers.isEmpty, let horizon = horizon(tickers, from: cluster.now) else { return nil }
    var target = limit.adding(milliseconds: -horizon)
    for _ in 0..<maxAttempts {
      guard target.milliseconds - cluster.now.milliseconds > horizon else { return nil }
      var statuses: [String: (lastSchedule: Timestamp, lastSuccessful: Timestamp?)] = [:]
      var retreatTo: Timestamp?
      for ticker in tickers {
        let tick = ticker.schedule.mostRecent(after: ticker.lastTick, upTo: target).time ?? ticker.lastTick
        guard target.milliseconds - tick.milliseconds >= ticker.phase else {
          // The Job of `tick` would still be running at `target`: try just before that tick.
          let before = tick.adding(milliseconds: -1)
          retreatTo = retreatTo.map { min($0, before) } ?? before
          continue
        }
        let shift = tick.milliseconds - ticker.lastTick.milliseconds
        let succeededLastTime = ticker.lastSuccessful.map { $0 >= ticker.lastTick } ?? false
        statuses[ticker.key] = (
          tick, succeededLastTime ? ticker.lastSuccessful?.adding(milliseconds: shift) : ticker.lastSuccessful
        )
      }
      guard let earlier = retreatTo else { return Plan(target: target, statuses: statuses) }
      target = earlier
    }
    return nil
  }

  /// Nothing happening but CronJob schedules: no pod or Job in motion, no timer but theirs.
  static func isQuiet(_ cluster: Cluster) -> Bool {
    cluster.kubelet.timers.isEmpty && cluster.wakeups.isEmpty && cluster.kubelet.pending.isEmpty
      && cluster.scheduler.queue.isEmpty && cluster.deploymentController.progressChecks.isEmpty
      && cluster.autoscalers.isEmpty
      && cluster.jobs.values.allSatisfy { $0.status.isFinished && $0.ttlSecondsAfterFinished == nil }
      && cluster.namespaces.values.allSatisfy { $0.phase != .terminating }
  }

  /// How much of the end of the sleep is simulated in full, in milliseconds: an hour and five
  /// minutes (the event TTL with a margin) after twice the span of history-limit + 2 ticks of
  /// the slowest CronJob (by then every Job kept has been made after the jump, and the events
  /// of deleting the older ones have expired); nil if some schedule has no tick in sight.
  static func horizon(_ tickers: [Ticker], from now: Timestamp) -> Int64? {
    var horizon: Int64 = (Cluster.eventTTLSeconds + 300) * 1000
    for ticker in tickers {
      var cursor = now
      for _ in 0..<(ticker.historyLimit + 2) {
        guard let next = ticker.schedule.next(after: cursor) else { return nil }
        cursor = next
      }
      horizon = max(horizon, (Cluster.eventTTLSeconds + 300) * 1000 + 2 * (cursor.milliseconds - now.milliseconds))
    }
    return horizon
  }
}

extension Cluster {
  /// Moves the clock to `plan.target` with each CronJob's status as if it had run every tick.
  mutating func fastForward(_ plan: CronFastForward.Plan) {
    now = plan.target
    for (key, status) in plan.statuses.sorted(by: { $0.key < $1.key }) {
      guard var cronJob = cronJobs[key] else { continue }
      cronJob.status.lastScheduleTime = status.lastSchedule
      cronJob.status.lastSuccessfulTime = status.lastSuccessful
      cronJob.metadata.resourceVersion = nextResourceVersion()
      cronJobs[key] = cronJob
    }
    discardRoundRequests(through: now)
    allWorkloadsDirty = true
    expireEvents()
  }
}
