/// A CronJob: a Job template run on a cron schedule (`docs/reference/controllers.md` §4.3).
public struct CronJob: Sendable, Equatable {
  /// A Job listed in `status.active`.
  public struct ActiveJob: Sendable, Equatable {
    public var name: String
    public var uid: String
  }

  /// What the CronJob controller last wrote into `status`.
  public struct Status: Sendable, Equatable {
    public var active: [ActiveJob] = []
    public var lastScheduleTime: Timestamp?
    public var lastSuccessfulTime: Timestamp?

    /// Creates an empty status.
    public init() {}
  }

  public var metadata: ObjectMeta
  public var schedule: String
  public var timeZone: String?
  /// `Allow`, `Forbid` or `Replace`.
  public var concurrencyPolicy = APIField<ConcurrencyPolicy>.known(.allow)
  public var suspend = false
  public var startingDeadlineSeconds: Int?
  public var successfulJobsHistoryLimit = 3
  public var failedJobsHistoryLimit = 1
  /// The Job each run creates (its name and selector are generated).
  public var jobTemplate: Job
  public var jobTemplateLabels: [String: String] = [:]
  public var status = Status()
  /// The parsed schedule, kept from the last create or update.
  var parsedSchedule: CronSchedule?

  /// Creates a CronJob.
  public init(metadata: ObjectMeta, schedule: String, jobTemplate: Job) {
    self.metadata = metadata
    self.schedule = schedule
    self.jobTemplate = jobTemplate
  }

  /// The CronJob as `kubectl get cronjob -o yaml` shows it.
  public var json: JSONValue {
    var jobSpec = JSONObjectBuilder()
    jobSpec.set("activeDeadlineSeconds", jobTemplate.activeDeadlineSeconds.map { .int(Int64($0)) })
    jobSpec.set("backoffLimit", .int(Int64(jobTemplate.backoffLimit)))
    jobSpec.set("completions", jobTemplate.completions.map { .int(Int64($0)) })
    jobSpec.set("parallelism", .int(Int64(jobTemplate.parallelism)))
    jobSpec.set("template", jobTemplate.template.json)
    jobSpec.set("ttlSecondsAfterFinished", jobTemplate.ttlSecondsAfterFinished.map { .int(Int64($0)) })
    var templateMetadata = JSONObjectBuilder()
    templateMetadata.set("creationTimestamp", .null)
    if !jobTemplateLabels.isEmpty { templateMetadata.set("labels", .stringMap(jobTemplateLabels)) }
    var spec = JSONObjectBuilder()
    spec.set("concurrencyPolicy", .string(concurrencyPolicy.text))
    spec.set("failedJobsHistoryLimit", .int(Int64(failedJobsHistoryLimit)))
    spec.set("jobTemplate", .object([("metadata", templateMetadata.value), ("spec", jobSpec.value)]))
    spec.set("schedule", .string(schedule))
    spec.set("startingDeadlineSeconds", startingDeadlineSeconds.map { .int(Int64($0)) })
    spec.set("successfulJobsHistoryLimit", .int(Int64(successfulJobsHistoryLimit)))
    spec.set("suspend", .bool(suspend))
    spec.set("timeZone", timeZone.map(JSONValue.string))
    var statusObject = JSONObjectBuilder()
    if !status.active.isEmpty {
      statusObject.set(
        "active",
        .array(
          status.active.map { job in
            .object([
              ("apiVersion", .string("batch/v1")), ("kind", .string("Job")), ("name", .string(job.name)),
              ("namespace", .string(metadata.namespace ?? "default")), ("uid", .string(job.uid)),
            ])
          }))
    }
    statusObject.set("lastScheduleTime", status.lastScheduleTime.map { .string($0.rfc3339) })
    statusObject.set("lastSuccessfulTime", status.lastSuccessfulTime.map { .string($0.rfc3339) })
    return .object([
      ("apiVersion", .string("batch/v1")), ("kind", .string("CronJob")), ("metadata", metadata.json),
      ("spec", spec.value), ("status", statusObject.value),
    ])
  }
}

extension CronJob: StoredResource {
  public static let resource = ResourceType(
    plural: "cronjobs", singular: "cronjob", kind: "CronJob", group: "batch", shortNames: ["cj"], namespaced: true)
  public static var store: KeyPath<Cluster, [String: CronJob]> { \.cronJobs }
  public func json(now: Timestamp) -> JSONValue { json }
}
