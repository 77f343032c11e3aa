/// The error texts of BusyBox (its `sh` and applets) and of Debian's dash and GNU coreutils
/// in the C locale, as the real binaries print them (`busybox cat /x`, `LC_ALL=C cat /x`,
/// `dash -c ...`).
public enum ShellTools {
  /// `cat FILE` of a missing file or a directory.
  static func cat(_ path: String, failure: PodFiles.Failure, tools: ImageFiles.Tools) -> String {
    switch (tools, failure) {
    case (.busybox, .isDirectory): return "cat: read error: Is a directory\n"
    case (.busybox, _): return "cat: can't open '\(path)': \(failure.rawValue)\n"
    case (.gnu, _): return "cat: \(path): \(failure.rawValue)\n"
    }
  }

  /// `ls PATH` of a missing path; exit status 1 in BusyBox, 2 in coreutils.
  static func ls(_ path: String, failure: PodFiles.Failure, tools: ImageFiles.Tools) -> String {
    tools == .busybox
      ? "ls: \(path): \(failure.rawValue)\n" : "ls: cannot access '\(path)': \(failure.rawValue)\n"
  }

  /// `rm PATH` that fails.
  static func rm(_ path: String, failure: PodFiles.Failure, tools: ImageFiles.Tools) -> String {
    switch (tools, failure) {
    case (.busybox, .isDirectory): return "rm: '\(path)' is a directory\n"
    case (.busybox, _): return "rm: can't remove '\(path)': \(failure.rawValue)\n"
    case (.gnu, _): return "rm: cannot remove '\(path)': \(failure.rawValue)\n"
    }
  }

  /// `mkdir PATH` that fails.
  static func mkdir(_ path: String, failure: PodFiles.Failure, tools: ImageFiles.Tools) -> String {
    tools == .busybox
      ? "mkdir: can't create directory '\(path)': \(failure.rawValue)\n"
      : "mkdir: cannot create directory '\(path)': \(failure.rawValue)\n"
  }

  /// `touch PATH` that fails.
  static func touch(_ path: String, failure: PodFiles.Failure, tools: ImageFiles.Tools) -> String {
    tools == .busybox ? "touch: \(path): \(failure.rawValue)\n" : "touch: cannot touch '\(path)': \(failure.rawValue)\n"
  }

  /// The shell's `> FILE` that cannot be opened for writing.
  static func cannotCreate(_ path: String, failure: PodFiles.Failure, tools: ImageFiles.Tools) -> String {
    switch (tools, failure) {
    case (.busybox, .notFound): return "sh: can't create \(path): nonexistent directory\n"
    case (.busybox, _): return "sh: can't create \(path): \(failure.rawValue)\n"
    case (.gnu, .notFound): return "sh: 1: cannot create \(path): Directory nonexistent\n"
    case (.gnu, _): return "sh: 1: cannot create \(path): \(failure.rawValue)\n"
    }
  }

  /// The shell's `< FILE` that cannot be opened.
  static func cannotOpen(_ path: String, failure: PodFiles.Failure, tools: ImageFiles.Tools) -> String {
    tools == .busybox ? "sh: can't open \(path): no such file\n" : "sh: 1: cannot open \(path): No such file\n"
  }

  /// `sleep WORD` with an invalid interval.
  static func sleep(_ word: String, tools: ImageFiles.Tools) -> String {
    tools == .busybox
      ? "sleep: invalid number '\(word)'\n"
      : "sleep: invalid time interval '\(word)'\nTry 'sleep --help' for more information.\n"
  }

  /// A syntax error of `sh -c SCRIPT` (exit status 2 in both shells).
  public static func syntax(_ error: ShellSyntaxError, tools: ImageFiles.Tools) -> String {
    switch (tools, error) {
    case (.busybox, .unexpected(let token)): return "sh: syntax error: unexpected \"\(token)\"\n"
    case (.gnu, .unexpected(let token)): return "sh: 1: Syntax error: \"\(token)\" unexpected\n"
    case (.busybox, .unexpectedEnd(let expecting)):
      return "sh: syntax error: unexpected end of file" + (expecting.map { " (expecting \"\($0)\")" } ?? "") + "\n"
    case (.gnu, .unexpectedEnd(let expecting)):
      return "sh: 1: Syntax error: end of file unexpected" + (expecting.map { " (expecting \"\($0)\")" } ?? "") + "\n"
    case (.busybox, .unterminatedQuote): return "sh: syntax error: unterminated quoted string\n"
    case (.gnu, .unterminatedQuote): return "sh: 1: Syntax error: Unterminated quoted string\n"
    }
  }
}
