import KubeSim

/// `describe` for StatefulSets, DaemonSets, Jobs, CronJobs, ConfigMaps, Secrets and Ingresses,
/// after `describeStatefulSet`, `describeDaemonSet`, `describeJob`, `describeCronJob`, `ConfigMapDescriber`,
/// `describeSecret` and `describeIngressV1` in `staging/src/k8s.io/kubectl/pkg/describe/describe.go`
/// (v1.32). Go ranges over ConfigMap and Secret data in map order, which varies run to run;
/// kubebook prints the keys sorted, one of the orders a real kubectl prints.
extension DescribeCommand {
  static func describeStatefulSet(_ set: StatefulSet, cluster: Cluster) -> String {
    var text = "Name:\t\(set.metadata.name)\n"
    text += "Namespace:\t\(set.metadata.namespace ?? "default")\n"
    text += "CreationTimestamp:\t\(rfc1123(set.metadata.creationTimestamp))\n"
    text += "Selector:\t\(set.selector.formatted)\n"
    text += multiline("Labels", labels(set.metadata.labels))
    text += multiline("Annotations", annotations(set.metadata.annotations))
    text += "Replicas:\t\(set.replicas) desired | \(set.status.replicas) total\n"
    text += "Update Strategy:\t\(set.updateStrategy)\n"
    if set.updateStrategy.value == .rollingUpdate && set.hasRollingUpdate {
      text += "  Partition:\t\(set.partition)\n"
    }
    text += podsStatus(owner: set.metadata.uid, cluster: cluster)
    text += podTemplate(set.template)
    if set.claimTemplates.isEmpty {
      text += "Volume Claims:\t<none>\n"
    } else {
      text += "Volume Claims:\n"
      for claim in set.claimTemplates {
        text += "  Name:\t\(claim.name)\n"
        text += "  StorageClass:\t\(claim.storageClassName ?? "")\n"
        text += multiline("Labels", labels(claim.labels), indent: "  ")
        text += "  Annotations:\t<none>\n"
        text += "  Capacity:\t\(claim.request)\n"
        text += "  Access Modes:\t[\(claim.accessModes.joined(separator: " "))]\n"
      }
    }
    return text
  }

  static func describeDaemonSet(_ set: DaemonSet, cluster: Cluster) -> String {
    var text = "Name:\t\(set.metadata.name)\n"
    text += "Namespace:\t\(set.metadata.namespace ?? "default")\n"
    text += "Selector:\t\(set.selector.formatted)\n"
    text += "Node-Selector:\t\(TablePrinters.formatLabels(set.template.spec.nodeSelector))\n"
    text += multiline("Labels", labels(set.metadata.labels))
    text += multiline("Annotations", annotations(set.metadata.annotations))
    text += "Desired Number of Nodes Scheduled: \(set.status.desiredNumberScheduled)\n"
    text += "Current Number of Nodes Scheduled: \(set.status.currentNumberScheduled)\n"
    text += "Number of Nodes Scheduled with Up-to-date Pods: \(set.status.updatedNumberScheduled)\n"
    text += "Number of Nodes Scheduled with Available Pods: \(set.status.numberAvailable)\n"
    text += "Number of Nodes Misscheduled: \(set.status.numberMisscheduled)\n"
    text += podsStatus(owner: set.metadata.uid, cluster: cluster)
    text += podTemplate(set.template)
    return text
  }

  static func describeJob(_ job: Job, cluster: Cluster) -> String {
    var text = "Name:\t\(job.metadata.name)\n"
    text += "Namespace:\t\(job.metadata.namespace ?? "default")\n"
    text += "Selector:\t\(job.selector.formatted)\n"
    text += multiline("Labels", labels(job.metadata.labels))
    text += multiline("Annotations", annotations(job.metadata.annotations))
    text += controlledBy(job.metadata)
    text += "Parallelism:\t\(job.parallelism)\n"
    text += "Completions:\t" + (job.completions.map(String.init) ?? "<unset>") + "\n"
    text += "Completion Mode:\tNonIndexed\n"
    text += "Suspend:\t\(job.suspend)\n"
    text += "Backoff Limit:\t\(job.backoffLimit)\n"
    if let ttl = job.ttlSecondsAfterFinished { text += "TTL Seconds After Finished:\t\(ttl)\n" }
    if let start = job.status.startTime { text += "Start Time:\t\(rfc1123(start))\n" }
    if let end = job.status.completionTime { text += "Completed At:\t\(rfc1123(end))\n" }
    if let start = job.status.startTime, let end = job.status.completionTime {
      text += "Duration:\t\(HumanDuration.format(milliseconds: end.milliseconds - start.milliseconds))\n"
    }
    if let deadline = job.activeDeadlineSeconds { text += "Active Deadline Seconds:\t\(deadline)s\n" }
    text +=
      "Pods Statuses:\t\(job.status.active) Active (\(job.status.ready) Ready) / \(job.status.succeeded) Succeeded / \(job.status.failed) Failed\n"
    text += podTemplate(job.template)
    return text
  }

  static func describeCronJob(_ cronJob: CronJob, cluster: Cluster) -> String {
    var text = metadataLines(cronJob.metadata)
    text += "Schedule:\t\(cronJob.schedule)\n"
    text += "Concurrency Policy:\t\(cronJob.concurrencyPolicy)\n"
    text += "Suspend:\t\(cronJob.suspend ? "True" : "False")\n"
    text += "Successful Job History Limit:\t\(cronJob.successfulJobsHistoryLimit)\n"
    text += "Failed Job History Limit:\t\(cronJob.failedJobsHistoryLimit)\n"
    text += "Starting Deadline Seconds:\t" + (cronJob.startingDeadlineSeconds.map { "\($0)s" } ?? "<unset>") + "\n"
    // The job template has no selector (the Job controller adds one to each Job it makes).
    text += "Selector:\t<unset>\n"
    text += "Parallelism:\t<unset>\n"
    text += "Completions:\t<unset>\n"
    if let deadline = cronJob.jobTemplate.activeDeadlineSeconds {
      text += "Active Deadline Seconds:\t\(deadline)s\n"
    }
    text += podTemplate(cronJob.jobTemplate.template)
    text += "Last Schedule Time:\t" + (cronJob.status.lastScheduleTime.map(rfc1123) ?? "<unset>") + "\n"
    let active = cronJob.status.active.map(\.name)
    text += "Active Jobs:\t" + (active.isEmpty ? "<none>" : active.joined(separator: ", ")) + "\n"
    return text
  }

  /// The ConfigMap describer (with the blank line after each value that v1.31 added).
  static func describeConfigMap(_ configMap: ConfigMap) -> String {
    var text = metadataLines(configMap.metadata)
    text += "\nData\n====\n"
    for key in configMap.data.keys.sorted() {
      text += "\(key):\n----\n\(configMap.data[key] ?? "")\n\n"
    }
    text += "\nBinaryData\n====\n\n"
    return text
  }

  /// `describeSecret`: sizes, never values (no events section).
  static func describeSecret(_ secret: Secret) -> String {
    var text = metadataLines(secret.metadata)
    text += "\nType:\t\(secret.type)\n"
    text += "\nData\n====\n"
    for key in secret.data.keys.sorted() {
      let bytes = Base64.decode(secret.data[key] ?? "").map { $0.utf8.count } ?? 0
      text += "\(key):\t\(bytes) bytes\n"
    }
    return text
  }

  /// `describeIngressV1`: no ingress controller runs, so the address stays empty.
  static func describeIngress(_ ingress: Ingress, cluster: Cluster) -> String {
    let namespace = ingress.metadata.namespace ?? "default"
    var text = "Name:\t\(ingress.metadata.name)\n"
    text += multiline("Labels", labels(ingress.metadata.labels))
    text += "Namespace:\t\(namespace)\n"
    text += "Address:\t\n"
    text += "Ingress Class:\t\(ingress.className ?? "<none>")\n"
    let defaultBackend =
      ingress.defaultBackend.map { backend(service: $0.service, port: $0.port, namespace: namespace, cluster: cluster) }
      ?? "<default>"
    text += "Default backend:\t\(defaultBackend)\n"
    if !ingress.tls.isEmpty {
      text += "TLS:\n"
      for entry in ingress.tls {
        let hosts = entry.hosts.joined(separator: ",")
        text += entry.secretName.map { "  \($0) terminates \(hosts)\n" } ?? "  SNI routes \(hosts)\n"
      }
    }
    text += "Rules:\n  Host\tPath\tBackends\n  ----\t----\t--------\n"
    for rule in ingress.rules {
      text += "  \(rule.host ?? "*")\t\n"
      for path in rule.paths {
        text +=
          "    \t\(path.path) \t\(backend(service: path.service, port: path.port, namespace: namespace, cluster: cluster))\n"
      }
    }
    if ingress.rules.isEmpty { text += "  *\t*\t\(defaultBackend)\n" }
    text += multiline("Annotations", annotations(ingress.metadata.annotations))
    return text
  }

  /// `describeBackendV1`: `service:port (endpoints)`, or the error of a missing Service.
  static func backend(service name: String, port: Service.Target, namespace: String, cluster: Cluster) -> String {
    let label = "\(name):\(port)"
    guard let service = cluster.services[namespace + "/" + name] else {
      return "\(label) (<error: services \"\(name)\" not found>)"
    }
    var portName = ""
    for servicePort in service.ports {
      switch port {
      case .number(let number) where number == servicePort.port: portName = servicePort.name ?? ""
      case .name(let wanted) where wanted == servicePort.name: portName = servicePort.name ?? ""
      default: continue
      }
    }
    let endpoints = cluster.endpoints[namespace + "/" + name]
    return "\(label) (\(formatEndpointSlices(endpoints, portName: portName)))"
  }
}
