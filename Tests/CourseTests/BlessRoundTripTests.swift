import Markdown
import Testing

@testable import Course

/// `check --bless` writes output that reads back as that output: fences grow past fence
/// lines in the output, lines the parser would misread are escaped, line endings are kept,
/// and a lesson that cannot be written so is refused, not corrupted.
@Suite struct BlessRoundTripTests {
  func lesson(_ source: String) -> Lesson {
    Lesson(path: "t.md", displayPath: "content/t.md", source: source)
  }

  /// Blesses `source` from running it, and checks the blessed lesson passes and blessing
  /// it again changes nothing.
  func blessAndRecheck(_ source: String) throws -> String {
    let original = lesson(source)
    #expect(original.diagnostics.isEmpty)
    let blessed = try Blesser.bless(LessonRunner.run(original))
    let rerun = LessonRunner.run(lesson(blessed))
    #expect(rerun.scenarios.allSatisfy { $0.passed }, "check after bless passes")
    #expect(try Blesser.bless(rerun) == blessed, "blessing twice gives the same file")
    return blessed
  }

  /// The paragraphs' texts of a lesson, at any depth of lists.
  func paragraphs(_ blocks: [Block]) -> [String] {
    blocks.flatMap { block -> [String] in
      switch block.kind {
      case .paragraph(let inlines): [inlines.map { if case .text(let text) = $0 { text } else { "" } }.joined()]
      case .list(_, let items): items.flatMap(paragraphs)
      case .blockQuote(let children): paragraphs(children)
      default: []
      }
    }
  }

  /// A ConfigMap whose value `describe` prints on a line of its own.
  func describedValue(_ value: String, fence: String = "```", indent: String = "") -> String {
    """
    # ConfigMaps

    \(indent)\(fence)scenario
    \(indent)$ kubectl create configmap c --from-literal=v='\(value)'
    \(indent)$ kubectl describe cm c
    \(indent)\(fence)

    Prose after the block.

    ```scenario
    $ kubectl get cm
    ```

    """
  }

  @Test func anOutputLineThatIsAFenceLengthensTheFence() throws {
    let blessed = try blessAndRecheck(describedValue("```"))
    let reread = lesson(blessed)
    #expect(reread.scenarios.count == 2, "the next scenario still runs")
    #expect(reread.scenarios[0].steps[1].expected.contains("```"))
    #expect(paragraphs(reread.document.blocks).contains("Prose after the block."), "prose stays prose")
    let lines = TextLine.texts(blessed)
    #expect(lines.filter { $0.hasPrefix("````") } == ["````scenario", "````"])
  }

  @Test func aLongerFenceInTheOutputGetsALongerFenceStill() throws {
    let blessed = try blessAndRecheck(describedValue("`````"))
    #expect(TextLine.texts(blessed).contains("``````scenario"))
  }

  @Test func tildeFencesAreLengthenedForTildeLinesOnly() throws {
    let tilde = try blessAndRecheck(describedValue("~~~", fence: "~~~"))
    #expect(TextLine.texts(tilde).contains("~~~~scenario"))
    let backticks = try blessAndRecheck(describedValue("~~~"))
    #expect(TextLine.texts(backticks).contains("```scenario"), "a ~~~ line cannot close a ``` fence")
  }

  @Test func indentedFencesAndListItemsKeepTheirIndentation() throws {
    let indented = try blessAndRecheck(describedValue("```", indent: "   "))
    #expect(TextLine.texts(indented).contains("   ````scenario"))
    let listed = try blessAndRecheck(
      """
      - Step one:

        ```scenario
        $ kubectl create configmap c --from-literal=v='```'
        $ kubectl describe cm c
        ```

        Still in the item.
      """)
    let reread = lesson(listed)
    #expect(TextLine.texts(listed).contains("  ````"))
    #expect(paragraphs(reread.document.blocks) == ["Step one:", "Still in the item."])
  }

  @Test(arguments: ["$ kubectl delete namespace default", "$", "? 3", "> x", ">", "...", "\\n", "a [..] b"])
  func outputLinesThatLookLikeSyntaxAreEscaped(value: String) throws {
    let blessed = try blessAndRecheck(describedValue(value))
    let reread = lesson(blessed)
    #expect(reread.scenarios[0].steps.map(\.command).count == 2, "no output line became a command")
    let escaped = "\\" + value
    #expect(TextLine.texts(blessed).contains(escaped))
    #expect(!TextLine.texts(blessed).contains(value))
  }

  /// Outputs whose first line would be read as a status or continuation of the command.
  @Test(arguments: ["? 3", "> --force", ">", "$ rm -rf /", "...", "\\", "x [..] y"])
  func aFirstOutputLineIsNeverReadAsPartOfTheCommand(first: String) throws {
    let original = lesson("```scenario\n$ kubectl get pods\n```\n")
    let outcome = Blesser.Outcome(lines: [first, "second"], exitCode: 0)
    let blessed = try Blesser.bless(original, outcomes: [[outcome]])
    let step = try #require(lesson(blessed).scenarios.first?.steps.first)
    #expect(step.command == "kubectl get pods")
    #expect(step.expectedStatus == 0)
    #expect(step.expected.map(ScenarioLine.literalText(of:)) == [first, "second"])
    #expect(OutputMatcher.matches(expected: step.expected, actual: [first, "second"]))
    #expect(!OutputMatcher.matches(expected: step.expected, actual: ["other", "second"]))
    #expect(try Blesser.bless(lesson(blessed), outcomes: [[outcome]]) == blessed)
  }

  @Test func theRunTranscriptReadsBackAsAPassingLesson() {
    let source =
      describedValue("```") + "```scenario\n$ kubectl create configmap d --from-literal=v='$ x'\n"
      + "$ kubectl describe cm d\n```\n"
    let transcript = Transcript.render(LessonRunner.run(lesson(source)))
    let pasted = lesson(transcript)
    #expect(pasted.scenarios.map(\.steps.count) == [2, 1, 2])
    #expect(LessonRunner.run(pasted).scenarios.allSatisfy { $0.passed })
    #expect(TextLine.texts(transcript).contains("\\$ x"))
  }

  @Test func aPassingBlockKeepsItsFenceWhenAnotherIsBlessed() throws {
    // An indented ``` does not close a fence; a passing block holding one is left alone.
    func source(_ output: String) -> String {
      "```scenario\n$ kubectl get pods\n\(output)\n```\n\n```scenario\n$ kubectl get pods\n    ```\n```\n"
    }
    let outcomes = [
      [Blesser.Outcome(lines: ["right"], exitCode: 0)], [Blesser.Outcome(lines: ["    ```"], exitCode: 0)],
    ]
    #expect(try Blesser.bless(lesson(source("wrong")), outcomes: outcomes) == source("right"))
  }

  @Test func anAllCRLFLessonStaysCRLF() throws {
    let source = "# T\r\n\r\n```scenario\r\n$ kubectl get pods\r\nwrong\r\n$ kubectl get pod x\r\n```\r\n\r\nEnd.\r\n"
    let blessed = try blessAndRecheck(source)
    let lines = TextLine.split(blessed)
    #expect(lines.allSatisfy { $0.ending == "\r\n" })
    #expect(lines.map(\.text).contains("? 1"))
    #expect(lines.map(\.text).contains("No resources found in default namespace."))
    #expect(paragraphs(lesson(blessed).document.blocks) == ["End."])
  }

  @Test func oneCRLFOutputLineKeepsTheClosingFence() throws {
    let source = "```scenario\n$ kubectl get pods\nwrong\r\n```\n\nEnd.\n"
    let blessed = try blessAndRecheck(source)
    #expect(
      TextLine.texts(blessed) == [
        "```scenario", "$ kubectl get pods", "No resources found in default namespace.", "```", "", "End.",
      ])
  }

  @Test func aCommandLineEndingInCRKeepsItsOutputInTheBlock() throws {
    let source = "```scenario\n$ kubectl get pods\r\n```\n\nEnd.\n"
    let blessed = try blessAndRecheck(source)
    let lines = TextLine.split(blessed)
    #expect(
      lines.map(\.text) == [
        "```scenario", "$ kubectl get pods", "No resources found in default namespace.", "```", "", "End.",
      ])
    #expect(lines[1].ending == "\r\n", "the command line keeps its own ending")
    #expect(paragraphs(lesson(blessed).document.blocks) == ["End."])
  }

  @Test func mixedEndingsKeepEachLineItsOwn() throws {
    let source = "Intro\r\n\n```scenario\r\n$ kubectl get pods\nwrong\r\n$ sleep 1\r\n```\nEnd.\r\n"
    let blessed = try blessAndRecheck(source)
    let lines = TextLine.split(blessed)
    #expect(lines.map(\.ending) == ["\r\n", "\n", "\r\n", "\n", "\r\n", "\r\n", "\n", "\r\n"])
    #expect(lines[4].text == "No resources found in default namespace.", "a new line takes the fence line's ending")
  }

  @Test func theParserReadsCRLFAndCR() throws {
    for ending in ["\r\n", "\r"] {
      let scenario = try ScenarioParser.parse(
        literal: ["$ kubectl run x \\", "> --image=nginx", "? 1", "out", ""].joined(separator: ending),
        info: InfoString("scenario"), fenceLine: 1)
      #expect(scenario.steps.map(\.command) == ["kubectl run x --image=nginx"])
      #expect(scenario.steps[0].expectedStatus == 1)
      #expect(scenario.steps[0].expected == ["out"])
    }
  }

  @Test func outputWithACarriageReturnIsRefusedAndNothingIsWritten() {
    let original = lesson("# T\n\n```scenario\n$ kubectl get pods\n```\n")
    let outcome = Blesser.Outcome(lines: ["progress\r100%"], exitCode: 0)
    #expect(throws: Diagnostic.self) { try Blesser.bless(original, outcomes: [[outcome]]) }
    do {
      _ = try Blesser.bless(original, outcomes: [[outcome]])
    } catch {
      #expect(error.description.hasPrefix("content/t.md:3: error: cannot bless this scenario: "))
      #expect(error.description.contains("carriage return"))
    }
  }

  @Test func aLessonThatWouldNotReadBackIsRefused() {
    // cmark reads a NUL character as U+FFFD, so this line cannot read back as written.
    let original = lesson("# T\n\n```scenario\n$ kubectl get pods\n```\n")
    let outcome = Blesser.Outcome(lines: ["a\u{0}b"], exitCode: 0)
    do {
      _ = try Blesser.bless(original, outcomes: [[outcome]])
      Issue.record("blessing wrote a line that does not read back")
    } catch {
      #expect(
        error.description
          == "content/t.md:3: error: cannot bless this scenario: the blessed block would not read back as the same commands and output; the file is left unchanged"
      )
    }
  }

  @Test(arguments: ["$ x", "$", "> y", ">", "? 1", "...", "[..]", "a[..]b", "\\", "\\\\x", "plain", "", "$x", "?1"])
  func theEscapeReadsBackAsTheLine(line: String) {
    let written = ScenarioLine.expectedLine(forActual: line)
    #expect(ScenarioLine.literalText(of: written) == line)
    #expect(
      !ScenarioLine.isCommand(written) && !ScenarioLine.isContinuation(written) && !ScenarioLine.isStatus(written))
    #expect(OutputMatcher.matches(expected: [written], actual: [line]))
    #expect(!OutputMatcher.matches(expected: [written], actual: [line + "z"]))
  }
}
