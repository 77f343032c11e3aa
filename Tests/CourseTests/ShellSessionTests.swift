import Foundation
import Kubectl
import TestSupport
import Testing

@testable import Course

/// The session behind `kubebook shell`: commands, builtins, heredocs over several lines, and
/// starting from a lesson's block in exactly the state `kubebook run` reaches there.
@Suite struct ShellSessionTests {
  @Test func commandsAndBuiltins() {
    var session = ShellSession()
    #expect(session.feed("clock") == .ran(lines: ["clock"], output: "2025-03-03T09:00:00Z\n", status: 0))
    #expect(session.feed("sleep 90") == .ran(lines: ["sleep 90"], output: "", status: 0))
    #expect(session.feed("clock") == .ran(lines: ["clock"], output: "2025-03-03T09:01:30Z\n", status: 0))
    guard case .ran(_, let help, 0) = session.feed("help") else {
      Issue.record("help")
      return
    }
    #expect(help.contains("kubectl ..."))
    #expect(session.feed("  exit  ") == .exit)
  }

  @Test func heredocOverSeveralLines() {
    var session = ShellSession()
    #expect(session.feed("kubectl apply -f - <<EOF") == .needMore)
    #expect(session.unfinished == "here-document ended by end of input (wanted \"EOF\")")
    #expect(session.feed("apiVersion: v1") == .needMore)
    #expect(session.feed("kind: ConfigMap") == .needMore)
    #expect(session.feed("metadata: {name: cfg}") == .needMore)
    let done = session.feed("EOF")
    #expect(
      done
        == .ran(
          lines: ["kubectl apply -f - <<EOF", "apiVersion: v1", "kind: ConfigMap", "metadata: {name: cfg}", "EOF"],
          output: "configmap/cfg created\n", status: 0))
    #expect(session.unfinished == nil)
    #expect(
      ShellSession.transcript(lines: ["kubectl nope"], output: "x\n", status: 1) == "$ kubectl nope\n? 1\nx\n")
  }

  /// After block N the session's cluster answers the next command as the lesson would if
  /// that command came right after block N.
  @Test func fromALessonBlock() throws {
    let page = """
      # 课

      ```yaml file=web.yaml
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web}
      spec:
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec: {containers: [{name: web, image: nginx:1.27}]}
      ```

      ```scenario
      $ kubectl apply -f web.yaml
      ```

      ```scenario
      $ sleep 40
      ```

      ```scenario
      $ kubectl delete deployment web
      ```

      """
    func lesson(_ text: String) throws -> Lesson {
      let course = try Course.assemble(CourseFixture.sources(["a.md": text], summary: "# 课\n\n- [课](a.md)\n"))
      return course.lessons[0]
    }
    var session = try ShellSession(from: lesson(page), block: 2)
    guard case .ran(_, let fromShell, 0) = session.feed("kubectl get pods -o wide") else {
      Issue.record("get pods")
      return
    }
    // The same page with the command as a block after block 2 (and without block 3).
    let cut = page.components(separatedBy: "```scenario\n$ kubectl delete")[0]
    let reference = LessonRunner.run(try lesson(cut + "```scenario\n$ kubectl get pods -o wide\n```\n"))
    #expect(fromShell == reference.scenarios.last?.steps.first?.result.output)
    #expect(fromShell.contains("Running"))
    // The page's files are there.
    #expect(
      session.feed("kubectl apply -f web.yaml")
        == .ran(lines: ["kubectl apply -f web.yaml"], output: "deployment.apps/web unchanged\n", status: 0))
    #expect(throws: ShellSession.StartError.self) { try ShellSession(from: lesson(page), block: 4) }
  }
}
