import Course
import Foundation

/// Small courses for tests: in memory as ``Course/Sources`` or on disk under `content/`.
public enum CourseFixture {
  /// The sources of a course whose lessons are `lessons` (path → Markdown) and whose
  /// `SUMMARY.md` is `summary`.
  public static func sources(_ lessons: [String: String], summary: String) -> Course.Sources {
    Course.Sources(
      displayRoot: "content", summary: Array(summary.utf8), markdownFiles: lessons.mapValues { Array($0.utf8) })
  }

  /// The sources of a course of one lesson, `one.md`, listed as `一` in a summary titled `课`.
  public static func oneLesson(_ lesson: String) -> Course.Sources {
    sources(["one.md": lesson], summary: "# 课\n\n- [一](one.md)\n")
  }

  /// A new temporary directory holding `files` (path → text) under its `content/` folder,
  /// as `kubebook` finds a course.
  public static func directory(_ files: [String: String], prefix: String) throws -> URL {
    let root = TemporaryDirectory.url(prefix)
    for (path, text) in files {
      let url = root.appendingPathComponent("content").appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return root
  }
}
