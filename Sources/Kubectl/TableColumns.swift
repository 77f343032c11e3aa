import KubeSim

/// A printed table: column headers (with wide-only columns marked) and rows of cells, as the
/// API server's table printers produce them.
struct Table {
  /// One column definition.
  struct Column {
    var name: String
    /// Shown only with `-o wide` (priority 1).
    var wide = false
  }

  var columns: [Column]
  var rows: [[String]]

  /// The header and rows with wide-only columns dropped unless `wide`.
  func visible(wide: Bool) -> (header: [String], rows: [[String]]) {
    let keep = columns.indices.filter { wide || !columns[$0].wide }
    return (keep.map { columns[$0].name.uppercased() }, rows.map { row in keep.map { row[$0] } })
  }
}

/// The server-side printers (`pkg/printers/internalversion/printers.go`) for the kinds the
/// simulator serves.
enum TablePrinters {
  static let podColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Ready"), .init(name: "Status"), .init(name: "Restarts"),
    .init(name: "Age"), .init(name: "IP", wide: true), .init(name: "Node", wide: true),
    .init(name: "Nominated Node", wide: true), .init(name: "Readiness Gates", wide: true),
  ]

  static let nodeColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Status"), .init(name: "Roles"), .init(name: "Age"),
    .init(name: "Version"), .init(name: "Internal-IP", wide: true),
    .init(name: "External-IP", wide: true), .init(name: "OS-Image", wide: true),
    .init(name: "Kernel-Version", wide: true), .init(name: "Container-Runtime", wide: true),
  ]

  static let deploymentColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Ready"), .init(name: "Up-to-date"), .init(name: "Available"),
    .init(name: "Age"), .init(name: "Containers", wide: true), .init(name: "Images", wide: true),
    .init(name: "Selector", wide: true),
  ]

  static let replicaSetColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Desired"), .init(name: "Current"), .init(name: "Ready"), .init(name: "Age"),
    .init(name: "Containers", wide: true), .init(name: "Images", wide: true), .init(name: "Selector", wide: true),
  ]

  static let daemonSetColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Desired"), .init(name: "Current"), .init(name: "Ready"),
    .init(name: "Up-to-date"), .init(name: "Available"), .init(name: "Node Selector"), .init(name: "Age"),
    .init(name: "Containers", wide: true), .init(name: "Images", wide: true), .init(name: "Selector", wide: true),
  ]

  static let serviceColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Type"), .init(name: "Cluster-IP"), .init(name: "External-IP"),
    .init(name: "Port(s)"), .init(name: "Age"), .init(name: "Selector", wide: true),
  ]

  static let endpointsColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Endpoints"), .init(name: "Age"),
  ]

  static let endpointSliceColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "AddressType"), .init(name: "Ports"), .init(name: "Endpoints"), .init(name: "Age"),
  ]

  static let controllerRevisionColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Controller"), .init(name: "Revision"), .init(name: "Age"),
  ]

  static let configMapColumns: [Table.Column] = [.init(name: "Name"), .init(name: "Data"), .init(name: "Age")]
  static let secretColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Type"), .init(name: "Data"), .init(name: "Age"),
  ]

  static let jobColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Status"), .init(name: "Completions"), .init(name: "Duration"),
    .init(name: "Age"), .init(name: "Containers", wide: true), .init(name: "Images", wide: true),
    .init(name: "Selector", wide: true),
  ]

  static let cronJobColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Schedule"), .init(name: "Timezone"), .init(name: "Suspend"),
    .init(name: "Active"), .init(name: "Last Schedule"), .init(name: "Age"), .init(name: "Containers", wide: true),
    .init(name: "Images", wide: true), .init(name: "Selector", wide: true),
  ]

  static let statefulSetColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Ready"), .init(name: "Age"), .init(name: "Containers", wide: true),
    .init(name: "Images", wide: true),
  ]
  static let claimColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Status"), .init(name: "Volume"), .init(name: "Capacity"),
    .init(name: "Access Modes"), .init(name: "StorageClass"), .init(name: "VolumeAttributesClass"),
    .init(name: "Age"), .init(name: "VolumeMode", wide: true),
  ]
  static let volumeColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Capacity"), .init(name: "Access Modes"), .init(name: "Reclaim Policy"),
    .init(name: "Status"), .init(name: "Claim"), .init(name: "StorageClass"), .init(name: "VolumeAttributesClass"),
    .init(name: "Reason"), .init(name: "Age"), .init(name: "VolumeMode", wide: true),
  ]
  static let storageClassColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Provisioner"), .init(name: "ReclaimPolicy"), .init(name: "VolumeBindingMode"),
    .init(name: "AllowVolumeExpansion"), .init(name: "Age"),
  ]

  /// ACCESS MODES: the short forms in the fixed order RWO, ROX, RWX, RWOP.
  static func accessModes(_ modes: [String]) -> String {
    let order = [
      ("ReadWriteOnce", "RWO"), ("ReadOnlyMany", "ROX"), ("ReadWriteMany", "RWX"), ("ReadWriteOncePod", "RWOP"),
    ]
    return order.filter { modes.contains($0.0) }.map(\.1).joined(separator: ",")
  }

  static let autoscalerColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Reference"), .init(name: "Targets"), .init(name: "MinPods"),
    .init(name: "MaxPods"), .init(name: "Replicas"), .init(name: "Age"),
  ]

  static let ingressColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Class"), .init(name: "Hosts"), .init(name: "Address"), .init(name: "Ports"),
    .init(name: "Age"),
  ]

  static let namespaceColumns: [Table.Column] = [
    .init(name: "Name"), .init(name: "Status"), .init(name: "Age"),
  ]

  /// `labels.FormatLabels`: `k=v` pairs sorted by key, comma-joined, or `<none>`.
  static func formatLabels(_ map: [String: String]) -> String {
    map.isEmpty ? "<none>" : map.keys.sorted().map { "\($0)=\(map[$0]!)" }.joined(separator: ",")
  }

  static func age(_ time: Timestamp, now: Timestamp) -> String {
    HumanDuration.format(milliseconds: now.milliseconds - time.milliseconds)
  }

  /// One `kubectl get pods` row (printPod).
  static func podRow(_ pod: Pod, now: Timestamp) -> [String] {
    let total = pod.spec.containers.count
    var ready = 0
    var restarts = 0
    var reason = pod.status.reason ?? pod.status.phase.rawValue
    var lastFinished: Timestamp?
    for status in pod.status.containerStatuses.reversed() {
      restarts += status.restartCount
      if case .terminated(_, _, _, let finished)? = status.lastTerminated {
        lastFinished = max(lastFinished ?? finished, finished)
      }
      switch status.state {
      case .waiting(let waitingReason, _) where !waitingReason.isEmpty:
        reason = waitingReason
      case .terminated(let exitCode, let terminatedReason, _, let finished):
        reason = terminatedReason.isEmpty ? "ExitCode:\(exitCode)" : terminatedReason
        lastFinished = max(lastFinished ?? finished, finished)
      case .running where status.ready:
        ready += 1
      default:
        break
      }
    }
    if reason == "Completed" && ready > 0 { reason = pod.isReady ? "Running" : "NotReady" }
    if pod.metadata.deletionTimestamp != nil {
      if pod.status.reason == "NodeLost" {
        reason = "Unknown"
      } else if !pod.status.phase.isTerminal {
        reason = "Terminating"
      }
    }
    var restartsCell = String(restarts)
    if restarts > 0, let lastFinished {
      restartsCell += " (\(age(lastFinished, now: now)) ago)"
    }
    return [
      pod.metadata.name, "\(ready)/\(total)", reason, restartsCell, age(pod.metadata.creationTimestamp, now: now),
      pod.status.podIP ?? "<none>", pod.spec.nodeName ?? "<none>", "<none>", "<none>",
    ]
  }

  /// One `kubectl get nodes` row (printNode).
  static func nodeRow(_ node: Node, now: Timestamp) -> [String] {
    var status: String
    switch node.status.ready {
    case .true: status = "Ready"
    case .false, .unknown: status = "NotReady"
    }
    if node.spec.unschedulable { status += ",SchedulingDisabled" }
    let roles = node.roles
    return [
      node.metadata.name, status, roles.isEmpty ? "<none>" : roles.joined(separator: ","),
      age(node.metadata.creationTimestamp, now: now), node.status.kubeletVersion,
      node.status.internalIP, "<none>", node.status.osImage, node.status.kernelVersion,
      node.status.containerRuntimeVersion,
    ]
  }

  /// The columns of a table of `type`.
  static func columns(for type: ResourceType) -> [Table.Column] {
    switch type {
    case .pods: return podColumns
    case .nodes: return nodeColumns
    case .deployments: return deploymentColumns
    case .replicaSets, .replicationControllers: return replicaSetColumns
    case .daemonSets: return daemonSetColumns
    case .services: return serviceColumns
    case .endpoints: return endpointsColumns
    case .jobs: return jobColumns
    case .cronJobs: return cronJobColumns
    case .statefulSets: return statefulSetColumns
    case .claims: return claimColumns
    case .volumes: return volumeColumns
    case .storageClasses: return storageClassColumns
    case .autoscalers: return autoscalerColumns
    case .ingresses: return ingressColumns
    case .endpointSlices: return endpointSliceColumns
    case .controllerRevisions: return controllerRevisionColumns
    case .configMaps: return configMapColumns
    case .secrets: return secretColumns
    default: return namespaceColumns
    }
  }

  /// One row for `object`.
  static func row(_ object: APIObject, now: Timestamp) -> [String] {
    switch object {
    case .pod(let pod): return podRow(pod, now: now)
    case .node(let node): return nodeRow(node, now: now)
    case .namespace(let namespace): return namespaceRow(namespace, now: now)
    case .deployment(let d):
      return [
        d.metadata.name, "\(d.status.readyReplicas)/\(d.replicas)", String(d.status.updatedReplicas),
        String(d.status.availableReplicas), age(d.metadata.creationTimestamp, now: now),
        d.template.spec.containers.map(\.name).joined(separator: ","),
        d.template.spec.containers.map(\.image).joined(separator: ","), d.selector.formatted,
      ]
    case .replicaSet(let set):
      return [
        set.metadata.name, String(set.replicas), String(set.status.replicas), String(set.status.readyReplicas),
        age(set.metadata.creationTimestamp, now: now), set.template.spec.containers.map(\.name).joined(separator: ","),
        set.template.spec.containers.map(\.image).joined(separator: ","), set.selector.formatted,
      ]
    case .replicationController(let controller):
      return [
        controller.metadata.name, String(controller.replicas), String(controller.status.replicas),
        String(controller.status.readyReplicas), age(controller.metadata.creationTimestamp, now: now),
        controller.template.spec.containers.map(\.name).joined(separator: ","),
        controller.template.spec.containers.map(\.image).joined(separator: ","),
        formatLabels(controller.selector),
      ]
    case .service(let service):
      let ports = service.ports.map { port in
        "\(port.port)" + (port.nodePort.map { ":\($0)" } ?? "") + "/\(port.protocol)"
      }
      return [
        service.metadata.name, service.type.text, service.clusterIP.isEmpty ? "<none>" : service.clusterIP,
        externalIP(of: service), ports.isEmpty ? "<none>" : ports.joined(separator: ","),
        age(service.metadata.creationTimestamp, now: now), formatLabels(service.selector),
      ]
    case .endpoints(let endpoints):
      return [endpoints.metadata.name, formatEndpoints(endpoints), age(endpoints.metadata.creationTimestamp, now: now)]
    case .controllerRevision(let revision):
      return [
        revision.metadata.name, revision.controller, String(revision.revision),
        age(revision.metadata.creationTimestamp, now: now),
      ]
    case .endpointSlice(let slice):
      return [
        slice.metadata.name, slice.addressType, listWithMore(slice.ports.map(String.init)),
        listWithMore(slice.endpoints.map(\.address)), age(slice.metadata.creationTimestamp, now: now),
      ]
    case .job(let job):
      return jobRow(job, now: now)
    case .statefulSet(let set):
      return [
        set.metadata.name, "\(set.status.readyReplicas)/\(set.replicas)", age(set.metadata.creationTimestamp, now: now),
        set.template.spec.containers.map(\.name).joined(separator: ","),
        set.template.spec.containers.map(\.image).joined(separator: ","),
      ]
    case .claim(let claim):
      let bound = claim.volumeName != nil
      let status = claim.metadata.deletionTimestamp != nil ? "Terminating" : claim.phase.rawValue
      return [
        claim.metadata.name, status, claim.volumeName ?? "", bound ? (claim.capacity ?? claim.request) : "",
        bound ? accessModes(claim.accessModes) : "", claim.storageClassName ?? "", "<unset>",
        age(claim.metadata.creationTimestamp, now: now), "Filesystem",
      ]
    case .volume(let volume):
      return [
        volume.metadata.name, volume.capacity, accessModes(volume.accessModes), volume.reclaimPolicy.text,
        volume.phase.rawValue,
        volume.claim.map { "\($0.namespace)/\($0.name)" } ?? "", volume.storageClassName, "<unset>", "",
        age(volume.metadata.creationTimestamp, now: now), "Filesystem",
      ]
    case .ingress(let ingress):
      // HOSTS: the first three rule hosts, then ` + N more...`; `*` when no rule names a host.
      let hosts = ingress.rules.compactMap(\.host).filter { !$0.isEmpty }
      var hostsCell = hosts.isEmpty ? "*" : hosts.prefix(3).joined(separator: ",")
      if hosts.count > 3 { hostsCell += " + \(ingress.rules.count - 3) more..." }
      return [
        ingress.metadata.name, ingress.className ?? "<none>", hostsCell, "", ingress.tls.isEmpty ? "80" : "80, 443",
        age(ingress.metadata.creationTimestamp, now: now),
      ]
    case .autoscaler(let hpa):
      let current = hpa.currentUtilization.map { "\($0)%" } ?? "<unknown>"
      return [
        hpa.metadata.name, "\(hpa.targetKind)/\(hpa.targetName)", "cpu: \(current)/\(hpa.targetCPUUtilization)%",
        String(hpa.minReplicas), String(hpa.maxReplicas), String(hpa.currentReplicas),
        age(hpa.metadata.creationTimestamp, now: now),
      ]
    case .storageClass(let storageClass):
      return [
        storageClass.metadata.name + (storageClass.isDefault ? " (default)" : ""), storageClass.provisioner,
        storageClass.reclaimPolicy.rawValue, storageClass.volumeBindingMode.rawValue, "false",
        age(storageClass.metadata.creationTimestamp, now: now),
      ]
    case .cronJob(let cronJob):
      let containers = cronJob.jobTemplate.template.spec.containers
      return [
        cronJob.metadata.name, cronJob.schedule, cronJob.timeZone ?? "<none>", cronJob.suspend ? "True" : "False",
        String(cronJob.status.active.count),
        cronJob.status.lastScheduleTime.map { age($0, now: now) } ?? "<none>",
        age(cronJob.metadata.creationTimestamp, now: now), containers.map(\.name).joined(separator: ","),
        containers.map(\.image).joined(separator: ","), "<none>",
      ]
    case .configMap(let configMap):
      return [
        configMap.metadata.name, String(configMap.data.count), age(configMap.metadata.creationTimestamp, now: now),
      ]
    case .secret(let secret):
      return [
        secret.metadata.name, secret.type, String(secret.data.count), age(secret.metadata.creationTimestamp, now: now),
      ]
    case .daemonSet(let set):
      return [
        set.metadata.name, String(set.status.desiredNumberScheduled), String(set.status.currentNumberScheduled),
        String(set.status.numberReady), String(set.status.updatedNumberScheduled), String(set.status.numberAvailable),
        formatLabels(set.template.spec.nodeSelector),
        age(set.metadata.creationTimestamp, now: now), set.template.spec.containers.map(\.name).joined(separator: ","),
        set.template.spec.containers.map(\.image).joined(separator: ","), set.selector.formatted,
      ]
    }
  }

  /// The EXTERNAL-IP cell: the external name, `<pending>` for a load balancer no cloud has
  /// provisioned, `<none>` otherwise (the simulator has no external IPs).
  static func externalIP(of service: Service) -> String {
    switch service.type.value {
    case .externalName?: return service.externalName ?? "<none>"
    case .loadBalancer?: return "<pending>"
    case .clusterIP?, .nodePort?, nil: return "<none>"
    }
  }

  /// The ENDPOINTS cell (`formatEndpoints`): up to three ready `ip:port` entries, then
  /// ` + N more...`; `<none>` without subsets, empty when no address is ready.
  /// `listWithMoreString` (printers.go): up to three entries, ` + N more...`, `<unset>` for none.
  static func listWithMore(_ items: [String]) -> String {
    if items.isEmpty { return "<unset>" }
    let shown = items.prefix(3).joined(separator: ",")
    return items.count > 3 ? shown + " + \(items.count - 3) more..." : shown
  }

  static func formatEndpoints(_ endpoints: Endpoints) -> String {
    if endpoints.subsets.isEmpty { return "<none>" }
    let all = endpoints.readyEndpoints
    let shown = all.prefix(3).joined(separator: ",")
    return all.count > 3 ? shown + " + \(all.count - 3) more..." : shown
  }

  /// A Job's row (§3.7): STATUS from its conditions, COMPLETIONS, DURATION.
  static func jobRow(_ job: Job, now: Timestamp) -> [String] {
    let status: String
    if job.status.has("Complete") {
      status = "Complete"
    } else if job.status.has("Failed") {
      status = "Failed"
    } else if job.metadata.deletionTimestamp != nil {
      status = "Terminating"
    } else if job.status.has("Suspended") {
      status = "Suspended"
    } else if job.status.has("FailureTarget") {
      status = "FailureTarget"
    } else {
      status = "Running"
    }
    let completions: String
    if let total = job.completions {
      completions = "\(job.status.succeeded)/\(total)"
    } else {
      completions =
        job.parallelism > 1 ? "\(job.status.succeeded)/1 of \(job.parallelism)" : "\(job.status.succeeded)/1"
    }
    var duration = ""
    if let start = job.status.startTime {
      let end = job.status.completionTime ?? now
      duration = HumanDuration.format(milliseconds: end.milliseconds - start.milliseconds)
    }
    return [
      job.metadata.name, status, completions, duration, age(job.metadata.creationTimestamp, now: now),
      job.template.spec.containers.map(\.name).joined(separator: ","),
      job.template.spec.containers.map(\.image).joined(separator: ","), job.selector.formatted,
    ]
  }

  static func namespaceRow(_ namespace: Namespace, now: Timestamp) -> [String] {
    [namespace.metadata.name, namespace.phase.rawValue, age(namespace.metadata.creationTimestamp, now: now)]
  }
}
