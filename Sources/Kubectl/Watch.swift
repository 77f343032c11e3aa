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
    allNamespaces: Bool, showLabels: Bool, context: inout CommandContext, output: inout OutputBuffer
  ) throws(KubectlError) {
    let writer = TabWriter.get
    let initial = GetCommand.cells(
      group, now: context.cluster.now, wide: wide, allNamespaces: allNamespaces, showLabels: showLabels,
      prefixNames: false)
    var widths: [Int] = []
    var headerPrinted = false
    if !initial.rows.isEmpty {
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
      let single = GetCommand.cells(
        GetCommand.Group(type: group.type, objects: [object]), now: event.time, wide: wide,
        allNamespaces: allNamespaces, showLabels: showLabels, prefixNames: false)
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
