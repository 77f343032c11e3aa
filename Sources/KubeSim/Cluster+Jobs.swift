extension Cluster {

  /// Creates a Job as the API server does: validates it, then generates its selector and the
  /// `controller-uid` / `job-name` labels of its template (and of the Job, if it has none).
  @discardableResult
  public mutating func createJob(_ job: Job) throws(APIError) -> Job {
    var job = job
    let namespace = job.metadata.namespace ?? "default"
    job.metadata.namespace = namespace
    try requireNamespace(namespace)
    var causes = Validation.objectMeta(job.metadata)
    causes += JobValidation.validate(job, limits: config.limits)
    if !causes.isEmpty { throw .invalid(kind: "Job", name: job.metadata.name, causes: causes) }
    let key = Self.key(namespace, job.metadata.name)
    if jobs[key] != nil { throw .alreadyExists(resource: "jobs.batch", name: job.metadata.name) }
    if jobs.count >= config.limits.maxServices {
      throw .limitExceeded("kubebook simulates at most \(config.limits.maxServices) Jobs")
    }
    job.metadata.creationTimestamp = now
    job.metadata.generation = 1
    job.status = Job.Status()
    stamp(&job.metadata)
    let uid = job.metadata.uid
    let generated = [
      "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": job.metadata.name,
      "controller-uid": uid, "job-name": job.metadata.name,
    ]
    job.selector = SelectorSpec(matchLabels: ["batch.kubernetes.io/controller-uid": uid])
    job.template.labels.merge(generated) { _, new in new }
    if job.metadata.labels.isEmpty { job.metadata.labels = job.template.labels }
    jobs[key] = job
    return job
  }

  /// Deletes a Job; its pods follow through the garbage collector (or are orphaned).
  public mutating func deleteJob(_ name: String, namespace: String, propagation: Propagation) throws(APIError) {
    let key = Self.key(namespace, name)
    guard let job = jobs.removeValue(forKey: key) else { throw .notFound(resource: "jobs.batch", name: name) }
    if propagation == .orphan { orphanDependents(of: job.metadata.uid) }
    writeCount += 1
  }

  /// Replaces a Job's labels and annotations (its spec is immutable once created).
  public mutating func updateJobMetadata(of name: String, namespace: String, annotations: [String: String]) {
    guard var job = jobs[Self.key(namespace, name)] else { return }
    job.metadata.annotations = annotations
    storeJob(job)
  }

  /// Creates a CronJob after the API server's checks (its schedule must parse).
  @discardableResult
  public mutating func createCronJob(_ cronJob: CronJob) throws(APIError) -> CronJob {
    var cronJob = cronJob
    let namespace = cronJob.metadata.namespace ?? "default"
    cronJob.metadata.namespace = namespace
    try requireNamespace(namespace)
    var causes = Validation.objectMeta(cronJob.metadata)
    if cronJob.metadata.name.count > 52 {
      causes.append(
        FieldError(
          field: "metadata.name", type: "Invalid value", value: Validation.quote(cronJob.metadata.name),
          detail: "must be no more than 52 characters"))
    }
    do {
      cronJob.parsedSchedule = try CronSchedule(cronJob.schedule)
    } catch {
      causes.append(
        FieldError(
          field: "spec.schedule", type: "Invalid value", value: Validation.quote(cronJob.schedule),
          detail: error.message))
    }
    causes += JobValidation.validate(cronJob.jobTemplate, limits: config.limits).map { cause in
      var cause = cause
      cause.field = cause.field.replacingPrefix("spec.", with: "spec.jobTemplate.spec.")
      return cause
    }
    if !causes.isEmpty { throw .invalid(kind: "CronJob", name: cronJob.metadata.name, causes: causes) }
    let key = Self.key(namespace, cronJob.metadata.name)
    if cronJobs[key] != nil { throw .alreadyExists(resource: "cronjobs.batch", name: cronJob.metadata.name) }
    cronJob.metadata.creationTimestamp = now
    cronJob.metadata.generation = 1
    cronJob.status = CronJob.Status()
    stamp(&cronJob.metadata)
    cronJobs[key] = cronJob
    return cronJob
  }

  /// Replaces a CronJob's spec (as `kubectl apply` does).
  public mutating func updateCronJob(_ cronJob: CronJob) throws(APIError) {
    let key = Self.key(cronJob.metadata)
    guard var live = cronJobs[key] else { throw .notFound(resource: "cronjobs.batch", name: cronJob.metadata.name) }
    var cronJob = cronJob
    do {
      cronJob.parsedSchedule = try CronSchedule(cronJob.schedule)
    } catch {
      throw .invalid(
        kind: "CronJob", name: cronJob.metadata.name,
        causes: [
          FieldError(
            field: "spec.schedule", type: "Invalid value", value: Validation.quote(cronJob.schedule),
            detail: error.message)
        ])
    }
    let status = live.status
    let meta = live.metadata
    live = cronJob
    live.status = status
    live.metadata.uid = meta.uid
    live.metadata.creationTimestamp = meta.creationTimestamp
    live.metadata.generation = meta.generation + 1
    live.metadata.resourceVersion = nextResourceVersion()
    cronJobs[key] = live
  }

  /// Deletes a CronJob; its Jobs follow through the garbage collector (or are orphaned).
  public mutating func deleteCronJob(_ name: String, namespace: String, propagation: Propagation) throws(APIError) {
    guard let cronJob = cronJobs.removeValue(forKey: Self.key(namespace, name)) else {
      throw .notFound(resource: "cronjobs.batch", name: name)
    }
    if propagation == .orphan {
      for key in jobs.keys.sorted() where jobs[key]?.metadata.controllerUID == cronJob.metadata.uid {
        jobs[key]?.metadata.ownerReferences.removeAll { $0.uid == cronJob.metadata.uid }
      }
    }
    writeCount += 1
  }

  /// Writes a Job back, bumping its resource version.
  mutating func storeJob(_ job: Job) {
    var job = job
    job.metadata.resourceVersion = nextResourceVersion()
    jobs[Self.key(job.metadata)] = job
  }
}

/// The API server's checks on a Job (`pkg/apis/batch/validation`).
enum JobValidation {
  static func validate(_ job: Job, limits: Limits) -> [FieldError] {
    var causes: [FieldError] = []
    if job.template.spec.containers.isEmpty {
      causes.append(FieldError(field: "spec.template.spec.containers", type: "Required value"))
    }
    let policy = job.template.spec.restartPolicy
    if policy.value != .onFailure && policy.value != .never {
      causes.append(
        FieldError(
          field: "spec.template.spec.restartPolicy", type: "Unsupported value", value: Validation.quote(policy.text),
          detail: "supported values: \"OnFailure\", \"Never\""))
    }
    for (field, value) in [("spec.parallelism", job.parallelism), ("spec.backoffLimit", job.backoffLimit)]
    where value < 0 {
      causes.append(
        FieldError(
          field: field, type: "Invalid value", value: String(value),
          detail: "must be greater than or equal to 0"))
    }
    if let completions = job.completions, completions < 0 {
      causes.append(
        FieldError(
          field: "spec.completions", type: "Invalid value", value: String(completions),
          detail: "must be greater than or equal to 0"))
    }
    if max(job.parallelism, job.completions ?? 0) > limits.maxPods {
      causes.append(
        FieldError(
          field: "spec.parallelism", type: "Invalid value", value: String(job.parallelism),
          detail: "kubebook simulates at most \(limits.maxPods) pods"))
    }
    return causes
  }
}

extension String {
  /// The string with `prefix` replaced by `replacement`, if it starts with it.
  func replacingPrefix(_ prefix: String, with replacement: String) -> String {
    hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
  }
}
