import Testing

@testable import Course

/// A page of many `new` blocks: each block starts on a fresh cluster (a copy of the one
/// booted for the first, nothing of earlier blocks in it), and a run that hands each block on
/// keeps none of their clusters.
@Suite struct FreshClusterTests {
  static func lesson(_ blocks: Int) -> Lesson {
    let block = """
      ```scenario new
      $ kubectl run a --image=nginx
      pod/a created
      $ kubectl get pods
      NAME   READY   STATUS              RESTARTS   AGE
      a      0/1     ContainerCreating   0          0s
      ```


      """
    let other = """
      ```scenario nodes=3
      $ kubectl get pods
      No resources found in default namespace.
      ```


      """
    let source = (0..<blocks).map { $0 == 1 ? other + block : block }.joined()
    return Lesson(path: "a.md", displayPath: "content/a.md", source: source)
  }

  @Test func everyNewBlockStartsFresh() {
    let result = LessonRunner.run(Self.lesson(5))
    #expect(result.scenarios.count == 6)
    #expect(result.scenarios.allSatisfy { $0.passed }, "\(Checker.diagnostics(for: result, color: false))")
  }

  @Test func handingOnKeepsNoClusters() {
    let lesson = Self.lesson(4)
    var handed: [ScenarioResult] = []
    let result = LessonRunner.run(lesson) { handed.append($0) }
    #expect(handed.count == 5)
    #expect(handed.allSatisfy { $0.clusterAfter != nil && $0.steps.allSatisfy { $0.clusterAfter != nil } })
    #expect(result.scenarios.allSatisfy { $0.clusterAfter == nil && $0.steps.allSatisfy { $0.clusterAfter == nil } })
    #expect(result.scenarios.allSatisfy { $0.passed })
    let kept = LessonRunner.run(lesson)
    #expect(
      result.scenarios.map { $0.steps.map(\.result.output) } == kept.scenarios.map { $0.steps.map(\.result.output) })
  }
}
