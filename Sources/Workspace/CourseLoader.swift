import Course

/// What a command is pointed at, read and parsed: a course directory (assembled from its
/// SUMMARY.md) or single lesson files. The load step of every command; a failure says what
/// to print, and the command exits with status 2.
public enum CourseLoader {
  /// Why the course or a lesson cannot be used.
  public enum Failure: Error {
    /// It could not be read: the message to print.
    case unreadable(String)
    /// It was read but does not parse or assemble: its diagnostics.
    case invalid([Diagnostic])
  }

  /// The course in the directory `path`, assembled; its warnings go to `warn`.
  public static func course(_ path: String, warn: (Diagnostic) -> Void) throws(Failure) -> Course {
    let sources: Course.Sources
    do { sources = try CourseDirectory.load(path) } catch { throw .unreadable(error.description) }
    let course: Course
    do { course = try Course.assemble(sources) } catch { throw .invalid(error.diagnostics) }
    for warning in course.warnings { warn(warning) }
    return course
  }

  /// The lesson file at `path` (a symbolic link named there is followed), when it parses
  /// without errors.
  public static func lesson(_ path: String) throws(Failure) -> Lesson {
    let lesson: Lesson
    do { lesson = try CourseDirectory.loadLesson(path) } catch { throw .unreadable(error.description) }
    if !lesson.diagnostics.isEmpty { throw .invalid(lesson.diagnostics) }
    return lesson
  }

  /// The lessons of each of `targets` in order: every lesson of a directory's course (its
  /// warnings to `warn`), or the lesson file itself.
  public static func lessons(_ targets: [String], warn: (Diagnostic) -> Void) throws(Failure) -> [Lesson] {
    var lessons: [Lesson] = []
    for target in targets {
      if FileBytes.isDirectory(target) {
        lessons += try course(target, warn: warn).lessons
      } else {
        lessons.append(try lesson(target))
      }
    }
    return lessons
  }
}
