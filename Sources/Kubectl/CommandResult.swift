import KubeSim

/// What one command printed, as a terminal shows it, and its exit status.
public struct CommandResult: Sendable, Equatable {
  /// Standard output and standard error interleaved in the order they were written.
  public var output: String
  /// The exit status.
  public var exitCode: Int32
  /// When the parts of ``output`` were printed in virtual time, for commands that wait
  /// (`get -w`, `rollout status`): each mark says that the output from its offset on appeared
  /// at its instant. Empty when everything appeared at once.
  public var marks: [OutputMark]
  /// What the command line was (it waits; it prints YAML or JSON), read when it was split.
  public var shape = CommandShape()
  /// Files `kubectl cp` copied out of a container into the page's virtual working directory
  /// (never the disk), by relative path; the ``Terminal`` keeps them for later commands.
  public var copiedFiles: [String: String] = [:]

  /// Two results are equal when they printed the same at the same instants with the same
  /// status; the shape describes the command line, not what it did.
  public static func == (lhs: CommandResult, rhs: CommandResult) -> Bool {
    lhs.output == rhs.output && lhs.exitCode == rhs.exitCode && lhs.marks == rhs.marks
  }

  /// The status a shell reports for a command that Ctrl-C stopped (128 + SIGINT).
  public static let interruptedStatus: Int32 = 130

  /// Creates a result.
  public init(output: String = "", exitCode: Int32 = 0, marks: [OutputMark] = []) {
    self.output = output
    self.exitCode = exitCode
    self.marks = marks
  }
}

/// The instant from which a command's output appeared (see ``CommandResult/marks``).
public struct OutputMark: Sendable, Equatable {
  /// An offset into the output, in UTF-8 bytes.
  public var offset: Int
  /// The virtual instant the output from ``offset`` on was printed.
  public var time: Timestamp

  /// Creates a mark.
  public init(offset: Int, time: Timestamp) {
    self.offset = offset
    self.time = time
  }
}

/// Collects what a command writes.
struct OutputBuffer {
  var text = ""
  var marks: [OutputMark] = []

  /// Writes `line` and a newline.
  mutating func line(_ line: String) {
    text += line + "\n"
  }

  /// Writes `chunk` as is.
  mutating func write(_ chunk: String) {
    text += chunk
  }

  /// Puts `chunk` before everything written so far (kubectl's log on standard error, which
  /// comes before the answers it logs).
  mutating func prepend(_ chunk: String) {
    guard !chunk.isEmpty else { return }
    text = chunk + text
    let shift = chunk.utf8.count
    marks = marks.map { OutputMark(offset: $0.offset + shift, time: $0.time) }
  }

  /// Writes `chunk`, which appeared at virtual instant `time` (a watch's row).
  mutating func write(_ chunk: String, at time: Timestamp) {
    if marks.last?.time != time { marks.append(OutputMark(offset: text.utf8.count, time: time)) }
    text += chunk
  }
}
