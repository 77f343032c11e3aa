import ArgumentParser
import Course
import Workspace

/// `kubebook check [CONTENT_DIR | LESSON.md ...] [--bless] [--junit FILE]`.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Run every scenario and compare it with the output written in the lesson.",
    discussion: """
      Prints PATH:LINE: error: ... and a diff for each command whose output or exit status
      differs, then "N passed, N failed" (N counts scenario blocks). Exit status 0 when all
      pass, 1 when some fail, 2 for usage or input errors.
      """
  )

  @Argument(help: "A course directory, or lesson files. Default: content.")
  var paths: [String] = []

  @Flag(help: "Write the actual output into the lessons (only expected-output and '? N' lines change).")
  var bless = false

  @Option(help: "Also write a JUnit XML report to this file.")
  var junit: String?

  /// How problems are reported besides the usual diagnostics.
  enum Format: String, ExpressibleByArgument, CaseIterable {
    case plain, github
  }

  @Option(
    help: """
      plain: diagnostics on standard error; github: also a GitHub Actions annotation \
      (::error file=PATH,line=N::MESSAGE) per problem on standard output.
      """)
  var format: Format = .plain

  func run() throws {
    let lessons = try loadLessons()
    var results = lessons.parallelMap { CoursePipeline.run($0) }
    if bless {
      var blessedFiles = 0
      for result in results where result.scenarios.contains(where: { !$0.passed }) {
        let blessed: String
        do { blessed = try Blesser.bless(result) } catch {
          Output.error(error.description)
          continue
        }
        do {
          try LessonFile.replace(result.lesson.displayPath, with: blessed)
          blessedFiles += 1
        } catch {
          Output.error("\(result.lesson.displayPath): error: cannot write the file: \(error)")
          throw ExitStatus(code: 2)
        }
      }
      Output.line("blessed \(blessedFiles) lesson file(s)")
      let reread = try loadLessons()
      results = reread.parallelMap { CoursePipeline.run($0) }
    }
    let color = Output.colorErrors
    var passed = 0
    var failed = 0
    for result in results {
      for scenario in result.scenarios {
        if scenario.passed {
          passed += 1
        } else {
          failed += 1
        }
      }
      let diagnostics = Checker.diagnostics(for: result, color: color)
      for diagnostic in diagnostics {
        Output.errorAsIs(diagnostic.description + (diagnostic.detail.map { "\n" + $0 } ?? ""))
      }
      if format == .github {
        for diagnostic in color ? Checker.diagnostics(for: result, color: false) : diagnostics {
          Output.line(GitHubAnnotation.line(for: diagnostic))
        }
      }
    }
    if let junit {
      do {
        try LessonFile.replace(junit, with: JUnitReport.xml(results))
      } catch {
        Output.error("\(junit): error: cannot write the JUnit report: \(error)")
        throw ExitStatus(code: 2)
      }
    }
    Output.line("\(passed) passed, \(failed) failed")
    if failed > 0 { throw ExitStatus(code: 1) }
  }

  /// The lessons named on the command line, or every lesson of the course directory.
  /// With `--format github`, lessons that do not parse are annotated too.
  private func loadLessons() throws -> [Lesson] {
    let targets = paths.isEmpty ? ["content"] : paths
    do { return try CourseLoader.lessons(targets) { Output.error($0.description) } } catch {
      if format == .github, case .invalid(let diagnostics) = error {
        for diagnostic in diagnostics { Output.line(GitHubAnnotation.line(for: diagnostic)) }
      }
      throw CoursePipeline.exitCode(error)
    }
  }
}
