import Course
import TestSupport
import Testing

@testable import Site

/// A course of one lesson (`one.md`), run and rendered: its page's HTML.
enum OneLessonSite {
  static func page(_ lesson: String) throws -> String {
    let course = try Course.assemble(CourseFixture.oneLesson(lesson))
    let results = course.lessons.map { LessonRunner.run($0) }
    let file = SiteRenderer.render(course: course, results: results).first { $0.path == "one.html" }
    return String(decoding: try #require(file).contents, as: UTF8.self)
  }
}
