extension Node {
  /// The annotations kubeadm and the kubelet put on every node.
  public static let systemAnnotations = [
    "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///run/containerd/containerd.sock",
    "node.alpha.kubernetes.io/ttl": "0",
    "volumes.kubernetes.io/controller-managed-attach-detach": "true",
  ]

  /// The capacity (and allocatable) the kubelet reports, as quantity strings by resource.
  public var capacity: [(String, String)] {
    [
      ("cpu", ResourceRequirements.format("cpu", Int64(status.cpuMillis))), ("ephemeral-storage", "102626232Ki"),
      ("hugepages-1Gi", "0"), ("hugepages-2Mi", "0"), ("memory", "\(status.memoryBytes / 1024)Ki"),
      ("pods", "\(status.maxPods)"),
    ]
  }

  /// The node as `kubectl get node -o yaml|json` shows it at `now`.
  public func json(now: Timestamp) -> JSONValue {
    var spec = JSONObjectBuilder()
    spec.set("podCIDR", .string(self.spec.podCIDR))
    spec.set("podCIDRs", .array([.string(self.spec.podCIDR)]))
    spec.set("providerID", .string("kind://docker/kind/\(metadata.name)"))
    if !self.spec.taints.isEmpty {
      spec.set(
        "taints",
        .array(
          self.spec.taints.map { taint in
            var entry = JSONObjectBuilder()
            entry.set("effect", .string(taint.effect.rawValue))
            entry.set("key", .string(taint.key))
            entry.set("value", taint.value.map(JSONValue.string))
            return entry.value
          }))
    }
    if self.spec.unschedulable { spec.set("unschedulable", .bool(true)) }
    let resources: JSONValue = .object(capacity.map { ($0.0, .string($0.1)) })
    let statusValue: JSONValue = .object([
      (
        "addresses",
        .array([
          .object([("address", .string(status.internalIP)), ("type", .string("InternalIP"))]),
          .object([("address", .string(metadata.name)), ("type", .string("Hostname"))]),
        ])
      ),
      ("allocatable", resources),
      ("capacity", resources),
      (
        "conditions",
        .array(
          conditions(now: now).map { condition in
            .object([
              ("lastHeartbeatTime", .string(condition.lastHeartbeatTime.rfc3339)),
              ("lastTransitionTime", .string(condition.lastTransitionTime.rfc3339)),
              ("message", .string(condition.message)), ("reason", .string(condition.reason)),
              ("status", .string(condition.status.rawValue)), ("type", .string(condition.type)),
            ])
          })
      ),
      ("daemonEndpoints", .object([("kubeletEndpoint", .object([("Port", .int(10250))]))])),
      (
        "nodeInfo",
        .object([
          ("architecture", .string("amd64")), ("bootID", .string(metadata.uid)),
          ("containerRuntimeVersion", .string(status.containerRuntimeVersion)),
          ("kernelVersion", .string(status.kernelVersion)),
          ("kubeProxyVersion", .string(status.kubeletVersion)),
          ("kubeletVersion", .string(status.kubeletVersion)),
          ("machineID", .string(String(metadata.uid.filter { $0 != "-" }))),
          ("operatingSystem", .string("linux")), ("osImage", .string(status.osImage)),
          ("systemUUID", .string(metadata.uid)),
        ])
      ),
    ])
    return .object([
      ("apiVersion", .string("v1")), ("kind", .string("Node")), ("metadata", metadata.json),
      ("spec", spec.value), ("status", statusValue),
    ])
  }
}

extension Namespace {
  /// The namespace as `kubectl get ns -o yaml|json` shows it.
  public var json: JSONValue {
    .object([
      ("apiVersion", .string("v1")), ("kind", .string("Namespace")), ("metadata", metadata.json),
      ("spec", .object([("finalizers", .array([.string("kubernetes")]))])),
      ("status", .object([("phase", .string(phase.rawValue))])),
    ])
  }
}
