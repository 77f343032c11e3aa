import BookConfig
import Course

/// The pictures that follow a scenario's transcript. `show=tables,map,timeline` asks for
/// pictures and shows them open; `show=none` asks for none; without `show=` a block that
/// changed what the tables show gets both, folded under a summary line so the lesson reads
/// on, and each command that waited and changed ReplicaSets gets its timeline, open.
enum ScenarioPictures {
  /// The HTML after block `number` (from 1) of a page; `previous` is the state after the
  /// block before on the same cluster (nil for the first block, or after `new`).
  static func render(
    _ result: ScenarioResult, state: ClusterState, previous: ClusterState?, number: Int, strings: SiteStrings
  ) -> String {
    let options = result.scenario.options
    if options.hidden || options.pictures.contains("none") { return "" }
    let asked = options.pictures
    let tables = asked.isEmpty || asked.contains("tables")
    let map = asked.isEmpty || asked.contains("map")
    let timelines = timelines(result, number: number, everyStep: asked.contains("timeline"), strings: strings)
    if asked.isEmpty && !changed(state, since: previous) { return timelines }
    var body = ""
    if tables { body += StateTablesRenderer.render(state, previous: previous, strings: strings) }
    if map { body += ClusterMapRenderer.render(state, id: "map-\(number)", strings: strings) }
    if body.isEmpty { return timelines }
    if asked.isEmpty {
      return timelines + "<details class=\"cluster-state\"><summary>" + HTML.escape(strings[.clusterState])
        + "</summary>" + body
        + "</details>\n"
    }
    return timelines + "<div class=\"cluster-state\">" + body + "</div>\n"
  }

  /// The rollout timelines of the block: of the commands that wait (`rollout status`,
  /// `get -w`, `sleep`, `wait`) by default, of every command whose ReplicaSets changed with
  /// `show=timeline`; block `number`, step N gets the id `timeline-NUMBER-N`.
  static func timelines(_ result: ScenarioResult, number: Int, everyStep: Bool, strings: SiteStrings) -> String {
    var html = ""
    for (index, step) in result.steps.enumerated() where everyStep || step.result.shape.waits {
      html += TimelineRenderer.render(step, id: "timeline-\(number)-\(index + 1)", strings: strings)
    }
    return html
  }

  /// Whether any table row is new, changed or gone since `previous`.
  static func changed(_ state: ClusterState, since previous: ClusterState?) -> Bool {
    guard let previous else { return !state.tables.isEmpty }
    func rows(_ state: ClusterState) -> [String: [String: [String]]] {
      Dictionary(
        state.tables.map { ($0.kind, StateTablesRenderer.rowsByKey($0.table)) }, uniquingKeysWith: { first, _ in first }
      )
    }
    return rows(state) != rows(previous)
  }
}
