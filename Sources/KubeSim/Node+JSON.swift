extension Node {
  /// The node as `kubectl get node -o yaml|json` shows it.
  public var json: JSONValue {
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
            entry.set("effect", .string(taint.effect))
            entry.set("key", .string(taint.key))
            entry.set("value", taint.value.map(JSONValue.string))
            return entry.value
          }))
    }
    if self.spec.unschedulable { spec.set("unschedulable", .bool(true)) }
    let memoryKi = "\(status.memoryBytes / 1024)Ki"
    let resources: JSONValue = .object([
      ("cpu", .string("\(status.cpuMillis / 1000)")), ("ephemeral-storage", .string("102626232Ki")),
      ("hugepages-1Gi", .string("0")), ("hugepages-2Mi", .string("0")),
      ("memory", .string(memoryKi)), ("pods", .string("\(status.maxPods)")),
    ])
    let heartbeat = JSONValue.string(metadata.creationTimestamp.rfc3339)
    func condition(_ type: String, _ value: String, _ reason: String, _ message: String) -> JSONValue {
      .object([
        ("lastHeartbeatTime", heartbeat), ("lastTransitionTime", heartbeat),
        ("message", .string(message)), ("reason", .string(reason)), ("status", .string(value)),
        ("type", .string(type)),
      ])
    }
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
        .array([
          condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
          condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
          condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
          status.ready == "True"
            ? condition("Ready", "True", "KubeletReady", "kubelet is posting ready status")
            : condition("Ready", "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status."),
        ])
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
    var meta = metadata.json
    if case .object(var pairs) = meta {
      pairs.insert(
        (
          "annotations",
          .stringMap([
            "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///run/containerd/containerd.sock",
            "node.alpha.kubernetes.io/ttl": "0",
            "volumes.kubernetes.io/controller-managed-attach-detach": "true",
          ])
        ), at: 0)
      meta = .object(pairs)
    }
    return .object([
      ("apiVersion", .string("v1")), ("kind", .string("Node")), ("metadata", meta),
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
      ("status", .object([("phase", .string(phase))])),
    ])
  }
}
