import ArgumentParser
import BookConfig
import Workspace

/// `kubebook init [DIR] [--language en|zh-CN]`.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Start a course: kubebook.toml, SUMMARY.md, a first checked lesson and a GitHub Actions workflow.",
    discussion: """
      DIR must be new or empty: init never overwrites a file. Then `kubebook check DIR` and \
      `kubebook build DIR -o SITE`.
      """
  )

  @Argument(help: "The new course's directory (new or empty).")
  var directory = "."

  @Option(help: "The course's language: en or zh-CN.")
  var language = "en"

  func validate() throws {
    guard StarterCourse.languages.contains(language) else {
      throw ValidationError("--language must be one of: \(StarterCourse.languages.joined(separator: ", "))")
    }
  }

  func run() throws {
    do { try StarterWriter.write(StarterCourse.files(language: language), into: directory) } catch {
      Output.error(error.description)
      throw ExitStatus(code: 2)
    }
    Output.line("wrote the starter course (\(language)) into \(directory)/; next: kubebook check \(directory)")
  }
}
