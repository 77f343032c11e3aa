import KubeSim

/// `kubectl events [--for TYPE/NAME] [--types=Normal,Warning] [-A]` (kubectl
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
    if parsed.flag("watch") { throw .plain("kubebook does not simulate \"kubectl events --watch\" yet") }
    let all = parsed.flag("all-namespaces")
    let namespace = context.namespace(parsed)
    var events = context.cluster.events.filter { event in
      (all || event.namespace == namespace)
        && (types.isEmpty || types.contains { $0.lowercased() == event.type.rawValue.lowercased() })
        && subject.map { event.involvedKind == $0.kind && event.involvedName == $0.name } ?? true
    }
    guard !events.isEmpty else {
      output.line(all ? "No events found." : "No events found in \(namespace) namespace.")
      return
    }
    events = GoSort.sort(count: events.count) { events[$0].lastTimestamp < events[$1].lastTimestamp }.map { events[$0] }
    let now = context.cluster.now
    func since(_ time: Timestamp) -> String { HumanDuration.format(milliseconds: now.milliseconds - time.milliseconds) }
    var rows: [[String]] = []
    if !parsed.flag("no-headers") {
      rows.append((all ? ["NAMESPACE"] : []) + ["LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"])
    }
    for event in events {
      // `getInterval`: a repeated event shows when it was last seen, how often, and since when.
      let interval =
        event.count > 1
        ? "\(since(event.lastTimestamp)) (x\(event.count) over \(since(event.firstTimestamp)))"
        : since(event.firstTimestamp)
      rows.append(
        (all ? [event.namespace] : []) + [
          interval, event.type.rawValue, event.reason, "\(event.involvedKind)/\(event.involvedName)",
          trimmed(event.message),
        ])
    }
    output.write(TabWriter.get.format(rows))
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
