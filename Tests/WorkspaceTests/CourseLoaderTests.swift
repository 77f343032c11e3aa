import Course
import Foundation
import TestSupport
import Testing

@testable import Workspace

/// What `check`, `run` and `shell` are pointed at: a course directory (a symbolic link to
/// one too) is its course's lessons, anything else one lesson file.
@Suite struct CourseLoaderTests {
  /// A fresh directory with a course in `course/` (two lessons) and a lesson `loose.md`.
  func workspace() throws -> URL {
    let root = try TemporaryDirectory.create("kubebook-tests")
    let course = root.appendingPathComponent("course")
    try FileManager.default.createDirectory(at: course, withIntermediateDirectories: true)
    try Data("# 课\n\n- [一](one.md)\n- [二](two.md)\n".utf8).write(to: course.appendingPathComponent("SUMMARY.md"))
    try Data("# 一\n".utf8).write(to: course.appendingPathComponent("one.md"))
    try Data("# 二\n".utf8).write(to: course.appendingPathComponent("two.md"))
    try Data("# 散\n".utf8).write(to: root.appendingPathComponent("loose.md"))
    return root
  }

  @Test func directoriesAreCoursesAndFilesAreLessons() throws {
    let root = try workspace()
    defer { try? FileManager.default.removeItem(at: root) }
    let link = root.appendingPathComponent("linked").path
    try FileManager.default.createSymbolicLink(
      atPath: link, withDestinationPath: root.appendingPathComponent("course").path)
    let lessons = try CourseLoader.lessons([link, root.appendingPathComponent("loose.md").path]) { _ in }
    #expect(lessons.map(\.path) == ["one.md", "two.md", "loose.md"])
    #expect(lessons.first?.displayPath == link + "/one.md")
  }

  @Test func aMissingLessonIsUnreadableAndABrokenOneInvalid() throws {
    let root = try workspace()
    defer { try? FileManager.default.removeItem(at: root) }
    let missing = root.appendingPathComponent("missing.md").path
    #expect {
      _ = try CourseLoader.lessons([missing]) { _ in }
    } throws: { error in
      guard case .unreadable(let message) = error as? CourseLoader.Failure else { return false }
      return message.hasPrefix(missing + ": error: ")
    }
    let broken = root.appendingPathComponent("broken.md")
    try Data("# 坏\n\n```scenario\nkubectl get pods\n```\n".utf8).write(to: broken)
    #expect {
      _ = try CourseLoader.lesson(broken.path)
    } throws: { error in
      guard case .invalid(let diagnostics) = error as? CourseLoader.Failure else { return false }
      return !diagnostics.isEmpty && diagnostics.allSatisfy { $0.path == broken.path }
    }
  }
}
