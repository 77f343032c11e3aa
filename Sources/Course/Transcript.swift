/// The actual transcript of a lesson in scenario syntax (`kubebook run`), ready to paste.
public enum Transcript {
  /// Every scenario block as a fenced block: commands as typed, `? N` for a non-zero exit
  /// status, then what each command printed.
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
      output += "```" + info + "\n"
      for step in scenario.steps {
        for line in step.step.displayLines + step.step.heredocLines { output += line + "\n" }
        if step.result.exitCode != 0 { output += "? \(step.result.exitCode)\n" }
        output += step.result.output
        if !step.result.output.isEmpty && !step.result.output.hasSuffix("\n") { output += "\n" }
      }
      output += "```\n"
    }
    return output
  }
}
