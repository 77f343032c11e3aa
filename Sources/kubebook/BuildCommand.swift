import ArgumentParser
import Course
import Foundation
import Glibc
import Site
import Workspace

/// `kubebook build [CONTENT_DIR] [-o OUT_DIR]`.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Run every scenario and build the course website.",
    discussion: """
      The site is built in a temporary directory beside OUT_DIR and swapped in only when the \
      whole build succeeds, so a failed build leaves the previous site as it was. OUT_DIR is \
      replaced whole, so it must be a new or empty directory or a site kubebook built before \
      (it has a .kubebook-site file); never the current directory, the course directory or a \
      directory that holds them. A link to a lesson that is not in the course, or to a \
      heading that does not exist, fails the build.
      """
  )

  @Argument(help: "The course directory (with SUMMARY.md).")
  var contentDirectory = "content"

  @Option(name: [.short, .customLong("output")], help: "Where to write the site.")
  var outputDirectory = "site"

  @Flag(help: "Keep raw HTML written in lessons (dropped by default).")
  var allowHTML = false

  func validate() throws {
    try OutputOption.validate(outputDirectory)
  }

  func run() throws {
    var options = SiteRenderer.Options()
    options.allowRawHTML = allowHTML
    let built: SiteBuilder.Built
    do {
      built = try SiteBuilder.build(contentDirectory, into: outputDirectory, options: options) {
        Output.error($0.description)
      }
    } catch {
      switch error {
      case .unloadable(let failure):
        throw CoursePipeline.exitCode(failure)
      case .unwritable(let message):
        Output.error(message)
        throw ExitStatus(code: 2)
      case .brokenLinks(let diagnostics):
        // A link to a lesson or heading that does not exist fails the build (the old site stays).
        for diagnostic in diagnostics { Output.error(diagnostic.description) }
        throw ExitStatus(code: 1)
      }
    }
    Output.line("built \(built.course.lessons.count) lessons into \(outputDirectory)/")
    // Freeing the course's many small objects one by one would take longer than the rest of
    // exiting (38 ms of a 0.5 s build of 2000 pages): the process ends with them allocated,
    // as compilers do (clang's -disable-free).
    Output.flush()
    withExtendedLifetime(built) { Glibc.exit(0) }
  }
}

/// The steps `build`, `check`, `run` and `shell` share: loading what they are pointed at
/// (``CourseLoader``) and running lessons.
enum CoursePipeline {
  /// Prints why the course or a lesson cannot be used; exit status 2.
  static func exitCode(_ failure: CourseLoader.Failure) -> ExitStatus {
    switch failure {
    case .unreadable(let message): Output.error(message)
    case .invalid(let diagnostics): for diagnostic in diagnostics { Output.error(diagnostic.description) }
    }
    return ExitStatus(code: 2)
  }

  /// The lessons of each target (a course directory or a lesson file), printing a course's
  /// warnings.
  static func lessons(_ targets: [String]) throws(ExitStatus) -> [Lesson] {
    do { return try CourseLoader.lessons(targets) { Output.error($0.description) } } catch {
      throw exitCode(error)
    }
  }

  /// The lesson file at `path`, when it parses without errors.
  static func lesson(_ path: String) throws(ExitStatus) -> Lesson {
    do { return try CourseLoader.lesson(path) } catch { throw exitCode(error) }
  }

  /// Runs a lesson's scenarios for their outputs (`check`, `run`): each block's clusters
  /// are let go as soon as it ran.
  static func run(_ lesson: Lesson) -> LessonResult {
    LessonRunner.run(lesson, handing: { _ in })
  }
}
