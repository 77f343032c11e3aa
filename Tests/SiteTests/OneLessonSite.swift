import Course
import TestSupport
import Testing

@testable import Site

/// A course of one lesson (`one.md`), run and rendered: its page's HTML.
enum OneLessonSite {
  static func page(_ lesson: String) throws -> String {
    let file = try DrivenSite.files(CourseFixture.oneLesson(lesson))["one.html"]
    return String(decoding: try #require(file).contents, as: UTF8.self)
  }
}
