/// Where each table and key of a TOML text is written, by line, so a configuration error
/// can name its line (TOMLKit's values do not keep their positions). It reads headers
/// (`[site]`, `[a."b"]`) and `key =` lines, skipping multi-line strings' contents; a key
/// inside an inline table is reported at its table's line.
struct TOMLKeyLines {
  /// The 1-based line of each dotted path (`site.base-url`), the first time it is written.
  private var lines: [[String]: Int] = [:]

  /// Reads the positions of `text`.
  init(_ text: String) {
    var table: [String] = []
    var inMultiline: String?
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let number = index + 1
      if let delimiter = inMultiline {
        if Self.count(delimiter, in: line) % 2 == 1 { inMultiline = nil }
        continue
      }
      let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
      if trimmed.hasPrefix("[") {
        let isArray = trimmed.hasPrefix("[[")
        let inner = trimmed.dropFirst(isArray ? 2 : 1)
        guard let path = Self.keyPath(inner, until: "]") else { continue }
        table = path.keys
        record(table, number)
        continue
      }
      guard let path = Self.keyPath(trimmed, until: "=") else { continue }
      record(table + path.keys, number)
      let value = path.rest
      for delimiter in ["\"\"\"", "'''"] where Self.count(delimiter, in: value) % 2 == 1 {
        inMultiline = delimiter
      }
    }
  }

  /// Records `path` at `line` unless it was recorded before.
  private mutating func record(_ path: [String], _ line: Int) {
    if lines[path] == nil { lines[path] = line }
  }

  /// The line where `path` is written, or where its nearest enclosing table or key is.
  func line(of path: [String]) -> Int? {
    var path = path
    while !path.isEmpty {
      if let line = lines[path] { return line }
      path.removeLast()
    }
    return nil
  }

  /// The dotted key at the start of `text` up to `terminator` (bare or quoted parts), and
  /// what follows the terminator; nil when the line holds no key.
  static func keyPath(_ text: Substring, until terminator: Character) -> (keys: [String], rest: Substring)? {
    var keys: [String] = []
    var rest = text
    while true {
      rest = rest.drop(while: { $0 == " " || $0 == "\t" })
      guard let first = rest.first else { return nil }
      if first == "\"" || first == "'" {
        let body = rest.dropFirst()
        guard let close = body.firstIndex(of: first) else { return nil }
        keys.append(String(body[..<close]))
        rest = body[body.index(after: close)...]
      } else {
        let key = rest.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        guard !key.isEmpty else { return nil }
        keys.append(String(key))
        rest = rest[key.endIndex...]
      }
      rest = rest.drop(while: { $0 == " " || $0 == "\t" })
      guard let next = rest.first else { return nil }
      if next == terminator { return (keys, rest.dropFirst()) }
      guard next == "." else { return nil }
      rest = rest.dropFirst()
    }
  }

  /// How often `needle` occurs in `line`.
  static func count(_ needle: String, in line: Substring) -> Int {
    let bytes = Array(line.utf8)
    let pattern = Array(needle.utf8)
    var count = 0
    var index = 0
    while index + pattern.count <= bytes.count {
      if bytes[index..<index + pattern.count].elementsEqual(pattern) {
        count += 1
        index += pattern.count
      } else {
        index += 1
      }
    }
    return count
  }
}
