import TestSupport
import Testing

@testable import Course

/// Links between lessons: `x.md` and `x.md#heading` must name a lesson of the course and a
/// heading of it (ids as the pages give them, Chinese kept, percent-escapes accepted);
/// `#heading` a heading of the same page; external links and other files are not checked.
@Suite struct LinkCheckerTests {
  static func course(_ lessons: [String: String]) throws -> Course {
    let summary = "# 课程\n\n" + lessons.keys.sorted().map { "- [\($0)](\($0))" }.joined(separator: "\n") + "\n"
    return try Course.assemble(CourseFixture.sources(lessons, summary: summary))
  }

  @Test func goodLinksPass() throws {
    let course = try Self.course([
      "a.md": "# A\n\n## 滚动更新\n\n见 [B](b.md)、[B 的小结](b.md#小结)、[编码的](b.md#%E5%B0%8F%E7%BB%93)、[上面](#滚动更新)。\n",
      "b.md": "# B\n\n## 小结\n\n[外部](https://kubernetes.io/docs/)、[图片](pic.png)、[邮件](mailto:a@b.c)\n",
    ])
    #expect(LinkChecker.diagnostics(for: course).isEmpty)
  }

  @Test func brokenLinksAreReportedWithTheirLines() throws {
    let course = try Self.course([
      "a.md": "# A\n\n正文\n\n- 见 [没有这课](missing.md)\n\n> [坏锚](b.md#nothing)\n\n[本页](#nope)\n",
      "b.md": "# B\n",
    ])
    #expect(
      LinkChecker.diagnostics(for: course).map(\.description) == [
        "content/a.md:5: error: broken link \"missing.md\": no lesson content/missing.md in the course",
        "content/a.md:7: error: broken link \"b.md#nothing\": no heading with the id \"nothing\" in content/b.md",
        "content/a.md:9: error: broken link \"#nope\": no heading with the id \"nope\" in content/a.md",
      ])
  }

  /// In a paragraph of several lines, the line where the link is written.
  @Test func aLinkInALongParagraphIsReportedAtItsOwnLine() throws {
    let course = try Self.course([
      "a.md": "# A\n\n第一行，\n第二行 [好的](b.md)，\n第三行 [坏的](b.md#无)。\n\n| 表 | 头 |\n|---|---|\n| x | [坏](c.md) |\n",
      "b.md": "# B\n",
    ])
    #expect(
      LinkChecker.diagnostics(for: course).map(\.description) == [
        "content/a.md:5: error: broken link \"b.md#无\": no heading with the id \"无\" in content/b.md",
        "content/a.md:9: error: broken link \"c.md\": no lesson content/c.md in the course",
      ])
  }

  @Test func relativePathsResolveFromTheLessonsDirectory() {
    #expect(LinkChecker.resolve("../intro.md", from: "part1/pods.md") == "intro.md")
    #expect(LinkChecker.resolve("./more.md", from: "part1/pods.md") == "part1/more.md")
    #expect(LinkChecker.resolve("../../x.md", from: "pods.md") == nil)
  }

  @Test func lessonLinksAreDecodedBeforeTheyAreLookedUp() throws {
    let sources = CourseFixture.sources(
      [
        "a.md":
          "# A\n\n[b](sp%20ace.md) [b2](<sp ace.md>) [c](./x:y.md) [d](q%3Fr.md#d)\n\n[no](sp%20ace2.md) [no2](./x:z.md)\n",
        "sp ace.md": "# B\n", "x:y.md": "# C\n", "q?r.md": "# D\n",
      ],
      summary: "- [A](a.md)\n- [B](sp%20ace.md)\n- [C](<x:y.md>)\n- [D](q%3Fr.md)\n")
    let course = try Course.assemble(sources)
    #expect(course.lessons.map(\.path) == ["a.md", "sp ace.md", "x:y.md", "q?r.md"])
    #expect(
      LinkChecker.diagnostics(for: course).map(\.description) == [
        "content/a.md:5: error: broken link \"sp%20ace2.md\": no lesson content/sp%20ace2.md in the course",
        "content/a.md:5: error: broken link \"./x:z.md\": no lesson content/./x:z.md in the course",
      ])
  }
}
