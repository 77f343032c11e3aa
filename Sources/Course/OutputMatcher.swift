/// Compares actual output with expected output written with trycmd's wildcards: a line
/// that is exactly `...` matches any number of lines, and `[..]` inside a line matches any
/// run of characters on that line. A line escaped with a leading backslash is literal text
/// (``ScenarioLine/escape``).
public enum OutputMatcher {
  /// Whether `actual` lines match the `expected` pattern lines.
  public static func matches(expected: [String], actual: [String]) -> Bool {
    // memo[i][j]: can expected[i...] match actual[j...]? (nil = not yet computed)
    var memo = [[Bool?]](repeating: [Bool?](repeating: nil, count: actual.count + 1), count: expected.count + 1)
    func match(_ i: Int, _ j: Int) -> Bool {
      if let known = memo[i][j] { return known }
      let result: Bool
      if i == expected.count {
        result = j == actual.count
      } else if ScenarioLine.isAnyLines(expected[i]) {
        var found = false
        for next in j...actual.count where match(i + 1, next) {
          found = true
          break
        }
        result = found
      } else {
        result = j < actual.count && lineMatches(expected[i], actual[j]) && match(i + 1, j + 1)
      }
      memo[i][j] = result
      return result
    }
    return match(0, 0)
  }

  /// Whether one actual line matches one expected line (with `[..]` wildcards).
  public static func lineMatches(_ pattern: String, _ line: String) -> Bool {
    if let literal = ScenarioLine.literalText(of: pattern) { return literal == line }
    guard pattern.contains("[..]") else { return pattern == line }
    let pieces = pattern.components(separatedBy: "[..]")
    var rest = Substring(line)
    guard let first = pieces.first, rest.hasPrefix(first) else { return false }
    rest = rest.dropFirst(first.count)
    for (index, piece) in pieces.enumerated().dropFirst() {
      if index == pieces.count - 1 {
        return piece.isEmpty || rest.hasSuffix(piece)
      }
      guard let range = rest.range(of: piece) else { return false }
      rest = rest[range.upperBound...]
    }
    return true
  }
}

extension String {
  /// The parts of the string between occurrences of `separator`.
  func components(separatedBy separator: String) -> [String] {
    var parts: [String] = []
    var rest = Substring(self)
    while let range = rest.range(of: separator) {
      parts.append(String(rest[..<range.lowerBound]))
      rest = rest[range.upperBound...]
    }
    parts.append(String(rest))
    return parts
  }
}

extension Substring {
  /// The first range of `needle`, searched by characters.
  func range(of needle: String) -> Range<Substring.Index>? {
    guard !needle.isEmpty else { return startIndex..<startIndex }
    var index = startIndex
    while index < endIndex {
      if self[index...].hasPrefix(needle) {
        return index..<self.index(index, offsetBy: needle.count)
      }
      index = self.index(after: index)
    }
    return nil
  }
}
