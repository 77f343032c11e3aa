import KubeSim

/// `kubectl describe TYPE [NAME...]` for the workloads, Pods, Nodes, Services, HPAs, ConfigMaps,
/// Secrets and Ingresses (`staging/src/k8s.io/kubectl/pkg/describe/describe.go`,
/// `docs/reference/kubectl-output.md` §6).
enum DescribeCommand {
  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(
      command: "describe", specs: [.init(name: "selector", short: "l", takesValue: true)]
    ).parse(arguments)
    guard !parsed.positional.isEmpty else {
      throw KubectlError(
        text:
          "You must specify the type of resource to describe. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl describe -h' for help and examples"
      )
    }
    let namespace = context.namespace(parsed)
    let requests = try ResourceArguments.parse(parsed.positional, cluster: context.cluster)
    var descriptions: [String] = []
    var errors: [String] = []
    for request in requests {
      guard request.type.served.map({ hasDescriber($0) }) ?? CustomResources.defines(request.type, in: context.cluster)
      else {
        throw .plain("kubebook does not simulate \"kubectl describe \(request.type.plural)\" yet")
      }
      var objects: [APIObject] = []
      if request.names.isEmpty {
        objects = APIObject.list(request.type, namespace: namespace, cluster: context.cluster)
        if let text = parsed.value("selector"), let selector = try? LabelSelector.parse(text) {
          objects = objects.filter { selector.matches($0.metadata.labels) }
        }
      } else {
        for name in request.names {
          if let object = APIObject.lookup(request.type, name: name, namespace: namespace, cluster: context.cluster) {
            objects.append(object)
          } else {
            // describe's prefix match: every object whose name starts with NAME.
            let matches = APIObject.list(request.type, namespace: namespace, cluster: context.cluster)
              .filter { $0.metadata.name.hasPrefix(name) }
            if matches.isEmpty {
              errors.append(KubectlError.api(.notFound(resource: request.type.qualifiedResource, name: name)).text)
            }
            objects += matches
          }
        }
      }
      descriptions += objects.map { describe($0, cluster: context.cluster) }
    }
    if descriptions.isEmpty && errors.isEmpty {
      output.line("No resources found in \(namespace) namespace.")
      return
    }
    output.write(descriptions.joined(separator: "\n\n"))
    if !errors.isEmpty {
      for error in errors { output.line(error) }
      context.failed = true
    }
  }

  /// Whether kubebook describes objects of `Kind`.
  static func hasDescriber<Kind: KubectlResource>(_: Kind.Type) -> Bool { Kind.describer != nil }

  static func describe(_ object: APIObject, cluster: Cluster) -> String {
    describe(object.base, cluster: cluster)
  }

  /// The whole description of `object`: its kind's describer, then the Events section.
  static func describe<Kind: KubectlResource>(_ object: Kind, cluster: Cluster) -> String {
    let writer = GoTabWriter()
    guard let describer = Kind.describer else { return "" }
    let body = describer.describe(object, cluster)
    guard describer.showsEvents else { return writer.format(body) }
    let events = eventsSection(kind: object.servedType.kind, meta: object.metadata, cluster: cluster)
    if events.hasPrefix("Events:\t") {
      return writer.format(body + events)
    }
    return writer.format(body) + writer.format(events)
  }

  // MARK: - Shared pieces

  /// RFC 1123 with numeric zone (`Mon, 03 Mar 2025 09:00:00 +0000`), in UTC.
  static func rfc1123(_ time: Timestamp) -> String {
    let parts = time.civil
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    return "\(days[parts.weekday]), \(two(parts.day)) \(months[parts.month - 1]) \(parts.year) "
      + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
  }

  /// `printLabelsMultiline` with the title at `indent`.
  static func multiline(_ title: String, _ entries: [String], indent: String = "") -> String {
    guard let first = entries.first else { return "\(indent)\(title):\t<none>\n" }
    return "\(indent)\(title):\t\(first)\n" + entries.dropFirst().map { "\t\($0)\n" }.joined()
  }

  /// The `Name`, `Namespace`, `Labels` and `Annotations` lines most describers open with.
  static func metadataLines(_ meta: ObjectMeta) -> String {
    "Name:\t\(meta.name)\nNamespace:\t\(meta.namespace ?? "default")\n" + multiline("Labels", labels(meta.labels))
      + multiline("Annotations", annotations(meta.annotations))
  }

  /// `printController`: the `Controlled By:` line of an object with a controlling owner.
  static func controlledBy(_ meta: ObjectMeta) -> String {
    guard let owner = meta.ownerReferences.first(where: \.controller) else { return "" }
    return "Controlled By:\t\(owner.kind)/\(owner.name)\n"
  }

  static func labels(_ map: [String: String]) -> [String] {
    map.keys.sorted().map { "\($0)=\(map[$0]!)" }
  }

  /// Annotations as describe shows them: sorted, last-applied hidden.
  static func annotations(_ map: [String: String]) -> [String] {
    map.keys.sorted().filter { $0 != ApplyCommand.lastAppliedKey }.map { "\($0): \(map[$0]!)" }
  }

  /// The Pod Template block (`DescribePodTemplate`).
  static func podTemplate(_ template: PodTemplate) -> String {
    var text = "Pod Template:\n"
    text += multiline("Labels", labels(template.labels), indent: "  ")
    if !template.annotations.isEmpty {
      text += multiline("Annotations", annotations(template.annotations), indent: "  ")
    }
    text += "  Containers:\n"
    for container in template.spec.containers {
      text += "   \(container.name):\n"
      text += containerSpecLines(container, indent: "    ")
      text += environmentLines(container, indent: "    ")
      text += mountLines(container, tokenVolume: nil, indent: "    ")
    }
    text += volumeLines(template.spec.volumes, tokenVolume: nil, indent: "  ")
    if let priorityClassName = template.spec.priorityClassName {
      text += "  Priority Class Name:\t\(priorityClassName)\n"
    }
    text += multiline("Node-Selectors", labels(template.spec.nodeSelector), indent: "  ")
    text += multiline("Tolerations", tolerationEntries(template.spec.tolerations), indent: "  ")
    return text
  }

  static func containerSpecLines(
    _ container: Container, indent: String, includeImage: Bool = true, includeProbes: Bool = true
  ) -> String {
    var text = includeImage ? "\(indent)Image:\t\(container.image)\n" : ""
    let ports = container.ports.map { "\($0.containerPort)/\($0.protocol)" }
    let hostPorts = container.ports.map { "0/\($0.protocol)" }
    text +=
      ports.count > 1
      ? "\(indent)Ports:\t\(ports.joined(separator: ", "))\n" : "\(indent)Port:\t\(ports.first ?? "<none>")\n"
    text +=
      hostPorts.count > 1
      ? "\(indent)Host Ports:\t\(hostPorts.joined(separator: ", "))\n"
      : "\(indent)Host Port:\t\(hostPorts.first ?? "<none>")\n"
    if !container.command.isEmpty {
      text += "\(indent)Command:\n" + container.command.map { "\(indent)  \($0)\n" }.joined()
    }
    if !container.args.isEmpty { text += "\(indent)Args:\n" + container.args.map { "\(indent)  \($0)\n" }.joined() }
    if includeProbes {
      text += resourceLines(container, indent: indent)
      text += probeLines(container, indent: indent)
    }
    return text
  }

  static func resourceLines(_ container: Container, indent: String) -> String {
    var text = ""
    let resources = container.resources
    for (title, map, quantity) in [
      ("Limits", resources.limits, resources.limitText), ("Requests", resources.requests, resources.requestText),
    ] where !map.isEmpty {
      text += "\(indent)\(title):\n"
      for name in map.keys.sorted() {
        text += "\(indent)  \(name):\t\(quantity(name))\n"
      }
    }
    return text
  }

  static func probeLines(_ container: Container, indent: String) -> String {
    var text = ""
    if let probe = container.livenessProbe { text += "\(indent)Liveness:\t\(probe.describe)\n" }
    if let probe = container.readinessProbe { text += "\(indent)Readiness:\t\(probe.describe)\n" }
    if let probe = container.startupProbe { text += "\(indent)Startup:\t\(probe.describe)\n" }
    return text
  }

  /// The Events section: `Events:\t<none>`, or a flushed table sorted by time.
  static func eventsSection(kind: String, meta: ObjectMeta, cluster: Cluster) -> String {
    let events = cluster.events.enumerated().filter { _, event in
      event.involvedKind == kind && event.involvedName == meta.name && event.namespace == (meta.namespace ?? "default")
        && event.firstTimestamp >= meta.creationTimestamp
    }.sorted {
      $0.element.lastTimestamp != $1.element.lastTimestamp
        ? $0.element.lastTimestamp < $1.element.lastTimestamp : $0.offset < $1.offset
    }
    guard !events.isEmpty else { return "Events:\t<none>\n" }
    var text = "Events:\n  Type\tReason\tAge\tFrom\tMessage\n  ----\t------\t----\t----\t-------\n"
    for (_, event) in events {
      var age = HumanDuration.format(milliseconds: cluster.now.milliseconds - event.lastTimestamp.milliseconds)
      if event.count > 1 {
        age +=
          " (x\(event.count) over \(HumanDuration.format(milliseconds: cluster.now.milliseconds - event.firstTimestamp.milliseconds)))"
      }
      text += "  \(event.type)\t\(event.reason)\t\(age)\t\(event.source)\t\(event.message)\n"
    }
    return text
  }

  // MARK: - Workloads

  static func deployment(_ d: Deployment, cluster: Cluster) -> String {
    var text = "Name:\t\(d.metadata.name)\n"
    text += "Namespace:\t\(d.metadata.namespace ?? "default")\n"
    text += "CreationTimestamp:\t\(rfc1123(d.metadata.creationTimestamp))\n"
    text += multiline("Labels", labels(d.metadata.labels))
    text += multiline("Annotations", annotations(d.metadata.annotations))
    text += "Selector:\t\(d.selector.formatted)\n"
    text +=
      "Replicas:\t\(d.replicas) desired | \(d.status.updatedReplicas) updated | \(d.status.replicas) total | \(d.status.availableReplicas) available | \(d.status.unavailableReplicas) unavailable\n"
    switch d.strategy {
    case .rollingUpdate(let surge, let unavailable):
      text += "StrategyType:\tRollingUpdate\n"
      text += "MinReadySeconds:\t\(d.minReadySeconds)\n"
      text += "RollingUpdateStrategy:\t\(unavailable.text) max unavailable, \(surge.text) max surge\n"
    case .recreate:
      text += "StrategyType:\tRecreate\n"
      text += "MinReadySeconds:\t\(d.minReadySeconds)\n"
    }
    text += podTemplate(d.template)
    if !d.status.conditions.isEmpty {
      text += "Conditions:\n  Type\tStatus\tReason\n  ----\t------\t------\n"
      for condition in d.status.conditions {
        text += "  \(condition.type) \t\(condition.status)\t\(condition.reason)\n"
      }
    }
    let (newSet, sets) = cluster.replicaSets(of: d)
    if !sets.isEmpty {
      let olds = sets.filter { $0.metadata.uid != newSet?.metadata.uid && $0.replicas > 0 }
      func summary(_ set: ReplicaSet) -> String {
        "\(set.metadata.name) (\(set.status.replicas)/\(set.replicas) replicas created)"
      }
      text += "OldReplicaSets:\t" + (olds.isEmpty ? "<none>" : olds.map(summary).joined(separator: ", ")) + "\n"
      text += "NewReplicaSet:\t" + (newSet.map(summary) ?? "<none>") + "\n"
    }
    return text
  }

  static func podsStatus(owner uid: String, cluster: Cluster) -> String {
    var running = 0
    var waiting = 0
    var succeeded = 0
    var failed = 0
    for pod in cluster.pods(ownedBy: uid) where pod.metadata.deletionTimestamp == nil {
      switch pod.status.phase {
      case .running: running += 1
      case .succeeded: succeeded += 1
      case .failed: failed += 1
      case .pending, .unknown: waiting += 1
      }
    }
    return "Pods Status:\t\(running) Running / \(waiting) Waiting / \(succeeded) Succeeded / \(failed) Failed\n"
  }

  static func replicaSet(_ set: ReplicaSet, cluster: Cluster) -> String {
    var text = "Name:\t\(set.metadata.name)\n"
    text += "Namespace:\t\(set.metadata.namespace ?? "default")\n"
    text += "Selector:\t\(set.selector.formatted)\n"
    text += multiline("Labels", labels(set.metadata.labels))
    text += multiline("Annotations", annotations(set.metadata.annotations))
    text += controlledBy(set.metadata)
    text += "Replicas:\t\(set.status.replicas) current / \(set.replicas) desired\n"
    text += podsStatus(owner: set.metadata.uid, cluster: cluster)
    text += podTemplate(set.template)
    return text
  }

  static func replicationController(_ controller: ReplicationController, cluster: Cluster) -> String {
    var text = "Name:\t\(controller.metadata.name)\n"
    text += "Namespace:\t\(controller.metadata.namespace ?? "default")\n"
    text += "Selector:\t\(labels(controller.selector).joined(separator: ","))\n"
    text += multiline("Labels", labels(controller.metadata.labels))
    text += multiline("Annotations", annotations(controller.metadata.annotations))
    text += "Replicas:\t\(controller.status.replicas) current / \(controller.replicas) desired\n"
    text += podsStatus(owner: controller.metadata.uid, cluster: cluster)
    text += podTemplate(controller.template)
    return text
  }

  // MARK: - Pods (§6.5)

  static func describePod(_ pod: Pod, cluster: Cluster) -> String {
    var text = "Name:\t\(pod.metadata.name)\n"
    text += "Namespace:\t\(pod.metadata.namespace ?? "default")\n"
    text += "Priority:\t\(pod.spec.effectivePriority)\n"
    if let priorityClassName = pod.spec.priorityClassName { text += "Priority Class Name:\t\(priorityClassName)\n" }
    text += "Service Account:\t\(pod.spec.serviceAccountName)\n"
    let node = pod.spec.nodeName.map { "\($0)/\(pod.status.hostIP ?? "")" } ?? "<none>"
    text += "Node:\t\(node)\n"
    if let start = pod.status.startTime { text += "Start Time:\t\(rfc1123(start))\n" }
    text += multiline("Labels", labels(pod.metadata.labels))
    text += multiline("Annotations", annotations(pod.metadata.annotations))
    // describePod: `translateTimestampSince(DeletionTimestamp)`, the time since the end of
    // the grace period (`<invalid>` before it), for a pod that has not finished.
    if let deletion = pod.metadata.deletionTimestamp, !pod.status.phase.isTerminal {
      let since = cluster.now.milliseconds.saturatingSubtract(deletion.milliseconds)
      text += "Status:\tTerminating (lasts \(HumanDuration.format(milliseconds: since)))\n"
      text += "Termination Grace Period:\t\(pod.metadata.deletionGracePeriodSeconds ?? 30)s\n"
    } else {
      text += "Status:\t\(pod.status.phase.rawValue)\n"
    }
    text += "IP:\t\(pod.status.podIP ?? "")\n"
    if let ip = pod.status.podIP {
      text += "IPs:\n  IP:\t\(ip)\n"
    } else {
      text += "IPs:\t<none>\n"
    }
    text += controlledBy(pod.metadata)
    text += "Containers:\n"
    for container in pod.spec.containers {
      text += containerDescription(
        container, status: pod.status.containerStatuses.first { $0.name == container.name }, pod: pod)
    }
    if !pod.spec.ephemeralContainers.isEmpty {
      text += "Ephemeral Containers:\n"
      for ephemeral in pod.spec.ephemeralContainers {
        let status = pod.status.ephemeralContainerStatuses.first { $0.name == ephemeral.container.name }
        text += containerDescription(ephemeral.container, status: status, pod: pod, tokenMount: false)
      }
    }
    if !pod.status.conditions.isEmpty {
      text += "Conditions:\n  Type\tStatus\n"
      for condition in pod.status.conditions {
        text += "  \(condition.type) \t\(condition.status) \n"
      }
    }
    text += volumeLines(pod.spec.volumes, tokenVolume: pod.spec.tokenVolumeName, indent: "")
    text += "QoS Class:\t\(pod.qosClass)\n"
    text += multiline("Node-Selectors", labels(pod.spec.nodeSelector))
    text += multiline("Tolerations", tolerationEntries(pod.spec.tolerations))
    return text
  }

  /// One container of `describe pod` (`describeContainers`): its IDs, image, command, state,
  /// readiness, restarts, resources, probes, environment and mounts (the token mount only for
  /// regular containers).
  static func containerDescription(
    _ container: Container, status: ContainerStatus?, pod: Pod, tokenMount: Bool = true
  ) -> String {
    var text = ""
    text += "  \(container.name):\n"
    if let status { text += "    Container ID:\t\(status.containerID ?? "")\n" }
    text += "    Image:\t\(container.image)\n"
    if let status { text += "    Image ID:\t\(status.imageID)\n" }
    text += containerSpecLines(container, indent: "    ", includeImage: false, includeProbes: false)
    if let status {
      switch status.state {
      case .waiting(let reason, _):
        text += "    State:\tWaiting\n      Reason:\t\(reason)\n"
      case .running(let startedAt):
        text += "    State:\tRunning\n      Started:\t\(rfc1123(startedAt))\n"
      case .terminated(let exitCode, let reason, let startedAt, let finishedAt):
        text += "    State:\tTerminated\n      Reason:\t\(reason)\n      Exit Code:\t\(exitCode)\n"
        text += "      Started:\t\(rfc1123(startedAt))\n      Finished:\t\(rfc1123(finishedAt))\n"
      }
      // `describeContainerState`: the run before this one, once the container has restarted.
      if case .terminated(let exitCode, let reason, let startedAt, let finishedAt)? = status.lastTerminated {
        text += "    Last State:\tTerminated\n      Reason:\t\(reason)\n      Exit Code:\t\(exitCode)\n"
        text += "      Started:\t\(rfc1123(startedAt))\n      Finished:\t\(rfc1123(finishedAt))\n"
      }
      text += "    Ready:\t\(status.ready ? "True" : "False")\n"
      text += "    Restart Count:\t\(status.restartCount)\n"
    }
    text += resourceLines(container, indent: "    ")
    text += probeLines(container, indent: "    ")
    text += environmentLines(container, indent: "    ", pod: pod)
    text += mountLines(container, tokenVolume: tokenMount ? pod.spec.tokenVolumeName : nil, indent: "    ")
    return text
  }

  /// `printTolerationsMultilineWithIndent`: sorted by key; `op=Exists` alone for the
  /// toleration that tolerates everything.
  static func tolerationEntries(_ tolerations: [Toleration]) -> [String] {
    tolerations.enumerated().sorted { ($0.element.key ?? "", $0.offset) < ($1.element.key ?? "", $1.offset) }.map {
      let toleration = $0.element
      var entry = toleration.key ?? ""
      if let value = toleration.value, !value.isEmpty { entry += "=" + value }
      if let effect = toleration.effect?.text, !effect.isEmpty { entry += ":" + effect }
      if toleration.operator?.value == .exists && (toleration.value ?? "").isEmpty {
        entry += entry.isEmpty ? "op=Exists" : " op=Exists"
      }
      if let seconds = toleration.tolerationSeconds { entry += " for \(seconds)s" }
      return entry
    }
  }
}
