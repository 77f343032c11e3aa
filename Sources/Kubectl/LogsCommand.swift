import KubeSim

/// `kubectl logs POD|TYPE/NAME [CONTAINER] [-c CONTAINER] [--all-containers] [--tail N]
/// [--since DURATION|--since-time TIME] [-p] [-f]`: a deterministic log per image.
///
/// Every simulated line is written when the container starts, so `--since` shorter than the
/// container's age prints nothing. `-f` prints what is there, then follows a container whose
/// command ends on the virtual clock until it exits (the stream ends, as kubectl's does) or
/// for at most ``Watch/boundSeconds``, after which it says that it stopped following; a
/// container that runs until stopped (nginx) writes nothing more, so `-f` returns at once
/// where a real kubectl would wait for Ctrl-C.
enum LogsCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "container", short: "c", takesValue: true),
    .init(name: "tail", short: nil, takesValue: true, integerBits: 64),
    .init(name: "follow", short: "f", takesValue: false),
    .init(name: "previous", short: "p", takesValue: false),
    .init(name: "since", short: nil, takesValue: true, isDuration: true),
    .init(name: "since-time", short: nil, takesValue: true),
    .init(name: "timestamps", short: nil, takesValue: false),
    .init(name: "selector", short: "l", takesValue: true),
    .init(name: "prefix", short: nil, takesValue: false),
    .init(name: "max-log-requests", short: nil, takesValue: true, integerBits: 64),
    .init(name: "all-containers", short: nil, takesValue: false),
    .init(name: "all-pods", short: nil, takesValue: false),
    .init(name: "limit-bytes", short: nil, takesValue: true, integerBits: 64),
    .init(name: "ignore-errors", short: nil, takesValue: false),
    .init(name: "pod-running-timeout", short: nil, takesValue: true, isDuration: true),
    .init(name: "insecure-skip-tls-verify-backend", short: nil, takesValue: false),
  ]

  /// `logs.go`'s usage error when neither a pod nor a selector is given.
  static let usageError = KubectlError(
    text:
      "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples"
  )

  /// One log stream kubectl requests: a container of a pod.
  struct Request {
    var pod: Pod
    var container: String
  }

  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "logs", specs: flags).parse(arguments)
    if parsed.flag("timestamps") {
      throw .plain(
        "kubebook does not simulate --timestamps (the container runtime stamps each line to the nanosecond)")
    }
    let selectorText = parsed.value("selector").flatMap { $0.isEmpty ? nil : $0 }
    // `Complete`: the arguments, then the options (`--since-time`), then the objects.
    switch parsed.positional.count {
    case 0: if selectorText == nil { throw usageError }
    case 1:
      if selectorText != nil {
        throw KubectlError(
          text: "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples")
      }
    case 2: break
    default: throw usageError
    }
    if let timeout = parsed.duration("pod-running-timeout"), timeout <= 0 {
      throw .plain("--pod-running-timeout must be higher than zero")
    }
    var sinceTime: Timestamp?
    if let text = parsed.value("since-time"), !text.isEmpty {
      switch GoRFC3339.parse(text) {
      case .success(let time): sinceTime = time
      case .failure(let error): throw .plain(error.message)
      }
    }
    let namespace = context.namespace(parsed)
    let allPods = parsed.flag("all-pods")
    let pods: [Pod]
    if let selectorText {
      let selector: LabelSelector
      do { selector = try LabelSelector.parse(selectorText) } catch {
        throw .plain("unable to parse requirement: \(error.message)")
      }
      pods = context.cluster.listPods(namespace: namespace).filter { selector.matches($0.metadata.labels) }
      if pods.isEmpty { output.line("No resources found in \(namespace) namespace.") }
    } else {
      pods = try resolve(
        parsed.positional[0], namespace: namespace, allPods: allPods, context: context, output: &output)
    }
    let options = try validated(parsed, sinceTime: sinceTime)
    recordLookup(parsed, pods: pods, namespace: namespace, context: &context)
    var requests: [Request] = []
    for pod in pods {
      requests += try self.requests(
        for: pod, container: options.container, allContainers: parsed.flag("all-containers"),
        quiet: allPods, output: &output)
    }
    let maximum = parsed.integer("max-log-requests") ?? 5
    if parsed.flag("follow") && requests.count > 1 && requests.count > maximum {
      throw .plain(
        "you are attempting to follow \(requests.count) log streams, but maximum allowed concurrency is \(maximum), use --max-log-requests to increase the limit"
      )
    }
    // kubectl reads several streams in Go map order; kubebook reads them in the pods' and
    // containers' order.
    let prefix = parsed.flag("prefix") || allPods
    for request in requests {
      do {
        try printLogs(request, options: options, prefix: prefix, context: context, output: &output)
        recordStream(request, options: options, parsed: parsed, status: 200, rest: &context.rest)
      } catch {
        // The server refuses a container that has not run (BadRequest).
        let refused = error.text.hasPrefix("Error from server (BadRequest)")
        recordStream(request, options: options, parsed: parsed, status: refused ? 400 : 200, rest: &context.rest)
        guard parsed.flag("ignore-errors") else { throw error }
        output.line(error.text)
      }
    }
    if parsed.flag("follow") { try follow(requests, context: &context, output: &output) }
  }

  /// The requests that find the pods: the builder's GET of a pod (cli-runtime helper.go:105)
  /// or its list of the pods a selector picks (helper.go:113). kubebook does not list the
  /// requests `logsForObject` makes for a workload's pods; it says so.
  static func recordLookup(
    _ parsed: FlagParser.Parsed, pods: [Pod], namespace: String, context: inout CommandContext
  ) {
    let now = context.cluster.now
    if let selector = parsed.value("selector"), !selector.isEmpty {
      let version = context.cluster.currentResourceVersion
      context.rest.record(
        "GET", RESTCall.path(.pods, namespace: namespace) + RESTCall.query([("labelSelector", selector)]),
        caller: "helper.go:113",
        responseBody: ServerJSON.body(
          ServerJSON.list(.pods, items: pods.map { APIObject($0).json(now: now) }, resourceVersion: version)))
    } else if let target = parsed.positional.first, !target.contains("/"), let pod = pods.first {
      context.rest.getObject(APIObject(pod), now: now)
    } else {
      context.rest.note("kubebook: the requests that find the pods of \(parsed.positional.first ?? "") are not shown")
    }
  }

  /// One container's log request (`GetLogs`, read as a stream at kubectl
  /// `pkg/cmd/logs/logs.go:469`, so client-go logs the empty request body there and no response
  /// body): `PodLogOptions` as query parameters, the container always named. (A refused request
  /// has its Status body logged by client-go's error path, which kubebook leaves out.)
  static func recordStream(
    _ request: Request, options: Options, parsed: FlagParser.Parsed, status: Int, rest: inout RESTRecorder
  ) {
    guard rest.isRecording else { return }
    var query = [("container", request.container)]
    if parsed.flag("follow") { query.append(("follow", "true")) }
    if options.previous { query.append(("previous", "true")) }
    if let milliseconds = options.sinceMilliseconds { query.append(("sinceSeconds", String(milliseconds / 1000))) }
    if let time = options.sinceTime { query.append(("sinceTime", time.rfc3339)) }
    if let tail = options.tail, tail >= 0 { query.append(("tailLines", String(tail))) }
    if let limit = options.limitBytes { query.append(("limitBytes", String(limit))) }
    let meta = request.pod.metadata
    rest.record(
      "GET", RESTCall.path(.pods, namespace: meta.namespace ?? "", name: meta.name) + "/log" + RESTCall.query(query),
      status: status, answer: .text, caller: "logs.go:469", streamed: true)
  }

  /// `TYPE/NAME` or a pod's name: the pod itself, or the first of a workload's pods with
  /// `logsForObject`'s "Found N pods" note; every one of them with `--all-pods`. kubectl sorts
  /// the pods (`podutils.ByLogging`: ready longest first); kubebook keeps the store's order,
  /// which the course's transcripts show.
  static func resolve(
    _ target: String, namespace: String, allPods: Bool, context: CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) -> [Pod] {
    guard let slash = target.firstIndex(of: "/") else {
      guard let pod = context.cluster.pod(target, namespace: namespace) else {
        throw notFound(resource: "pods", name: target, namespace: namespace)
      }
      return [pod]
    }
    let type = try ResourceArguments.resolve(String(target[..<slash]))
    let name = String(target[target.index(after: slash)...])
    guard let object = APIObject.lookup(type, name: name, namespace: namespace, cluster: context.cluster) else {
      throw notFound(resource: type.qualifiedResource, name: name, namespace: namespace)
    }
    if let pod = object.base as? Pod { return [pod] }
    guard let candidates = AttachablePod.candidates(for: object, namespace: namespace, cluster: context.cluster) else {
      throw .plain("cannot get the logs from *v1.\(type.kind): selector for *v1.\(type.kind) not implemented")
    }
    let sorted = AttachablePod.byLogging(candidates)
    guard let first = sorted.first else {
      throw .plain(
        "kubebook: \(type.singular) \"\(name)\" has no pod to read logs from (kubectl would wait up to --pod-running-timeout for one)"
      )
    }
    if sorted.count > 1 {
      if allPods { return sorted }
      output.line("Found \(sorted.count) pods, using pod/\(first.metadata.name)")
    }
    return [first]
  }

  /// The options `Validate` checks, in its order.
  struct Options {
    /// The container `-c` or the second argument names.
    var container: String?
    var tail: Int?
    var sinceMilliseconds: Int64?
    var sinceTime: Timestamp?
    var limitBytes: Int?
    var previous: Bool
  }

  static func validated(_ parsed: FlagParser.Parsed, sinceTime: Timestamp?) throws(KubectlError) -> Options {
    let sinceGiven = (parsed.duration("since") ?? 0) != 0
    if sinceTime != nil && sinceGiven {
      throw .plain("at most one of `sinceTime` or `sinceSeconds` may be specified")
    }
    let inline = parsed.positional.count == 2 ? parsed.positional[1] : nil
    let container = inline ?? parsed.value("container").flatMap { $0.isEmpty ? nil : $0 }
    if parsed.flag("all-containers"), let container {
      throw .plain("--all-containers=true should not be specified with container name \(container)")
    }
    if parsed.value("container") != nil && inline != nil {
      throw .plain("only one of -c or an inline [CONTAINER] arg is allowed")
    }
    let limitBytes = parsed.integer("limit-bytes") ?? 0
    if limitBytes < 0 { throw .plain("--limit-bytes must be greater than 0") }
    // `--since` rounds to the nearest second (half away from zero, as `Duration.Round`).
    let since = parsed.duration("since").map { ($0 + ($0 < 0 ? -500 : 500)) / 1000 * 1000 }
    if let since, since < 0 { throw .plain("--since must be greater than 0") }
    var tail = parsed.integer("tail")
    // A selector shows the last 10 lines of each pod unless --tail says otherwise.
    if parsed.value("selector").map({ !$0.isEmpty }) ?? false, parsed.value("tail") == nil { tail = 10 }
    if let tail, tail < -1 { throw .plain("--tail must be greater than or equal to -1") }
    return Options(
      container: container, tail: tail, sinceMilliseconds: since == 0 ? nil : since, sinceTime: sinceTime,
      limitBytes: limitBytes == 0 ? nil : limitBytes, previous: parsed.flag("previous"))
  }

  /// The streams `logsForObject` requests for `pod`: every container with
  /// `--all-containers`, else the named one, the `kubectl.kubernetes.io/default-container`
  /// one, or the first (with kubectl's "Defaulted container" note unless `quiet`).
  static func requests(
    for pod: Pod, container: String?, allContainers: Bool, quiet: Bool, output: inout OutputBuffer
  ) throws(KubectlError) -> [Request] {
    if allContainers {
      let names = pod.spec.containers.map(\.name) + pod.spec.ephemeralContainers.map(\.container.name)
      return names.map { Request(pod: pod, container: $0) }
    }
    var chosen = container
    if chosen == nil, let annotated = pod.metadata.annotations[defaultContainerAnnotation], !annotated.isEmpty {
      if pod.container(named: annotated) != nil {
        chosen = annotated
      } else {
        output.line("Default container name \"\(annotated)\" not found in pod \(pod.metadata.name)")
      }
    }
    if chosen == nil, let first = pod.spec.containers.first {
      chosen = first.name
      if pod.defaultsAmongSeveral && !quiet {
        output.line("Defaulted container \"\(first.name)\" out of: \(pod.allContainerNames)")
      }
    }
    guard let chosen, pod.container(named: chosen) != nil else {
      throw .plain("container \(chosen ?? "") is not valid for pod \(pod.metadata.name)")
    }
    return [Request(pod: pod, container: chosen)]
  }

  /// The annotation that names a pod's default container for `logs`, `exec` and `attach`.
  static let defaultContainerAnnotation = "kubectl.kubernetes.io/default-container"

  /// One container's log: `--previous`, `--since`/`--since-time`, `--tail`, `--limit-bytes`,
  /// each line prefixed with `[pod/NAME/CONTAINER] ` under `--prefix`.
  static func printLogs(
    _ request: Request, options: Options, prefix: Bool, context: CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let pod = request.pod
    let containerName = request.container
    let status = pod.containerStatus(named: containerName)
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
    guard let container = pod.container(named: containerName) else { return }
    var since = pod.metadata.creationTimestamp
    if case .running(let started) = status.state { since = started }
    if case .terminated(_, _, let started, _) = status.state { since = started }
    if options.previous {
      // The run before the current one, as `lastState.terminated` records it.
      guard case .terminated(_, _, let started, _)? = status.lastTerminated else {
        throw KubectlError(
          text:
            "Error from server (BadRequest): previous terminated container \"\(containerName)\" in pod \"\(pod.metadata.name)\" not found"
        )
      }
      since = started
    }
    var lines = try simulatedLines(of: pod, container: container, start: since, cluster: context.cluster)
    if let window = options.sinceMilliseconds, context.cluster.now.milliseconds(since: since) > window { lines = [] }
    if let sinceTime = options.sinceTime, since < sinceTime { lines = [] }
    if let tail = options.tail, tail >= 0 { lines = Array(lines.suffix(tail)) }
    var text = lines.map { $0 + "\n" }.joined()
    if let limit = options.limitBytes, text.utf8.count > limit {
      text = String(decoding: text.utf8.prefix(limit), as: UTF8.self)
    }
    if prefix {
      // `DefaultConsumeRequest` writes a line at a time, and `prefixingWriter` prefixes each.
      let name = "[pod/\(pod.metadata.name)/\(containerName)] "
      var chunks = text.split(separator: "\n", omittingEmptySubsequences: false).map { name + $0 + "\n" }
      if let last = chunks.popLast(), last != name + "\n" { chunks.append(String(last.dropLast())) }
      text = chunks.joined()
    }
    output.write(text)
  }

  /// What `container` of `pod` printed in its run that started at `start` (up to now, for a
  /// command kubebook's container shell runs), or kubebook's refusal for an image whose
  /// output it does not know.
  static func simulatedLines(of pod: Pod, container: Container, start: Timestamp, cluster: Cluster? = nil)
    throws(KubectlError) -> [String]
  {
    // A command kubebook's container shell runs: what its process wrote, when it wrote it.
    if let cluster, let lines = cluster.commandLog(of: pod, container: container.name, start: start) {
      return lines
    }
    guard
      let lines = SimulatedLogs.lines(
        image: container.image, arguments: container.command + container.args, start: start,
        hostname: pod.spec.hostname ?? pod.metadata.name)
    else {
      throw .plain(
        "kubebook has no simulated log for the image \(container.image) yet (it knows nginx, and the commands echo, date, hostname and sleep)"
      )
    }
    return lines
  }

  /// `-f`: follows the streams of containers whose run ends by itself on the virtual clock,
  /// until those runs end (their streams close, as kubectl's do) or ``Watch/boundSeconds``
  /// pass, which it says, as a real `kubectl logs -f` would still be following. A container
  /// that runs until stopped writes nothing after its start, so it is not waited for.
  ///
  /// - Returns: false when the bound, not the containers, ended the follow.
  @discardableResult
  static func follow(
    _ requests: [Request], command: String = "kubectl logs -f", context: inout CommandContext,
    output: inout OutputBuffer
  ) throws(KubectlError) -> Bool {
    let cluster = context.cluster
    let runs: [(namespace: String, pod: String, container: String, started: Timestamp)] = requests.compactMap {
      request in
      let status = request.pod.containerStatus(named: request.container)
      guard case .running(let started)? = status?.state,
        cluster.runEnd(of: request.pod, container: request.container) != nil
      else { return nil }
      return (request.pod.metadata.namespace ?? "default", request.pod.metadata.name, request.container, started)
    }
    guard !runs.isEmpty else { return true }
    func stillRunning(_ cluster: Cluster) -> Bool {
      runs.contains { run in
        let status = cluster.pod(run.pod, namespace: run.namespace)?.containerStatus(named: run.container)
        if case .running(let started)? = status?.state { return started == run.started }
        return false
      }
    }
    let limit = context.cluster.now.adding(milliseconds: Watch.boundSeconds * 1000)
    let ended: Bool
    do {
      ended = try context.cluster.advance(until: limit) { !stillRunning($0) }
    } catch {
      throw .api(error)
    }
    if !ended && !context.cluster.wasInterrupted {
      output.line(
        "kubebook: stopped following after \(Watch.boundSeconds / 60) minutes of virtual time (a real \(command) keeps going until Ctrl-C)"
      )
    }
    return ended
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
    case "date": return [start.dateCommandText]
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
    // A shell reading commands from its input prints nothing by itself.
    if arguments.count == 1, ["sh", "/bin/sh", "bash", "/bin/bash"].contains(arguments[0]) { return [] }
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
  static func busyboxDate(_ time: Timestamp) -> String { time.dateCommandText }
}

extension String {
  func trimmingCharacters(in set: String) -> String {
    var slice = Substring(self)
    while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }
}
