/// What one command printed, as a terminal shows it, and its exit status.
public struct CommandResult: Sendable, Equatable {
  /// Standard output and standard error interleaved in the order they were written.
  public var output: String
  /// The exit status.
  public var exitCode: Int32

  /// Creates a result.
  public init(output: String = "", exitCode: Int32 = 0) {
    self.output = output
    self.exitCode = exitCode
  }
}

/// Collects what a command writes.
struct OutputBuffer {
  var text = ""

  /// Writes `line` and a newline.
  mutating func line(_ line: String) {
    text += line + "\n"
  }

  /// Writes `chunk` as is.
  mutating func write(_ chunk: String) {
    text += chunk
  }
}
