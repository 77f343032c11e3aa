import Kubectl
import TestSupport
import Testing

@testable import Course

/// Running, checking and blessing whole lessons.
@Suite struct LessonCheckTests {
  static let lessonSource = """
    # Pods

    Intro text that must survive blessing byte for byte.

    ```yaml file=pod.yaml
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
    ```

    - A list item with a nested scenario:

      ```scenario
      $ kubectl apply -f pod.yaml
      wrong output
      $ kubectl get pod missing
      $ kubectl get pods
      NAME   READY   STATUS[..]
      ...
      ```

    > ```scenario
    > $ sleep 30
    > $ kubectl get pods
    > ```

    Trailing text.
    """

  func lesson(_ source: String = lessonSource) -> Lesson {
    Lesson(path: "pods.md", displayPath: "content/pods.md", source: source)
  }

  @Test func failuresAreReportedAtTheCommandLine() {
    let result = LessonRunner.run(lesson())
    let diagnostics = Checker.diagnostics(for: result, color: false)
    #expect(diagnostics.map(\.line) == [19, 21, 29])
    #expect(
      diagnostics[0].description
        == "content/pods.md:19: error: `kubectl apply -f pod.yaml` printed output that differs from the lesson")
    #expect(diagnostics[0].detail == "--- expected\n+++ actual\n-wrong output\n+pod/web created")
    #expect(diagnostics[1].message.contains("exited with status 1, expected 0"))
  }

  @Test func blessThenCheckPassesAndOnlyExpectedOutputChanges() throws {
    let original = lesson()
    let blessed = try Blesser.bless(LessonRunner.run(original))
    let rerun = LessonRunner.run(lesson(blessed))
    #expect(rerun.scenarios.allSatisfy { $0.passed })
    #expect(Checker.diagnostics(for: rerun, color: false).isEmpty)
    // Every line outside the expected output is byte-identical, in order.
    let before = original.source.split(separator: "\n", omittingEmptySubsequences: false)
    let after = blessed.split(separator: "\n", omittingEmptySubsequences: false)
    let expectedOutputLines: Set<Int> = [19]  // 0-based index of "wrong output"
    let kept = before.enumerated().filter { !expectedOutputLines.contains($0.offset) }.map(\.element)
    var cursor = after.startIndex
    for line in kept {
      guard let found = after[cursor...].firstIndex(of: line) else {
        Issue.record("line \"\(line)\" was lost by blessing")
        return
      }
      cursor = found + 1
    }
    #expect(after.contains("  pod/web created"))
    #expect(after.contains("  ? 1"))
    #expect(after.contains("> NAME   READY   STATUS    RESTARTS   AGE"))
    #expect(after.contains("  NAME   READY   STATUS[..]"), "matching wildcard lines are left alone")
    #expect(blessed.hasSuffix("Trailing text."))
  }

  @Test func blessingAPassingLessonChangesNothing() throws {
    let source = "```scenario\n$ kubectl get pods\nNo resources found in default namespace.\n```\n"
    #expect(try Blesser.bless(LessonRunner.run(lesson(source))) == source)
  }

  @Test func fileBlocksMayNotLeaveThePageDirectory() {
    let bad = lesson("# x\n\n```yaml file=../../etc/passwd\nroot\n```\n")
    #expect(
      bad.diagnostics.map(\.description) == [
        "content/pods.md:3: error: file=../../etc/passwd leaves the page's directory; use a name relative to the page, without \"..\" or a leading \"/\""
      ])
  }

  @Test func scenarioSyntaxErrorsPointAtTheLine() {
    let bad = lesson("# x\n\n```scenario\n$ kubectl apply -f - <<EOF\nkind: Pod\n```\n")
    #expect(bad.diagnostics.map(\.line) == [4])
  }

  @Test func laterFileBlocksReplaceEarlierOnes() {
    let source = """
      ```yaml file=p.yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels:
          v: one
      spec:
        containers:
        - name: a
          image: nginx
      ```

      ```scenario
      $ kubectl apply -f p.yaml
      pod/web created
      ```

      ```yaml file=p.yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
        labels:
          v: two
      spec:
        containers:
        - name: a
          image: nginx
      ```

      ```scenario
      $ kubectl apply -f p.yaml
      pod/web configured
      $ kubectl get pods --show-labels
      NAME   READY   STATUS              RESTARTS   AGE   LABELS
      web    0/1     ContainerCreating   0          0s    v=two
      ```
      """
    let result = LessonRunner.run(lesson(source))
    #expect(result.scenarios.allSatisfy { $0.passed }, "\(Checker.diagnostics(for: result, color: false))")
  }

  @Test func newStartsAFreshCluster() {
    let source = """
      ```scenario
      $ kubectl run a --image=nginx
      pod/a created
      ```

      ```scenario new
      $ kubectl get pods
      No resources found in default namespace.
      ```
      """
    #expect(LessonRunner.run(lesson(source)).scenarios.allSatisfy { $0.passed })
  }

  @Test func invalidUTF8IsReportedWithTheFileName() {
    // 0xFF never occurs in UTF-8; it is the third byte of line 1.
    #expect(
      throws: Diagnostic(
        path: "content/bad.md", line: 1, message: "not valid UTF-8 text: byte 0xFF at column 3 (byte offset 2)")
    ) {
      try Lesson(path: "bad.md", displayPath: "content/bad.md", bytes: [0x23, 0x20, 0xFF, 0xFE, 0x0A])
    }
  }

  @Test func transcriptIsInScenarioSyntax() {
    let source = "```scenario new\n$ kubectl get pod x\n$ kubectl run a --image=nginx\n```\n"
    let transcript = Transcript.render(LessonRunner.run(lesson(source)))
    #expect(
      transcript
        == "```scenario new\n$ kubectl get pod x\n? 1\nError from server (NotFound): pods \"x\" not found\n$ kubectl run a --image=nginx\npod/a created\n```\n"
    )
    #expect(LessonRunner.run(lesson(transcript)).scenarios.allSatisfy { $0.passed })
  }

  @Test func junitReportCountsScenarios() {
    let report = JUnitReport.xml([LessonRunner.run(lesson())])
    #expect(report.contains("<testsuites name=\"kubebook check\" tests=\"2\" failures=\"2\">"))
    #expect(report.contains("<testcase classname=\"content/pods.md\" name=\"scenario at line 18\">"))
    #expect(report.contains("<testcase classname=\"content/pods.md\" name=\"scenario at line 27\">"))
    #expect(report.contains("-wrong output\n+pod/web created"))
    #expect(report.contains("`kubectl get pod missing` exited with status 1"))
  }
}

@Suite struct SummaryTests {
  static let summary = """
    # 课程

    - [入门](intro.md)
    - [Pod](pods/index.md)
      - [Pod 的生命周期](pods/lifecycle.md)
    - [草稿]()
    """

  @Test func nestedListsBecomeChaptersAndSections() throws {
    let summary = try Summary.parse(Self.summary, displayPath: "content/SUMMARY.md")
    #expect(summary.title == "课程")
    #expect(summary.flattened.map(\.entry.title) == ["入门", "Pod", "Pod 的生命周期", "草稿"])
    #expect(summary.flattened.map(\.depth) == [0, 0, 1, 0])
    #expect(summary.flattened.map(\.entry.path) == ["intro.md", "pods/index.md", "pods/lifecycle.md", nil])
    #expect(summary.flattened.map(\.entry.line) == [3, 4, 5, 6])
  }

  @Test func missingLessonIsAnErrorAtItsSummaryLine() {
    let sources = CourseFixture.sources(["intro.md": "# 入门\n", "pods/index.md": "# Pod\n"], summary: Self.summary)
    do {
      _ = try Course.assemble(sources)
      Issue.record("expected an error")
    } catch {
      #expect(
        error.diagnostics.map(\.description) == [
          "content/SUMMARY.md:5: error: \"pods/lifecycle.md\" does not exist (linked as \"Pod 的生命周期\")"
        ])
    }
  }

  @Test func linksOutsideTheCourseAreRejected() {
    #expect(throws: CourseError.self) {
      try Summary.parse("- [x](../secret.md)\n", displayPath: "content/SUMMARY.md")
    }
  }

  @Test func unlistedLessonsAreWarnings() throws {
    let sources = CourseFixture.sources(["a.md": "# a\n", "b.md": "# b\n"], summary: "- [a](a.md)\n")
    let course = try Course.assemble(sources)
    #expect(
      course.warnings.map(\.description) == [
        "content/b.md: warning: not listed in SUMMARY.md, so it is not part of the course"
      ])
  }
}
