/// Turns scenario results into diagnostics: one per failing command, at the command's line,
/// with a unified diff of expected against actual output.
public enum Checker {
  /// The diagnostics of `result` (empty when everything passed).
  public static func diagnostics(for result: LessonResult, color: Bool) -> [Diagnostic] {
    result.scenarios.flatMap {
      diagnostics(for: $0, displayPath: result.lesson.displayPath, color: color)
    }
  }

  /// The diagnostics of one scenario block of the lesson at `displayPath`.
  public static func diagnostics(for scenario: ScenarioResult, displayPath: String, color: Bool)
    -> [Diagnostic]
  {
    var diagnostics: [Diagnostic] = []
    for step in scenario.steps where !step.passed {
      let line = scenario.scenario.fenceLine + 1 + step.step.commandIndex
      let command = step.step.command.split(separator: "\n").first.map(String.init) ?? ""
      var problems: [String] = []
      if !step.statusMatches {
        problems.append("exited with status \(step.result.exitCode), expected \(step.step.expectedStatus)")
      }
      if !step.outputMatches { problems.append("printed output that differs from the lesson") }
      diagnostics.append(
        Diagnostic(
          path: displayPath, line: line,
          message: "`\(command)` " + problems.joined(separator: " and "),
          detail: step.outputMatches
            ? nil
            : UnifiedDiff.format(expected: step.step.expected, actual: step.actualLines, color: color)
              .dropLastNewline()))
    }
    return diagnostics
  }
}

extension String {
  func dropLastNewline() -> String {
    hasSuffix("\n") ? String(dropLast()) : self
  }
}
