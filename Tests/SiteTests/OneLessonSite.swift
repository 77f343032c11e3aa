import Course
import Testing

@testable import Site

/// A course of one lesson (`one.md`), run and rendered: its page's HTML.
enum OneLessonSite {
  static func page(_ lesson: String) throws -> String {
    let sources = Course.Sources(
      displayRoot: "content", summary: Array("# 课\n\n- [一](one.md)\n".utf8),
      markdownFiles: ["one.md": Array(lesson.utf8)])
    let file = try DrivenSite.files(sources)["one.html"]
    return String(decoding: try #require(file).contents, as: UTF8.self)
  }
}
