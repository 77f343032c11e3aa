import Course

#if canImport(Glibc)
  import Glibc
#endif

/// The only place kubebook prints: standard output and standard error, and whether they are
/// terminals (for colour). Control characters that came from a lesson or a command never reach
/// a terminal as they are (``TerminalText``): on standard error never, on standard output when
/// it is a terminal (piped, a transcript stays byte for byte what was run).
enum Output {
  /// Whether standard output is a terminal.
  static let standardOutputIsTerminal = isatty(1) == 1

  /// Prints `text` and a newline to standard output.
  static func line(_ text: String) {
    print(standardOutputIsTerminal ? TerminalText.visible(text) : text)
  }

  /// Writes `text` to standard output as is (control characters made visible on a terminal).
  static func write(_ text: String) {
    print(standardOutputIsTerminal ? TerminalText.visible(text) : text, terminator: "")
  }

  /// Prints `text` and a newline to standard error, its control characters made visible.
  static func error(_ text: String) {
    errorAsIs(TerminalText.visible(text))
  }

  /// Prints `text`, whose control characters are kubebook's own (a coloured diff, made by
  /// ``UnifiedDiff`` from visible lines), and a newline to standard error.
  static func errorAsIs(_ text: String) {
    flush()
    var bytes = Array((text + "\n").utf8)
    bytes.withUnsafeMutableBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(2, buffer.baseAddress! + offset, buffer.count - offset)
        if written <= 0 { break }
        offset += written
      }
    }
  }

  /// Flushes buffered standard output.
  static func flush() {
    fflush(nil)
  }

  /// Whether diffs on standard error should be coloured: a terminal, and NO_COLOR unset.
  static var colorErrors: Bool {
    isatty(2) == 1 && getenv("NO_COLOR") == nil
  }
}

/// Ends the command with an exit status (thrown so `main` prints and exits in one place).
struct ExitStatus: Error {
  var code: Int32
}
