import KubeSim

extension DescribeCommand {
  /// `describeNode` and `describeNodeResource` (`staging/src/k8s.io/kubectl/pkg/describe/describe.go`,
  /// v1.32: no ResourceSlices section, no Kube-Proxy Version line).
  static func describeNode(_ node: Node, cluster: Cluster) -> String {
    let name = node.metadata.name
    let roles = node.roles
    var text = "Name:\t\(name)\n"
    text += "Roles:\t\(roles.isEmpty ? "<none>" : roles.joined(separator: ","))\n"
    text += multiline("Labels", labels(node.metadata.labels))
    text += multiline("Annotations", annotations(node.metadata.annotations))
    text += "CreationTimestamp:\t\(rfc1123(node.metadata.creationTimestamp))\n"
    // printNodeTaintsMultiline: `key=value:effect`, sorted by that text.
    let taints = node.spec.taints.map { taint in
      taint.key + (taint.value.map { "=" + $0 } ?? "") + ":" + taint.effect.rawValue
    }.sorted()
    text += multiline("Taints", taints)
    text += "Unschedulable:\t\(node.spec.unschedulable)\n"
    text += "Lease:\n"
    text += "  HolderIdentity:\t\(name)\n"
    text += "  AcquireTime:\t<unset>\n"
    text += "  RenewTime:\t\(rfc1123(node.leaseRenewTime(now: cluster.now)))\n"
    text += "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n"
    text += "  ----\t------\t-----------------\t------------------\t------\t-------\n"
    for condition in node.conditions(now: cluster.now) {
      text +=
        "  \(condition.type) \t\(condition.status) \t\(rfc1123(condition.lastHeartbeatTime)) \t"
        + "\(rfc1123(condition.lastTransitionTime)) \t\(condition.reason) \t\(condition.message)\n"
    }
    text += "Addresses:\n  InternalIP:\t\(node.status.internalIP)\n  Hostname:\t\(name)\n"
    for title in ["Capacity", "Allocatable"] {
      text += "\(title):\n"
      for (resource, quantity) in node.capacity { text += "  \(resource):\t\(quantity)\n" }
    }
    text += "System Info:\n"
    let bootID = node.metadata.uid
    text += "  Machine ID:\t\(bootID.filter { $0 != "-" })\n"
    text += "  System UUID:\t\(bootID)\n"
    text += "  Boot ID:\t\(bootID)\n"
    text += "  Kernel Version:\t\(node.status.kernelVersion)\n"
    text += "  OS Image:\t\(node.status.osImage)\n"
    text += "  Operating System:\tlinux\n"
    text += "  Architecture:\tamd64\n"
    text += "  Container Runtime Version:\t\(node.status.containerRuntimeVersion)\n"
    text += "  Kubelet Version:\t\(node.status.kubeletVersion)\n"
    text += "PodCIDR:\t\(node.spec.podCIDR)\n"
    text += "PodCIDRs:\t\(node.spec.podCIDR)\n"
    text += "ProviderID:\tkind://docker/kind/\(name)\n"
    text += nodeResources(node, cluster: cluster)
    return text
  }

  /// `describeNodeResource`: the node's non-terminated pods with their requests and limits as
  /// a share of what the node can allocate, then the totals.
  static func nodeResources(_ node: Node, cluster: Cluster) -> String {
    let pods = cluster.listPods(onNode: node.metadata.name).filter {
      !$0.status.phase.isTerminal
    }
    let cpu = Int64(node.status.cpuMillis)
    let memory = node.status.memoryBytes
    /// `%s (%d%%)`: the quantity and its share, truncated like Go's int64(float64).
    func share(_ resource: String, _ value: Int64, of total: Int64) -> String {
      let percent = total == 0 ? 0 : Int64.clamping(Double(value) / Double(total) * 100) ?? 0
      return "\(ResourceRequirements.format(resource, value)) (\(percent)%)"
    }
    func limit(_ pod: Pod, _ resource: String) -> Int64 {
      pod.spec.containers.reduce(0) { $0.saturatingAdd($1.resources.limits[resource] ?? 0) }
    }
    var text = "Non-terminated Pods:\t(\(pods.count) in total)\n"
    text += "  Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n"
    text += "  ---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n"
    var totals = (cpuRequests: Int64(0), cpuLimits: Int64(0), memoryRequests: Int64(0), memoryLimits: Int64(0))
    for pod in pods {
      let requests = (pod.requested("cpu"), pod.requested("memory"))
      let limits = (limit(pod, "cpu"), limit(pod, "memory"))
      totals.cpuRequests = totals.cpuRequests.saturatingAdd(requests.0)
      totals.memoryRequests = totals.memoryRequests.saturatingAdd(requests.1)
      totals.cpuLimits = totals.cpuLimits.saturatingAdd(limits.0)
      totals.memoryLimits = totals.memoryLimits.saturatingAdd(limits.1)
      let age = HumanDuration.format(
        milliseconds: cluster.now.milliseconds - pod.metadata.creationTimestamp.milliseconds)
      text +=
        "  \(pod.metadata.namespace ?? "default")\t\(pod.metadata.name)\t\t\(share("cpu", requests.0, of: cpu))\t"
        + "\(share("cpu", limits.0, of: cpu))\t\(share("memory", requests.1, of: memory))\t"
        + "\(share("memory", limits.1, of: memory))\t\(age)\n"
    }
    text += "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n"
    text += "  Resource\tRequests\tLimits\n  --------\t--------\t------\n"
    text += "  cpu\t\(share("cpu", totals.cpuRequests, of: cpu))\t\(share("cpu", totals.cpuLimits, of: cpu))\n"
    text +=
      "  memory\t\(share("memory", totals.memoryRequests, of: memory))\t"
      + "\(share("memory", totals.memoryLimits, of: memory))\n"
    for resource in ["ephemeral-storage", "hugepages-1Gi", "hugepages-2Mi"] {
      text += "  \(resource)\t0 (0%)\t0 (0%)\n"
    }
    return text
  }
}
