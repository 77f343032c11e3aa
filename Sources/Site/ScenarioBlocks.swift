import BookConfig
import Course

/// The HTML of a page's scenario blocks by fence line — transcript, practice line, pictures —
/// each made from its result as it comes. Only the state after the block before is kept (the
/// next block's pictures mark what changed since), so a block's clusters can go as soon as
/// it is drawn.
struct ScenarioBlocks {
  /// The lesson as the practice line names it (`content/pods.md`).
  let displayPath: String
  /// Each block's HTML by the line of its opening fence.
  private(set) var html: [Int: String] = [:]
  /// The state after the block before, on the same cluster.
  private var stateBefore: ClusterState?
  /// How many blocks were added.
  private var count = 0

  /// The site's strings.
  let strings: SiteStrings

  /// Starts a page's blocks.
  init(displayPath: String, strings: SiteStrings) {
    self.displayPath = displayPath
    self.strings = strings
  }

  /// Draws the next block of the page; without its cluster (a result kept after it was
  /// handed on) it gets its transcript only.
  mutating func add(_ scenario: ScenarioResult) {
    count += 1
    let terminal = TerminalRenderer.render(scenario, strings: strings)
    let options = scenario.scenario.options
    if options.fresh || options.nodes != nil || options.seed != nil { stateBefore = nil }
    var pictures = ""
    if let cluster = scenario.clusterAfter {
      let state = ClusterState.capture(cluster)
      pictures =
        ScenarioPictures.render(scenario, state: state, previous: stateBefore, number: count, strings: strings)
        + PlayerRenderer.render(scenario, before: stateBefore, number: count, strings: strings)
      stateBefore = state
    }
    html[scenario.scenario.fenceLine] =
      terminal.isEmpty
      ? terminal : terminal + SiteRenderer.practiceLine(displayPath, block: count, strings: strings) + pictures
  }
}
