import Course
import TestSupport
import Testing

@testable import Site

/// The in-memory site `kubebook serve` rebuilds: the same files as a full build, and after
/// an edit only the files that the edit changes.
@Suite struct SiteBuildTests {
  static let summary = "# 课程\n\n- [第一课](one.md)\n- [第二课](two.md)\n"
  static let one = """
    # 第一课

    ```scenario
    $ kubectl create deployment web --image=nginx:1.27
    deployment.apps/web created
    ```

    """

  func sources(summary: String = summary, one: String = one, two: String = "# 第二课\n\n正文。\n") -> Course.Sources {
    CourseFixture.sources(["one.md": one, "two.md": two], summary: summary)
  }

  @Test func anEditRewritesItsPageTheSearchIndexAndThePrintPage() throws {
    var build = try SiteBuild(sources())
    #expect(try build.update(sources()).isEmpty)
    let changes = try build.update(sources(two: "# 第二课\n\n改过的正文。\n"))
    #expect(changes.written.map(\.path) == ["print.html", "search-index.js", "two.html"])
    #expect(changes.removed.isEmpty)
    let page = String(decoding: try #require(build.files["two.html"]).contents, as: UTF8.self)
    #expect(page.contains("改过的正文"))
    // The same as a full build of the edited course.
    #expect(build.files == (try DrivenSite.files(sources(two: "# 第二课\n\n改过的正文。\n"))))
  }

  @Test func aRetitledSummaryRewritesEveryPageAndADroppedLessonIsRemoved() throws {
    var build = try SiteBuild(sources())
    let retitled = try build.update(sources(summary: "# 课程\n\n- [第 1 课](one.md)\n- [第二课](two.md)\n"))
    #expect(Set(retitled.written.map(\.path)).isSuperset(of: ["index.html", "one.html", "two.html", "toc.js"]))
    let dropped = try build.update(sources(summary: "# 课程\n\n- [第 1 课](one.md)\n"))
    #expect(dropped.removed == ["two.html"])
    #expect(build.files["two.html"] == nil)
  }

  /// Lessons that swap places keep nothing of their old position: the print page's ids
  /// follow the new order, as a full build's do.
  @Test func reorderedLessonsAreAsAFullBuild() throws {
    let one = Self.one + "## 小结\n\n[回到小结](#小结)\n"
    var build = try SiteBuild(sources(one: one, two: "# 第二课\n\n## 小结\n"))
    let swapped = sources(
      summary: "# 课程\n\n- [第二课](two.md)\n- [第一课](one.md)\n", one: one, two: "# 第二课\n\n## 小结\n")
    try build.update(swapped)
    #expect(build.files == (try DrivenSite.files(swapped)))
    let print = String(decoding: try #require(build.files["print.html"]).contents, as: UTF8.self)
    #expect(print.contains("<a href=\"#l2-小结\">回到小结</a>"))
  }

  @Test func aBrokenLinkFailsTheUpdateAndKeepsTheSite() throws {
    var build = try SiteBuild(sources())
    let before = build.files
    #expect(throws: CourseError.self) {
      try build.update(sources(two: "# 第二课\n\n[去第三课](three.md)\n"))
    }
    #expect(build.files == before)
    // A scenario that no longer matches is a warning, not a failure: the page shows what
    // ran, so it stays as it was.
    let changes = try build.update(sources(one: Self.one.replacingOccurrences(of: "created", with: "made")))
    #expect(!changes.written.map(\.path).contains("one.html"))
    #expect(build.warnings.contains { $0.path.hasSuffix("one.md") })
  }
}
