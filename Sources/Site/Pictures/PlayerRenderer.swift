import Course

/// The step-through player of a scenario, precomputed at build time: for every command, its
/// terminal lines and the cluster right after it (state tables with the changes since the
/// step before marked, and the cluster map). Without JavaScript it reads as every step in
/// order; the page script (``Assets``) turns it into previous / next buttons and a slider that
/// show the transcript up to the chosen step and the cluster as it was then.
enum PlayerRenderer {
  /// The player of block `number` (from 1), or "" for a hidden block, one with `show=none`
  /// or one of a single command. `before` is the state before the block's first command.
  static func render(_ result: ScenarioResult, before: ClusterState?, number: Int) -> String {
    let options = result.scenario.options
    guard !options.hidden, !options.pictures.contains("none"), result.steps.count >= 2 else { return "" }
    let count = result.steps.count
    var html =
      "<details class=\"player\" data-steps=\"\(count)\"><summary>逐步回放：\(count) 条命令，每一步之后的集群</summary>\n"
    html +=
      "<div class=\"player-controls\" hidden><button type=\"button\" class=\"player-prev\">上一步</button>"
      + "<input type=\"range\" class=\"player-slider\" min=\"1\" max=\"\(count)\" value=\"1\" "
      + "aria-label=\"第几步（块 \(number)）\">"
      + "<button type=\"button\" class=\"player-next\">下一步</button>"
      + "<span class=\"player-position\" aria-live=\"polite\">第 1 / \(count) 步</span></div>\n"
    var previous = before
    for (index, step) in result.steps.enumerated() {
      let number = "\(number)-\(index + 1)"
      html +=
        "<div class=\"player-step\" data-step=\"\(index + 1)\"><p class=\"player-label\">第 \(index + 1) 步</p>"
        + TerminalRenderer.render(steps: result.steps[index...index]) + "</div>\n"
      let state = step.clusterAfter.map(ClusterState.capture) ?? ClusterState(tables: [], pods: [], nodes: [])
      if state.tables.isEmpty {
        html += "<div class=\"player-state\" data-step=\"\(index + 1)\"><p class=\"player-same\">课程的命名空间里还没有对象。</p>"
      } else if ScenarioPictures.changed(state, since: previous) {
        html += "<div class=\"player-state player-state-drawn\" data-step=\"\(index + 1)\">"
        html += StateTablesRenderer.render(state, previous: previous)
        html += ClusterMapRenderer.render(state, id: "player-\(number)-map")
      } else {
        html += "<div class=\"player-state\" data-step=\"\(index + 1)\"><p class=\"player-same\">集群和上一步时一样。</p>"
      }
      html += "</div>\n"
      previous = state
    }
    return html + "</details>\n"
  }
}
