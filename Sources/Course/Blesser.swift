/// Writes actual output back into a lesson (`kubebook check --bless`): only the expected
/// output lines (and `? N` lines) of failing commands change, and a fence grows longer
/// when the new output holds a line that would close it; every other byte stays.
///
/// Output lines the parser would read as something else (`$ `, `> `, `? N`, `...`, `[..]`,
/// a leading backslash) are written escaped (``ScenarioLine/expectedLine(forActual:)``).
/// New lines take the line ending of the block's opening fence line, so a CRLF lesson
/// stays CRLF. The result is parsed again and compared with what was meant; when they
/// differ, blessing refuses with a diagnostic rather than write a lesson that says
/// something else.
public enum Blesser {
  /// What one command actually did, to be written into the lesson when it differs.
  public struct Outcome: Sendable, Equatable {
    /// The lines it printed (no trailing empty line).
    public var lines: [String]
    /// Its exit status.
    public var exitCode: Int32

    /// Creates an outcome.
    public init(lines: [String], exitCode: Int32) {
      self.lines = lines
      self.exitCode = exitCode
    }
  }

  /// The lesson source with the failing steps of `result` replaced by what they printed.
  ///
  /// - Throws: a ``Diagnostic`` at the scenario that cannot be written so that it reads back.
  public static func bless(_ result: LessonResult) throws(Diagnostic) -> String {
    try bless(
      result.lesson,
      outcomes: result.scenarios.map { scenario in
        scenario.steps.map { Outcome(lines: $0.actualLines, exitCode: $0.result.exitCode) }
      })
  }

  /// The source of `lesson` with each step's expected output and status replaced by its
  /// outcome where they do not match. `outcomes` holds one list per scenario, one outcome
  /// per step (missing ones leave their steps alone).
  ///
  /// - Throws: a ``Diagnostic`` at the scenario that cannot be written so that it reads back.
  public static func bless(_ lesson: Lesson, outcomes: [[Outcome]]) throws(Diagnostic) -> String {
    let scenarios = lesson.scenarios
    if scenarios.isEmpty { return lesson.source }
    var lines = TextLine.split(lesson.source)
    var intended: [Scenario] = []
    for (index, scenario) in scenarios.enumerated() {
      let stepOutcomes = index < outcomes.count ? outcomes[index] : []
      intended.append(try revised(scenario, outcomes: stepOutcomes, path: lesson.displayPath))
    }
    for index in scenarios.indices.reversed() {
      try rewrite(scenarios[index], as: intended[index], in: &lines, path: lesson.displayPath)
    }
    let text = TextLine.join(lines)
    try verify(text, of: lesson, intended: intended)
    return text
  }

  /// The scenario as it should read after blessing: failing steps expect their outcome.
  private static func revised(_ scenario: Scenario, outcomes: [Outcome], path: String) throws(Diagnostic)
    -> Scenario
  {
    var revised = scenario
    for (index, outcome) in zip(scenario.steps.indices, outcomes) {
      let step = scenario.steps[index]
      if !OutputMatcher.matches(expected: step.expected, actual: outcome.lines) {
        if let bad = outcome.lines.firstIndex(where: { $0.unicodeScalars.contains("\r") }) {
          throw refusal(
            scenario, path: path,
            reason: "line \(bad + 1) of the output of `\(firstLine(step.command))` holds a carriage return, "
              + "which a lesson line cannot hold")
        }
        revised.steps[index].expected = outcome.lines.map(ScenarioLine.expectedLine(forActual:))
      }
      revised.steps[index].expectedStatus = outcome.exitCode
    }
    return revised
  }

  /// Replaces `scenario`'s block in `lines` with the text of `intended`'s expectations.
  private static func rewrite(
    _ scenario: Scenario, as intended: Scenario, in lines: inout [TextLine], path: String
  ) throws(Diagnostic) {
    let open = scenario.fenceLine - 1
    let contentEnd = open + 1 + scenario.contentLineCount
    guard open >= 0, contentEnd + (scenario.hasClosingFence ? 1 : 0) <= lines.count,
      let fence = FenceLine(lines[open].text)
    else {
      throw refusal(scenario, path: path, reason: "the block's lines could not be found in the file")
    }
    let prefix = fence.contentPrefix
    let ending = lines[open].ending.isEmpty ? "\n" : lines[open].ending
    func line(_ text: String) -> TextLine {
      TextLine(text: text.isEmpty ? prefix.trimmingTrailingSpaces() : prefix + text, ending: ending)
    }
    var delta = 0
    for (step, wanted) in zip(scenario.steps, intended.steps).reversed() {
      let first = open + 1
      if wanted.expected != step.expected {
        let start = first + step.expectedIndex
        let end = start + step.expected.count
        var replacement = wanted.expected.map(line)
        if end == lines.count, let last = lines.last, last.ending.isEmpty, !replacement.isEmpty {
          replacement[replacement.count - 1].ending = ""
        }
        lines.replaceSubrange(start..<end, with: replacement)
        delta += replacement.count - step.expected.count
      }
      if wanted.expectedStatus != step.expectedStatus {
        let statusLine = first + step.statusIndex
        if step.hasStatusLine {
          if wanted.expectedStatus == 0 {
            lines.remove(at: statusLine)
            delta -= 1
          } else {
            lines[statusLine].text = prefix + "? \(wanted.expectedStatus)"
          }
        } else if wanted.expectedStatus != 0 {
          lines.insert(line("? \(wanted.expectedStatus)"), at: statusLine)
          delta += 1
        }
      }
    }
    guard zip(scenario.steps, intended.steps).contains(where: { $0 != $1 }) else { return }
    let content = (open + 1)..<(contentEnd + delta)
    let longestRun = lines[content].map { fence.closingRun($0.text) }.max() ?? 0
    if longestRun >= fence.length {
      lines[open].text = FenceLine.lengthened(lines[open].text, to: longestRun + 1)
      if scenario.hasClosingFence {
        lines[content.upperBound].text = FenceLine.lengthened(lines[content.upperBound].text, to: longestRun + 1)
      }
    }
  }

  /// Parses `text` again and checks that it says what was meant: the same files, the same
  /// scenarios and commands, and the blessed expectations, read back as written.
  private static func verify(_ text: String, of lesson: Lesson, intended: [Scenario]) throws(Diagnostic) {
    let reread = Lesson(path: lesson.path, displayPath: lesson.displayPath, source: text)
    let scenarios = reread.scenarios
    let fileBlocks = { (items: [Lesson.Item]) -> [String] in
      items.compactMap { if case .file(let name, let contents, _) = $0 { name + "\n" + contents } else { nil } }
    }
    let sameShape =
      reread.items.count == lesson.items.count && scenarios.count == intended.count
      && fileBlocks(reread.items) == fileBlocks(lesson.items)
      && reread.diagnostics.map(\.message) == lesson.diagnostics.map(\.message)
    guard sameShape else {
      // `bless` returns early for a lesson without scenarios, so `intended` is not empty.
      let firstEdited = zip(lesson.scenarios, intended).first { $0 != $1 }?.1 ?? intended[0]
      throw refusal(
        firstEdited, path: lesson.displayPath,
        reason: "the blessed file would not read back as the same blocks (a fence or container changed)")
    }
    for (scenario, wanted) in zip(scenarios, intended) where !readsBack(scenario, as: wanted) {
      throw refusal(
        wanted, path: lesson.displayPath,
        reason: "the blessed block would not read back as the same commands and output")
    }
  }

  /// Whether a scenario parsed from blessed text says what `wanted` says.
  private static func readsBack(_ scenario: Scenario, as wanted: Scenario) -> Bool {
    guard scenario.options == wanted.options, scenario.steps.count == wanted.steps.count else { return false }
    return zip(scenario.steps, wanted.steps).allSatisfy { read, want in
      read.command == want.command && read.stdin == want.stdin && read.displayLines == want.displayLines
        && read.expected == want.expected && read.expectedStatus == want.expectedStatus
    }
  }

  /// The diagnostic of a scenario that blessing leaves alone.
  private static func refusal(_ scenario: Scenario, path: String, reason: String) -> Diagnostic {
    Diagnostic(
      path: path, line: scenario.fenceLine,
      message: "cannot bless this scenario: \(reason); the file is left unchanged")
  }

  /// The first line of a (possibly continued) command, for messages.
  private static func firstLine(_ command: String) -> String {
    command.split(separator: "\n").first.map(String.init) ?? ""
  }
}

extension String {
  /// The string without trailing spaces and tabs.
  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " || text.last == "\t" { text.removeLast() }
    return text
  }
}
