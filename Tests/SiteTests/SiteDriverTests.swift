import Course
import Testing

@testable import Site

/// `kubebook serve` re-runs only the saved lesson: a lesson the driver is handed a rendering
/// for is drawn from it, not run again.
@Suite struct SiteDriverTests {
  /// A course of two lessons whose first creates the Deployment `deployment`.
  static func course(deployment: String) throws -> Course {
    let lesson = """
      # 一

      ```scenario
      $ kubectl create deployment \(deployment) --image=nginx:1.27
      deployment.apps/\(deployment) created
      ```

      """
    return try Course.assemble(
      Course.Sources(
        displayRoot: "content", summary: Array("# 课\n\n- [一](one.md)\n- [二](two.md)\n".utf8),
        markdownFiles: ["one.md": Array(lesson.utf8), "two.md": Array("# 二\n".utf8)]))
  }

  @Test func aReusedLessonIsDrawnFromWhatWasKept() throws {
    let kept = SiteDriver(course: try Self.course(deployment: "web")).write(into: MemorySite()) { $0 }
    let site = MemorySite()
    let results = SiteDriver(course: try Self.course(deployment: "api")).write(
      into: site, reusing: { $0 == 0 ? kept[0] : nil }, keep: { $0.result })
    let page = String(decoding: try #require(site.files["one.html"]).contents, as: UTF8.self)
    #expect(page.contains("deployment.apps/web created"))
    #expect(!page.contains("deployment.apps/api"))
    #expect(results[0].lesson.source.contains("deployment web"))
    // Not reused: run again.
    let fresh = MemorySite()
    _ = SiteDriver(course: try Self.course(deployment: "api")).write(into: fresh) { $0.result }
    #expect(
      String(decoding: try #require(fresh.files["one.html"]).contents, as: UTF8.self).contains(
        "deployment.apps/api created"))
  }
}
