/// `--containers` of `kubectl set env|resources|image`: a container name, `*`, or a pattern
/// with `*` wildcards (kubectl's `selectString`, `pkg/cmd/set/helper.go`).
enum ContainerSelector {
  /// Whether `name` matches `pattern`, with kubectl's quirks kept: each part is searched from
  /// the start of the rest of the name, and one found before the previous part's position
  /// fails.
  static func matches(_ name: String, _ pattern: String) -> Bool {
    if pattern == "*" { return true }
    if !pattern.contains("*") { return name == pattern }
    let text = Array(name.utf8)
    let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map { Array($0.utf8) }
    var position = 0
    for (index, part) in parts.enumerated() where !part.isEmpty {
      // `strings.Index(s[pos:], part)`: relative to `position`, -1 when absent.
      let next = firstIndex(of: part, in: text[position...]).map { $0 - position } ?? -1
      if next < position { return false }
      if index == 0 && position != 0 { return false }
      if index == parts.count - 1 && text.count != part.count + next { return false }
      position = next
    }
    return true
  }

  /// Where `part` first occurs in `text`, as an index of `text`'s base.
  private static func firstIndex(of part: [UInt8], in text: ArraySlice<UInt8>) -> Int? {
    guard part.count <= text.count else { return nil }
    var start = text.startIndex
    while start + part.count <= text.endIndex {
      if text[start..<start + part.count].elementsEqual(part) { return start }
      start += 1
    }
    return nil
  }
}
