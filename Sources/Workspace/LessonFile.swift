import Foundation

/// Rewrites a lesson file in place (for `check --bless`), atomically.
public enum LessonFile {
  /// Replaces the file at `path` with `text`.
  public static func replace(_ path: String, with text: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}
