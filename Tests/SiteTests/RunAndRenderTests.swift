import BookConfig
import Course
import TestSupport
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
    let course = try Course.assemble(CourseFixture.oneLesson(lesson))
    let renderer = SiteRenderer(course: course)
    var kept = ScenarioBlocks(displayPath: course.lessons[0].displayPath, strings: .simplifiedChinese)
    for scenario in LessonRunner.run(course.lessons[0]).scenarios { kept.add(scenario) }
    let streamed = renderer.run(at: 0)
    let expected = renderer.body(at: 0, scenarios: kept)
    #expect(streamed.body == expected)
    #expect(String(decoding: expected, as: UTF8.self).contains("<svg"))
    #expect(streamed.result.scenarios.allSatisfy { $0.clusterAfter == nil })
  }
}
