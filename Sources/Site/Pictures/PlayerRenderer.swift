import BookConfig
import Course

/// The step-through player of a scenario, precomputed at build time: for every command, its
/// terminal lines and the cluster right after it (state tables with the changes since the
/// step before marked, and the cluster map). Without JavaScript it reads as every step in
/// order; the page script (``Assets``) turns it into previous / next buttons and a slider that
/// show the transcript up to the chosen step and the cluster as it was then.
enum PlayerRenderer {
  /// The player of block `number` (from 1), or "" for a hidden block, one with `show=none`
  /// or one of a single command. `before` is the state before the block's first command.
  static func render(_ result: ScenarioResult, before: ClusterState?, number: Int, strings: SiteStrings) -> String {
    let options = result.scenario.options
    guard !options.hidden, !options.pictures.contains("none"), result.steps.count >= 2 else { return "" }
    let count = result.steps.count
    func text(_ key: UIString, _ values: KeyValuePairs<String, String> = [:]) -> String {
      HTML.escape(strings.format(key, values))
    }
    var html =
      "<details class=\"player\" data-steps=\"\(count)\"><summary>\(text(.playerSummary, ["count": "\(count)"]))</summary>\n"
    html +=
      "<div class=\"player-controls\" hidden><button type=\"button\" class=\"player-prev\">\(text(.playerPrevious))</button>"
      + "<input type=\"range\" class=\"player-slider\" min=\"1\" max=\"\(count)\" value=\"1\" "
      + "aria-label=\"\(text(.playerSlider, ["block": "\(number)"]))\">"
      + "<button type=\"button\" class=\"player-next\">\(text(.playerNext))</button>"
      + "<span class=\"player-position\" aria-live=\"polite\">\(text(.playerPosition, ["step": "1", "count": "\(count)"]))</span></div>\n"
    var previous = before
    for (index, step) in result.steps.enumerated() {
      let number = "\(number)-\(index + 1)"
      html +=
        "<div class=\"player-step\" data-step=\"\(index + 1)\"><p class=\"player-label\">\(text(.playerStep, ["step": "\(index + 1)"]))</p>"
        + TerminalRenderer.render(steps: result.steps[index...index], strings: strings) + "</div>\n"
      let state = step.clusterAfter.map(ClusterState.capture) ?? ClusterState(tables: [], pods: [], nodes: [])
      if state.tables.isEmpty {
        html +=
          "<div class=\"player-state\" data-step=\"\(index + 1)\"><p class=\"player-same\">\(text(.playerEmpty))</p>"
      } else if ScenarioPictures.changed(state, since: previous) {
        html += "<div class=\"player-state player-state-drawn\" data-step=\"\(index + 1)\">"
        html += StateTablesRenderer.render(state, previous: previous, strings: strings)
        html += ClusterMapRenderer.render(state, id: "player-\(number)-map", strings: strings)
      } else {
        html +=
          "<div class=\"player-state\" data-step=\"\(index + 1)\"><p class=\"player-same\">\(text(.playerSame))</p>"
      }
      html += "</div>\n"
      previous = state
    }
    return html + "</details>\n"
  }
}
