import ArgumentParser
import Course

/// `kubebook run LESSON.md`: prints the actual transcript, ready to paste into the lesson.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run one lesson's scenarios and print what the simulator printed, in scenario syntax."
  )

  @Argument(help: "The lesson file.")
  var lesson: String

  func run() throws {
    let loaded = try CoursePipeline.lesson(lesson)
    Output.write(Transcript.render(CoursePipeline.run(loaded)))
  }
}
