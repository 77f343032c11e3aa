import KubeSim

/// `kubectl get -w`: the current list, then one row per change, laid out with the widths
/// remembered so far (`docs/reference/kubectl-output.md` §1.8), while virtual time moves on.
///
/// A real watch runs until interrupted; kubebook stops when the cluster has no more work
/// scheduled, or after ``boundSeconds`` of virtual time.
enum Watch {
  /// The longest a watch follows the cluster, in virtual seconds.
  static let boundSeconds: Int64 = 600

  static func run(
    group: GetCommand.Group, names: [String], namespace: String?, selector: LabelSelector, wide: Bool,
    allNamespaces: Bool, showLabels: Bool, listFirst: Bool = true, eventColumn: Bool = false,
    context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let writer = TabWriter.get
    /// `--output-watch-events`: an EVENT column first, the type padded as kubectl's table
    /// printer pads it (`formatEventType`).
    func withEvent(_ change: WatchEvent.Change, _ cells: (header: [String], rows: [[String]])) -> (
      header: [String], rows: [[String]]
    ) {
      guard eventColumn else { return cells }
      let padded = change.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
      return (["EVENT"] + cells.header, cells.rows.map { [padded] + $0 })
    }
    let initial = withEvent(
      .added,
      GetCommand.cells(
        group, now: context.cluster.now, wide: wide, allNamespaces: allNamespaces, showLabels: showLabels,
        prefixNames: false))
    var widths: [Int] = []
    var headerPrinted = false
    // `--watch-only` prints no current state: only the changes from now on.
    if listFirst && !initial.rows.isEmpty {
      let rows = [initial.header] + initial.rows
      widths = writer.widths(of: rows)
      output.write(writer.format(rows, widths: widths))
      headerPrinted = true
    }
    let kind = group.type.kind
    context.cluster.startWatching([kind])
    defer { _ = context.cluster.stopWatching() }
    let limit = context.cluster.now.adding(milliseconds: boundSeconds * 1000)
    do {
      try context.cluster.advance(until: limit) { $0.isQuiet }
    } catch {
      throw .api(error)
    }
    for event in context.cluster.drainWatchEvents() {
      guard let watched = event.object as? any KubectlResource else { continue }
      let object = APIObject(watched)
      let meta = object.metadata
      if let namespace, meta.namespace != namespace { continue }
      if !names.isEmpty && !names.contains(meta.name) { continue }
      if !selector.matches(meta.labels) { continue }
      let single = withEvent(
        event.change,
        GetCommand.cells(
          GetCommand.Group(type: group.type, objects: [object]), now: event.time, wide: wide,
          allNamespaces: allNamespaces, showLabels: showLabels, prefixNames: false))
      var rows = single.rows
      if !headerPrinted {
        rows.insert(single.header, at: 0)
        headerPrinted = true
      }
      widths = writer.widths(of: rows, remembered: widths)
      output.write(writer.format(rows, widths: widths), at: event.time)
    }
  }
}
