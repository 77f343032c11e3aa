/// The kubelet's plan for one pod: when its sandbox is ready and when each container starts,
/// fixed when the pod lands on its node. A pod's status at any instant is a pure function of
/// its plan (``Kubelet/status(of:runtime:at:)``).
struct PodRuntime: Sendable {
  /// One container's milestones, and where it is in its life after the first start.
  struct ContainerPlan: Sendable {
    var pullStart: Timestamp
    var pullDone: Timestamp
    var started: Timestamp
    var containerID: String
    var imageID: String
    /// How the container's process behaves once started.
    var behavior = ContainerBehavior.runsForever
    /// Pulls of the image fail (`sim image missing`): the container never starts.
    var imageMissing = false
    /// The start of the current run (the first start, then each restart).
    var runStart: Timestamp
    /// When the current run ends, if it does (by itself or through `sim pod crash`).
    var runEnd: Timestamp?
    /// The exit code and reason of the current run's end.
    var exit = (code: 0, reason: "Completed")
    /// The last finished run, shown as `lastState`.
    var lastTermination: (exitCode: Int, reason: String, started: Timestamp, finished: Timestamp)?
    /// When the next run starts after a restart back-off, if one is pending.
    var restartAt: Timestamp?
    /// When the current run ended and the container is waiting to restart (or done).
    var ended = false
    var restartCount = 0
    /// Milliseconds after each start before the readiness probe first passes.
    var readinessDelay: Int64 = 0
    /// Why the kubelet cannot build the container's configuration (a missing ConfigMap or
    /// Secret): it waits in `CreateContainerConfigError` until that changes.
    var configError: String?
    /// When the kubelet next tries to build that configuration (every 10 s, the pod worker's
    /// back-off after a failed sync).
    var configRetryAt: Timestamp?
    /// The environment the container started with (values are fixed at start).
    var environment: [(String, String)] = []
    /// A restart for a changed image: the old run is stopped, the new image pulled, and the
    /// new container starts at `at`.
    var imageRestart: ImageRestart?
    /// The ID of the container of the previous run.
    var previousContainerID: String?
    /// The prober's progress on each of the container's probes (``Prober``).
    var tracks: [Prober.Kind: ProbeTrack] = [:]

    /// Starts a new container for the next run: the runtime gives it a new ID (derived from the
    /// old one, so the seeded name stream is left as it was).
    mutating func replaceContainer() {
      previousContainerID = containerID
      var generator = NameGenerator(seed: ImageCatalog.fnv1a(containerID))
      containerID = "containerd://" + generator.hex(bytes: 32)
    }
  }

  /// The kubelet's replacement of a container whose image changed (`containerChanged`).
  struct ImageRestart: Sendable {
    var at: Timestamp
    var stopped: (exitCode: Int, reason: String, started: Timestamp, finished: Timestamp)
    var behavior: ContainerBehavior
    var imageID: String
    /// The image the old container runs (its status shows it until the new one starts).
    var oldImage: String
  }

  /// An event the kubelet will record when its time comes.
  struct PlannedEvent: Sendable {
    var time: Timestamp
    var type = EventType.normal
    var reason: String
    var message: String
  }

  var node: String
  /// A volume the kubelet cannot mount (its ConfigMap or Secret is missing): the pod waits
  /// in `ContainerCreating` without a sandbox.
  var mountError: String?
  /// When the kubelet next checks whether that volume can be mounted.
  var mountRetryAt: Timestamp?
  var hostIP: String
  var bound: Timestamp
  var sandboxReady: Timestamp
  var podIP: String
  var containers: [ContainerPlan]
  var events: [PlannedEvent]
  var recordedEvents = 0
  /// Events of restarts and failed pulls, recorded as they happen.
  var dynamicEvents: [PlannedEvent] = []
  /// Per container: how many pull attempts, failures and back-offs have been recorded.
  var recordedPullAttempts: [Int: PullRecord] = [:]
  /// The ephemeral containers' milestones, in the order they were added.
  var ephemeral: [EphemeralPlan] = []

  /// One ephemeral container's milestones: pulled, started, and when its command ends (it
  /// is never restarted).
  struct EphemeralPlan: Sendable {
    var started: Timestamp
    var runEnd: Timestamp?
    var exit = (code: 0, reason: "Completed")
    var containerID: String
    var imageID: String
  }

  /// Counts of recorded pull events for one container.
  struct PullRecord: Sendable {
    var pulls = 0
    var failures = 0
    var backOffs = 0
  }

  /// The earliest milestone strictly after `now`.
  func nextMilestone(after now: Timestamp) -> Timestamp? {
    var candidates = [sandboxReady]
    if let retry = mountRetryAt { candidates.append(retry) }
    for container in containers {
      if container.imageMissing {
        if let retry = ImagePullBackOff.nextChange(after: now, pullStart: container.pullStart) {
          candidates.append(retry)
        }
        continue
      }
      candidates.append(container.started)
      candidates.append(container.runStart.adding(milliseconds: container.readinessDelay))
      if let end = container.runEnd, !container.ended { candidates.append(end) }
      if let restart = container.restartAt { candidates.append(restart) }
      if let retry = container.configRetryAt { candidates.append(retry) }
      if let restart = container.imageRestart { candidates.append(restart.at) }
      for track in container.tracks.values { if let next = track.next { candidates.append(next) } }
    }
    for plan in ephemeral {
      candidates.append(plan.started)
      if let end = plan.runEnd { candidates.append(end) }
    }
    if recordedEvents < events.count { candidates.append(events[recordedEvents].time) }
    return candidates.filter { $0 > now }.min()
  }
}

/// What a container's process does once started.
struct ContainerBehavior: Sendable, Equatable {
  /// Milliseconds it runs before exiting by itself, or nil to run until stopped.
  var exitsAfter: Int64?
  var exitCode: Int

  static let runsForever = ContainerBehavior(exitsAfter: nil, exitCode: 0)

  /// Milliseconds the container takes to exit once the kubelet sends its stop signal, or nil
  /// when it ignores the signal and is killed when the grace period ends. A shell or `sleep`
  /// running as PID 1 has no handler for SIGTERM; servers such as nginx stop at once.
  static func stopDelay(of container: Container) -> Int64? {
    let words = container.command + container.args
    let shells = ["sh", "/bin/sh", "bash", "/bin/bash", "sleep"]
    if let first = words.first, shells.contains(first) { return nil }
    if words.isEmpty,
      ImageCatalog.shellImages.contains(ImageReference(container.image).baseName)
    {
      return nil
    }
    return 1000
  }

  /// The behaviour of `container` as kubebook models common images and commands: shells
  /// with nothing to run exit at once, `exit N` / `false` fail, `sleep N` ends after N s.
  static func of(_ container: Container) -> ContainerBehavior {
    let words = container.command + container.args
    let joined = words.joined(separator: " ")
    // A shell whose standard input stays open waits for commands until it is stopped or its
    // session ends (``Cluster/endSession(_:namespace:container:)``).
    if container.stdin, container.readsCommandsFromInput { return .runsForever }
    if words.isEmpty,
      ImageCatalog.shellImages.contains(ImageReference(container.image).baseName)
    {
      return ContainerBehavior(exitsAfter: 100, exitCode: 0)
    }
    if let planned = planned(container) { return planned }
    if let script = shellScript(words) { return ofScript(script) }
    // Commands that print something and are done.
    if let first = words.first, oneShotCommands.contains(first) {
      return ContainerBehavior(exitsAfter: 100, exitCode: 0)
    }
    if words == ["false"] || words.last == "false" { return ContainerBehavior(exitsAfter: 100, exitCode: 1) }
    if let range = joined.firstRange(of: "exit "), let code = Int(joined[range.upperBound...].prefix { $0.isNumber }),
      code != 0
    {
      return ContainerBehavior(exitsAfter: 1000, exitCode: code)
    }
    if let index = words.firstIndex(of: "sleep"), index + 1 < words.count,
      SleepDuration.seconds(words[index + 1]) != nil,
      !joined.contains("while"), !joined.contains("&&"), !joined.contains(";")
    {
      // `sleep infinity` (or `inf`) never ends by itself.
      return ContainerBehavior(exitsAfter: SleepDuration.milliseconds(words[index + 1]), exitCode: 0)
    }
    return .runsForever
  }
}

extension ContainerBehavior {
  /// Steps a planning run of a container's command may take before it counts as running
  /// until stopped.
  static let planningSteps = 2_000

  /// The behaviour of the container's command as kubebook's container shell runs it on the
  /// image's files alone (``ShellProcess``, ``ShellContext/planning``): when it exits, and
  /// with what status; a loop that outlasts ``planningSteps`` steps, or `sleep infinity`, runs
  /// until stopped. Nil when the shell does not run the command or it reads files the
  /// volumes would bring: the older rules of ``of(_:)`` decide then.
  static func planned(_ container: Container) -> ContainerBehavior? {
    let words = container.command + container.args
    guard !words.isEmpty, let image = ImageFiles.of(container.image) else { return nil }
    let program: ShellProgram
    do {
      program = try ShellProgram.of(words)
    } catch {
      guard case .syntax = error else { return nil }
      return ContainerBehavior(exitsAfter: 100, exitCode: 2)
    }
    var files = PodFiles()
    files.trees["container:main"] = image.nodes
    files.tools["main"] = .some(image.tools)
    let context = ShellContext(
      container: "main", hostname: "", tools: image.tools, environment: [], environmentIsComplete: false,
      planning: true)
    let start = Timestamp(milliseconds: 0)
    var process = ShellProcess(program, context: context, start: start, stepLimit: planningSteps)
    process.run(until: Timestamp(milliseconds: Int64.max / 4), files: &files)
    if let exitCode = process.exitCode {
      return ContainerBehavior(exitsAfter: max(process.clock.milliseconds, 100), exitCode: exitCode)
    }
    if let stopped = process.stopped, stopped.hasPrefix("kubebook's container shell does not run") { return nil }
    // A sleep that ends past the horizon (centuries): the older rules saturate it.
    if process.stopped == nil, !process.sleepsForever { return nil }
    return .runsForever
  }

  /// The script of `sh -c SCRIPT` (or bash), if the container runs one.
  static func shellScript(_ words: [String]) -> String? {
    guard words.count >= 3, ["sh", "/bin/sh", "bash", "/bin/bash"].contains(words[0]), words[1] == "-c" else {
      return nil
    }
    return words[2]
  }

  /// Commands that run briefly and exit 0 when they are a container's whole command.
  static let oneShotCommands: Set<String> = [
    "echo", "true", "date", "printenv", "env", "ls", "cat", "hostname", "uname", "whoami", "id", "pwd",
  ]

  /// A shell script's behaviour: its statements (split at `;`, `&&`, `||` and newlines) run in
  /// turn; `sleep N` takes N seconds, `exit N` or `false` ends it with that code, a loop runs
  /// until the container is stopped. A script that only echoes ends at once.
  static func ofScript(_ script: String) -> ContainerBehavior {
    var statements: [String] = []
    var current = ""
    for character in script {
      if character == ";" || character == "\n" || character == "&" || character == "|" {
        statements.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    statements.append(current)
    var elapsed: Int64 = 0
    for statement in statements {
      let words = statement.split(separator: " ").map(String.init)
      guard let command = words.first else { continue }
      switch command {
      case "while", "until", "for":
        return .runsForever
      case "sleep":
        guard let milliseconds = words.dropFirst().first.flatMap(SleepDuration.milliseconds) else {
          return .runsForever
        }
        elapsed = elapsed.saturatingAdd(milliseconds)
      case "exit":
        let code = words.dropFirst().first.flatMap(Int.init) ?? 0
        return ContainerBehavior(exitsAfter: max(elapsed, 100), exitCode: code)
      case "false":
        return ContainerBehavior(exitsAfter: max(elapsed, 100), exitCode: 1)
      default:
        continue
      }
    }
    return ContainerBehavior(exitsAfter: max(elapsed, 100), exitCode: 0)
  }
}

/// The image pull back-off of a pull that keeps failing: attempts at the pull start, then
/// 10 s, 20 s, 40 s … (at most 300 s) after each failure, each failure shown as
/// `ErrImagePull` for a second and then `ImagePullBackOff` until the next attempt.
enum ImagePullBackOff {
  /// The failed attempts up to `time`: (attempt start, failure) pairs.
  static func attempts(until time: Timestamp, pullStart: Timestamp, limit: Int = 64) -> [(Timestamp, Timestamp)] {
    var result: [(Timestamp, Timestamp)] = []
    var attempt = pullStart
    var delay: Int64 = 10_000
    while attempt <= time && result.count < limit {
      let failure = attempt.adding(milliseconds: 1000)
      result.append((attempt, failure))
      attempt = failure.adding(milliseconds: delay)
      delay = min(delay * 2, 300_000)
    }
    return result
  }

  /// The waiting reason at `time`, or nil before the first failure.
  static func reason(at time: Timestamp, pullStart: Timestamp) -> String? {
    guard let last = attempts(until: time, pullStart: pullStart).last, last.1 <= time else {
      return attempts(until: time, pullStart: pullStart).count > 1 ? "ErrImagePull" : nil
    }
    return time < last.1.adding(milliseconds: 1000) ? "ErrImagePull" : "ImagePullBackOff"
  }

  /// The next instant after `time` at which the shown state changes.
  static func nextChange(after time: Timestamp, pullStart: Timestamp) -> Timestamp? {
    let all = attempts(until: time.adding(milliseconds: 400_000), pullStart: pullStart)
    var candidates: [Timestamp] = []
    for (attempt, failure) in all { candidates += [attempt, failure, failure.adding(milliseconds: 1000)] }
    return candidates.filter { $0 > time }.min()
  }
}

/// The back-off duration as the kubelet writes it in `CrashLoopBackOff` messages (`10s`,
/// `1m20s`, `5m0s`: Go's `time.Duration` string).
enum HumanBackOff {
  static func text(_ milliseconds: Int64) -> String {
    let seconds = milliseconds / 1000
    if seconds < 60 { return "\(seconds)s" }
    return "\(seconds / 60)m\(seconds % 60)s"
  }
}

extension Container {
  /// Whether the container's process is a shell reading commands from its input: `sh` or
  /// `bash` alone, or a shell image with no command (not a script, `sh -c ...`).
  public var readsCommandsFromInput: Bool {
    let words = command + args
    if words.isEmpty { return ImageCatalog.shellImages.contains(ImageReference(image).baseName) }
    return words.count == 1 && ["sh", "/bin/sh", "bash", "/bin/bash", "ash"].contains(words[0])
  }
}
