import Course
import Testing

@testable import Site

/// `kubebook build` and `serve` run a lesson and draw each block as it ran (``SiteRenderer/run(at:)``),
/// letting its clusters go: the page is the same as one drawn from a run that kept them all.
@Suite struct RunAndRenderTests {
  @Test func drawingAsTheBlocksRunGivesTheSamePage() throws {
    let lesson = """
      # 一

      ```scenario
      $ kubectl create deployment web --image=nginx --replicas=2
      deployment.apps/web created
      $ kubectl rollout status deployment/web
      ...
      ```

      ## 再来

      ```scenario new
      $ kubectl run a --image=nginx
      pod/a created
      ```

      ```scenario
      $ kubectl get pods
      ...
      ```

      """
    let sources = Course.Sources(
      displayRoot: "content", summary: Array("# 课\n\n- [一](one.md)\n".utf8),
      markdownFiles: ["one.md": Array(lesson.utf8)])
    let course = try Course.assemble(sources)
    let renderer = SiteRenderer(course: course)
    var kept = ScenarioBlocks(displayPath: course.lessons[0].displayPath)
    for scenario in LessonRunner.run(course.lessons[0]).scenarios { kept.add(scenario) }
    let streamed = renderer.run(at: 0)
    let expected = renderer.body(at: 0, scenarios: kept)
    #expect(streamed.body == expected)
    #expect(String(decoding: expected, as: UTF8.self).contains("<svg"))
    #expect(streamed.result.scenarios.allSatisfy { $0.clusterAfter == nil })
  }
}
