/// What the simulated Metrics API reports (`kubectl top`, the HPA): a pod's CPU is its share
/// of its workload's `sim load` (1m at rest, the control plane's components a little more);
/// its memory is a fixed working set per image, of the size these images show idle. Nodes add
/// the kubelet's and the container runtime's own use to the pods on them. The figures are the
/// simulator's, like the durations on the simulator page: a real cluster prints the same
/// columns with whatever its processes use.
public enum ResourceUsage {
  /// Idle memory working sets in MiB by image base name (unknown images: 8 MiB).
  static let memoryMiB: [String: Int64] = [
    "nginx": 3, "busybox": 0, "alpine": 0, "httpd": 6, "redis": 3, "hpa-example": 9, "fluent-bit": 12,
    "coredns": 13, "etcd": 32, "kube-apiserver": 210, "kube-controller-manager": 42, "kube-scheduler": 18,
    "kube-proxy": 14,
  ]
  /// Idle CPU in millicores of the control plane's images (everything else: 1m).
  static let idleMillicores: [String: Int] = [
    "etcd": 18, "kube-apiserver": 36, "kube-controller-manager": 12, "kube-scheduler": 3, "coredns": 2,
  ]
  /// What the kubelet and containerd use on every node.
  static let nodeOverhead = (millicores: 40, mebibytes: Int64(450))

  /// A running pod's usage: CPU in millicores, memory in bytes; nil for a pod with no metrics
  /// (not running).
  public static func pod(_ pod: Pod, cluster: Cluster) -> (millicores: Int, bytes: Int64)? {
    guard pod.status.phase == .running, pod.metadata.deletionTimestamp == nil else { return nil }
    var cpu = 0
    var memory: Int64 = 0
    let load = cluster.cpuUsage(of: pod)
    for container in pod.spec.containers {
      let base = ImageReference(container.image).baseName
      memory += (memoryMiB[base] ?? 8) * 1024 * 1024
      cpu += idleMillicores[base] ?? 0
    }
    return (max(cpu, load), memory)
  }

  /// A running pod's usage per container, summing to ``pod(_:cluster:)``: each container's idle
  /// use, and the workload's extra load (`sim load`) shared evenly, the remainder going to the
  /// first containers. The split is the simulator's own; a real cluster measures each container.
  public static func containers(_ pod: Pod, cluster: Cluster) -> [(name: String, millicores: Int, bytes: Int64)]? {
    guard let total = Self.pod(pod, cluster: cluster), !pod.spec.containers.isEmpty else { return nil }
    var usage = pod.spec.containers.map { container in
      let base = ImageReference(container.image).baseName
      return (name: container.name, millicores: idleMillicores[base] ?? 0, bytes: (memoryMiB[base] ?? 8) * 1024 * 1024)
    }
    let surplus = total.millicores - usage.reduce(0) { $0 + $1.millicores }
    if surplus > 0 {
      for index in usage.indices {
        usage[index].millicores += surplus / usage.count + (index < surplus % usage.count ? 1 : 0)
      }
    }
    return usage
  }

  /// A ready node's usage: its pods plus the node's own processes; nil while it is not ready.
  public static func node(_ node: Node, cluster: Cluster) -> (millicores: Int, bytes: Int64)? {
    guard node.status.ready == .true else { return nil }
    var cpu = nodeOverhead.millicores
    var memory = nodeOverhead.mebibytes * 1024 * 1024
    for pod in cluster.pods.values where pod.spec.nodeName == node.metadata.name {
      guard let usage = Self.pod(pod, cluster: cluster) else { continue }
      cpu = cpu.saturatingAdd(usage.millicores)
      memory = memory.saturatingAdd(usage.bytes)
    }
    return (cpu, memory)
  }
}
