import ArgumentParser
import Course
import Workspace

#if canImport(Glibc)
  import Glibc
#endif

/// `kubebook shell [--from LESSON.md[#N]]`: a prompt on a simulated cluster. On a terminal it
/// prints each command's output as kubectl would; with input from a file or a pipe it prints
/// the session as a scenario block, ready to paste into a lesson.
struct ShellCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shell",
    abstract: "Type kubectl commands against a simulated cluster, fresh or where a lesson left it.",
    discussion: """
      Commands: kubectl ..., sleep DURATION, sim ..., clock, help, exit. With --from, the \
      cluster is the one the lesson has after scenario block N (default: the last), and the \
      page's files are there for kubectl apply -f; behind them, kubectl reads (never writes) \
      the files of the current directory. With input that is not a terminal, the session is \
      printed in scenario syntax.
      """
  )

  @Option(help: "Start where a lesson's scenario block leaves the cluster: LESSON.md or LESSON.md#N.")
  var from: String?

  @Option(help: "On a terminal, how many virtual seconds pass per real second while a command waits (0: no pauses).")
  var speed: Double = 10

  func run() throws {
    guard speed >= 0, speed.isFinite else {
      throw ValidationError("--speed takes a number of seconds, 0 or more: \(speed)")
    }
    var session: ShellSession
    if let from {
      var path = Substring(from)
      var block: Int?
      if let hash = path.lastIndex(of: "#") {
        guard let number = Int(path[path.index(after: hash)...]) else {
          throw ValidationError("--from takes LESSON.md or LESSON.md#N, with N a block number: \(from)")
        }
        block = number
        path = path[..<hash]
      }
      let lesson = try CoursePipeline.lesson(String(path))
      do { session = try ShellSession(from: lesson, block: block) } catch {
        Output.error(error.message)
        throw ExitStatus(code: 2)
      }
    } else {
      session = ShellSession()
    }
    // kubectl -f reads the files of the directory the shell runs in, behind the page's.
    session.outsideFiles = DirectoryFiles(path: ".")
    if isatty(0) == 1 && isatty(1) == 1 {
      var shell = InteractiveShell(session: session, speed: speed)
      shell.run()
      session = shell.session
    } else {
      Output.line("```scenario")
      reading: while let line = readLine(strippingNewline: true) {
        switch session.feed(line) {
        case .needMore:
          continue
        case .exit:
          break reading
        case .ran(let lines, let output, let status):
          Output.write(ShellSession.transcript(lines: lines, output: output, status: status))
        }
      }
      Output.line("```")
    }
    if let unfinished = session.unfinished {
      Output.error("kubebook shell: error: \(unfinished)")
      throw ExitStatus(code: 2)
    }
  }
}
