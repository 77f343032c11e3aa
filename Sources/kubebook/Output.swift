#if canImport(Glibc)
  import Glibc
#endif

/// The only place kubebook prints: standard output and standard error, and whether they are
/// terminals (for colour).
enum Output {
  /// Prints `text` and a newline to standard output.
  static func line(_ text: String) {
    print(text)
  }

  /// Writes `text` to standard output as is.
  static func write(_ text: String) {
    print(text, terminator: "")
  }

  /// Prints `text` and a newline to standard error.
  static func error(_ text: String) {
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
