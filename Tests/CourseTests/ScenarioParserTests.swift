import Testing

@testable import Course

@Suite struct ScenarioParserTests {
  func parse(_ body: String, info: String = "scenario") throws -> Scenario {
    try ScenarioParser.parse(literal: body, info: InfoString(info), fenceLine: 10)
  }

  @Test func commandsOutputAndStatus() throws {
    let scenario = try parse(
      """
      $ kubectl get pods
      No resources found in default namespace.
      $ kubectl get pod x
      ? 1
      Error from server (NotFound): pods "x" not found
      $ sleep 5

      """)
    #expect(scenario.steps.count == 3)
    #expect(scenario.steps[0].command == "kubectl get pods")
    #expect(scenario.steps[0].expected == ["No resources found in default namespace."])
    #expect(scenario.steps[1].expectedStatus == 1)
    #expect(scenario.steps[1].hasStatusLine)
    #expect(scenario.steps[1].statusIndex == 3)
    #expect(scenario.steps[1].expectedIndex == 4)
    #expect(scenario.steps[2].expected.isEmpty)
  }

  @Test func continuationLines() throws {
    let scenario = try parse("$ kubectl run nginx \\\n> --image=nginx\npod/nginx created\n")
    #expect(scenario.steps[0].command == "kubectl run nginx --image=nginx")
    #expect(scenario.steps[0].displayLines == ["$ kubectl run nginx \\", "> --image=nginx"])
    #expect(scenario.steps[0].expected == ["pod/nginx created"])
  }

  @Test func heredocBecomesStandardInput() throws {
    let scenario = try parse(
      """
      $ kubectl apply -f - <<EOF
      apiVersion: v1
      kind: Pod
      EOF
      pod/web created

      """)
    #expect(scenario.steps[0].command == "kubectl apply -f -")
    #expect(scenario.steps[0].stdin == "apiVersion: v1\nkind: Pod\n")
    #expect(scenario.steps[0].expected == ["pod/web created"])
    #expect(scenario.steps[0].expectedIndex == 4)
  }

  @Test func quotedHeredocDelimiter() throws {
    let scenario = try parse("$ kubectl apply -f - <<'END'\nx: 1\nEND\n")
    #expect(scenario.steps[0].stdin == "x: 1\n")
  }

  @Test func unterminatedHeredocIsAnErrorAtTheCommand() {
    #expect(
      throws: ScenarioSyntaxError(
        offset: 1, message: "unterminated heredoc: no line \"EOF\" before the end of the block")
    ) {
      try parse("$ kubectl get pods\n$ kubectl apply -f - <<EOF\napiVersion: v1\n")
    }
  }

  @Test func textBeforeTheFirstCommandIsAnError() {
    #expect(throws: ScenarioSyntaxError.self) { try parse("kubectl get pods\n") }
  }

  @Test func emptyScenarioIsAnError() {
    #expect(throws: ScenarioSyntaxError.self) { try parse("") }
  }

  @Test func options() throws {
    let scenario = try parse("$ sleep 1\n", info: "scenario new nodes=3 seed=42 hidden show=tables,map")
    #expect(scenario.options.fresh)
    #expect(scenario.options.nodes == 3)
    #expect(scenario.options.seed == 42)
    #expect(scenario.options.hidden)
    #expect(scenario.options.pictures == ["tables", "map"])
    #expect(throws: ScenarioSyntaxError.self) { try parse("$ sleep 1\n", info: "scenario nodes=0") }
    #expect(throws: ScenarioSyntaxError.self) { try parse("$ sleep 1\n", info: "scenario fresh") }
  }
}

@Suite struct OutputMatcherTests {
  @Test(
    arguments: [
      (["a", "b"], ["a", "b"], true),
      (["a", "b"], ["a", "c"], false),
      (["..."], [], true),
      (["..."], ["x", "y"], true),
      (["a", "...", "d"], ["a", "b", "c", "d"], true),
      (["a", "...", "d"], ["a", "d"], true),
      (["a", "...", "d"], ["a", "b"], false),
      (["nginx-[..]   1/1"], ["nginx-abcde   1/1"], true),
      (["[..] created"], ["pod/x created"], true),
      (["[..] created"], ["pod/x deleted"], false),
      (["a[..]b[..]c"], ["aXXbYYc"], true),
      (["a[..]b[..]c"], ["aXXcYYb"], false),
      ([], ["unexpected"], false),
      (["expected"], [], false),
    ] as [([String], [String], Bool)])
  func matching(expected: [String], actual: [String], result: Bool) {
    #expect(OutputMatcher.matches(expected: expected, actual: actual) == result)
  }
}

@Suite struct UnifiedDiffTests {
  @Test func plainDiff() {
    let text = UnifiedDiff.format(expected: ["a", "b", "c"], actual: ["a", "x", "c"], color: false)
    #expect(text == "--- expected\n+++ actual\n a\n-b\n+x\n c\n")
  }

  @Test func colouredDiffUsesANSI() {
    let text = UnifiedDiff.format(expected: ["b"], actual: ["x"], color: true)
    #expect(text.contains("\u{1B}[31m-b\u{1B}[0m"))
    #expect(text.contains("\u{1B}[32m+x\u{1B}[0m"))
  }
}
