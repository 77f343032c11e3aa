/// Writes actual output back into a lesson (`kubebook check --bless`): only the expected
/// output lines (and `? N` lines) of failing commands change; every other byte stays.
public enum Blesser {
  /// The lesson source with the failing steps of `result` replaced by what they printed.
  public static func bless(_ result: LessonResult) -> String {
    let source = result.lesson.source
    var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var edits: [(fence: Int, step: StepResult)] = []
    for scenario in result.scenarios {
      for step in scenario.steps where !step.passed {
        edits.append((scenario.scenario.fenceLine - 1, step))
      }
    }
    for (fence, step) in edits.reversed() {
      let prefix = fencePrefix(lines[fence])
      let first = fence + 1
      if !step.outputMatches {
        let start = first + step.step.expectedIndex
        let replacement = step.actualLines.map { line in
          line.isEmpty ? prefix.trimmingTrailingSpaces() : prefix + line
        }
        lines.replaceSubrange(start..<(start + step.step.expected.count), with: replacement)
      }
      if !step.statusMatches {
        let statusLine = first + step.step.statusIndex
        let code = step.result.exitCode
        if step.step.hasStatusLine {
          if code == 0 {
            lines.remove(at: statusLine)
          } else {
            lines[statusLine] = prefix + "? \(code)"
          }
        } else if code != 0 {
          lines.insert(prefix + "? \(code)", at: statusLine)
        }
      }
    }
    return lines.joined(separator: "\n")
  }

  /// What precedes the fence marker on the fence line (list indentation, `> ` markers).
  static func fencePrefix(_ line: String) -> String {
    String(line.prefix { $0 != "`" && $0 != "~" })
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " || text.last == "\t" { text.removeLast() }
    return text
  }
}
