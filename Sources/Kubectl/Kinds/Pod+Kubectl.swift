import KubeSim

/// What kubectl knows about a Pod.
extension Pod: KubectlResource {
  /// `pkg/apis/core/v1/conversion.go` (the Pod conversion, `spec.host` renamed to
  /// `spec.nodeName`) and `pkg/registry/core/pod/strategy.go` `ToSelectableFields`, which
  /// leaves out `status.podIPs`: the conversion accepts it and every pod reads it as empty.
  static var selectableFields: SelectableFields<Pod> {
    .core(
      SelectableFields.objectMetaFields + [
        .init(label: "spec.nodeName", value: { $0.spec.nodeName ?? "" }),
        .init(label: "spec.restartPolicy", value: { $0.spec.restartPolicy.text }),
        .init(label: "spec.schedulerName", value: { _ in "default-scheduler" }),
        .init(label: "spec.serviceAccountName", value: { $0.spec.serviceAccountName }),
        .init(label: "spec.hostNetwork", value: { $0.spec.hostNetwork ? "true" : "false" }),
        .init(label: "status.phase", value: { $0.status.phase.rawValue }),
        .init(label: "status.podIP", value: { $0.status.podIP ?? "" }),
        .init(label: "status.podIPs", value: { _ in "" }),
        .init(label: "status.nominatedNodeName", value: { $0.status.nominatedNodeName ?? "" }),
      ], aliases: ["spec.host": "spec.nodeName"])
  }

  static let columns: [Table.Column] = [
    .objectName,
    .init(name: "Ready", description: "The aggregate readiness state of this pod for accepting traffic."),
    .init(name: "Status", description: "The aggregate status of the containers in this pod."),
    .init(
      name: "Restarts",
      description:
        "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."
    ),
    .age,
    .init(
      name: "IP", wide: true,
      description:
        "podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated."),
    .init(
      name: "Node", wide: true,
      description:
        "NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename"
    ),
    .init(
      name: "Nominated Node", wide: true,
      description:
        "nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled."
    ),
    .init(
      name: "Readiness Gates", wide: true,
      description:
        "If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to \"True\" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates"
    ),
  ]

  /// One `kubectl get pods` row (printPod).
  func row(now: Timestamp) -> [String] {
    let pod = self
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
      restartsCell += " (\(TablePrinters.age(lastFinished, now: now)) ago)"
    }
    return [
      pod.metadata.name, "\(ready)/\(total)", reason, restartsCell,
      TablePrinters.age(pod.metadata.creationTimestamp, now: now),
      pod.status.podIP ?? "<none>", pod.spec.nodeName ?? "<none>", pod.status.nominatedNodeName ?? "<none>", "<none>",
    ]
  }

  static var describer: Describer<Pod>? { Describer { DescribeCommand.describePod($0, cluster: $1) } }

  static var manifest: ManifestHandler<Pod>? {
    ManifestHandler(
      decode: { $0.decode($1) },
      create: { object, cluster throws(APIError) in try cluster.createPod(object) },
      update: { live, pod, _, context throws(KubectlError) in
        if live.metadata.annotations == pod.metadata.annotations && live.metadata.labels == pod.metadata.labels
          && live.spec.containers == pod.spec.containers
        {
          return "unchanged"
        }
        return try ApplyCommand.update(live, to: pod, context: &context)
      })
  }

  static var patchSchema: PatchSchema { .pod }

  static var deleter: Deleter<Pod>? {

    Deleter { name, namespace, options, cluster throws(APIError) in
      let grace = options.force ? 0 : options.gracePeriod
      let uid = try cluster.deletePod(name, namespace: namespace, gracePeriod: grace).metadata.uid
      // kubectl waits for that uid to be gone (a mirror pod comes back under the same name
      // with a new uid at once).
      return Deletion(
        verb: options.force && options.gracePeriod == 0 ? "force deleted" : "deleted",
        isGone: { $0.pod(name, namespace: namespace)?.metadata.uid != uid })
    }
  }
}

/// How the API server reads a manifest of the kind.
extension ManifestDecoder {
  /// Decodes a Pod manifest.
  mutating func decode(_ value: JSONValue) -> Pod {
    let metadata = decodeMetadata(value["metadata"], path: "metadata")
    check(value, path: "", known: ["apiVersion", "kind", "metadata", "spec", "status"])
    return Pod(metadata: metadata, spec: decodePodSpec(value["spec"] ?? .object([]), path: "spec"))
  }
}

/// Where `kubectl set env|resources` finds a Pod's pod spec, and what its Go type writes.
extension Pod: PodSpecHolder {
  static var podSpecPath: [String] { ["spec"] }
  static var typedFields: [(path: [String], value: JSONValue)] {
    [(["metadata", "creationTimestamp"], .null), (["status"], .object([]))]
  }
}
