import ArgumentParser

/// The `kubebook` command: build, check and run a Kubernetes course.
struct Kubebook: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kubebook",
    abstract: "Build a Kubernetes course whose kubectl transcripts are verified against a simulated cluster.",
    discussion: """
      Exit status: 0 when everything is fine, 1 when scenarios do not match their lessons,
      2 for usage, input and I/O errors.
      """,
    subcommands: [
      InitCommand.self, BuildCommand.self, CheckCommand.self, RunCommand.self, ShellCommand.self, ServeCommand.self,
    ]
  )
}
