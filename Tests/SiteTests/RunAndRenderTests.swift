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
    let kept = SiteRenderer(course: course, results: course.lessons.map { LessonRunner.run($0) })
    let streamed = SiteRenderer(course: course).run(at: 0)
    let expected = kept.body(at: 0)
    #expect(streamed.body == expected)
    #expect(String(decoding: expected, as: UTF8.self).contains("<svg"))
    #expect(streamed.result.scenarios.allSatisfy { $0.clusterAfter == nil })
  }
}
