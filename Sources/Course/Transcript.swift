/// The actual transcript of a lesson in scenario syntax (`kubebook run`), ready to paste.
public enum Transcript {
  /// Every scenario block as a fenced block: commands as typed, `? N` for a non-zero exit
  /// status, then what each command printed (escaped where it would read as syntax, and
  /// fenced longer than any fence-like line it holds).
  public static func render(_ result: LessonResult) -> String {
    var output = ""
    for (index, scenario) in result.scenarios.enumerated() {
      if index > 0 { output += "\n" }
      var info = "scenario"
      let options = scenario.scenario.options
      if options.fresh { info += " new" }
      if let nodes = options.nodes { info += " nodes=\(nodes)" }
      if let seed = options.seed { info += " seed=\(seed)" }
      if options.hidden { info += " hidden" }
      if !options.pictures.isEmpty { info += " show=" + options.pictures.joined(separator: ",") }
      var content: [String] = []
      for step in scenario.steps {
        content += step.step.displayLines + step.step.heredocLines
        if step.result.exitCode != 0 { content.append("? \(step.result.exitCode)") }
        content += step.actualLines.map(ScenarioLine.expectedLine(forActual:))
      }
      let fence = String(repeating: "`", count: Self.fenceLength(for: content))
      output += fence + info + "\n"
      for line in content { output += line + "\n" }
      output += fence + "\n"
    }
    return output
  }

  /// Three backticks, or one more than the longest line of `content` that would close them.
  static func fenceLength(for content: [String]) -> Int {
    let backticks = FenceLine("```")!
    return max(3, (content.map(backticks.closingRun).max() ?? 0) + 1)
  }
}
