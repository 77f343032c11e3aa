/// A Job: pods that run to completion, retried on failure up to a limit (`docs/reference/controllers.md` §4.2).
public struct Job: Sendable, Equatable {
  /// One entry of `status.conditions`.
  public struct Condition: Sendable, Equatable {
    public var type: String
    public var reason: String
    public var message: String
    public var time: Timestamp
  }

  /// What the Job controller last wrote into `status`.
  public struct Status: Sendable, Equatable {
    public var active = 0
    public var ready = 0
    public var succeeded = 0
    public var failed = 0
    public var terminating = 0
    public var startTime: Timestamp?
    public var completionTime: Timestamp?
    public var conditions: [Condition] = []

    /// Creates empty counts.
    public init() {}

    /// Whether a `Complete` or `Failed` condition has been added.
    public var isFinished: Bool { conditions.contains { $0.type == "Complete" || $0.type == "Failed" } }
    /// Whether the condition of `type` is present (and so True).
    public func has(_ type: String) -> Bool { conditions.contains { $0.type == type } }
  }

  public var metadata: ObjectMeta
  public var selector: SelectorSpec
  public var template: PodTemplate
  /// `spec.completions`; nil means "until one pod succeeds".
  public var completions: Int?
  public var parallelism = 1
  public var backoffLimit = 6
  public var activeDeadlineSeconds: Int?
  public var ttlSecondsAfterFinished: Int?
  public var suspend = false
  public var status = Status()
  /// Finished pods already counted in `status` (by uid), so a pod is counted once.
  var countedPods: Set<String> = []
  /// When the last counted pod failure happened (for the pod-failure back-off).
  var lastFailureAt: Timestamp?

  /// Creates a Job; completions and parallelism default to 1 as the API server defaults them.
  public init(metadata: ObjectMeta, template: PodTemplate, completions: Int? = 1) {
    self.metadata = metadata
    self.selector = SelectorSpec(matchLabels: [:])
    self.template = template
    self.completions = completions
  }

  /// The Job as `kubectl get job -o yaml` shows it.
  public var json: JSONValue {
    var spec = JSONObjectBuilder()
    spec.set("activeDeadlineSeconds", activeDeadlineSeconds.map { .int(Int64($0)) })
    spec.set("backoffLimit", .int(Int64(backoffLimit)))
    spec.set("completionMode", .string("NonIndexed"))
    spec.set("completions", completions.map { .int(Int64($0)) })
    spec.set("manualSelector", .bool(false))
    spec.set("parallelism", .int(Int64(parallelism)))
    spec.set("podReplacementPolicy", .string("TerminatingOrFailed"))
    spec.set("selector", selector.json)
    spec.set("suspend", .bool(suspend))
    spec.set("template", template.json)
    spec.set("ttlSecondsAfterFinished", ttlSecondsAfterFinished.map { .int(Int64($0)) })
    var statusObject = JSONObjectBuilder()
    if status.active > 0 { statusObject.set("active", .int(Int64(status.active))) }
    statusObject.set("completionTime", status.completionTime.map { .string($0.rfc3339) })
    if !status.conditions.isEmpty {
      statusObject.set(
        "conditions",
        .array(
          status.conditions.map { condition in
            .object([
              ("lastProbeTime", .string(condition.time.rfc3339)),
              ("lastTransitionTime", .string(condition.time.rfc3339)),
              ("message", .string(condition.message)), ("reason", .string(condition.reason)),
              ("status", .string("True")), ("type", .string(condition.type)),
            ])
          }))
    }
    if status.failed > 0 { statusObject.set("failed", .int(Int64(status.failed))) }
    statusObject.set("ready", .int(Int64(status.ready)))
    statusObject.set("startTime", status.startTime.map { .string($0.rfc3339) })
    if status.succeeded > 0 { statusObject.set("succeeded", .int(Int64(status.succeeded))) }
    statusObject.set("terminating", .int(Int64(status.terminating)))
    statusObject.set("uncountedTerminatedPods", .object([]))
    return .object([
      ("apiVersion", .string("batch/v1")), ("kind", .string("Job")), ("metadata", metadata.json),
      ("spec", spec.value), ("status", statusObject.value),
    ])
  }
}

extension Job: StoredResource {
  public static let resource = ResourceType(
    plural: "jobs", singular: "job", kind: "Job", group: "batch", shortNames: [], namespaced: true)
  public static var store: KeyPath<Cluster, [String: Job]> { \.jobs }
  public func json(now: Timestamp) -> JSONValue { json }
}
