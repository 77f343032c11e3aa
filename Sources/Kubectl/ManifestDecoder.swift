import KubeSim

/// Turns decoded manifests into API objects, collecting unknown fields as the API server's
/// strict field validation does.
struct ManifestDecoder {
  /// Paths of fields the server would not recognise (`spec.containers[0].imagee`).
  private(set) var unknownFields: [String] = []
  /// The values the API server's decoder would refuse, by JSON path, with their error texts.
  private var refusals: [(path: String, message: String)] = []

  /// The error the API server's decoder reports: Go's `encoding/json` keeps the first it
  /// meets, and kubectl sends the object with its keys sorted, so that is the refusal first
  /// in that order.
  var decodingError: String? {
    refusals.min { Self.precedes($0.path, $1.path) }?.message
  }

  /// Records that the value at `path` (`spec.containers[0].resources.limits.memory`) is refused.
  private mutating func refuse(_ path: String, _ message: String) {
    refusals.append((path, message))
  }

  /// Whether JSON path `a` comes before `b` in a document with sorted keys: key by key,
  /// list indices by number.
  static func precedes(_ a: String, _ b: String) -> Bool {
    let separators: Set<Character> = [".", "[", "]"]
    let left = a.split(whereSeparator: separators.contains)
    let right = b.split(whereSeparator: separators.contains)
    for (x, y) in zip(left, right) where x != y {
      if let first = Int(x), let second = Int(y) { return first < second }
      return Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
    }
    return left.count < right.count
  }

  /// Decodes a Pod manifest.
  mutating func decode(_ value: JSONValue) -> Pod {
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    return Pod(metadata: metadata, spec: decodePodSpec(value["spec"] ?? .object([]), path: "spec"))
  }

  /// Decodes a pod spec found at `path`.
  mutating func decodePodSpec(_ specValue: JSONValue, path: String) -> PodSpec {
    check(
      specValue, path: path,
      known: [
        "containers", "restartPolicy", "dnsPolicy", "nodeName", "nodeSelector",
        "terminationGracePeriodSeconds", "serviceAccountName", "serviceAccount", "tolerations",
        "volumes", "initContainers", "hostname", "subdomain", "affinity", "securityContext",
        "enableServiceLinks", "schedulerName", "priority", "preemptionPolicy",
        "automountServiceAccountToken", "hostNetwork",
      ])
    let containers = (specValue["containers"]?.arrayValue ?? []).enumerated().map {
      decodeContainer($1, path: "\(path).containers[\($0)]")
    }
    var spec = PodSpec(containers: containers)
    if let policy = specValue["restartPolicy"]?.stringValue { spec.restartPolicy = APIField(policy) }
    if let policy = specValue["dnsPolicy"]?.stringValue { spec.dnsPolicy = APIField(policy) }
    if let node = specValue["nodeName"]?.stringValue, !node.isEmpty { spec.nodeName = node }
    if let seconds = specValue["terminationGracePeriodSeconds"]?.intValue {
      spec.terminationGracePeriodSeconds = Int(seconds)
    }
    spec.nodeSelector = strictStringMap(
      specValue["nodeSelector"], field: "PodSpec.\(path).nodeSelector", type: "string")
    if let account = specValue["serviceAccountName"]?.stringValue { spec.serviceAccountName = account }
    spec.volumes = (specValue["volumes"]?.arrayValue ?? []).enumerated().map { index, item in
      decodeVolume(item, path: "\(path).volumes[\(index)]")
    }
    readServiceAccountToken(specValue, into: &spec)
    spec.hostname = specValue["hostname"]?.stringValue
    spec.subdomain = specValue["subdomain"]?.stringValue
    spec.tolerations = (specValue["tolerations"]?.arrayValue ?? []).map { item in
      Toleration(
        key: item["key"]?.stringValue, operator: item["operator"]?.stringValue.map { APIField($0) },
        value: item["value"]?.stringValue, effect: item["effect"]?.stringValue.map { APIField($0) },
        tolerationSeconds: item["tolerationSeconds"]?.intValue.map { Int($0) })
    }
    return spec
  }

  /// The inverse of the pod's JSON (`Pod+JSON.swift`): the projected `kube-api-access-*`
  /// volume admission added, and its mounts, are the pod's `tokenVolumeName`, not volumes of
  /// its own (a live pod's JSON read back, as `kubectl patch` reads it, keeps its token).
  private func readServiceAccountToken(_ specValue: JSONValue, into spec: inout PodSpec) {
    let tokenVolume = (specValue["volumes"]?.arrayValue ?? []).first { volume in
      (volume["name"]?.stringValue?.hasPrefix("kube-api-access-") ?? false) && volume["projected"] != nil
    }
    guard let name = tokenVolume?["name"]?.stringValue else { return }
    spec.tokenVolumeName = name
    spec.volumes.removeAll { $0.name == name }
    for index in spec.containers.indices {
      spec.containers[index].volumeMounts.removeAll { $0.name == name && $0.mountPath == PodSpec.tokenMountPath }
    }
  }

  /// Decodes `resources:`; requests default to the limits, as the API server defaults them.
  mutating func decodeResources(_ value: JSONValue?, path: String) -> ResourceRequirements {
    var resources = ResourceRequirements()
    guard let value else { return resources }
    check(value, path: path, known: ["requests", "limits", "claims"])
    for (section, target) in [("requests", \ResourceRequirements.requests), ("limits", \ResourceRequirements.limits)] {
      for (name, quantity) in value[section]?.objectValue ?? [] {
        // Quantity.UnmarshalJSON parses a JSON number's text as it parses a string.
        let text: String
        switch quantity {
        case .string(let string): text = string
        case .int(let number): text = String(number)
        case .double(let number): text = String(number)
        default: text = ""
        }
        do throws(Quantity.ParseError) {
          resources[keyPath: target][name] = try ResourceRequirements.amount(name, text)
        } catch {
          refuse("\(path).\(section).\(name)", error.message)
        }
      }
    }
    for (name, limit) in resources.limits where resources.requests[name] == nil { resources.requests[name] = limit }
    return resources
  }

  /// Decodes a probe, filling in the API server's defaults.
  mutating func decodeProbe(_ value: JSONValue?, path: String) -> Probe? {
    guard let value, let pairs = value.objectValue else { return nil }
    check(
      value, path: path,
      known: [
        "httpGet", "tcpSocket", "exec", "grpc", "initialDelaySeconds", "periodSeconds", "timeoutSeconds",
        "successThreshold", "failureThreshold", "terminationGracePeriodSeconds",
      ])
    var handler: [(String, JSONValue)] = []
    for (key, item) in pairs where ["httpGet", "tcpSocket", "exec", "grpc"].contains(key) {
      if key == "httpGet", case .object(var fields) = item {
        if !fields.contains(where: { $0.0 == "path" }) { fields.append(("path", .string("/"))) }
        if !fields.contains(where: { $0.0 == "scheme" }) { fields.append(("scheme", .string("HTTP"))) }
        handler.append((key, .object(fields)))
      } else {
        handler.append((key, item))
      }
    }
    var probe = Probe(handler: handler)
    for (key, target) in [
      ("initialDelaySeconds", \Probe.initialDelaySeconds), ("periodSeconds", \Probe.periodSeconds),
      ("timeoutSeconds", \Probe.timeoutSeconds), ("successThreshold", \Probe.successThreshold),
      ("failureThreshold", \Probe.failureThreshold),
    ] {
      if let number = int32Field(value[key], "Probe.\(path).\(key)") { probe[keyPath: target] = number }
    }
    return probe
  }

  /// Decodes a pod template found at `path`.
  mutating func decodeTemplate(_ value: JSONValue?, path: String) -> PodTemplate {
    let value = value ?? .object([])
    check(value, path: path, known: ["metadata", "spec"])
    let metadata = decodeMetadata(value["metadata"], path: path + ".metadata")
    return PodTemplate(
      labels: metadata.labels, annotations: metadata.annotations,
      spec: decodePodSpec(value["spec"] ?? .object([]), path: path + ".spec"))
  }

  /// Decodes a `metav1.LabelSelector`.
  mutating func decodeSelector(_ value: JSONValue?, path: String) -> SelectorSpec {
    let value = value ?? .object([])
    check(value, path: path, known: ["matchLabels", "matchExpressions"])
    let expressions = (value["matchExpressions"]?.arrayValue ?? []).map { item in
      SelectorSpec.Expression(
        key: item["key"]?.stringValue ?? "", op: APIField(item["operator"]?.stringValue ?? ""),
        values: (item["values"]?.arrayValue ?? []).compactMap(\.stringValue))
    }
    return SelectorSpec(
      matchLabels: strictStringMap(value["matchLabels"], field: "LabelSelector.\(path).matchLabels", type: "string"),
      matchExpressions: expressions)
  }

  /// Decodes an int-or-percent value (`1`, `"25%"`) at `field` (struct and JSON path, as
  /// ``int32Field(_:_:)`` takes it): `IntOrString` reads a number into an int32.
  mutating func decodeIntOrPercent(_ value: JSONValue?, _ field: String, default fallback: IntOrPercent)
    -> IntOrPercent
  {
    guard let value else { return fallback }
    if case .string(let text) = value {
      if text.hasSuffix("%"), let percent = Int(text.dropLast()) { return .percent(percent) }
      if let number = Int(text) { return .int(number) }
      return fallback
    }
    return int32Field(value, field).map(IntOrPercent.int) ?? fallback
  }

  /// Decodes a Deployment manifest (apps/v1), with the API server's defaults.
  mutating func decodeDeployment(_ value: JSONValue) -> Deployment {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec",
      known: [
        "replicas", "selector", "template", "strategy", "minReadySeconds", "revisionHistoryLimit",
        "progressDeadlineSeconds", "paused",
      ])
    var deployment = Deployment(
      metadata: metadata, selector: decodeSelector(spec["selector"], path: "spec.selector"),
      template: decodeTemplate(spec["template"], path: "spec.template"))
    if let replicas = int32Field(spec["replicas"], "DeploymentSpec.spec.replicas") { deployment.replicas = replicas }
    if let seconds = int32Field(spec["minReadySeconds"], "DeploymentSpec.spec.minReadySeconds") {
      deployment.minReadySeconds = seconds
    }
    if let limit = int32Field(spec["revisionHistoryLimit"], "DeploymentSpec.spec.revisionHistoryLimit") {
      deployment.revisionHistoryLimit = limit
    }
    if let deadline = int32Field(spec["progressDeadlineSeconds"], "DeploymentSpec.spec.progressDeadlineSeconds") {
      deployment.progressDeadlineSeconds = deadline
    }
    if case .bool(let paused)? = spec["paused"] { deployment.paused = paused }
    if let strategy = spec["strategy"] {
      check(strategy, path: "spec.strategy", known: ["type", "rollingUpdate"])
      if strategy["type"]?.stringValue.flatMap(DeploymentStrategyType.init(rawValue:)) == .recreate {
        deployment.strategy = .recreate
      } else {
        let rolling = strategy["rollingUpdate"] ?? .object([])
        check(rolling, path: "spec.strategy.rollingUpdate", known: ["maxSurge", "maxUnavailable"])
        deployment.strategy = .rollingUpdate(
          maxSurge: decodeIntOrPercent(
            rolling["maxSurge"], "RollingUpdateDeployment.spec.strategy.rollingUpdate.maxSurge", default: .percent(25)),
          maxUnavailable: decodeIntOrPercent(
            rolling["maxUnavailable"], "RollingUpdateDeployment.spec.strategy.rollingUpdate.maxUnavailable",
            default: .percent(25)))
      }
    }
    return deployment
  }

  /// Decodes a DaemonSet manifest (apps/v1), with the API server's defaults.
  mutating func decodeDaemonSet(_ value: JSONValue) -> DaemonSet {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec", known: ["selector", "template", "updateStrategy", "minReadySeconds", "revisionHistoryLimit"])
    var set = DaemonSet(
      metadata: metadata, selector: decodeSelector(spec["selector"], path: "spec.selector"),
      template: decodeTemplate(spec["template"], path: "spec.template"))
    if let seconds = int32Field(spec["minReadySeconds"], "DaemonSetSpec.spec.minReadySeconds") {
      set.minReadySeconds = seconds
    }
    if let limit = int32Field(spec["revisionHistoryLimit"], "DaemonSetSpec.spec.revisionHistoryLimit") {
      set.revisionHistoryLimit = limit
    }
    if let strategy = spec["updateStrategy"] {
      check(strategy, path: "spec.updateStrategy", known: ["type", "rollingUpdate"])
      if let type = strategy["type"]?.stringValue { set.updateStrategy = APIField(type) }
      let rolling = strategy["rollingUpdate"] ?? .object([])
      check(rolling, path: "spec.updateStrategy.rollingUpdate", known: ["maxSurge", "maxUnavailable"])
      set.maxUnavailable = decodeIntOrPercent(
        rolling["maxUnavailable"], "RollingUpdateDaemonSet.spec.updateStrategy.rollingUpdate.maxUnavailable",
        default: .int(1))
      set.maxSurge = decodeIntOrPercent(
        rolling["maxSurge"], "RollingUpdateDaemonSet.spec.updateStrategy.rollingUpdate.maxSurge", default: .int(0))
    }
    return set
  }

  /// Decodes a Job manifest (batch/v1), with the API server's defaults; `specPath` is where
  /// its spec sits in the document (`spec.jobTemplate.spec` for a CronJob's template).
  mutating func decodeJob(_ value: JSONValue, specPath: String = "spec") -> Job {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: specPath,
      known: [
        "template", "completions", "parallelism", "backoffLimit", "activeDeadlineSeconds", "ttlSecondsAfterFinished",
        "suspend", "selector", "manualSelector", "completionMode", "podFailurePolicy", "backoffLimitPerIndex",
        "maxFailedIndexes", "podReplacementPolicy", "successPolicy",
      ])
    let completions = int32Field(spec["completions"], "JobSpec.\(specPath).completions")
    let parallelism = int32Field(spec["parallelism"], "JobSpec.\(specPath).parallelism")
    var job = Job(
      metadata: metadata, template: decodeTemplate(spec["template"], path: "\(specPath).template"),
      completions: completions ?? (parallelism == nil ? 1 : nil))
    job.parallelism = parallelism ?? 1
    if let limit = int32Field(spec["backoffLimit"], "JobSpec.\(specPath).backoffLimit") { job.backoffLimit = limit }
    job.activeDeadlineSeconds = spec["activeDeadlineSeconds"]?.intValue.map { Int($0) }
    job.ttlSecondsAfterFinished = int32Field(
      spec["ttlSecondsAfterFinished"], "JobSpec.\(specPath).ttlSecondsAfterFinished")
    job.suspend = spec["suspend"]?.boolValue ?? false
    return job
  }

  /// Decodes a CronJob manifest (batch/v1), with the API server's defaults.
  mutating func decodeCronJob(_ value: JSONValue) -> CronJob {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec",
      known: [
        "schedule", "timeZone", "jobTemplate", "concurrencyPolicy", "suspend", "startingDeadlineSeconds",
        "successfulJobsHistoryLimit", "failedJobsHistoryLimit",
      ])
    let template = spec["jobTemplate"] ?? .object([])
    check(template, path: "spec.jobTemplate", known: ["metadata", "spec"])
    let templateMetadata = decodeMetadata(template["metadata"], path: "spec.jobTemplate.metadata")
    var jobValue: [(String, JSONValue)] = [("apiVersion", .string("batch/v1")), ("kind", .string("Job"))]
    if let jobSpec = template["spec"] { jobValue.append(("spec", jobSpec)) }
    let job = decodeJob(.object(jobValue), specPath: "spec.jobTemplate.spec")
    var cronJob = CronJob(metadata: metadata, schedule: spec["schedule"]?.stringValue ?? "", jobTemplate: job)
    cronJob.jobTemplateLabels = templateMetadata.labels
    cronJob.timeZone = spec["timeZone"]?.stringValue
    if let policy = spec["concurrencyPolicy"]?.stringValue { cronJob.concurrencyPolicy = APIField(policy) }
    cronJob.suspend = spec["suspend"]?.boolValue ?? false
    cronJob.startingDeadlineSeconds = spec["startingDeadlineSeconds"]?.intValue.map { Int($0) }
    if let limit = int32Field(spec["successfulJobsHistoryLimit"], "CronJobSpec.spec.successfulJobsHistoryLimit") {
      cronJob.successfulJobsHistoryLimit = limit
    }
    if let limit = int32Field(spec["failedJobsHistoryLimit"], "CronJobSpec.spec.failedJobsHistoryLimit") {
      cronJob.failedJobsHistoryLimit = limit
    }
    return cronJob
  }

  /// Decodes a StatefulSet manifest (apps/v1), with the API server's defaults.
  mutating func decodeStatefulSet(_ value: JSONValue) -> StatefulSet {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec",
      known: [
        "replicas", "selector", "template", "serviceName", "podManagementPolicy", "updateStrategy", "minReadySeconds",
        "revisionHistoryLimit", "volumeClaimTemplates", "persistentVolumeClaimRetentionPolicy", "ordinals",
      ])
    var set = StatefulSet(
      metadata: metadata, selector: decodeSelector(spec["selector"], path: "spec.selector"),
      template: decodeTemplate(spec["template"], path: "spec.template"),
      serviceName: spec["serviceName"]?.stringValue ?? "")
    if let replicas = int32Field(spec["replicas"], "StatefulSetSpec.spec.replicas") { set.replicas = replicas }
    if let policy = spec["podManagementPolicy"]?.stringValue { set.podManagementPolicy = APIField(policy) }
    if let seconds = int32Field(spec["minReadySeconds"], "StatefulSetSpec.spec.minReadySeconds") {
      set.minReadySeconds = seconds
    }
    if let limit = int32Field(spec["revisionHistoryLimit"], "StatefulSetSpec.spec.revisionHistoryLimit") {
      set.revisionHistoryLimit = limit
    }
    if let retention = spec["persistentVolumeClaimRetentionPolicy"] {
      check(retention, path: "spec.persistentVolumeClaimRetentionPolicy", known: ["whenDeleted", "whenScaled"])
      if let policy = retention["whenDeleted"]?.stringValue { set.claimsWhenDeleted = APIField(policy) }
      if let policy = retention["whenScaled"]?.stringValue { set.claimsWhenScaled = APIField(policy) }
    }
    if let strategy = spec["updateStrategy"] {
      check(strategy, path: "spec.updateStrategy", known: ["type", "rollingUpdate"])
      if let type = strategy["type"]?.stringValue {
        set.updateStrategy = APIField(type)
        set.hasRollingUpdate = set.updateStrategy.value == .rollingUpdate && strategy["rollingUpdate"] != nil
      }
      if let partition = int32Field(
        strategy["rollingUpdate"]?["partition"],
        "RollingUpdateStatefulSetStrategy.spec.updateStrategy.rollingUpdate.partition")
      {
        set.partition = partition
      }
    }
    set.claimTemplates = (spec["volumeClaimTemplates"]?.arrayValue ?? []).enumerated().map { index, item in
      let path = "spec.volumeClaimTemplates[\(index)]"
      check(item, path: path, known: ["apiVersion", "kind", "metadata", "spec", "status"])
      let claimMeta = decodeMetadata(item["metadata"], path: path + ".metadata")
      let claimSpec = item["spec"] ?? .object([])
      return StatefulSet.ClaimTemplate(
        name: claimMeta.name, labels: claimMeta.labels, storageClassName: claimSpec["storageClassName"]?.stringValue,
        accessModes: (claimSpec["accessModes"]?.arrayValue ?? []).compactMap(\.stringValue),
        request: claimSpec["resources"]?["requests"]?["storage"]?.stringValue ?? "")
    }
    return set
  }

  /// Decodes a PersistentVolumeClaim manifest (v1).
  mutating func decodeClaim(_ value: JSONValue) -> PersistentVolumeClaim {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec",
      known: ["accessModes", "resources", "storageClassName", "volumeMode", "volumeName", "selector", "dataSource"])
    return PersistentVolumeClaim(
      metadata: decodeMetadata(value["metadata"], path: "metadata"),
      storageClassName: spec["storageClassName"]?.stringValue,
      accessModes: (spec["accessModes"]?.arrayValue ?? []).compactMap(\.stringValue),
      request: spec["resources"]?["requests"]?["storage"]?.stringValue ?? "")
  }

  /// Decodes a PersistentVolume manifest (v1): a static volume (static volumes keep their data
  /// by default: reclaim policy Retain).
  mutating func decodeVolume(_ value: JSONValue) -> PersistentVolume {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec",
      known: [
        "capacity", "accessModes", "persistentVolumeReclaimPolicy", "storageClassName", "hostPath", "local", "nfs",
        "nodeAffinity", "volumeMode", "claimRef", "mountOptions", "csi",
      ])
    let path = spec["hostPath"]?["path"]?.stringValue ?? spec["local"]?["path"]?.stringValue ?? ""
    var volume = PersistentVolume(
      metadata: decodeMetadata(value["metadata"], path: "metadata"),
      capacity: spec["capacity"]?["storage"]?.stringValue ?? "",
      accessModes: (spec["accessModes"]?.arrayValue ?? []).compactMap(\.stringValue),
      storageClassName: spec["storageClassName"]?.stringValue ?? "", hostPath: path)
    volume.reclaimPolicy = spec["persistentVolumeReclaimPolicy"]?.stringValue.map { APIField($0) } ?? .known(.retain)
    if let terms = spec["nodeAffinity"]?["required"]?["nodeSelectorTerms"]?.arrayValue,
      let values = terms.first?["matchExpressions"]?.arrayValue?.first?["values"]?.arrayValue
    {
      volume.node = values.first?.stringValue
    }
    return volume
  }

  /// Decodes a HorizontalPodAutoscaler manifest (autoscaling/v2 with a CPU utilization
  /// metric, or autoscaling/v1 with `targetCPUUtilizationPercentage`).
  mutating func decodeAutoscaler(_ value: JSONValue) -> HorizontalPodAutoscaler {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec",
      known: ["scaleTargetRef", "minReplicas", "maxReplicas", "metrics", "behavior", "targetCPUUtilizationPercentage"])
    var hpa = HorizontalPodAutoscaler(
      metadata: decodeMetadata(value["metadata"], path: "metadata"),
      targetKind: spec["scaleTargetRef"]?["kind"]?.stringValue ?? "",
      targetName: spec["scaleTargetRef"]?["name"]?.stringValue ?? "",
      maxReplicas: int32Field(spec["maxReplicas"], "HorizontalPodAutoscalerSpec.spec.maxReplicas") ?? 0)
    if let minimum = int32Field(spec["minReplicas"], "HorizontalPodAutoscalerSpec.spec.minReplicas") {
      hpa.minReplicas = minimum
    }
    if let percent = int32Field(
      spec["targetCPUUtilizationPercentage"], "HorizontalPodAutoscalerSpec.spec.targetCPUUtilizationPercentage")
    {
      hpa.targetCPUUtilization = percent
    }
    for (index, metric) in (spec["metrics"]?.arrayValue ?? []).enumerated()
    where metric["resource"]?["name"]?.stringValue == "cpu" {
      if let percent = int32Field(
        metric["resource"]?["target"]?["averageUtilization"],
        "MetricTarget.spec.metrics[\(index)].resource.target.averageUtilization")
      {
        hpa.targetCPUUtilization = percent
      }
    }
    return hpa
  }

  /// Decodes an Ingress manifest (networking.k8s.io/v1).
  mutating func decodeIngress(_ value: JSONValue) -> Ingress {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let spec = value["spec"] ?? .object([])
    check(spec, path: "spec", known: ["ingressClassName", "rules", "tls", "defaultBackend"])
    func backend(_ value: JSONValue?) -> (String, Service.Target)? {
      guard let service = value?["service"] else { return nil }
      let port: Service.Target =
        service["port"]?["number"]?.intValue.map { .number(Int($0)) }
        ?? .name(service["port"]?["name"]?.stringValue ?? "")
      return (service["name"]?.stringValue ?? "", port)
    }
    let rules = (spec["rules"]?.arrayValue ?? []).map { rule in
      Ingress.Rule(
        host: rule["host"]?.stringValue,
        paths: (rule["http"]?["paths"]?.arrayValue ?? []).compactMap { path in
          guard let (service, port) = backend(path["backend"]) else { return nil }
          return Ingress.Path(
            path: path["path"]?.stringValue ?? "/", pathType: path["pathType"]?.stringValue ?? "ImplementationSpecific",
            service: service, port: port)
        })
    }
    var ingress = Ingress(
      metadata: decodeMetadata(value["metadata"], path: "metadata"), className: spec["ingressClassName"]?.stringValue,
      rules: rules)
    ingress.tls = (spec["tls"]?.arrayValue ?? []).map { entry in
      Ingress.TLS(
        hosts: (entry["hosts"]?.arrayValue ?? []).compactMap(\.stringValue),
        secretName: entry["secretName"]?.stringValue)
    }
    ingress.defaultBackend = backend(spec["defaultBackend"]).map { (service: $0.0, port: $0.1) }
    return ingress
  }

  /// Decodes a ConfigMap manifest (v1).
  mutating func decodeConfigMap(_ value: JSONValue) -> ConfigMap {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "data", "binaryData", "immutable"])
    return ConfigMap(
      metadata: decodeMetadata(value["metadata"], path: "metadata"),
      data: strictStringMap(value["data"], field: "ConfigMap.data", type: "string"))
  }

  /// Decodes a Secret manifest (v1): `stringData` values are encoded into `data` and win over it.
  mutating func decodeSecret(_ value: JSONValue) -> Secret {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "data", "stringData", "type", "immutable"])
    var data = strictStringMap(value["data"], field: "Secret.data", type: "[]uint8")
    for (key, text) in strictStringMap(value["stringData"], field: "Secret.stringData", type: "string") {
      data[key] = Base64.encode(text)
    }
    return Secret(
      metadata: decodeMetadata(value["metadata"], path: "metadata"), type: value["type"]?.stringValue ?? "Opaque",
      data: data)
  }

  /// Decodes a ReplicaSet manifest (apps/v1).
  mutating func decodeReplicaSet(_ value: JSONValue) -> ReplicaSet {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(spec, path: "spec", known: ["replicas", "selector", "template", "minReadySeconds"])
    var set = ReplicaSet(
      metadata: metadata, replicas: int32Field(spec["replicas"], "ReplicaSetSpec.spec.replicas") ?? 1,
      selector: decodeSelector(spec["selector"], path: "spec.selector"),
      template: decodeTemplate(spec["template"], path: "spec.template"))
    set.minReadySeconds = int32Field(spec["minReadySeconds"], "ReplicaSetSpec.spec.minReadySeconds") ?? 0
    return set
  }

  /// Decodes a ReplicationController manifest (v1).
  mutating func decodeReplicationController(_ value: JSONValue) -> ReplicationController {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(spec, path: "spec", known: ["replicas", "selector", "template", "minReadySeconds"])
    var controller = ReplicationController(
      metadata: metadata, replicas: int32Field(spec["replicas"], "ReplicationControllerSpec.spec.replicas") ?? 1,
      selector: strictStringMap(spec["selector"], field: "ReplicationControllerSpec.spec.selector", type: "string"),
      template: decodeTemplate(spec["template"], path: "spec.template"))
    controller.minReadySeconds =
      int32Field(spec["minReadySeconds"], "ReplicationControllerSpec.spec.minReadySeconds") ?? 0
    return controller
  }

  /// Decodes a Service manifest (v1), with the API server's defaults (TCP, `targetPort` = `port`).
  mutating func decodeService(_ value: JSONValue) -> Service {
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    let spec = value["spec"] ?? .object([])
    check(
      spec, path: "spec",
      known: [
        "type", "clusterIP", "clusterIPs", "ports", "selector", "externalName", "publishNotReadyAddresses",
        "sessionAffinity", "externalTrafficPolicy", "internalTrafficPolicy", "ipFamilies", "ipFamilyPolicy",
        "externalIPs", "loadBalancerIP", "allocateLoadBalancerNodePorts", "healthCheckNodePort",
        "loadBalancerSourceRanges", "sessionAffinityConfig", "loadBalancerClass", "trafficDistribution",
      ])
    let ports = (spec["ports"]?.arrayValue ?? []).enumerated().map { index, item -> Service.Port in
      check(
        item, path: "spec.ports[\(index)]",
        known: ["name", "port", "targetPort", "protocol", "nodePort", "appProtocol"])
      let number = int32Field(item["port"], "ServicePort.spec.ports[\(index)].port") ?? 0
      var target = Service.Target.number(number)
      if let text = item["targetPort"]?.stringValue {
        target = Int(text).map(Service.Target.number) ?? .name(text)
      } else if let targetNumber = int32Field(item["targetPort"], "ServicePort.spec.ports[\(index)].targetPort") {
        // IntOrString reads a number into an int32.
        target = .number(targetNumber)
      }
      return Service.Port(
        name: item["name"]?.stringValue, port: number, target: target,
        protocol: item["protocol"]?.stringValue.map { APIField($0) } ?? .known(.tcp),
        nodePort: int32Field(item["nodePort"], "ServicePort.spec.ports[\(index)].nodePort"))
    }
    var service = Service(
      metadata: metadata, type: spec["type"]?.stringValue.map { APIField($0) } ?? .known(.clusterIP),
      clusterIP: spec["clusterIP"]?.stringValue ?? "", ports: ports,
      selector: strictStringMap(spec["selector"], field: "ServiceSpec.spec.selector", type: "string"))
    service.externalName = spec["externalName"]?.stringValue
    if case .bool(let publish)? = spec["publishNotReadyAddresses"] { service.publishNotReadyAddresses = publish }
    return service
  }

  mutating func decodeMetadata(_ value: JSONValue?, path: String) -> ObjectMeta {
    let value = value ?? .object([])
    check(
      value, path: path,
      known: [
        "name", "namespace", "labels", "annotations", "generateName", "creationTimestamp", "uid",
        "resourceVersion", "ownerReferences", "finalizers", "generation",
      ])
    var meta = ObjectMeta(
      name: value["name"]?.stringValue ?? "", namespace: value["namespace"]?.stringValue,
      labels: strictStringMap(value["labels"], field: "ObjectMeta.\(path).labels", type: "string"))
    meta.annotations = strictStringMap(value["annotations"], field: "ObjectMeta.\(path).annotations", type: "string")
    return meta
  }

  mutating func decodeContainer(_ value: JSONValue, path: String) -> Container {
    check(
      value, path: path,
      known: [
        "name", "image", "command", "args", "ports", "imagePullPolicy", "env", "envFrom",
        "resources", "volumeMounts", "readinessProbe", "livenessProbe", "startupProbe",
        "workingDir", "securityContext", "lifecycle", "terminationMessagePath",
        "terminationMessagePolicy", "stdin", "tty",
      ])
    var container = Container(
      name: value["name"]?.stringValue ?? "", image: value["image"]?.stringValue ?? "",
      imagePullPolicy: value["imagePullPolicy"]?.stringValue.map { APIField($0) })
    container.resources = decodeResources(value["resources"], path: path + ".resources")
    container.readinessProbe = decodeProbe(value["readinessProbe"], path: path + ".readinessProbe")
    container.livenessProbe = decodeProbe(value["livenessProbe"], path: path + ".livenessProbe")
    container.env = (value["env"]?.arrayValue ?? []).enumerated().map { index, item in
      decodeEnvVar(item, path: "\(path).env[\(index)]")
    }
    container.envFrom = (value["envFrom"]?.arrayValue ?? []).enumerated().compactMap { index, item in
      check(item, path: "\(path).envFrom[\(index)]", known: ["configMapRef", "secretRef", "prefix"])
      let prefix = item["prefix"]?.stringValue
      for (field, kind) in [("configMapRef", "ConfigMap"), ("secretRef", "Secret")] {
        if let reference = item[field] {
          return EnvFromSource(
            kind: kind, name: reference["name"]?.stringValue ?? "", prefix: prefix,
            optional: reference["optional"]?.boolValue)
        }
      }
      return nil
    }
    container.volumeMounts = (value["volumeMounts"]?.arrayValue ?? []).enumerated().map { index, item in
      check(
        item, path: "\(path).volumeMounts[\(index)]",
        known: ["name", "mountPath", "readOnly", "subPath", "subPathExpr", "mountPropagation", "recursiveReadOnly"])
      return VolumeMount(
        name: item["name"]?.stringValue ?? "", mountPath: item["mountPath"]?.stringValue ?? "",
        readOnly: item["readOnly"]?.boolValue ?? false, subPath: item["subPath"]?.stringValue)
    }
    container.command = strictStringList(value["command"], field: "Container.\(path).command")
    container.args = strictStringList(value["args"], field: "Container.\(path).args")
    container.ports = (value["ports"]?.arrayValue ?? []).enumerated().compactMap { index, port in
      check(port, path: "\(path).ports[\(index)]", known: ["containerPort", "name", "protocol", "hostPort", "hostIP"])
      guard let number = int32Field(port["containerPort"], "ContainerPort.\(path).ports[\(index)].containerPort")
      else { return nil }
      return ContainerPort(
        name: port["name"]?.stringValue, containerPort: number,
        protocol: port["protocol"]?.stringValue.map { APIField($0) } ?? .known(.tcp))
    }
    return container
  }

  /// Decodes one `env` entry.
  mutating func decodeEnvVar(_ item: JSONValue, path: String) -> EnvVar {
    check(item, path: path, known: ["name", "value", "valueFrom"])
    var variable = EnvVar(name: item["name"]?.stringValue ?? "", value: item["value"]?.stringValue)
    if let other = item["value"], other.stringValue == nil, other != .null {
      refuse(
        path + ".value",
        "json: cannot unmarshal \(other.typeName) into Go struct field EnvVar.\(Self.goPath(path)).value of type string"
      )
    }
    guard let from = item["valueFrom"] else { return variable }
    check(from, path: path + ".valueFrom", known: ["configMapKeyRef", "secretKeyRef", "fieldRef", "resourceFieldRef"])
    if let reference = from["configMapKeyRef"] {
      variable.source = .configMapKey(
        name: reference["name"]?.stringValue ?? "", key: reference["key"]?.stringValue ?? "",
        optional: reference["optional"]?.boolValue)
    } else if let reference = from["secretKeyRef"] {
      variable.source = .secretKey(
        name: reference["name"]?.stringValue ?? "", key: reference["key"]?.stringValue ?? "",
        optional: reference["optional"]?.boolValue)
    } else if let reference = from["fieldRef"] {
      variable.source = .field(path: reference["fieldPath"]?.stringValue ?? "")
    }
    return variable
  }

  /// Decodes one entry of `volumes`.
  mutating func decodeVolume(_ item: JSONValue, path: String) -> Volume {
    check(
      item, path: path,
      known: [
        "name", "configMap", "secret", "emptyDir", "hostPath", "persistentVolumeClaim", "projected", "nfs", "csi",
      ])
    let name = item["name"]?.stringValue ?? ""
    if let source = item["configMap"] {
      return Volume(
        name: name,
        source: .configMap(name: source["name"]?.stringValue ?? "", optional: source["optional"]?.boolValue))
    }
    if let source = item["secret"] {
      return Volume(
        name: name,
        source: .secret(name: source["secretName"]?.stringValue ?? "", optional: source["optional"]?.boolValue))
    }
    if let source = item["hostPath"] {
      return Volume(
        name: name, source: .hostPath(path: source["path"]?.stringValue ?? "", type: source["type"]?.stringValue ?? ""))
    }
    if let source = item["persistentVolumeClaim"] {
      return Volume(
        name: name,
        source: .persistentVolumeClaim(
          claimName: source["claimName"]?.stringValue ?? "", readOnly: source["readOnly"]?.boolValue ?? false))
    }
    return Volume(name: name, source: .emptyDir)
  }

  /// A map of strings decoded as Go's `encoding/json` decodes one into a struct field: any
  /// value but a string (or null) is refused with its error, `json: cannot unmarshal number
  /// into Go struct field ConfigMap.data of type string` (``decodingError``).
  mutating func strictStringMap(_ value: JSONValue?, field: String, type: String) -> [String: String] {
    var map: [String: String] = [:]
    for (key, item) in value?.objectValue ?? [] {
      switch item {
      case .string(let text): map[key] = text
      case .null: map[key] = ""
      default:
        let jsonPath = field.drop { $0 != "." }.dropFirst() + ".\(key)"
        refuse(
          String(jsonPath), "json: cannot unmarshal \(item.typeName) into Go struct field \(field) of type \(type)")
      }
    }
    return map
  }

  /// A list of strings (`command`, `args`) decoded as `encoding/json` decodes a `[]string`
  /// field: an element that is not a string is refused with `json: cannot unmarshal number
  /// into Go struct field Container.spec.containers.command of type string`, a value that is
  /// not a list with `... of type []string`.
  mutating func strictStringList(_ value: JSONValue?, field: String) -> [String] {
    let jsonPath = String(field.drop { $0 != "." }.dropFirst())
    let goField = Self.goPath(field)
    switch value {
    case nil, .null?: return []
    case .array(let items)?:
      var strings: [String] = []
      for (index, item) in items.enumerated() {
        if case .string(let text) = item {
          strings.append(text)
        } else {
          refuse(
            "\(jsonPath)[\(index)]",
            "json: cannot unmarshal \(item.typeName) into Go struct field \(goField) of type string")
        }
      }
      return strings
    case let other?:
      refuse(jsonPath, "json: cannot unmarshal \(other.typeName) into Go struct field \(goField) of type []string")
      return []
    }
  }

  /// A JSON path as Go's decoder names a field: without list indices
  /// (`spec.containers[0].env` is `spec.containers.env`).
  static func goPath(_ path: String) -> String {
    path.replacing(#/\[[0-9]+\]/#, with: "")
  }

  /// An `int32` field as Go's `encoding/json` decodes one: nil when absent or null; a
  /// number that is not a whole `int32` (`4294967296`, `1e+20`, `1.5`) or a value of another
  /// type is refused with its error, `json: cannot unmarshal number 4294967296 into Go struct
  /// field DeploymentSpec.spec.replicas of type int32` (``decodingError``). `field` is the
  /// struct type and the JSON path without list indices, as Go names it.
  mutating func int32Field(_ value: JSONValue?, _ field: String) -> Int? {
    let refused: String
    switch value {
    case nil, .null?: return nil
    case .int(let number)?:
      if let exact = Int32(exactly: number) { return Int(exact) }
      refused = "number \(number)"
    case .double(let number)?:
      // The JSON text kubectl sends is encoding/json's; Go's ParseInt reads it or refuses it.
      let text = GoFormat.jsonFloat(number)
      if let whole = Int64(text), let exact = Int32(exactly: whole) { return Int(exact) }
      refused = "number \(text)"
    case let other?:
      refused = other.typeName
    }
    let goField = Self.goPath(field)
    refuse(
      String(field.drop { $0 != "." }.dropFirst()),
      "json: cannot unmarshal \(refused) into Go struct field \(goField) of type int32")
    return nil
  }

  mutating func check(_ value: JSONValue, path: String, known: Set<String>) {
    for (key, _) in value.objectValue ?? [] where !known.contains(key) {
      unknownFields.append(path.isEmpty ? key : path + "." + key)
    }
  }
}
