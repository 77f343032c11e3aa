/// A container shell script as kubebook's shell runs it: the parsed form of `sh -c SCRIPT`
/// (see ``ShellParser``), made of simple commands joined by `;`, `&&`, `||`, newlines, and
/// `while`/`until`, `for` and `if` compounds.
public indirect enum ShellScript: Sendable, Equatable {
  /// One command with its assignments and redirections.
  case simple(ShellCommandLine)
  /// `A && B`.
  case and(ShellScript, ShellScript)
  /// `A || B`.
  case or(ShellScript, ShellScript)
  /// `A; B; ...`.
  case sequence([ShellScript])
  /// `while COND; do BODY; done` (`until` when `until`).
  case loop(condition: ShellScript, body: ShellScript, until: Bool)
  /// `for NAME in WORDS; do BODY; done`.
  case forEach(name: String, words: [ShellWord], body: ShellScript)
  /// `if COND; then A; else B; fi` (`elif` nests another choice in `otherwise`).
  case choice(condition: ShellScript, then: ShellScript, otherwise: ShellScript?)
}

/// A simple command: `NAME=VALUE... WORD... [N]>FILE...`.
public struct ShellCommandLine: Sendable, Equatable {
  /// The assignments before the command name.
  public var assignments: [(name: String, value: ShellWord)] = []
  /// The command and its arguments, before expansion.
  public var words: [ShellWord] = []
  /// The redirections, in order.
  public var redirections: [ShellRedirection] = []

  /// Equal when words, redirections and assignments are.
  public static func == (left: ShellCommandLine, right: ShellCommandLine) -> Bool {
    left.words == right.words && left.redirections == right.redirections
      && left.assignments.map(\.name) == right.assignments.map(\.name)
      && left.assignments.map(\.value) == right.assignments.map(\.value)
  }
}

/// `>FILE`, `>>FILE`, `<FILE`, `2>FILE` or `2>&1`.
public struct ShellRedirection: Sendable, Equatable {
  /// What the redirection does.
  public enum Kind: Sendable, Equatable {
    case write, append, read
    /// `N>&M`: descriptor N becomes a copy of M.
    case duplicate(Int)
  }

  /// The descriptor redirected (1 for `>`, 0 for `<`).
  public var descriptor: Int
  public var kind: Kind
  /// The file (empty for `duplicate`).
  public var target: ShellWord
}

/// One word before expansion: literal text, quoted or not, variables and command
/// substitutions.
public struct ShellWord: Sendable, Equatable {
  /// One piece of a word.
  public enum Part: Sendable, Equatable {
    case literal(String, quoted: Bool)
    case variable(String, quoted: Bool)
    case substitution(String, quoted: Bool)
  }

  public var parts: [Part] = []

  /// The word's text when it is one unquoted literal (reserved words, `NAME=` checks).
  public var plain: String? {
    guard parts.count == 1, case .literal(let text, false) = parts[0] else { return nil }
    return text
  }
}
