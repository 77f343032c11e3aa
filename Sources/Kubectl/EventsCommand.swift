import KubeSim

/// `kubectl events [--for TYPE/NAME] [--types=Normal,Warning] [-A] [-w]` (kubectl
/// `pkg/cmd/events`): the events sorted by when they were last seen (`SortableEvents`,
/// through Go's `sort.Sort`), each with its count (`5m (x3 over 10m)`) and `Kind/name`.
enum EventsCommand {
  static let flags: [FlagParser.Spec] = [
    .init(name: "for", short: nil, takesValue: true),
    .init(name: "types", short: nil, takesValue: true, repeatable: true),
    .init(name: "all-namespaces", short: "A", takesValue: false),
    .init(name: "no-headers", short: nil, takesValue: false),
    .init(name: "watch", short: "w", takesValue: false),
  ]

  /// Checks the flags, selects the events and prints them.
  static func run(_ arguments: [String], context: inout CommandContext, output: inout OutputBuffer)
    throws(KubectlError)
  {
    let parsed = try FlagParser(command: "events", specs: flags).parse(arguments)
    // `--types` is a string slice: comma-separated, repeatable, then sorted and de-duplicated.
    let types = Set(parsed.all("types").flatMap { $0.split(separator: ",").map(String.init) })
    guard types.allSatisfy({ $0.lowercased() == "normal" || $0.lowercased() == "warning" }) else {
      throw .plain("valid --types are Normal or Warning")
    }
    var subject: (kind: String, name: String)?
    if let target = parsed.value("for") {
      let parts = target.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count > 1 else { throw .plain("--for must be in resource/name form") }
      guard parts.count == 2 else { throw .plain("arguments in resource/name form may not have more than one slash") }
      subject = (try ResourceArguments.resolve(String(parts[0])).kind, String(parts[1]))
    }
    let all = parsed.flag("all-namespaces")
    let namespace = context.namespace(parsed)
    let matches = { (event: Event) -> Bool in
      (all || event.namespace == namespace)
        && (types.isEmpty || types.contains { $0.lowercased() == event.type.rawValue.lowercased() })
        && subject.map { event.involvedKind == $0.kind && event.involvedName == $0.name } ?? true
    }
    if parsed.flag("watch") {
      try watch(
        matching: matches, allNamespaces: all, headers: !parsed.flag("no-headers"), context: &context, output: &output)
      return
    }
    var events = context.cluster.events.filter(matches)
    guard !events.isEmpty else {
      output.line(all ? "No events found." : "No events found in \(namespace) namespace.")
      return
    }
    events = GoSort.sort(count: events.count) { events[$0].lastTimestamp < events[$1].lastTimestamp }.map { events[$0] }
    let now = context.cluster.now
    var rows: [[String]] = []
    if !parsed.flag("no-headers") { rows.append(header(allNamespaces: all)) }
    for event in events { rows.append(row(event, at: now, allNamespaces: all)) }
    output.write(TabWriter.get.format(rows))
  }

  /// The heading row `printHeadings` writes.
  static func header(allNamespaces: Bool) -> [String] {
    (allNamespaces ? ["NAMESPACE"] : []) + ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"]
  }

  /// One event's row as `printOneEvent` writes it at `now`. `getInterval`: a repeated event
  /// shows when it was last seen, how often, and since when.
  static func row(_ event: Event, at now: Timestamp, allNamespaces: Bool) -> [String] {
    func since(_ time: Timestamp) -> String { HumanDuration.format(milliseconds: now.milliseconds - time.milliseconds) }
    let interval =
      event.count > 1
      ? "\(since(event.lastTimestamp)) (x\(event.count) over \(since(event.firstTimestamp)))"
      : since(event.firstTimestamp)
    return (allNamespaces ? [event.namespace] : []) + [
      interval, event.type.rawValue, event.reason, "\(event.involvedKind)/\(event.involvedName)",
      trimmed(event.message),
    ]
  }

  /// `kubectl events -w` (`runWatch`): a watch without a resourceVersion, so the server first
  /// sends the events there are as ADDED, in its storage's key order (an event's name is its
  /// object's name and its creation time in hex, so: namespace, object, time), then each new or
  /// repeated event as it happens. kubectl flushes its tab writer after every event, so each
  /// row (the first with the heading) is laid out on its own. A real watch runs until
  /// interrupted; kubebook follows the cluster until it has no more work scheduled, or for
  /// ``Watch/boundSeconds`` of virtual time.
  static func watch(
    matching matches: (Event) -> Bool, allNamespaces: Bool, headers: Bool, context: inout CommandContext,
    output: inout OutputBuffer
  ) throws(KubectlError) {
    var headed = !headers
    func print(_ event: Event, at time: Timestamp) {
      var rows = [row(event, at: time, allNamespaces: allNamespaces)]
      if !headed {
        rows.insert(header(allNamespaces: allNamespaces), at: 0)
        headed = true
      }
      output.write(TabWriter.get.format(rows), at: time)
    }
    /// What identifies an event across its repetitions.
    func identity(_ event: Event) -> String {
      [
        event.namespace, event.involvedKind, event.involvedName, event.type.rawValue, event.reason, event.message,
        String(event.firstTimestamp.milliseconds),
      ].joined(separator: "\u{0}")
    }
    let start = context.cluster.now
    let initial = context.cluster.events.filter(matches)
    let stored = initial.enumerated().sorted { a, b in
      let left = (a.element.namespace, a.element.involvedName + ".", a.element.firstTimestamp.milliseconds, a.offset)
      let right = (b.element.namespace, b.element.involvedName + ".", b.element.firstTimestamp.milliseconds, b.offset)
      return left < right
    }.map(\.element)
    for event in stored { print(event, at: start) }
    var counts: [String: Int] = [:]
    for event in initial { counts[identity(event)] = event.count }
    try context.wait(seconds: Watch.boundSeconds) { $0.isQuiet }
    let changed = context.cluster.events.enumerated().filter { _, event in
      matches(event) && counts[identity(event)] != event.count
    }
    let ordered = changed.sorted { a, b in
      a.element.lastTimestamp != b.element.lastTimestamp
        ? a.element.lastTimestamp < b.element.lastTimestamp : a.offset < b.offset
    }
    for (_, event) in ordered { print(event, at: event.lastTimestamp) }
  }

  /// Go's `strings.TrimSpace`: the message without leading and trailing white space.
  static func trimmed(_ text: String) -> String {
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
