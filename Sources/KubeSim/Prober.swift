/// The kubelet's prober (`pkg/kubelet/prober`): runs each running container's startup,
/// liveness and readiness probes at their instants on the virtual clock — the first at
/// `initialDelaySeconds` after the container started, then every `periodSeconds` — and counts
/// consecutive results against `successThreshold` and `failureThreshold` as `worker.go` does.
///
/// A pod is looked at only when one of its probes is due (``PodRuntime/nextMilestone(after:)``
/// includes the next probe instants), so pods without probes cost nothing.
enum Prober {
  /// The three kinds of probe, in the order the kubelet's workers gate one another: liveness
  /// and readiness wait until the startup probe has passed.
  enum Kind: String, Sendable, CaseIterable {
    case startup = "Startup"
    case liveness = "Liveness"
    case readiness = "Readiness"

    /// The container's probe of this kind.
    func probe(of container: Container) -> Probe? {
      switch self {
      case .startup: container.startupProbe
      case .liveness: container.livenessProbe
      case .readiness: container.readinessProbe
      }
    }

    /// The result a probe holds before its first run (`worker.go`'s `initialValue`):
    /// liveness counts as passing, readiness and startup as failing.
    var initiallyPassing: Bool { self == .liveness }
  }

  /// What one probe run found: success, or failure with the prober's output.
  enum Outcome: Equatable, Sendable {
    case success
    case failure(String)
  }

  /// Runs the probes of `pod` that are due now, records their `Unhealthy` events, and lets a
  /// liveness or startup failure past its threshold stop the container (it restarts as its
  /// restart policy says).
  static func probe(_ runtime: inout PodRuntime, pod: Pod, cluster: inout Cluster) {
    guard pod.metadata.deletionTimestamp == nil else { return }
    let now = cluster.now
    for (index, container) in pod.spec.containers.enumerated() where index < runtime.containers.count {
      guard container.startupProbe != nil || container.livenessProbe != nil || container.readinessProbe != nil
      else { continue }
      var plan = runtime.containers[index]
      guard plan.configError == nil, !plan.imageMissing, plan.started <= now, plan.runStart <= now, !plan.ended,
        plan.imageRestart == nil, plan.runEnd.map({ $0 > now }) ?? true
      else { continue }
      for kind in Kind.allCases {
        guard let probe = kind.probe(of: container) else { continue }
        var track = plan.tracks[kind] ?? ProbeTrack(kind: kind, probe: probe, runStart: plan.runStart)
        if track.runStart != plan.runStart { track = ProbeTrack(kind: kind, probe: probe, runStart: plan.runStart) }
        if kind != .startup, container.startupProbe != nil {
          // Liveness and readiness start at their first tick after the startup probe passed.
          guard let startup = plan.tracks[.startup], startup.runStart == plan.runStart, startup.passing else {
            plan.tracks[kind] = track
            continue
          }
          track.skip(until: startup.changedAt, period: probe.periodSeconds)
        }
        var steps = 0
        while let due = track.next, due <= now, steps < 100 {
          steps += 1
          let outcome = run(probe, of: container, in: pod, podIP: runtime.podIP, cluster: &cluster)
          track.record(outcome, at: due, probe: probe)
          // The startup probe stops once it has passed.
          if kind == .startup, track.passing { track.next = nil }
          if case .failure(let output) = outcome {
            runtime.dynamicEvents.append(
              .init(time: due, type: .warning, reason: "Unhealthy", message: "\(kind.rawValue) probe failed: \(output)")
            )
          }
          if kind != .readiness, track.failures >= max(probe.failureThreshold, 1) {
            stop(&plan, container: container, pod: pod, because: kind, at: due, runtime: &runtime)
            track.next = nil
          }
        }
        plan.tracks[kind] = track
      }
      runtime.containers[index] = plan
    }
  }

  /// The kubelet kills a container whose liveness (or startup) probe failed
  /// `failureThreshold` times (`kuberuntime_manager.go`'s `computePodActions`: `Container %s
  /// failed liveness probe`, then `, will be restarted`, recorded as `Killing`). The process
  /// stops at its stop signal, or is killed when the grace period ends (exit code 137).
  static func stop(
    _ plan: inout PodRuntime.ContainerPlan, container: Container, pod: Pod, because kind: Kind, at time: Timestamp,
    runtime: inout PodRuntime
  ) {
    runtime.dynamicEvents.append(
      .init(
        time: time, reason: "Killing",
        message: "Container \(container.name) failed \(kind.rawValue.lowercased()) probe, will be restarted"))
    let grace = Int64(pod.spec.terminationGracePeriodSeconds).saturatingMultiply(1000)
    let delay = ContainerBehavior.stopDelay(of: container).map { min($0, grace) }
    let end = time.adding(milliseconds: delay ?? grace)
    if let planned = plan.runEnd, planned <= end { return }
    plan.runEnd = end
    plan.exit = delay == nil ? (137, "Error") : (0, "Completed")
  }

  /// Runs one probe now: `exec` in the container's shell (exit 0 passes), `httpGet`,
  /// `tcpSocket` and `grpc` against what the pod listens on (``ClusterNetwork``). A probe
  /// kubebook cannot judge (a command its shell does not run, an image whose ports it does not
  /// know, HTTPS) passes, as every probe did before kubebook ran them.
  static func run(_ probe: Probe, of container: Container, in pod: Pod, podIP: String, cluster: inout Cluster)
    -> Outcome
  {
    let handler = JSONValue.object(probe.handler)
    if let exec = handler["exec"] {
      let command = (exec["command"]?.arrayValue ?? []).compactMap(\.stringValue)
      guard let result = try? cluster.execute(command, in: pod, container: container.name) else { return .success }
      if result.exitCode == 0 { return .success }
      var output = result.output
      while output.hasSuffix("\n") { output.removeLast() }
      return .failure(output)
    }
    if let http = handler["httpGet"] {
      guard (http["scheme"]?.stringValue ?? "HTTP") == "HTTP", let port = port(http["port"], of: container) else {
        return .success
      }
      let host = http["host"]?.stringValue ?? podIP
      let path = http["path"]?.stringValue ?? "/"
      switch listener(of: pod, port: port, cluster: cluster) {
      case .unknown: return .success
      case .nginx:
        return path == "/" || path == "/index.html" ? .success : .failure("HTTP probe failed with statuscode: 404")
      case .nothing:
        let address = "\(host):\(port)"
        return .failure("Get \"http://\(address)\(path)\": dial tcp \(address): connect: connection refused")
      }
    }
    if let tcp = handler["tcpSocket"] {
      guard let port = port(tcp["port"], of: container) else { return .success }
      let address = "\(tcp["host"]?.stringValue ?? podIP):\(port)"
      guard listener(of: pod, port: port, cluster: cluster) == .nothing else { return .success }
      return .failure("dial tcp \(address): connect: connection refused")
    }
    if let grpc = handler["grpc"], let port = grpc["port"]?.intValue {
      // `pkg/probe/grpc/grpc.go` dials with `grpc.WithBlock()`: a refused connection is
      // retried until the probe's timeout.
      guard listener(of: pod, port: Int(port), cluster: cluster) == .nothing else { return .success }
      return .failure(
        "timeout: failed to connect service \"\(podIP):\(port)\" within \(probe.timeoutSeconds)s: context deadline exceeded"
      )
    }
    return .success
  }

  /// What listens on a port of a pod, as kubebook knows it.
  enum Listener: Equatable {
    /// nginx's default server (`/` and `/index.html`; 404 elsewhere).
    case nginx
    /// Nothing: every container's image is one whose servers kubebook knows.
    case nothing
    /// A container whose listening ports kubebook does not know.
    case unknown
  }

  /// What listens on `port` in `pod`: the images ``ClusterNetwork/listeningPorts`` lists,
  /// started without a command.
  static func listener(of pod: Pod, port: Int, cluster: Cluster) -> Listener {
    var unknown = false
    for container in pod.spec.containers {
      let base = ImageReference(container.image).baseName
      if let listening = ClusterNetwork.listeningPorts[base], container.command.isEmpty, container.args.isEmpty {
        if listening == port { return .nginx }
      } else if !ImageCatalog.shellImages.contains(base) {
        unknown = true
      }
    }
    return unknown ? .unknown : .nothing
  }

  /// A probe's port: a number, or the name of one of the container's ports.
  static func port(_ value: JSONValue?, of container: Container) -> Int? {
    if let number = value?.intValue { return Int(number) }
    guard let name = value?.stringValue else { return nil }
    if let named = container.ports.first(where: { $0.name == name }) { return named.containerPort }
    return Int(name)
  }
}

/// One probe's progress over a container's current run (`worker.go`'s counters).
struct ProbeTrack: Sendable {
  /// The run the counts belong to.
  var runStart: Timestamp
  /// The next probe instant, or nil once the prober stopped (the container is being killed).
  var next: Timestamp?
  var successes = 0
  var failures = 0
  /// The result the kubelet reports.
  var passing: Bool
  /// When `passing` last changed (the run's start before the first change).
  var changedAt: Timestamp

  /// A track for a run that started at `runStart`: the first probe after the initial delay.
  init(kind: Prober.Kind, probe: Probe, runStart: Timestamp) {
    self.runStart = runStart
    self.next = runStart.adding(milliseconds: Int64(max(probe.initialDelaySeconds, 0)).saturatingMultiply(1000))
    self.passing = kind.initiallyPassing
    self.changedAt = runStart
  }

  /// Moves the next probe to its first tick at or after `time`.
  mutating func skip(until time: Timestamp, period: Int) {
    guard let due = next, due < time else { return }
    let step = Int64(max(period, 1)).saturatingMultiply(1000)
    let missed = (time.milliseconds.saturatingSubtract(due.milliseconds) + step - 1) / step
    next = due.adding(milliseconds: missed.saturatingMultiply(step))
  }

  /// Counts one result and plans the next probe.
  mutating func record(_ outcome: Prober.Outcome, at time: Timestamp, probe: Probe) {
    if outcome == .success {
      successes += 1
      failures = 0
      if !passing, successes >= max(probe.successThreshold, 1) {
        passing = true
        changedAt = time
      }
    } else {
      failures += 1
      successes = 0
      if passing, failures >= max(probe.failureThreshold, 1) {
        passing = false
        changedAt = time
      }
    }
    next = time.adding(milliseconds: Int64(max(probe.periodSeconds, 1)).saturatingMultiply(1000))
  }
}
