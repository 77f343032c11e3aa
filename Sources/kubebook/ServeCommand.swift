import ArgumentParser
import Course
import Dispatch
import Foundation
import Preview
import Site
import Workspace

/// `kubebook serve [CONTENT_DIR] [--port N] [-o OUT_DIR]`.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Build the course, serve it on 127.0.0.1 and rebuild it as lessons are saved.",
    discussion: """
      The site is written to OUT_DIR as `build` writes it and served from there: only files \
      under OUT_DIR, never a path outside it. The course directory is read again every 20 ms \
      (up to 250 ms for a large course); a saved lesson re-runs that lesson's scenarios only, rewrites the files that \
      changed, and open pages reload themselves. A build error is printed and the site is \
      left as it was. Ctrl-C stops the server.
      """
  )

  @Argument(help: "The course directory (with SUMMARY.md).")
  var contentDirectory = "content"

  @Option(name: [.short, .customLong("output")], help: "Where to write the site.")
  var outputDirectory = "site"

  @Option(help: "The port on 127.0.0.1 (0: any free port).")
  var port: UInt16 = 3000

  @Option(
    help:
      "Connections served at once; more are answered 503 (default 1000; never more than `ulimit -n` leaves room for).")
  var maxConnections: Int?

  @Flag(help: "Keep raw HTML written in lessons (dropped by default).")
  var allowHTML = false

  func validate() throws {
    try OutputOption.validate(outputDirectory)
  }

  func run() throws {
    var options = SiteRenderer.Options()
    options.allowRawHTML = allowHTML
    let started = ContinuousClock.now
    let watcher: SiteWatcher
    do {
      watcher = try SiteWatcher(content: contentDirectory, output: outputDirectory, options: options)
    } catch .broken(let diagnostics) {
      for diagnostic in diagnostics { Output.error(diagnostic.description) }
      throw ExitStatus(code: 1)
    } catch .unusable(let message) {
      Output.error(message)
      throw ExitStatus(code: 2)
    }
    for diagnostic in watcher.build.warnings {
      var warning = diagnostic
      warning.severity = .warning
      Output.error(warning.description)
    }
    Output.line(
      "built \(watcher.build.files.count) files into \(outputDirectory)/ in \(Self.milliseconds(since: started)) ms")
    let server: PreviewServer
    do {
      PreviewLimits.raiseDescriptorLimit()
      var limits = PreviewLimits()
      if let maxConnections {
        let budget = max(1, PreviewLimits.descriptorBudget())
        limits.connections = max(1, min(maxConnections, budget))
        if maxConnections > budget {
          Output.error(
            "warning: --max-connections \(maxConnections) is more than the descriptor limit (ulimit -n) leaves room "
              + "for; serving at most \(budget) connections at once")
        }
      }
      server = try PreviewServer(directory: outputDirectory, port: port, limits: limits) { problem in
        Output.error(problem)
        Output.flush()
      }
    } catch {
      Output.error("127.0.0.1:\(port): error: cannot listen: \(error)")
      throw ExitStatus(code: 2)
    }
    let done = DispatchSemaphore(value: 0)
    let failure = FailureBox()
    let output = outputDirectory
    Task {
      do {
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask {
            try await server.run { port in
              Output.line("serving \(output)/ at http://127.0.0.1:\(port)/ (Ctrl-C to stop)")
              Output.flush()
            }
          }
          group.addTask { await Self.watch(watcher, server: server) }
          try await group.next()
          group.cancelAll()
        }
      } catch {
        failure.message = "127.0.0.1: error: \(error)"
      }
      done.signal()
    }
    done.wait()
    if let message = failure.message {
      Output.error(message)
      throw ExitStatus(code: 2)
    }
  }

  /// Brings the site up to date with the course again and again and tells what changed:
  /// every 20 ms, or ten times as long as a reading takes on average when that is longer
  /// (a large course is not read continuously), but at least every 250 ms. The average is
  /// smoothed so that one slow reading does not stall the next ones.
  static func watch(_ initial: SiteWatcher, server: PreviewServer) async {
    var watcher = initial
    var lastError = ""
    var lastReadError = ""
    var pause = Duration.milliseconds(20)
    var averageReading = Duration.zero
    while !Task.isCancelled {
      try? await Task.sleep(for: pause)
      let update = watcher.update()
      averageReading = averageReading * 0.8 + update.reading * 0.2
      pause = min(.milliseconds(250), max(.milliseconds(20), averageReading * 10))
      switch update.outcome {
      case .unreadable(let message):
        // Said as it is (e.g. no descriptor left), not as the course missing its files.
        if message != lastReadError {
          Output.error(message + "\n(the site is unchanged; reading again)")
          Output.flush()
        }
        lastReadError = message
        continue
      case .unchanged:
        lastReadError = ""
        continue
      case .rebuilt(let changes):
        lastReadError = ""
        lastError = ""
        guard !changes.isEmpty, let started = update.started, let building = update.building else { continue }
        await server.siteChanged()
        let names = (changes.written.map(\.path) + changes.removed).joined(separator: ", ")
        Output.line(
          "rebuilt in \(milliseconds(since: started)) ms (\(milliseconds(building)) ms to build, the rest to write): "
            + names)
      case .broken(let diagnostics):
        lastReadError = ""
        let message = diagnostics.map(\.description).joined(separator: "\n")
        if message != lastError { Output.error(message + "\n(the site is unchanged)") }
        lastError = message
      case .unwritten(let message):
        // Not written (e.g. no descriptor left): the watcher writes it again next time.
        lastReadError = ""
        if message != lastError { Output.error("\(message)\n(the site is not fully updated; writing again)") }
        lastError = message
      }
      Output.flush()
    }
  }

  /// The whole milliseconds since `start`.
  static func milliseconds(since start: ContinuousClock.Instant) -> Int {
    milliseconds(ContinuousClock.now - start)
  }

  /// The whole milliseconds of `elapsed`.
  static func milliseconds(_ elapsed: Duration) -> Int {
    Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
  }
}
/// The server's failure, handed from its task to the command.
final class FailureBox: @unchecked Sendable {
  var message: String?
}
