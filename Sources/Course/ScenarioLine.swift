/// What a line of a scenario block means: the one place that decides which lines are
/// commands, continuations, statuses and wildcards, shared by the parser (which reads
/// them), the matcher and the blesser (which must write output that reads back as output).
///
/// Lines are compared by Unicode scalars, not graphemes, so a combining mark after `$ `
/// cannot change what a line is.
public enum ScenarioLine {
  /// The escape: an expected-output line starting with a backslash is literal text — the
  /// backslash is dropped and the rest must equal the actual line exactly, with no
  /// wildcards, and it is never a command, continuation or status line.
  public static let escape: Unicode.Scalar = "\\"

  /// Whether `line` starts a command (`$ kubectl get pods`, or a bare `$`).
  public static func isCommand(_ line: String) -> Bool {
    line == "$" || hasScalarPrefix(line, "$ ")
  }

  /// Whether `line` continues the command above it (`> --replicas=3`, or a bare `>`).
  public static func isContinuation(_ line: String) -> Bool {
    line == ">" || hasScalarPrefix(line, "> ")
  }

  /// Whether `line` is read as an exit status when it follows a command (`? 1`).
  public static func isStatus(_ line: String) -> Bool {
    hasScalarPrefix(line, "? ")
  }

  /// The text after the two-character marker of a command, continuation or status line.
  public static func afterMarker(_ line: String) -> String {
    String(String.UnicodeScalarView(line.unicodeScalars.dropFirst(2)))
  }

  /// Whether an expected line is the `...` wildcard (any number of lines).
  public static func isAnyLines(_ line: String) -> Bool {
    line == "..."
  }

  /// The literal text an expected line stands for, or nil when it is a wildcard line
  /// (`...`, or one with `[..]` in it).
  public static func literalText(of expected: String) -> String? {
    if let first = expected.unicodeScalars.first, first == escape {
      return String(String.UnicodeScalarView(expected.unicodeScalars.dropFirst()))
    }
    if isAnyLines(expected) || expected.contains("[..]") { return nil }
    return expected
  }

  /// How an actual output line is written as expected output so that it reads back as
  /// exactly that text: escaped when, written as it is, it would be a command, a
  /// continuation, a status, a wildcard, or would start with the escape itself.
  public static func expectedLine(forActual line: String) -> String {
    let needsEscape =
      isCommand(line) || isContinuation(line) || isStatus(line) || isAnyLines(line) || line.contains("[..]")
      || line.unicodeScalars.first == escape
    return needsEscape ? String(escape) + line : line
  }

  /// Whether `line` starts with the Unicode scalars of `prefix`.
  static func hasScalarPrefix(_ line: String, _ prefix: String) -> Bool {
    line.unicodeScalars.starts(with: prefix.unicodeScalars)
  }
}
