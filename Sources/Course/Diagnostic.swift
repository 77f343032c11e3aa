/// Something wrong in the course, located at a file and line: `content/PATH.md:LINE: error: ...`.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
  /// How serious it is.
  public enum Severity: String, Sendable {
    case error, warning
  }

  /// The file as the user named it (`content/pods.md`).
  public var path: String
  /// The 1-based line, or nil for a whole-file problem.
  public var line: Int?
  public var severity: Severity
  public var message: String
  /// Further lines printed after the first (a diff), without a trailing newline.
  public var detail: String?

  /// Creates a diagnostic.
  public init(
    path: String, line: Int?, severity: Severity = .error, message: String, detail: String? = nil
  ) {
    self.path = path
    self.line = line
    self.severity = severity
    self.message = message
    self.detail = detail
  }

  /// The first line: `PATH:LINE: error: MESSAGE`, with control characters from the path or
  /// the message made visible (``TerminalText``).
  public var description: String {
    let location = line.map { "\(path):\($0)" } ?? path
    return TerminalText.visible("\(location): \(severity.rawValue): \(message)")
  }
}

/// A build-stopping failure: one or more error diagnostics.
public struct CourseError: Error, Sendable {
  /// The diagnostics, in file and line order.
  public var diagnostics: [Diagnostic]

  /// Creates an error from diagnostics.
  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }
}
