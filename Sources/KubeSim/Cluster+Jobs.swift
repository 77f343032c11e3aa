extension Cluster {
  /// The Jobs in `namespace` (all namespaces when nil), in key order.
  public func listJobs(namespace: String?) -> [Job] {
    jobs.keys.sorted().compactMap { jobs[$0] }.filter { namespace == nil || $0.metadata.namespace == namespace }
  }

  /// Creates a Job as the API server does: validates it, then generates its selector and the
  /// `controller-uid` / `job-name` labels of its template (and of the Job, if it has none).
  @discardableResult
  public mutating func createJob(_ job: Job) throws(APIError) -> Job {
    var job = job
    let namespace = job.metadata.namespace ?? "default"
    job.metadata.namespace = namespace
    try requireNamespace(namespace)
    var causes = Validation.validateSubdomainName(job.metadata.name)
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
    if policy != "OnFailure" && policy != "Never" {
      causes.append(
        FieldError(
          field: "spec.template.spec.restartPolicy", type: "Unsupported value", value: Validation.quote(policy),
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
