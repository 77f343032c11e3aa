/// A unified diff of expected against actual lines, in the style of `diff -u`, with lines
/// that match under the wildcard rules treated as equal.
public enum UnifiedDiff {
  /// One line of a diff.
  public enum Line: Equatable, Sendable {
    case context(String)
    case removed(String)
    case added(String)
  }

  /// The edit script from `expected` to `actual` (longest common subsequence).
  public static func lines(expected: [String], actual: [String]) -> [Line] {
    let n = expected.count
    let m = actual.count
    if n * m > 4_000_000 {
      return expected.map(Line.removed) + actual.map(Line.added)
    }
    var table = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
    if n > 0 && m > 0 {
      for i in stride(from: n - 1, through: 0, by: -1) {
        for j in stride(from: m - 1, through: 0, by: -1) {
          table[i][j] =
            OutputMatcher.lineMatches(expected[i], actual[j])
            ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
        }
      }
    }
    var result: [Line] = []
    var i = 0
    var j = 0
    while i < n || j < m {
      if i < n, j < m, OutputMatcher.lineMatches(expected[i], actual[j]) {
        result.append(.context(actual[j]))
        i += 1
        j += 1
      } else if i < n, j == m || table[i + 1][j] >= table[i][j + 1] {
        result.append(.removed(expected[i]))
        i += 1
      } else {
        result.append(.added(actual[j]))
        j += 1
      }
    }
    return result
  }

  /// The diff as text: a `--- expected` / `+++ actual` header and every line prefixed with
  /// ` `, `-` or `+`; coloured with ANSI escapes when `color`. Control characters in the lines
  /// are made visible (``TerminalText``), so only the diff's own colours reach a terminal.
  public static func format(expected: [String], actual: [String], color: Bool) -> String {
    var output = color ? "\u{1B}[1m--- expected\u{1B}[0m\n\u{1B}[1m+++ actual\u{1B}[0m\n" : "--- expected\n+++ actual\n"
    for line in lines(expected: expected, actual: actual) {
      switch line {
      case .context(let text): output += " " + TerminalText.visible(text) + "\n"
      case .removed(let text):
        let shown = TerminalText.visible(text)
        output += color ? "\u{1B}[31m-\(shown)\u{1B}[0m\n" : "-" + shown + "\n"
      case .added(let text):
        let shown = TerminalText.visible(text)
        output += color ? "\u{1B}[32m+\(shown)\u{1B}[0m\n" : "+" + shown + "\n"
      }
    }
    return output
  }
}
