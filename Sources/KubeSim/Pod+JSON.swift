extension Pod {
  /// The pod as `kubectl get pod -o yaml|json` shows it on a v1.32 cluster.
  public var json: JSONValue {
    .object([
      ("apiVersion", .string("v1")), ("kind", .string("Pod")), ("metadata", metadata.json),
      ("spec", spec.json), ("status", status.json(spec: spec)),
    ])
  }
}

extension PodSpec {
  public static let tokenMountPath = "/var/run/secrets/kubernetes.io/serviceaccount"

  /// The spec as the API server serialises it, defaults included.
  public var json: JSONValue {
    var object = JSONObjectBuilder()
    object.set("affinity", affinity.json(requiredNodeName: requiredNodeName))
    object.set("containers", .array(containers.map { $0.json(tokenVolume: tokenVolumeName) }))
    object.set("dnsPolicy", .string(dnsPolicy.text))
    object.set("enableServiceLinks", .bool(true))
    if !ephemeralContainers.isEmpty {
      object.set("ephemeralContainers", .array(ephemeralContainers.map(\.json)))
    }
    if hostIPC { object.set("hostIPC", .bool(true)) }
    if hostNetwork { object.set("hostNetwork", .bool(true)) }
    if hostPID { object.set("hostPID", .bool(true)) }
    if let hostname { object.set("hostname", .string(hostname)) }
    if let nodeName { object.set("nodeName", .string(nodeName)) }
    if !nodeSelector.isEmpty { object.set("nodeSelector", .stringMap(nodeSelector)) }
    object.set("preemptionPolicy", .string(preemptionPolicy ?? "PreemptLowerPriority"))
    object.set("priority", .int(effectivePriority))
    if let priorityClassName { object.set("priorityClassName", .string(priorityClassName)) }
    object.set("restartPolicy", .string(restartPolicy.text))
    object.set("schedulerName", .string("default-scheduler"))
    object.set("securityContext", .object([]))
    if !serviceAccountName.isEmpty {
      object.set("serviceAccount", .string(serviceAccountName))
      object.set("serviceAccountName", .string(serviceAccountName))
    }
    if let subdomain { object.set("subdomain", .string(subdomain)) }
    object.set("terminationGracePeriodSeconds", .int(Int64(terminationGracePeriodSeconds)))
    if !tolerations.isEmpty { object.set("tolerations", .array(tolerations.map(\.json))) }
    if !topologySpreadConstraints.isEmpty {
      object.set("topologySpreadConstraints", .array(topologySpreadConstraints.map(\.json)))
    }
    let allVolumes = volumes.map(\.json) + (tokenVolumeName.map { [Self.tokenVolume($0)] } ?? [])
    if !allVolumes.isEmpty { object.set("volumes", .array(allVolumes)) }
    return object.value
  }

  /// The pod's priority: the admitted ``priority``, or the system classes' value.
  public var effectivePriority: Int64 { priority ?? Self.priority(of: priorityClassName) }

  /// The value the Priority admission plugin gives a pod of `priorityClassName`: the two
  /// built-in system classes, 0 otherwise.
  public static func priority(of priorityClassName: String?) -> Int64 {
    switch priorityClassName {
    case "system-node-critical": return 2_000_001_000
    case "system-cluster-critical": return 2_000_000_000
    default: return 0
    }
  }

  /// The projected service-account token volume the API server adds to every pod.
  static func tokenVolume(_ name: String) -> JSONValue {
    .object([
      ("name", .string(name)),
      (
        "projected",
        .object([
          ("defaultMode", .int(420)),
          (
            "sources",
            .array([
              .object([
                ("serviceAccountToken", .object([("expirationSeconds", .int(3607)), ("path", .string("token"))]))
              ]),
              .object([
                (
                  "configMap",
                  .object([
                    ("items", .array([.object([("key", .string("ca.crt")), ("path", .string("ca.crt"))])])),
                    ("name", .string("kube-root-ca.crt")),
                  ])
                )
              ]),
              .object([
                (
                  "downwardAPI",
                  .object([
                    (
                      "items",
                      .array([
                        .object([
                          (
                            "fieldRef",
                            .object([("apiVersion", .string("v1")), ("fieldPath", .string("metadata.namespace"))])
                          ),
                          ("path", .string("namespace")),
                        ])
                      ])
                    )
                  ])
                )
              ]),
            ])
          ),
        ])
      ),
    ])
  }

  static func tokenMount(_ name: String, recursive: Bool) -> JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("mountPath", .string(tokenMountPath)), ("name", .string(name)), ("readOnly", .bool(true)),
    ]
    if recursive { pairs.append(("recursiveReadOnly", .string("Disabled"))) }
    return .object(pairs)
  }
}

extension Container {
  /// The container as the API server serialises it, defaults included.
  func json(tokenVolume: String?) -> JSONValue {
    var object = JSONObjectBuilder()
    if !args.isEmpty { object.set("args", .array(args.map(JSONValue.string))) }
    if !command.isEmpty { object.set("command", .array(command.map(JSONValue.string))) }
    if !env.isEmpty { object.set("env", .array(env.map(\.json))) }
    if !envFrom.isEmpty { object.set("envFrom", .array(envFrom.map(\.json))) }
    object.set("image", .string(image))
    object.set("imagePullPolicy", .string(imagePullPolicy.text))
    object.set("livenessProbe", livenessProbe?.json)
    object.set("name", .string(name))
    if !ports.isEmpty {
      object.set(
        "ports",
        .array(
          ports.map { port in
            var entry = JSONObjectBuilder()
            entry.set("containerPort", .int(Int64(port.containerPort)))
            if let name = port.name { entry.set("name", .string(name)) }
            entry.set("protocol", .string(port.protocol.text))
            return entry.value
          }))
    }
    object.set("readinessProbe", readinessProbe?.json)
    object.set("resources", resources.json)
    object.set("startupProbe", startupProbe?.json)
    if stdin { object.set("stdin", .bool(true)) }
    if stdinOnce { object.set("stdinOnce", .bool(true)) }
    object.set("terminationMessagePath", .string("/dev/termination-log"))
    object.set("terminationMessagePolicy", .string("File"))
    if tty { object.set("tty", .bool(true)) }
    let mounts =
      volumeMounts.map { $0.json(status: false) }
      + (tokenVolume.map { [PodSpec.tokenMount($0, recursive: false)] } ?? [])
    if !mounts.isEmpty { object.set("volumeMounts", .array(mounts)) }
    return object.value
  }
}

extension EphemeralContainer {
  /// The ephemeral container as the API server serialises it: a container's fields, no token
  /// mount, and `targetContainerName`, in key order.
  var json: JSONValue {
    guard case .object(var pairs) = container.json(tokenVolume: nil) else { return container.json(tokenVolume: nil) }
    if let targetContainerName { pairs.append(("targetContainerName", .string(targetContainerName))) }
    return .object(pairs.sorted { $0.0 < $1.0 })
  }
}

extension Toleration {
  /// The toleration as the API server serialises it.
  public var json: JSONValue {
    var object = JSONObjectBuilder()
    object.set("effect", effect.map { .string($0.text) })
    object.set("key", key.map(JSONValue.string))
    object.set("operator", `operator`.map { .string($0.text) })
    object.set("tolerationSeconds", tolerationSeconds.map { .int(Int64($0)) })
    object.set("value", value.map(JSONValue.string))
    return object.value
  }
}

extension PodStatus {
  /// The status as the API server serialises it.
  func json(spec: PodSpec) -> JSONValue {
    let qosClass = Pod(metadata: ObjectMeta(name: ""), spec: spec).qosClass
    var object = JSONObjectBuilder()
    if !conditions.isEmpty {
      object.set(
        "conditions",
        .array(
          conditions.map { condition in
            var entry = JSONObjectBuilder()
            entry.set("lastProbeTime", .null)
            entry.set("lastTransitionTime", .string(condition.lastTransitionTime.rfc3339))
            entry.set("message", condition.message.map(JSONValue.string))
            entry.set("reason", condition.reason.map(JSONValue.string))
            entry.set("status", .string(condition.status.rawValue))
            entry.set("type", .string(condition.type))
            return entry.value
          }))
    }
    if !containerStatuses.isEmpty {
      object.set(
        "containerStatuses",
        .array(
          containerStatuses.map { status in
            let mounts = spec.containers.first { $0.name == status.name }?.volumeMounts ?? []
            return status.json(tokenVolume: spec.tokenVolumeName, mounts: mounts)
          }))
    }
    if !ephemeralContainerStatuses.isEmpty {
      object.set(
        "ephemeralContainerStatuses",
        .array(ephemeralContainerStatuses.map { $0.json(tokenVolume: nil, mounts: []) }))
    }
    if let hostIP {
      object.set("hostIP", .string(hostIP))
      object.set("hostIPs", .array([.object([("ip", .string(hostIP))])]))
    }
    if let nominatedNodeName { object.set("nominatedNodeName", .string(nominatedNodeName)) }
    object.set("phase", .string(phase.rawValue))
    if let podIP {
      object.set("podIP", .string(podIP))
      object.set("podIPs", .array([.object([("ip", .string(podIP))])]))
    }
    object.set("qosClass", .string(qosClass))
    if let startTime { object.set("startTime", .string(startTime.rfc3339)) }
    return object.value
  }
}

extension ContainerStatus {
  /// The container status as the kubelet reports it.
  func json(tokenVolume: String?, mounts: [VolumeMount]) -> JSONValue {
    var object = JSONObjectBuilder()
    object.set("containerID", containerID.map(JSONValue.string))
    object.set("image", .string(image))
    object.set("imageID", .string(imageID))
    if case .terminated(let exitCode, let reason, let startedAt, let finishedAt)? = lastTerminated {
      var terminated = JSONObjectBuilder()
      terminated.set("containerID", (lastContainerID ?? containerID).map(JSONValue.string))
      terminated.set("exitCode", .int(Int64(exitCode)))
      terminated.set("finishedAt", .string(finishedAt.rfc3339))
      terminated.set("reason", .string(reason))
      terminated.set("startedAt", .string(startedAt.rfc3339))
      object.set("lastState", .object([("terminated", terminated.value)]))
    } else {
      object.set("lastState", .object([]))
    }
    object.set("name", .string(name))
    object.set("ready", .bool(ready))
    object.set("restartCount", .int(Int64(restartCount)))
    object.set("started", .bool(started))
    switch state {
    case .waiting(let reason, let message):
      var waiting = JSONObjectBuilder()
      waiting.set("message", message.map(JSONValue.string))
      waiting.set("reason", .string(reason))
      object.set("state", .object([("waiting", waiting.value)]))
    case .running(let startedAt):
      object.set("state", .object([("running", .object([("startedAt", .string(startedAt.rfc3339))]))]))
    case .terminated(let exitCode, let reason, let startedAt, let finishedAt):
      var terminated = JSONObjectBuilder()
      terminated.set("containerID", containerID.map(JSONValue.string))
      terminated.set("exitCode", .int(Int64(exitCode)))
      terminated.set("finishedAt", .string(finishedAt.rfc3339))
      terminated.set("reason", .string(reason))
      terminated.set("startedAt", .string(startedAt.rfc3339))
      object.set("state", .object([("terminated", terminated.value)]))
    }
    let allMounts =
      mounts.map { $0.json(status: true) } + (tokenVolume.map { [PodSpec.tokenMount($0, recursive: true)] } ?? [])
    if !allMounts.isEmpty { object.set("volumeMounts", .array(allMounts)) }
    return object.value
  }
}
