import Course
import Kubectl
import LineEditor

#if canImport(Glibc)
  import Glibc
#endif

/// `kubebook shell` on a terminal: libedit reads the lines (editing, history, Tab
/// completion), commands that wait show their output as virtual time passes, and Ctrl-C
/// stops such a command where it is — the cluster stays at that instant — or abandons the
/// line being typed, without leaving the shell.
struct InteractiveShell {
  var session: ShellSession
  /// Virtual seconds per real second while a command waits (0: no pauses).
  var speed: Double

  mutating func run() {
    LineEditor.start(name: "kubebook")
    // kubectl edit runs the user's editor on this terminal.
    session.editor = ShellEditor.editor()
    // kubectl port-forward listens on 127.0.0.1 here, and only here.
    session.portForwarder = ShellPortForwarder.make()
    LineEditor.completer = { [session] line in session.completions(for: line) }
    Output.line("kubebook shell: a simulated Kubernetes v1.32 cluster. Type help for the commands, exit to leave.")
    while true {
      LineEditor.completer = { [session] line in session.completions(for: line) }
      let input = LineEditor.readLine(prompt: session.unfinished == nil ? "$ " : "> ")
      switch input {
      case .end:
        Output.line("")
        return
      case .interrupted:
        // A heredoc being typed is abandoned with the line, as a shell does.
        session.abandonUnfinished()
        Output.line("")
        continue
      case .line(let line):
        if line.contains(where: { $0 != " " && $0 != "\t" }) { LineEditor.addToHistory(line) }
        let before = session
        switch session.feed(line) {
        case .needMore:
          continue
        case .exit:
          return
        case .ran(_, let output, _):
          play(output, line: line, before: before)
        }
      }
    }
  }

  /// Prints `output` piece by piece as its virtual time passes; on Ctrl-C, runs the command
  /// again from `before` stopped at the instant reached, and keeps that cluster.
  mutating func play(_ output: String, line: String, before: ShellSession) {
    let playback = WaitPlayback(
      byteCount: output.utf8.count, marks: session.lastMarks, start: before.terminal.cluster.now,
      end: session.terminal.cluster.now, virtualSecondsPerSecond: speed)
    let bytes = Array(output.utf8)
    var printed = 0
    LineEditor.clearInterrupt()
    for step in playback.steps {
      if let elapsed = Self.pause(step.pause) {
        let instant = WaitPlayback.instant(in: step, elapsed: elapsed)
        var again = before
        again.interruptAt = instant
        if case .ran(_, let cut, _) = again.feed(line) {
          let rest = Array(cut.utf8).dropFirst(printed)
          Output.write(String(decoding: rest, as: UTF8.self))
        }
        again.interruptAt = nil
        session = again
        Output.line("")
        return
      }
      Output.write(String(decoding: bytes[step.bytes], as: UTF8.self))
      printed = step.bytes.upperBound
      Output.flush()
    }
  }

  /// Waits `seconds` of real time; returns how long it waited if Ctrl-C cut it short.
  static func pause(_ seconds: Double) -> Double? {
    guard seconds > 0 else { return LineEditor.interrupted ? 0 : nil }
    var start = timespec()
    clock_gettime(CLOCK_MONOTONIC, &start)
    var elapsed = 0.0
    while elapsed < seconds {
      if LineEditor.interrupted { return elapsed }
      usleep(UInt32(min(20_000, (seconds - elapsed) * 1_000_000) + 1))
      var now = timespec()
      clock_gettime(CLOCK_MONOTONIC, &now)
      elapsed = Double(now.tv_sec - start.tv_sec) + Double(now.tv_nsec - start.tv_nsec) / 1e9
    }
    return LineEditor.interrupted ? elapsed : nil
  }
}
