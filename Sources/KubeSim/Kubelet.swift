/// The kubelets of all nodes: plan each newly bound pod's start, publish its status as time
/// passes, record its events, and remove pods whose termination grace period has ended.
///
/// The value holds the kubelets' own state (``Cluster/kubelet``); its steps are static and take
/// the whole cluster, whose store they read and write.
struct Kubelet: ControlLoop {
  /// Pods the kubelet must look at in the next round, by key (the store adds every bound pod it
  /// writes).
  var pending: Set<String> = []
  /// When the kubelet must look at a pod again, by key.
  var timers = DeadlineQueue<String>()
  /// The kubelet's private plan for each pod, by pod uid.
  var runtimes: [String: PodRuntime] = [:]
  /// When each image became (or becomes) present on each node, by `node|image`.
  var imageReadyAt: [String: Timestamp] = [:]
  /// The next free host number in each node's pod CIDR.
  var nextPodHost: [String: Int] = [:]

  static func reconcile(_ cluster: inout Cluster) {
    var keys = cluster.kubelet.pending
    cluster.kubelet.pending = []
    keys.formUnion(cluster.kubelet.timers.popDue(cluster.now))
    for key in keys.sorted() {
      guard let pod = cluster.pods[key], let nodeName = pod.spec.nodeName else { continue }
      // A kubelet that stopped reporting changes nothing until its node recovers.
      if cluster.nodes[nodeName]?.status.reporting == false { continue }
      if pod.metadata.deletionTimestamp != nil, pod.metadata.annotations[mirrorAnnotation] != nil {
        replaceMirrorPod(pod, cluster: &cluster)
        continue
      }
      if let gracefulDeadline = pod.metadata.deletionTimestamp {
        let deadline = removalTime(of: pod, gracefulDeadline: gracefulDeadline)
        if deadline <= cluster.now {
          // The containers have exited: the pod reaches a terminal phase, then is removed.
          if !cluster.watchedKinds.isEmpty, let runtime = cluster.kubelet.runtimes[pod.metadata.uid] {
            var finished = pod
            finished.status.phase = .succeeded
            finished.status.containerStatuses = finished.status.containerStatuses.enumerated().map { index, status in
              var status = status
              let started = index < runtime.containers.count ? runtime.containers[index].started : runtime.bound
              if status.started {
                status.state = .terminated(exitCode: 0, reason: "Completed", startedAt: started, finishedAt: deadline)
              }
              status.ready = false
              status.started = false
              return status
            }
            cluster.update(finished)
          }
          cluster.removePod(key)
          continue
        }
        cluster.kubelet.timers.schedule(key, at: deadline)
      }
      var runtime: PodRuntime
      if let existing = cluster.kubelet.runtimes[pod.metadata.uid] {
        runtime = existing
        if runtime.mountError != nil {
          if ContainerConfig.missingVolume(of: pod, cluster: cluster) == nil {
            runtime = plan(pod, on: nodeName, cluster: &cluster)
          } else if let retry = runtime.mountRetryAt, retry <= cluster.now {
            runtime.mountRetryAt = cluster.now.adding(milliseconds: KubeletTimings.syncRetryMilliseconds)
          }
        } else if runtime.containers.contains(where: { $0.configError != nil }) {
          retryConfig(&runtime, pod: pod, cluster: &cluster)
        }
      } else {
        runtime = plan(pod, on: nodeName, cluster: &cluster)
      }
      if runtime.ephemeral.count < pod.spec.ephemeralContainers.count {
        planEphemeral(&runtime, pod: pod, cluster: &cluster)
      }
      let namespace = pod.metadata.namespace ?? "default"
      while runtime.recordedEvents < runtime.events.count,
        runtime.events[runtime.recordedEvents].time <= cluster.now
      {
        let planned = runtime.events[runtime.recordedEvents]
        cluster.record(
          Event(
            namespace: namespace, involvedKind: "Pod", involvedName: pod.metadata.name,
            type: planned.type, reason: planned.reason, message: planned.message, source: "kubelet",
            at: planned.time))
        runtime.recordedEvents += 1
      }
      advanceRuns(&runtime, pod: pod, cluster: &cluster)
      recordPullFailures(&runtime, pod: pod, cluster: &cluster)
      if pod.spec.containers.contains(where: \.hasProbes) {
        // Exec probes see the container's files now: the current runs must be known.
        cluster.kubelet.runtimes[pod.metadata.uid] = runtime
        Prober.probe(&runtime, pod: pod, cluster: &cluster)
        flushDynamicEvents(&runtime, pod: pod, cluster: &cluster)
      }
      if let next = runtime.nextMilestone(after: cluster.now) {
        cluster.kubelet.timers.schedule(key, at: next)
      }
      cluster.kubelet.runtimes[pod.metadata.uid] = runtime
      let status = status(of: pod, runtime: runtime, at: cluster.now)
      if status != pod.status {
        var updated = pod
        updated.status = status
        cluster.update(updated)
        cluster.kubelet.pending.remove(key)
      }
    }
  }

  /// Containers blocked by a missing ConfigMap or Secret: at each retry the kubelet finds the
  /// image present and builds the configuration again; it fails the same way (both events
  /// recorded again) until the ConfigMap or Secret exists, then the container starts.
  static func retryConfig(_ runtime: inout PodRuntime, pod: Pod, cluster: inout Cluster) {
    for index in runtime.containers.indices {
      let container = pod.spec.containers[index]
      var plan = runtime.containers[index]
      var attempts = 0
      while plan.configError != nil, let at = plan.configRetryAt, at <= cluster.now, attempts < 1000 {
        attempts += 1
        let image = Validation.quote(container.image)
        runtime.dynamicEvents.append(
          .init(time: at, reason: "Pulled", message: "Container image \(image) already present on machine"))
        switch ContainerConfig.environment(of: container, in: pod, cluster: cluster) {
        case .failure(let error):
          runtime.dynamicEvents.append(
            .init(time: at, type: .warning, reason: "Failed", message: "Error: \(error.message)"))
          plan.configError = error.message
          plan.configRetryAt = at.adding(milliseconds: KubeletTimings.syncRetryMilliseconds)
        case .success(let environment):
          let started = at.adding(milliseconds: KubeletTimings.startMilliseconds)
          plan.configError = nil
          plan.configRetryAt = nil
          plan.environment = environment
          plan.started = started
          plan.runStart = started
          plan.runEnd = plan.behavior.exitsAfter.map { started.adding(milliseconds: $0) }
          // Created and Started are recorded when their time comes, in order with the rest.
          for event in [
            PodRuntime.PlannedEvent(time: started, reason: "Created", message: "Created container: \(container.name)"),
            PodRuntime.PlannedEvent(time: started, reason: "Started", message: "Started container \(container.name)"),
          ] {
            let position =
              runtime.events[runtime.recordedEvents...].firstIndex { $0.time > event.time } ?? runtime.events.endIndex
            runtime.events.insert(event, at: position)
          }
        }
      }
      runtime.containers[index] = plan
    }
  }

  /// The annotation that marks a mirror pod: the API server's copy of a static pod.
  static let mirrorAnnotation = "kubernetes.io/config.mirror"

  /// A deleted mirror pod: the static pod it mirrors keeps running (only the kubelet's
  /// manifest file controls it), so the kubelet removes the deleted copy at once and posts a
  /// new one: same name and spec, a new uid, created now.
  static func replaceMirrorPod(_ pod: Pod, cluster: inout Cluster) {
    let key = Cluster.key(pod.metadata)
    let runtime = cluster.kubelet.runtimes[pod.metadata.uid]
    cluster.removePod(key)
    var mirror = pod
    mirror.metadata.deletionTimestamp = nil
    mirror.metadata.deletionGracePeriodSeconds = nil
    mirror.metadata.creationTimestamp = cluster.now
    cluster.stampAside(&mirror.metadata, stream: "mirror:" + cluster.now.rfc3339)
    if let runtime { cluster.kubelet.runtimes[mirror.metadata.uid] = runtime }
    if let runtime { mirror.status = status(of: mirror, runtime: runtime, at: cluster.now) }
    cluster.storePod(mirror)
  }

  /// Fixes the milestones of a pod that has just been bound to `nodeName`.
  static func plan(_ pod: Pod, on nodeName: String, cluster: inout Cluster) -> PodRuntime {
    let now = cluster.now
    let sandbox = now.adding(milliseconds: KubeletTimings.sandboxMilliseconds)
    let podIP: String
    if pod.spec.hostNetwork {
      podIP = cluster.nodes[nodeName]?.status.internalIP ?? ""
    } else {
      let host = cluster.kubelet.nextPodHost[nodeName, default: 2]
      cluster.kubelet.nextPodHost[nodeName] = host + 1
      let cidr = cluster.nodes[nodeName]?.spec.podCIDR ?? "10.244.0.0/24"
      let prefix = cidr.split(separator: ".").prefix(3).joined(separator: ".")
      podIP = "\(prefix).\(host % 254 == 0 ? 254 : host % 254)"
    }
    var events: [PodRuntime.PlannedEvent] = []
    var containers: [PodRuntime.ContainerPlan] = []
    var cursor = sandbox
    if let (volume, message) = ContainerConfig.missingVolume(of: pod, cluster: cluster) {
      // The volume cannot be set up: no sandbox, no IP, every container waiting.
      let never = Timestamp(milliseconds: Int64.max / 2)
      let waiting = PodRuntime.ContainerPlan(
        pullStart: never, pullDone: never, started: never, containerID: "", imageID: "", runStart: never)
      var runtime = PodRuntime(
        node: nodeName, hostIP: cluster.nodes[nodeName]?.status.internalIP ?? "", bound: now, sandboxReady: never,
        podIP: "", containers: Array(repeating: waiting, count: pod.spec.containers.count),
        events: [
          .init(
            time: now, type: .warning, reason: "FailedMount",
            message: "MountVolume.SetUp failed for volume \"\(volume)\" : \(message)")
        ])
      runtime.mountError = message
      runtime.mountRetryAt = now.adding(milliseconds: KubeletTimings.syncRetryMilliseconds)
      return runtime
    }
    for container in pod.spec.containers {
      let key = nodeName + "|" + container.image
      let pullStart = cursor
      var pullDone = cursor
      let quotedImage = goQuote(container.image)
      if let readyAt = cluster.kubelet.imageReadyAt[key] {
        if container.imagePullPolicy.value == .always {
          pullDone = max(readyAt, cursor).adding(milliseconds: KubeletTimings.repeatPullMilliseconds)
          events.append(.init(time: pullStart, reason: "Pulling", message: "Pulling image \(quotedImage)"))
          let took = goDuration(pullDone.milliseconds - pullStart.milliseconds)
          events.append(
            .init(
              time: pullDone, reason: "Pulled",
              message:
                "Successfully pulled image \(quotedImage) in \(took) (\(took) including waiting). Image size: \(ImageCatalog.size(of: container.image)) bytes."
            ))
        } else if readyAt > cursor {
          // Another pod is pulling the image right now: this pull waits for it (the kubelet
          // pulls one image at a time), then finds the layers present.
          pullDone = readyAt
          events.append(.init(time: pullStart, reason: "Pulling", message: "Pulling image \(quotedImage)"))
          let waited = goDuration(pullDone.milliseconds - pullStart.milliseconds)
          let took = goDuration(
            min(pullDone.milliseconds - pullStart.milliseconds, KubeletTimings.layersPresentMilliseconds))
          events.append(
            .init(
              time: pullDone, reason: "Pulled",
              message:
                "Successfully pulled image \(quotedImage) in \(took) (\(waited) including waiting). Image size: \(ImageCatalog.size(of: container.image)) bytes."
            ))
        } else {
          pullDone = cursor
          events.append(
            .init(
              time: pullDone, reason: "Pulled",
              message: "Container image \(quotedImage) already present on machine"))
        }
      } else {
        pullDone = cursor.adding(milliseconds: KubeletTimings.firstPullMilliseconds)
        cluster.kubelet.imageReadyAt[key] = pullDone
        events.append(.init(time: pullStart, reason: "Pulling", message: "Pulling image \(quotedImage)"))
        let took = goDuration(pullDone.milliseconds - pullStart.milliseconds)
        events.append(
          .init(
            time: pullDone, reason: "Pulled",
            message:
              "Successfully pulled image \(quotedImage) in \(took) (\(took) including waiting). Image size: \(ImageCatalog.size(of: container.image)) bytes."
          ))
      }
      let jitter = Int64(cluster.names.below(KubeletTimings.startJitterSteps)) * 1000
      var started = pullDone.adding(milliseconds: KubeletTimings.startMilliseconds + jitter)
      var configError: String?
      var environment: [(String, String)] = []
      switch ContainerConfig.environment(of: container, in: pod, cluster: cluster) {
      case .success(let values): environment = values
      case .failure(let error): configError = error.message
      }
      if let configError {
        // The image is pulled, then building the container's configuration fails.
        events.append(.init(time: pullDone, type: .warning, reason: "Failed", message: "Error: \(configError)"))
        started = Timestamp(milliseconds: Int64.max / 2)
      } else {
        events.append(.init(time: started, reason: "Created", message: "Created container: \(container.name)"))
        events.append(.init(time: started, reason: "Started", message: "Started container \(container.name)"))
      }
      let behavior = ContainerBehavior.of(container)
      var plan = PodRuntime.ContainerPlan(
        pullStart: pullStart, pullDone: pullDone, started: started,
        containerID: "containerd://" + cluster.names.hex(bytes: 32),
        imageID: ImageCatalog.imageID(of: container.image), runStart: started)
      plan.behavior = behavior
      plan.configError = configError
      plan.configRetryAt =
        configError == nil ? nil : pullDone.adding(milliseconds: KubeletTimings.syncRetryMilliseconds)
      plan.environment = environment
      plan.readinessDelay = Int64(container.readinessProbe?.initialDelaySeconds ?? 0).saturatingMultiply(1000)
      plan.runEnd = behavior.exitsAfter.map { started.adding(milliseconds: $0) }
      plan.exit = (behavior.exitCode, behavior.exitCode == 0 ? "Completed" : "Error")
      if cluster.pullFailure(of: container.image) != nil {
        plan.imageMissing = true
        // The pull never succeeds: drop the planned Pulled/Created/Started events.
        events.removeAll { $0.time >= pullStart && $0.reason != "Pulling" && $0.message.contains(quotedImage) }
        events.removeAll { ($0.reason == "Created" || $0.reason == "Started") && $0.time >= pullStart }
        events.removeAll { $0.reason == "Pulling" && $0.time >= pullStart }
        containers.append(plan)
        break
      }
      containers.append(plan)
      cursor = configError == nil ? started : pullDone
    }
    while containers.count < pod.spec.containers.count {
      var waiting = containers.last!
      waiting.imageMissing = false
      waiting.started = Timestamp(milliseconds: Int64.max / 2)
      waiting.runStart = waiting.started
      waiting.runEnd = nil
      containers.append(waiting)
    }
    return PodRuntime(
      node: nodeName, hostIP: cluster.nodes[nodeName]?.status.internalIP ?? "", bound: now, sandboxReady: sandbox,
      podIP: podIP, containers: containers,
      events: events)
  }

  /// The status the kubelet reports for `pod` at `now`, given its plan.
  static func status(of pod: Pod, runtime: PodRuntime, at now: Timestamp) -> PodStatus {
    var status = pod.status
    status.hostIP = runtime.hostIP
    status.startTime = runtime.bound
    let sandboxUp = runtime.sandboxReady <= now
    status.podIP = sandboxUp ? runtime.podIP : nil
    var statuses: [ContainerStatus] = []
    var allRunning = true
    var probing = false
    var finished: [Int] = []
    var lastStart = runtime.bound
    for (index, container) in pod.spec.containers.enumerated() {
      let plan = runtime.containers[index]
      var containerStatus = ContainerStatus(
        name: container.name, image: container.image,
        state: .waiting(reason: "ContainerCreating", message: nil))
      containerStatus.restartCount = plan.restartCount
      if let last = plan.lastTermination {
        containerStatus.lastTerminated = .terminated(
          exitCode: last.exitCode, reason: last.reason, startedAt: last.started, finishedAt: last.finished)
        containerStatus.lastContainerID = plan.previousContainerID
      }
      if let configError = plan.configError {
        if plan.pullDone <= now {
          containerStatus.state = .waiting(reason: "CreateContainerConfigError", message: configError)
        }
        allRunning = false
        statuses.append(containerStatus)
        continue
      }
      if plan.imageMissing {
        if let reason = ImagePullBackOff.reason(at: now, pullStart: plan.pullStart) {
          let failure = ImageRegistry.failure(pulling: container.image) ?? .notFound
          let message =
            reason == "ErrImagePull"
            ? ImageRegistry.pullError(failure, image: container.image)
            : "Back-off pulling image \"\(container.image)\""
          containerStatus.state = .waiting(reason: reason, message: message)
        }
        allRunning = false
        statuses.append(containerStatus)
        continue
      }
      if plan.started <= now {
        containerStatus.containerID = plan.containerID
        containerStatus.imageID = plan.imageID
        containerStatus.image = ImageReference(plan.imageRestart?.oldImage ?? container.image).normalized
        if plan.ended, let last = plan.lastTermination {
          if let restart = plan.restartAt,
            restart.milliseconds - last.finished.milliseconds > KubeletTimings.startMilliseconds
          {
            let backOff = HumanBackOff.text(
              restart.milliseconds - last.finished.milliseconds - KubeletTimings.startMilliseconds)
            containerStatus.state = .waiting(
              reason: "CrashLoopBackOff",
              message:
                "back-off \(backOff) restarting failed container=\(container.name) pod=\(pod.metadata.name)_\(pod.metadata.namespace ?? "default")(\(pod.metadata.uid))"
            )
          } else {
            containerStatus.state = .terminated(
              exitCode: last.exitCode, reason: last.reason, startedAt: last.started, finishedAt: last.finished)
            containerStatus.lastTerminated = plan.restartCount > 0 ? containerStatus.lastTerminated : nil
          }
          if plan.restartAt == nil {
            containerStatus.lastTerminated = nil
            finished.append(last.exitCode)
          }
          allRunning = false
        } else {
          containerStatus.state = .running(startedAt: plan.runStart)
          // Ready while the readiness probe passes (``Prober``); not ready once deletion starts.
          let current = { (kind: Prober.Kind) in plan.tracks[kind].flatMap { $0.runStart == plan.runStart ? $0 : nil } }
          var readyAt = plan.runStart
          var passes = true
          if container.readinessProbe != nil {
            passes = current(.readiness)?.passing ?? false
            readyAt = current(.readiness)?.changedAt ?? readyAt
          }
          containerStatus.ready = pod.metadata.deletionTimestamp == nil && passes && readyAt <= now
          containerStatus.started = container.startupProbe == nil || current(.startup)?.passing == true
          if containerStatus.ready {
            lastStart = max(lastStart, readyAt)
          } else {
            probing = true
          }
        }
      } else {
        allRunning = false
      }
      statuses.append(containerStatus)
    }
    status.containerStatuses = statuses
    status.ephemeralContainerStatuses = ephemeralStatuses(of: pod, runtime: runtime, at: now)
    let everStarted = runtime.containers.allSatisfy { $0.started <= now && !$0.imageMissing }
    if finished.count == statuses.count && !statuses.isEmpty {
      status.phase = finished.allSatisfy { $0 == 0 } ? .succeeded : .failed
    } else {
      status.phase = allRunning || everStarted ? .running : .pending
    }
    let scheduled =
      pod.status.conditions.first { $0.type == "PodScheduled" }
      ?? PodCondition(type: "PodScheduled", status: .true, lastTransitionTime: runtime.bound)
    let stopping = pod.metadata.deletionTimestamp.map {
      $0.subtracting(wholeSeconds: pod.metadata.deletionGracePeriodSeconds ?? 0)
    }
    let ready = allRunning && stopping == nil && !probing
    let readyTime = ready ? lastStart : (allRunning && !probing ? stopping ?? runtime.bound : runtime.bound)
    let unready = statuses.filter { !$0.ready }.map(\.name)
    let notReadyReason = ready ? nil : "ContainersNotReady"
    let notReadyMessage = ready ? nil : "containers with unready status: [\(unready.joined(separator: " "))]"
    status.conditions = [
      PodCondition(
        type: "PodReadyToStartContainers", status: ConditionStatus(sandboxUp),
        lastTransitionTime: sandboxUp ? runtime.sandboxReady : runtime.bound),
      PodCondition(type: "Initialized", status: .true, lastTransitionTime: runtime.bound),
      PodCondition(
        type: "Ready", status: ConditionStatus(ready), lastTransitionTime: readyTime,
        reason: notReadyReason, message: notReadyMessage),
      PodCondition(
        type: "ContainersReady", status: ConditionStatus(ready), lastTransitionTime: readyTime,
        reason: notReadyReason, message: notReadyMessage),
      scheduled,
    ]
    return status
  }

  /// Plans the ephemeral containers added since the last look: each image is pulled (at once
  /// when the node has it), the container starts, and its command runs as a container's would.
  static func planEphemeral(_ runtime: inout PodRuntime, pod: Pod, cluster: inout Cluster) {
    let now = cluster.now
    var added: [PodRuntime.PlannedEvent] = []
    for ephemeral in pod.spec.ephemeralContainers.dropFirst(runtime.ephemeral.count) {
      let container = ephemeral.container
      let key = runtime.node + "|" + container.image
      let quotedImage = goQuote(container.image)
      var pullDone = now
      if let readyAt = cluster.kubelet.imageReadyAt[key], readyAt <= now {
        added.append(
          .init(time: now, reason: "Pulled", message: "Container image \(quotedImage) already present on machine"))
      } else {
        pullDone = max(
          cluster.kubelet.imageReadyAt[key] ?? now, now.adding(milliseconds: KubeletTimings.firstPullMilliseconds))
        cluster.kubelet.imageReadyAt[key] = pullDone
        let took = goDuration(pullDone.milliseconds - now.milliseconds)
        added.append(.init(time: now, reason: "Pulling", message: "Pulling image \(quotedImage)"))
        added.append(
          .init(
            time: pullDone, reason: "Pulled",
            message:
              "Successfully pulled image \(quotedImage) in \(took) (\(took) including waiting). Image size: \(ImageCatalog.size(of: container.image)) bytes."
          ))
      }
      let started = pullDone.adding(milliseconds: KubeletTimings.startMilliseconds)
      added.append(.init(time: started, reason: "Created", message: "Created container: \(container.name)"))
      added.append(.init(time: started, reason: "Started", message: "Started container \(container.name)"))
      // Its own seeded stream, so the cluster's generated names stay as they were.
      var generator = NameGenerator(seed: ImageCatalog.fnv1a(pod.metadata.uid + "/" + container.name))
      let behavior = ContainerBehavior.of(container)
      runtime.ephemeral.append(
        PodRuntime.EphemeralPlan(
          started: started, runEnd: behavior.exitsAfter.map { started.adding(milliseconds: $0) },
          exit: (behavior.exitCode, behavior.exitCode == 0 ? "Completed" : "Error"),
          containerID: "containerd://" + generator.hex(bytes: 32), imageID: ImageCatalog.imageID(of: container.image)))
    }
    // The events not yet recorded stay in time order.
    let pending = runtime.events[runtime.recordedEvents...] + added
    let ordered = pending.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
    runtime.events = Array(runtime.events[..<runtime.recordedEvents]) + ordered.map(\.element)
  }

  /// The ephemeral containers' states at `now`: creating, running, or terminated for good.
  static func ephemeralStatuses(of pod: Pod, runtime: PodRuntime, at now: Timestamp) -> [ContainerStatus] {
    pod.spec.ephemeralContainers.enumerated().map { index, ephemeral in
      var status = ContainerStatus(
        name: ephemeral.container.name, image: ephemeral.container.image,
        state: .waiting(reason: "ContainerCreating", message: nil))
      guard index < runtime.ephemeral.count, runtime.ephemeral[index].started <= now else { return status }
      let plan = runtime.ephemeral[index]
      status.containerID = plan.containerID
      status.imageID = plan.imageID
      status.image = ImageReference(ephemeral.container.image).normalized
      if let end = plan.runEnd, end <= now {
        status.state = .terminated(
          exitCode: plan.exit.code, reason: plan.exit.reason, startedAt: plan.started, finishedAt: end)
      } else {
        status.state = .running(startedAt: plan.started)
        status.started = true
      }
      return status
    }
  }

  /// Moves each container through its runs up to now: exits, restart back-off, restarts.
  static func advanceRuns(_ runtime: inout PodRuntime, pod: Pod, cluster: inout Cluster) {
    let now = cluster.now
    for index in runtime.containers.indices where !runtime.containers[index].imageMissing {
      var guardSteps = 0
      while guardSteps < 1000 {
        guardSteps += 1
        var plan = runtime.containers[index]
        let name = pod.spec.containers[index].name
        if let restart = plan.imageRestart, restart.at <= now {
          plan.imageRestart = nil
          plan.lastTermination = restart.stopped
          plan.restartCount += 1
          plan.runStart = restart.at
          plan.behavior = restart.behavior
          plan.imageID = restart.imageID
          plan.replaceContainer()
          plan.runEnd = restart.behavior.exitsAfter.map { restart.at.adding(milliseconds: $0) }
          plan.exit = (restart.behavior.exitCode, restart.behavior.exitCode == 0 ? "Completed" : "Error")
          plan.ended = false
          plan.restartAt = nil
          runtime.containers[index] = plan
          continue
        }
        if plan.imageRestart != nil { break }
        if !plan.ended, let end = plan.runEnd, end <= now, plan.runStart <= end {
          plan.ended = true
          plan.lastTermination = (plan.exit.code, plan.exit.reason, plan.runStart, end)
          let restarts: Bool
          switch pod.spec.restartPolicy.value {
          case .never?: restarts = false
          case .onFailure?: restarts = plan.exit.code != 0
          case .always?, nil: restarts = true
          }
          if restarts && pod.metadata.deletionTimestamp == nil {
            let count = plan.restartCount + 1
            let delay: Int64 = count == 1 ? 0 : min(300_000, 10_000 << Int64(min(count - 2, 6)))
            plan.restartAt = end.adding(milliseconds: delay + KubeletTimings.startMilliseconds)
            if delay > 0 {
              runtime.dynamicEvents.append(
                .init(
                  time: end, type: .warning, reason: "BackOff",
                  message:
                    "Back-off restarting failed container \(name) in pod \(pod.metadata.name)_\(pod.metadata.namespace ?? "default")(\(pod.metadata.uid))"
                ))
            }
          }
          runtime.containers[index] = plan
          continue
        }
        if plan.ended, let restart = plan.restartAt, restart <= now {
          plan.ended = false
          plan.restartAt = nil
          plan.restartCount += 1
          plan.replaceContainer()
          plan.runStart = restart
          plan.runEnd = plan.behavior.exitsAfter.map { restart.adding(milliseconds: $0) }
          plan.exit = (plan.behavior.exitCode, plan.behavior.exitCode == 0 ? "Completed" : "Error")
          let image = Validation.quote(pod.spec.containers[index].image)
          runtime.dynamicEvents.append(
            .init(time: restart, reason: "Pulled", message: "Container image \(image) already present on machine"))
          runtime.dynamicEvents.append(.init(time: restart, reason: "Created", message: "Created container: \(name)"))
          runtime.dynamicEvents.append(.init(time: restart, reason: "Started", message: "Started container \(name)"))
          runtime.containers[index] = plan
          continue
        }
        break
      }
    }
    flushDynamicEvents(&runtime, pod: pod, cluster: &cluster)
  }

  /// Records the events of failed pulls up to now, one set per attempt.
  static func recordPullFailures(_ runtime: inout PodRuntime, pod: Pod, cluster: inout Cluster) {
    for (containerIndex, plan) in runtime.containers.enumerated() where plan.imageMissing {
      let image = pod.spec.containers[containerIndex].image
      let quoted = Validation.quote(image)
      let attempts = ImagePullBackOff.attempts(until: cluster.now, pullStart: plan.pullStart)
      var recorded = runtime.recordedPullAttempts[containerIndex] ?? PodRuntime.PullRecord()
      for (number, (attempt, failure)) in attempts.enumerated() {
        if number >= recorded.pulls {
          runtime.dynamicEvents.append(.init(time: attempt, reason: "Pulling", message: "Pulling image \(quoted)"))
          recorded.pulls += 1
        }
        if number >= recorded.failures, failure <= cluster.now {
          runtime.dynamicEvents.append(
            .init(
              time: failure, type: .warning, reason: "Failed",
              message:
                "Failed to pull image \(quoted): "
                + ImageRegistry.pullError(ImageRegistry.failure(pulling: image) ?? .notFound, image: image)
            ))
          runtime.dynamicEvents.append(
            .init(time: failure, type: .warning, reason: "Failed", message: "Error: ErrImagePull"))
          recorded.failures += 1
        }
        let backOff = failure.adding(milliseconds: 1000)
        if number >= recorded.backOffs, backOff <= cluster.now {
          runtime.dynamicEvents.append(
            .init(time: backOff, reason: "BackOff", message: "Back-off pulling image \(quoted)"))
          runtime.dynamicEvents.append(
            .init(time: backOff, type: .warning, reason: "Failed", message: "Error: ImagePullBackOff"))
          recorded.backOffs += 1
        }
      }
      runtime.recordedPullAttempts[containerIndex] = recorded
    }
    flushDynamicEvents(&runtime, pod: pod, cluster: &cluster)
  }

  static func flushDynamicEvents(_ runtime: inout PodRuntime, pod: Pod, cluster: inout Cluster) {
    let namespace = pod.metadata.namespace ?? "default"
    for planned in runtime.dynamicEvents.sorted(by: { $0.time < $1.time }) {
      cluster.recordAggregated(
        Event(
          namespace: namespace, involvedKind: "Pod", involvedName: pod.metadata.name, type: planned.type,
          reason: planned.reason, message: planned.message, source: "kubelet", at: planned.time))
    }
    runtime.dynamicEvents = []
  }

  /// When a deleted pod's containers have all exited and the kubelet removes it: each running
  /// container stops after its stop delay, or is killed at the end of the grace period.
  static func removalTime(of pod: Pod, gracefulDeadline: Timestamp) -> Timestamp {
    let grace = Int64(pod.metadata.deletionGracePeriodSeconds ?? 0).saturatingMultiply(1000)
    let signalled = Timestamp(milliseconds: gracefulDeadline.milliseconds.saturatingSubtract(grace))
    var slowest: Int64 = 0
    for (index, container) in pod.spec.containers.enumerated() {
      let running: Bool
      if index < pod.status.containerStatuses.count, case .running = pod.status.containerStatuses[index].state {
        running = true
      } else {
        running = false
      }
      guard running else { continue }
      slowest = max(slowest, min(grace, ContainerBehavior.stopDelay(of: container) ?? grace))
    }
    return signalled.adding(milliseconds: slowest)
  }

  /// Go's `%q` formatting of a string.
  static func goQuote(_ text: String) -> String { Validation.quote(text) }

  /// Go's `time.Duration.String()` for a whole number of milliseconds.
  static func goDuration(_ milliseconds: Int64) -> String {
    if milliseconds == 0 { return "0s" }
    if milliseconds < 1000 { return "\(milliseconds)ms" }
    var text = ""
    let hours = milliseconds / 3_600_000
    let minutes = milliseconds / 60_000 % 60
    let seconds = milliseconds / 1000 % 60
    let fraction = milliseconds % 1000
    if hours > 0 { text += "\(hours)h" }
    if hours > 0 || minutes > 0 { text += "\(minutes)m" }
    text += "\(seconds)"
    if fraction > 0 {
      var digits = String(fraction)
      digits = String(repeating: "0", count: 3 - digits.count) + digits
      while digits.hasSuffix("0") { digits.removeLast() }
      text += "." + digits
    }
    return text + "s"
  }
}
