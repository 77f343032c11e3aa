import KubeSim

/// `kubectl logs POD|TYPE/NAME [-c CONTAINER] [--tail N] [--since DURATION] [-f]`: a
/// deterministic log per image. Every simulated line is written when the container starts, so
/// `--since` shorter than the container's age prints nothing, and `-f` prints what is there
/// (nothing more is ever written).
enum LogsCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "container", short: "c", takesValue: true),
    .init(name: "tail", short: nil, takesValue: true, integerBits: 64),
    .init(name: "follow", short: "f", takesValue: false),
    .init(name: "previous", short: "p", takesValue: false),
    .init(name: "since", short: nil, takesValue: true, isDuration: true),
    .init(name: "timestamps", short: nil, takesValue: false),
    .init(name: "selector", short: "l", takesValue: true),
    .init(name: "prefix", short: nil, takesValue: false),
    .init(name: "max-log-requests", short: nil, takesValue: true, integerBits: 32),
  ]

  /// `logs.go`'s usage error when neither a pod nor a selector is given.
  static let usageError = KubectlError(
    text:
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples"
  )

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "logs", specs: flags).parse(arguments)
    if parsed.flag("timestamps") {
      throw .plain(
        "kubebook does not simulate --timestamps (the container runtime stamps each line to the nanosecond)")
    }
    let namespace = context.namespace(parsed)
    if let selectorText = parsed.value("selector") {
      guard parsed.positional.isEmpty else {
        throw KubectlError(
          text: "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples")
      }
      let selector: LabelSelector
      do { selector = try LabelSelector.parse(selectorText) } catch {
        throw .plain("unable to parse requirement: \(error.message)")
      }
      let pods = context.cluster.listPods(namespace: namespace).filter { selector.matches($0.metadata.labels) }
      if pods.isEmpty {
        output.line("No resources found in \(namespace) namespace.")
        return
      }
      // A selector shows the last 10 lines of each pod unless --tail says otherwise. kubectl
      // reads the pods' logs in Go map order; kubebook reads them in the list's order.
      let tail = parsed.value("tail") == nil ? 10 : parsed.integer("tail")
      for pod in pods {
        try printLogs(of: pod, parsed: parsed, tail: tail, context: context, output: &output)
      }
      return
    }
    guard let target = parsed.positional.first else { throw usageError }
    var pod: Pod?
    if let slash = target.firstIndex(of: "/") {
      let type = try ResourceArguments.resolve(String(target[..<slash]))
      let name = String(target[target.index(after: slash)...])
      if type == .pods {
        pod = context.cluster.pod(name, namespace: namespace)
      } else {
        guard let object = APIObject.lookup(type, name: name, namespace: namespace, cluster: context.cluster) else {
          throw notFound(resource: type.qualifiedResource, name: name, namespace: namespace)
        }
        let candidates = AttachablePod.candidates(for: object, namespace: namespace, cluster: context.cluster) ?? []
        pod = candidates.first
        if candidates.count > 1, let first = candidates.first {
          output.line("Found \(candidates.count) pods, using pod/\(first.metadata.name)")
        }
      }
    } else {
      pod = context.cluster.pod(target, namespace: namespace)
    }
    guard let pod else {
      let name = target.split(separator: "/").last.map(String.init) ?? target
      throw notFound(resource: "pods", name: name, namespace: namespace)
    }
    try printLogs(of: pod, parsed: parsed, tail: parsed.integer("tail"), context: context, output: &output)
  }

  /// One pod's log: its default (or `-c`) container, `--previous`, `--since`, `tail` lines,
  /// each line prefixed with `[pod/NAME/CONTAINER] ` under `--prefix`.
  static func printLogs(
    of pod: Pod, parsed: FlagParser.Parsed, tail: Int?, context: CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let sinceWindow = parsed.duration("since")
    let containerName: String
    if let chosen = parsed.value("container") {
      guard pod.spec.containers.contains(where: { $0.name == chosen }) else {
        throw KubectlError(
          text:
            "error: container \(chosen) is not valid for pod \(pod.metadata.name)")
      }
      containerName = chosen
    } else if pod.spec.containers.count == 1 {
      containerName = pod.spec.containers[0].name
    } else {
      containerName = pod.spec.containers[0].name
      output.line(
        "Defaulted container \"\(containerName)\" out of: \(pod.spec.containers.map(\.name).joined(separator: ", "))")
    }
    let status = pod.status.containerStatuses.first { $0.name == containerName }
    guard let status,
      status.started || status.lastTerminated != nil
        || {
          if case .terminated = status.state { return true }; return false
        }()
    else {
      var reason = "ContainerCreating"
      if case .waiting(let waiting, _)? = status?.state { reason = waiting }
      throw KubectlError(
        text:
          "Error from server (BadRequest): container \"\(containerName)\" in pod \"\(pod.metadata.name)\" is waiting to start: \(reason)"
      )
    }
    let container = pod.spec.containers.first { $0.name == containerName }!
    var since = pod.metadata.creationTimestamp
    if case .running(let started) = status.state { since = started }
    if case .terminated(_, _, let started, _) = status.state { since = started }
    if parsed.flag("previous") {
      // The run before the current one, as `lastState.terminated` records it.
      guard case .terminated(_, _, let started, _)? = status.lastTerminated else {
        throw KubectlError(
          text:
            "Error from server (BadRequest): previous terminated container \"\(containerName)\" in pod \"\(pod.metadata.name)\" not found"
        )
      }
      since = started
    }
    guard
      var lines = SimulatedLogs.lines(
        image: container.image, arguments: container.command + container.args, start: since,
        hostname: pod.spec.hostname ?? pod.metadata.name)
    else {
      throw .plain(
        "kubebook has no simulated log for the image \(container.image) yet (it knows nginx, and the commands echo, date, hostname and sleep)"
      )
    }
    if let window = sinceWindow, context.cluster.now.milliseconds(since: since) > window { lines = [] }
    if let tail, tail >= 0 { lines = Array(lines.suffix(tail)) }
    if parsed.flag("prefix") { lines = lines.map { "[pod/\(pod.metadata.name)/\(containerName)] " + $0 } }
    for line in lines { output.line(line) }
  }
}

extension LogsCommand {
  /// `logs.go` wraps the NotFound status in a plain error, so `CheckErr` prefixes "error: ".
  static func notFound(resource: String, name: String, namespace: String) -> KubectlError {
    KubectlError(
      text: "error: error from server (NotFound): \(resource) \"\(name)\" not found in namespace \"\(namespace)\"")
  }
}

/// What common images print when they start, with times from the virtual clock; nil when
/// kubebook does not know what the container prints.
enum SimulatedLogs {
  static func lines(image: String, arguments: [String], start: Timestamp, hostname: String) -> [String]? {
    let base = ImageReference(image).baseName
    let parts = start.civil
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    let stamp =
      "\(parts.year)/\(two(parts.month))/\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    switch arguments.first {
    case "echo": return [arguments.dropFirst().joined(separator: " ")]
    case "date": return [busyboxDate(start)]
    case "hostname": return [hostname]
    case "sleep", "true", "false": return []
    default: break
    }
    if arguments.count >= 3, ["sh", "/bin/sh", "bash", "/bin/bash"].contains(arguments[0]), arguments[1] == "-c" {
      // A script's `echo` statements, in order (loops print their body once).
      return arguments[2].split(whereSeparator: { $0 == ";" || $0 == "\n" || $0 == "&" }).compactMap { statement in
        let trimmed = statement.drop { $0 == " " }
        guard trimmed.hasPrefix("echo ") else { return nil }
        return String(trimmed.dropFirst(5)).trimmingCharacters(in: " '\"")
      }
    }
    if arguments.isEmpty, ImageCatalog.shellImages.contains(base) { return [] }
    guard arguments.isEmpty, base == "nginx" else { return nil }
    return [
      "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
      "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
      "/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh",
      "10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf",
      "10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf",
      "/docker-entrypoint.sh: Configuration complete; ready for start up",
      "\(stamp) [notice] 1#1: using the \"epoll\" event method",
      "\(stamp) [notice] 1#1: start worker processes",
    ]
  }

  /// BusyBox `date` in UTC: `Mon Mar  3 09:00:07 UTC 2025` (`%a %b %e %H:%M:%S %Z %Y`).
  static func busyboxDate(_ time: Timestamp) -> String {
    let parts = time.civil
    let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    let day = parts.day < 10 ? " \(parts.day)" : String(parts.day)
    return "\(days[parts.weekday]) \(months[parts.month - 1]) \(day) "
      + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) UTC \(parts.year)"
  }
}

extension String {
  func trimmingCharacters(in set: String) -> String {
    var slice = Substring(self)
    while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }
}
