import Course

/// Fuzzes the scenario parser and the blesser: any bytes are parsed as a lesson; when it
/// has scenarios, each command is given an output and status picked from the input (lines
/// that look like scenario syntax, fences, carriage returns, lines of the lesson itself)
/// and the lesson is blessed. Blessing must refuse, or give a lesson that reads back with
/// the same commands, expects exactly those outputs and statuses, and blesses to itself.
enum LessonFuzzTarget {
  /// Output lines likely to confuse a lesson's syntax.
  static let trickyLines = [
    "```", "````", "~~~", "~~~~~", "   ```", "  ~~~  ", "> ```", "$ kubectl get pods", "$", "$ ", "> x", ">", "? 1",
    "? x", "...", "[..]", "a [..] b", "\\", "\\...", "", " ", "\t", "\tindented", "    code", "- item", "# heading",
    "<div>", "a\rb", "\r", "x\u{0}y", "$ \u{301}x", "```\u{301}", "\u{301}", "EOF", "é", "🙂",
  ]

  /// Runs one input; traps (the fuzzer's crash) when blessing breaks its promise.
  static func run(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let lesson = Lesson(path: "fuzz.md", displayPath: "fuzz.md", source: text)
    guard !lesson.scenarios.isEmpty else { return }
    var random = FuzzRandom(bytes)
    let ownLines = TextLine.texts(text)
    let outcomes = lesson.scenarios.map { scenario in
      scenario.steps.map { step in outcome(for: step, ownLines: ownLines, random: &random) }
    }
    let blessed: String
    do { blessed = try Blesser.bless(lesson, outcomes: outcomes) } catch { return }
    let reread = Lesson(path: lesson.path, displayPath: lesson.displayPath, source: blessed)
    let scenarios = reread.scenarios
    precondition(scenarios.count == lesson.scenarios.count, "blessing changed the number of scenarios")
    for (index, scenario) in scenarios.enumerated() {
      let before = lesson.scenarios[index]
      precondition(scenario.steps.count == before.steps.count, "blessing changed the number of commands")
      for (step, (original, outcome)) in zip(scenario.steps, zip(before.steps, outcomes[index])) {
        precondition(step.command == original.command && step.stdin == original.stdin, "blessing changed a command")
        precondition(step.expectedStatus == outcome.exitCode, "blessed status does not read back")
        precondition(
          OutputMatcher.matches(expected: step.expected, actual: outcome.lines), "blessed output does not match")
        if !OutputMatcher.matches(expected: original.expected, actual: outcome.lines) {
          precondition(
            step.expected.map(ScenarioLine.literalText(of:)) == outcome.lines, "blessed output is not literal")
        }
      }
    }
    let again = try? Blesser.bless(reread, outcomes: outcomes)
    precondition(again == blessed, "blessing a blessed lesson changed it")
  }

  /// What one command "printed": kept as expected (so it passes), or new lines.
  static func outcome(for step: Scenario.Step, ownLines: [String], random: inout FuzzRandom) -> Blesser.Outcome {
    let statuses: [Int32] = [0, 0, 1, 2, 127, -1, Int32.max, Int32.min, step.expectedStatus]
    let status = random.pick(statuses)
    if random.below(4) == 0 {
      let literal = step.expected.compactMap(ScenarioLine.literalText(of:))
      if literal.count == step.expected.count { return Blesser.Outcome(lines: literal, exitCode: status) }
    }
    var lines: [String] = []
    for _ in 0..<random.below(6) {
      switch random.below(3) {
      case 0: lines.append(random.pick(trickyLines))
      case 1: lines.append(ownLines.isEmpty ? "" : random.pick(ownLines))
      default: lines.append(random.pick(trickyLines) + random.pick(trickyLines))
      }
    }
    return Blesser.Outcome(lines: lines, exitCode: status)
  }
}
