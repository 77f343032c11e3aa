import KubeSim

/// `kubectl apply -f` and `kubectl create -f`: reads manifests from the page's files (or
/// standard input) and creates or updates the objects they describe.
enum ApplyCommand {
  enum Mode {
    case apply, create
  }

  static let lastAppliedKey = "kubectl.kubernetes.io/last-applied-configuration"

  static let flags: [FlagParser.Spec] = [
    .init(name: "filename", short: "f", takesValue: true, repeatable: true),
    .init(name: "output", short: "o", takesValue: true),
    .init(name: "dry-run", short: nil, takesValue: true),
    .init(name: "validate", short: nil, takesValue: true),
    .init(name: "save-config", short: nil, takesValue: false),
    .init(name: "recursive", short: "R", takesValue: false),
  ]

  static func run(
    _ arguments: [String], mode: Mode, context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let command = mode == .apply ? "apply" : "create"
    let parsed = try FlagParser(command: command, specs: flags).parse(arguments)
    let paths = parsed.all("filename")
    if mode == .create, paths.isEmpty {
      if let generator = parsed.positional.first {
        throw .plain("kubebook does not simulate \"kubectl create \(generator)\" yet")
      }
      throw KubectlError(
        text: "error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples")
    }
    guard !paths.isEmpty else {
      throw KubectlError(text: "error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples")
    }
    let format = try OutputFormat.parse(parsed.value("output"))
    let dryRun = try DryRun.parse(parsed.value("dry-run"))
    let flagNamespace = parsed.value("namespace")
    var documents: [(source: String, value: JSONValue)] = []
    for path in paths {
      let text = try context.read(path)
      let source = path == "-" ? "STDIN" : path
      for value in try ManifestReader.documents(text, source: source) {
        documents.append((source, value))
      }
    }
    if documents.isEmpty { throw .plain("no objects passed to \(command)") }
    for (source, value) in documents {
      try validateTypeFields(value, source: source)
    }
    var errors: [String] = []
    for (source, value) in documents {
      do {
        let line = try applyOne(
          value, source: source, mode: mode, namespace: flagNamespace, dryRun: dryRun, context: &context)
        switch format {
        case .name: output.line(line.name)
        default: output.line(line.name + " " + line.operation + (dryRun ? " (dry run)" : ""))
        }
      } catch {
        errors.append(error.text)
      }
    }
    try context.settle()
    if !errors.isEmpty {
      for error in errors { output.line(error) }
      context.failed = true
    }
  }

  /// kubectl's client-side check that every document names its apiVersion and kind.
  static func validateTypeFields(_ value: JSONValue, source: String) throws(KubectlError) {
    var missing: [String] = []
    if value["apiVersion"]?.stringValue?.isEmpty ?? true { missing.append("apiVersion not set") }
    if value["kind"]?.stringValue?.isEmpty ?? true { missing.append("kind not set") }
    guard missing.isEmpty else {
      throw .plain(
        "error validating \"\(source)\": error validating data: [\(missing.joined(separator: ", "))]; if you choose to ignore these errors, turn validation off with --validate=false"
      )
    }
  }

  /// Applies or creates one document; returns the `-o name` form and the operation word.
  static func applyOne(
    _ value: JSONValue, source: String, mode: Mode, namespace flagNamespace: String?, dryRun: Bool,
    context: inout CommandContext
  ) throws(KubectlError) -> (name: String, operation: String) {
    let kind = value["kind"]?.stringValue ?? ""
    let apiVersion = value["apiVersion"]?.stringValue ?? ""
    let objectName = value["metadata"]?["name"]?.stringValue ?? ""
    guard let type = ResourceType.all.first(where: { $0.kind == kind }),
      apiVersion == (type.group.isEmpty ? "v1" : type.group + "/v1")
        || (type == .autoscalers && apiVersion == "autoscaling/v2")
    else {
      if ResourceType.unsimulatedNames.contains(kind.lowercased() + "s")
        || ResourceType.unsimulatedNames.contains(kind.lowercased())
      {
        throw .plain("kubebook does not simulate creating \(kind) objects (\(apiVersion)) from \"\(source)\" yet")
      }
      throw .plain(
        "resource mapping not found for name: \"\(objectName)\" namespace: \"\(value["metadata"]?["namespace"]?.stringValue ?? "")\" from \"\(source)\": no matches for kind \"\(kind)\" in version \"\(apiVersion)\"\nensure CRDs are installed first"
      )
    }
    let name = type.qualifiedKind + "/" + objectName
    if type == .namespaces {
      if dryRun { return (name, "created") }
      if context.cluster.namespaces[objectName] != nil {
        if mode == .create { throw .api(.alreadyExists(resource: "namespaces", name: objectName), source: source) }
        return (name, "unchanged")
      }
      do { try context.cluster.createNamespace(objectName) } catch { throw .api(error, source: source) }
      return (name, "created")
    }
    if type == .volumes {
      var decoder = ManifestDecoder()
      let volume = decoder.decodeVolume(value)
      if dryRun { return (name, "created") }
      if context.cluster.volumes[objectName] != nil {
        if mode == .create {
          throw .api(.alreadyExists(resource: "persistentvolumes", name: objectName), source: source)
        }
        return (name, "unchanged")
      }
      do { try context.cluster.createVolume(volume) } catch { throw .api(error, source: source) }
      return (name, "created")
    }
    guard type.namespaced, type != .nodes else {
      throw .plain("kubebook does not simulate creating \(kind) objects from \"\(source)\"")
    }
    var decoder = ManifestDecoder()
    var object: APIObject
    switch type {
    case .deployments: object = .deployment(decoder.decodeDeployment(value))
    case .replicaSets: object = .replicaSet(decoder.decodeReplicaSet(value))
    case .replicationControllers: object = .replicationController(decoder.decodeReplicationController(value))
    case .services: object = .service(decoder.decodeService(value))
    case .daemonSets: object = .daemonSet(decoder.decodeDaemonSet(value))
    case .configMaps: object = .configMap(decoder.decodeConfigMap(value))
    case .jobs: object = .job(decoder.decodeJob(value))
    case .cronJobs: object = .cronJob(decoder.decodeCronJob(value))
    case .statefulSets: object = .statefulSet(decoder.decodeStatefulSet(value))
    case .autoscalers: object = .autoscaler(decoder.decodeAutoscaler(value))
    case .ingresses: object = .ingress(decoder.decodeIngress(value))
    case .claims: object = .claim(decoder.decodeClaim(value))
    case .secrets: object = .secret(decoder.decodeSecret(value))
    case .pods: object = .pod(decoder.decode(value))
    default: throw .plain("kubebook does not simulate creating \(kind) objects from \"\(source)\" yet")
    }
    // gvk.Version in transformDecodeError: the version part of apiVersion (`autoscaling/v2`: v2).
    let version = apiVersion.split(separator: "/").last.map(String.init) ?? apiVersion
    if let reason = decoder.decodingError {
      // apiserver's transformDecodeError (`endpoints/handlers/rest.go`).
      throw KubectlError(
        text:
          "Error from server (BadRequest): error when creating \"\(source)\": \(kind) in version \"\(version)\" cannot be handled as a \(kind): \(reason)"
      )
    }
    if !decoder.unknownFields.isEmpty {
      let fields = decoder.unknownFields.map { "unknown field \"\($0)\"" }.joined(separator: ", ")
      throw KubectlError(
        text:
          "Error from server (BadRequest): error when creating \"\(source)\": \(kind) in version \"\(version)\" cannot be handled as a \(kind): strict decoding error: \(fields)"
      )
    }
    let objectNamespace = object.metadata.namespace
    if let objectNamespace, let flagNamespace, objectNamespace != flagNamespace {
      throw .plain(
        "the namespace from the provided object \"\(objectNamespace)\" does not match the namespace \"\(flagNamespace)\". You must pass '--namespace=\(objectNamespace)' to perform this operation."
      )
    }
    let namespace = objectNamespace ?? flagNamespace ?? "default"
    if objectName.isEmpty {
      throw .plain(
        "error when retrieving current configuration of:\nResource: \"\(type.group)/v1, Resource=\(type.plural)\", GroupVersionKind: \"\(type.group)/v1, Kind=\(kind)\"\nName: \"\", Namespace: \"\(namespace)\"\nfrom server for: \"\(source)\": resource name may not be empty"
      )
    }
    let lastApplied = mode == .apply ? ApplyCommand.lastApplied(value, namespace: namespace) : nil
    object = object.with(namespace: namespace, lastApplied: lastApplied)
    if let existing = APIObject.lookup(type, name: objectName, namespace: namespace, cluster: context.cluster) {
      if mode == .create {
        throw .api(.alreadyExists(resource: type.qualifiedResource, name: objectName), source: source)
      }
      if dryRun { return (name, "configured") }
      return (name, try update(existing, to: object, manifest: value, context: &context))
    }
    if dryRun { return (name, "created") }
    do {
      switch object {
      case .pod(let pod): try context.cluster.createPod(pod)
      case .deployment(let deployment): try context.cluster.createDeployment(deployment)
      case .replicaSet(let set): try context.cluster.createReplicaSet(set)
      case .replicationController(let controller): try context.cluster.createReplicationController(controller)
      case .service(let service): _ = try context.cluster.createService(service)
      case .daemonSet(let set): try context.cluster.createDaemonSet(set)
      case .configMap(let configMap): try context.cluster.createConfigMap(configMap)
      case .job(let job): try context.cluster.createJob(job)
      case .cronJob(let cronJob): try context.cluster.createCronJob(cronJob)
      case .statefulSet(let set): try context.cluster.createStatefulSet(set)
      case .autoscaler(let hpa): try context.cluster.createAutoscaler(hpa)
      case .ingress(let ingress): try context.cluster.createIngress(ingress)
      case .claim(let claim): try context.cluster.createClaim(claim)
      case .secret(let secret): try context.cluster.createSecret(secret)
      default: break
      }
    } catch {
      throw .api(error, source: source)
    }
    return (name, "created")
  }

  /// Applies `desired` onto the live object; returns `configured` or `unchanged`.
  static func update(_ existing: APIObject, to desired: APIObject, manifest: JSONValue, context: inout CommandContext)
    throws(KubectlError) -> String
  {
    let spec = manifest["spec"]
    if case .pod(let live) = existing, case .pod(let pod) = desired {
      if live.metadata.annotations == pod.metadata.annotations && live.metadata.labels == pod.metadata.labels
        && live.spec.containers == pod.spec.containers
      {
        return "unchanged"
      }
      return try update(live, to: pod, context: &context)
    }
    do throws(APIError) {
      switch (existing, desired) {
      case (.deployment(let live), .deployment(var d)):
        if spec?["replicas"] == nil && !lastAppliedSetReplicas(live.metadata) { d.replicas = live.replicas }
        var merged = live
        merged.replicas = d.replicas
        merged.template = d.template
        merged.strategy = d.strategy
        merged.minReadySeconds = d.minReadySeconds
        merged.revisionHistoryLimit = d.revisionHistoryLimit
        merged.progressDeadlineSeconds = d.progressDeadlineSeconds
        merged.paused = d.paused
        merged.selector = d.selector
        merged.metadata.labels = d.metadata.labels
        merged.metadata.annotations = keepingControllerAnnotations(
          live.metadata.annotations, desired: d.metadata.annotations)
        if merged == live { return "unchanged" }
        try context.cluster.updateDeployment(merged)
      case (.replicaSet(let live), .replicaSet(var set)):
        if spec?["replicas"] == nil && !lastAppliedSetReplicas(live.metadata) { set.replicas = live.replicas }
        var merged = live
        merged.replicas = set.replicas
        merged.template = set.template
        merged.minReadySeconds = set.minReadySeconds
        merged.metadata.labels = set.metadata.labels
        merged.metadata.annotations = keepingControllerAnnotations(
          live.metadata.annotations, desired: set.metadata.annotations)
        if merged == live { return "unchanged" }
        try context.cluster.updateReplicaSet(merged)
      case (.replicationController(let live), .replicationController(var controller)):
        if spec?["replicas"] == nil && !lastAppliedSetReplicas(live.metadata) {
          controller.replicas = live.replicas
        }
        var merged = live
        merged.replicas = controller.replicas
        merged.template = controller.template
        merged.metadata.annotations = keepingControllerAnnotations(
          live.metadata.annotations, desired: controller.metadata.annotations)
        if merged == live { return "unchanged" }
        try context.cluster.updateReplicationController(merged)
      case (.daemonSet(let live), .daemonSet(let set)):
        var merged = live
        merged.template = set.template
        merged.updateStrategy = set.updateStrategy
        merged.maxUnavailable = set.maxUnavailable
        merged.maxSurge = set.maxSurge
        merged.minReadySeconds = set.minReadySeconds
        merged.revisionHistoryLimit = set.revisionHistoryLimit
        merged.metadata.labels = set.metadata.labels
        merged.metadata.annotations = set.metadata.annotations
        merged.metadata.annotations["deprecated.daemonset.template.generation"] =
          live.metadata.annotations["deprecated.daemonset.template.generation"]
        if merged == live { return "unchanged" }
        try context.cluster.updateDaemonSet(merged)
      case (.job(let live), .job(let job)):
        // A Job's template is immutable; only labels and annotations may change here.
        var template = job.template
        template.labels.merge(live.template.labels) { desired, _ in desired }
        if template != live.template {
          throw APIError.invalid(
            kind: "Job", name: live.metadata.name,
            causes: [
              FieldError(
                field: "spec.template", type: "Invalid value", value: "core.PodTemplateSpec{...}",
                detail: "field is immutable")
            ])
        }
        if live.metadata.annotations == job.metadata.annotations { return "unchanged" }
        context.cluster.updateJobMetadata(
          of: live.metadata.name, namespace: live.metadata.namespace ?? "default",
          annotations: job.metadata.annotations)
      case (.statefulSet(let live), .statefulSet(var set)):
        if spec?["replicas"] == nil && !lastAppliedSetReplicas(live.metadata) { set.replicas = live.replicas }
        var merged = live
        merged.replicas = set.replicas
        merged.template = set.template
        merged.updateStrategy = set.updateStrategy
        merged.partition = set.partition
        merged.minReadySeconds = set.minReadySeconds
        merged.metadata.labels = set.metadata.labels
        merged.metadata.annotations = set.metadata.annotations
        if merged == live { return "unchanged" }
        try context.cluster.updateStatefulSet(merged)
      case (.claim(let live), .claim(let claim)):
        if live.metadata.annotations.filter({ $0.key == ApplyCommand.lastAppliedKey })
          == claim.metadata.annotations.filter({ $0.key == ApplyCommand.lastAppliedKey })
        {
          return "unchanged"
        }
        return "configured"
      case (.cronJob(let live), .cronJob(let cronJob)):
        var merged = cronJob
        merged.status = live.status
        merged.metadata.uid = live.metadata.uid
        merged.metadata.creationTimestamp = live.metadata.creationTimestamp
        merged.metadata.generation = live.metadata.generation
        merged.metadata.resourceVersion = live.metadata.resourceVersion
        if merged == live { return "unchanged" }
        try context.cluster.updateCronJob(merged)
      case (.configMap(let live), .configMap(let configMap)):
        var merged = live
        merged.data = configMap.data
        merged.metadata.labels = configMap.metadata.labels
        merged.metadata.annotations = configMap.metadata.annotations
        if merged == live { return "unchanged" }
        try context.cluster.updateConfigMap(merged)
      case (.secret(let live), .secret(let secret)):
        var merged = live
        merged.data = secret.data
        merged.metadata.labels = secret.metadata.labels
        merged.metadata.annotations = secret.metadata.annotations
        if merged == live { return "unchanged" }
        try context.cluster.updateSecret(merged)
      case (.service(let live), .service(let service)):
        var merged = live
        merged.type = service.type
        merged.ports = service.ports
        merged.selector = service.selector
        merged.externalName = service.externalName
        merged.publishNotReadyAddresses = service.publishNotReadyAddresses
        merged.metadata.labels = service.metadata.labels
        merged.metadata.annotations = service.metadata.annotations
        if !service.clusterIP.isEmpty { merged.clusterIP = service.clusterIP }
        // Node ports the manifest leaves out keep their allocated values.
        for index in merged.ports.indices where merged.ports[index].nodePort == nil && merged.hasNodePorts {
          merged.ports[index].nodePort = live.ports.first { $0.port == merged.ports[index].port }?.nodePort
        }
        if merged == live { return "unchanged" }
        if live.clusterIP != merged.clusterIP {
          throw APIError.invalid(
            kind: "Service", name: live.metadata.name,
            causes: [
              FieldError(
                field: "spec.clusterIPs[0]", type: "Invalid value", value: Validation.quote(merged.clusterIP),
                detail: "may not change once set")
            ])
        }
        try context.cluster.updateService(merged)
      default:
        return "unchanged"
      }
    } catch {
      throw .api(error)
    }
    return "configured"
  }

  /// Whether the previous `apply` set `spec.replicas`. If it did and the new manifest leaves
  /// it out, apply's three-way merge deletes the field and the server defaults it to 1; if
  /// neither did, the live value (from `kubectl scale`, say) is kept.
  static func lastAppliedSetReplicas(_ meta: ObjectMeta) -> Bool {
    guard let text = meta.annotations[lastAppliedKey],
      let value = try? ManifestReader.documents(text, source: lastAppliedKey).first
    else { return false }
    return value["spec"]?["replicas"] != nil
  }

  /// The desired annotations plus those a controller keeps on the live object.
  static func keepingControllerAnnotations(_ live: [String: String], desired: [String: String]) -> [String: String] {
    var result = desired
    for (key, value) in live where key.hasPrefix("deployment.kubernetes.io/") { result[key] = value }
    return result
  }

  /// Applies the changes a running pod allows: labels, annotations and container images.
  static func update(_ existing: Pod, to desired: Pod, context: inout CommandContext) throws(KubectlError)
    -> String
  {
    var sameButImages = desired.spec.containers
    for index in sameButImages.indices where index < existing.spec.containers.count {
      sameButImages[index].image = existing.spec.containers[index].image
    }
    if existing.spec.containers != sameButImages || existing.spec.restartPolicy != desired.spec.restartPolicy {
      throw KubectlError(
        text:
          "The Pod \"\(existing.metadata.name)\" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\nkubebook: kubectl prints the difference of the two pod specs after this line; kubebook leaves it out"
      )
    }
    let namespace = existing.metadata.namespace ?? "default"
    try SetImageCommand.changeImages(of: existing, to: desired.spec.containers, context: &context)
    context.cluster.updateMetadata(
      of: existing.metadata.name, namespace: namespace, labels: desired.metadata.labels,
      annotations: desired.metadata.annotations)
    return "configured"
  }

  /// The `last-applied-configuration` annotation: the manifest as compact JSON with sorted
  /// keys, `metadata.annotations` present and the namespace filled in, plus a newline.
  static func lastApplied(_ value: JSONValue, namespace: String) -> String {
    guard case .object(var pairs) = value else { return "" }
    var metadata = value["metadata"]?.objectValue ?? []
    var annotations = (metadata.first { $0.0 == "annotations" }?.1.objectValue ?? []).filter {
      $0.0 != lastAppliedKey
    }
    annotations.sort { $0.0 < $1.0 }
    metadata.removeAll { $0.0 == "annotations" || $0.0 == "namespace" }
    metadata.append(("annotations", .object(annotations)))
    metadata.append(("namespace", .string(namespace)))
    pairs.removeAll { $0.0 == "metadata" }
    pairs.append(("metadata", .object(metadata)))
    return CompactJSON.encode(.object(pairs)) + "\n"
  }
}

/// Go's `json.Marshal` of an unstructured object: compact, keys sorted, HTML characters escaped.
enum CompactJSON {
  static func encode(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number): return GoFormat.jsonFloat(number)
    case .string(let text): return JSONPrinter.quote(text)
    case .array(let items): return "[" + items.map(encode).joined(separator: ",") + "]"
    case .object(let pairs):
      return "{"
        + pairs.sorted { $0.0 < $1.0 }.map { JSONPrinter.quote($0.0) + ":" + encode($0.1) }.joined(
          separator: ",") + "}"
    }
  }
}
