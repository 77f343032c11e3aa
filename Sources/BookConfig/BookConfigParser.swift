import Course
import KubeSim
import TOMLKit

/// Reads `kubebook.toml` into a ``BookConfig``: pure, from the file's text. Every key is
/// optional; an unknown key, a value of the wrong type or out of range is an error at its
/// line (`kubebook.toml:7: error: unknown key 'titel' in [site]`).
public enum BookConfigParser {
  /// The configuration in `text`; `displayPath` names the file in diagnostics.
  ///
  /// - Throws: ``CourseError`` with every problem found, in line order.
  public static func parse(_ text: String, displayPath: String) throws(CourseError) -> BookConfig {
    let root: TOMLTable
    do { root = try TOMLTable(string: text) } catch let error as TOMLParseError {
      throw CourseError([Diagnostic(path: displayPath, line: error.source.begin.line, message: error.description)])
    } catch {
      throw CourseError([Diagnostic(path: displayPath, line: nil, message: "\(error)")])
    }
    var reader = Reader(lines: TOMLKeyLines(text), displayPath: displayPath)
    var config = BookConfig()
    reader.readTable(
      root, path: [], known: ["title", "description", "authors", "language", "cluster", "site", "strings"])
    if let title = reader.string(root, ["title"]) { config.title = title }
    if let description = reader.string(root, ["description"]) { config.description = description }
    if let authors = reader.strings(root, ["authors"]) { config.authors = authors }
    if let language = reader.string(root, ["language"]) {
      if isLanguageTag(language) {
        config.language = language
      } else {
        reader.fail(["language"], "language '\(language)' is not a BCP 47 language tag (en, zh-CN, pt-BR, ...)")
      }
    }
    if let cluster = reader.table(root, ["cluster"]) {
      reader.readTable(cluster, path: ["cluster"], known: ["workers", "seed"])
      if let workers = reader.integer(cluster, ["cluster", "workers"], in: 1...1000) {
        config.cluster.workers = workers
      }
      if let seed = reader.integer(cluster, ["cluster", "seed"], in: 0...Int.max) {
        config.cluster.seed = UInt64(seed)
      }
    }
    if let site = reader.table(root, ["site"]) {
      reader.readTable(site, path: ["site"], known: ["base-url", "repository", "edit-url-template", "theme"])
      if let baseURL = reader.string(site, ["site", "base-url"]) {
        if isWebAddress(baseURL) {
          config.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        } else {
          reader.fail(["site", "base-url"], "base-url must start with https:// or http://")
        }
      }
      config.repository = reader.string(site, ["site", "repository"])
      if let template = reader.string(site, ["site", "edit-url-template"]) {
        if template.contains("{path}") {
          config.editURLTemplate = template
        } else {
          reader.fail(["site", "edit-url-template"], "edit-url-template must contain {path}")
        }
      }
      if let theme = reader.string(site, ["site", "theme"]) {
        if isRelativeDirectory(theme) {
          config.theme = theme
        } else {
          reader.fail(["site", "theme"], "theme must be a directory inside the course directory, without '..'")
        }
      }
    }
    if let strings = reader.table(root, ["strings"]) {
      for key in strings.keys.sorted() {
        guard let name = UIString(rawValue: key) else {
          reader.fail(["strings", key], "unknown key '\(key)' in [strings]")
          continue
        }
        if let text = reader.string(strings, ["strings", key]) { config.strings[name] = text }
      }
    }
    if !reader.diagnostics.isEmpty {
      throw CourseError(reader.diagnostics.sorted { ($0.line ?? 0, $0.message) < ($1.line ?? 0, $1.message) })
    }
    return config
  }

  /// Whether `tag` looks like a BCP 47 language tag: a 2 to 8 letter language, then
  /// subtags of 1 to 8 letters or digits.
  static func isLanguageTag(_ tag: String) -> Bool {
    let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
    guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return false }
    return parts.dropFirst().allSatisfy { part in
      (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }

  /// Whether `address` is an absolute http(s) address without spaces.
  static func isWebAddress(_ address: String) -> Bool {
    (address.hasPrefix("https://") || address.hasPrefix("http://")) && address.count > 8
      && !address.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0.isNewline })
  }

  /// Whether `path` names a directory below the course directory.
  static func isRelativeDirectory(_ path: String) -> Bool {
    !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains("..")
  }

  /// Reads values out of TOMLKit's tables, collecting an error, at its line, for each
  /// unknown key and each value of the wrong type.
  struct Reader {
    /// Where keys are written.
    let lines: TOMLKeyLines
    /// The file as diagnostics name it.
    let displayPath: String
    /// The problems found so far.
    var diagnostics: [Diagnostic] = []

    /// Records an error at the line of `path`.
    mutating func fail(_ path: [String], _ message: String) {
      diagnostics.append(Diagnostic(path: displayPath, line: lines.line(of: path), message: message))
    }

    /// Reports each key of `table` (at `path`) that is not in `known`.
    mutating func readTable(_ table: TOMLTable, path: [String], known: Set<String>) {
      for key in table.keys.sorted() where !known.contains(key) {
        let place = path.isEmpty ? "at the top level" : "in [" + path.joined(separator: ".") + "]"
        fail(path + [key], "unknown key '\(key)' \(place)")
      }
    }

    /// `path`'s description for messages: `'theme' in [site]`.
    func name(_ path: [String]) -> String {
      path.count == 1 ? "'\(path[0])'" : "'\(path.last!)' in [\(path.dropLast().joined(separator: "."))]"
    }

    /// The string at `path` (its last part a key of `table`), or nil when absent or not a string.
    mutating func string(_ table: TOMLTable, _ path: [String]) -> String? {
      guard let value = table[path.last!] else { return nil }
      guard let text = value.string else {
        fail(path, "\(name(path)) must be a string, not \(typeName(value.type))")
        return nil
      }
      return text
    }

    /// The array of strings at `path`.
    mutating func strings(_ table: TOMLTable, _ path: [String]) -> [String]? {
      guard let value = table[path.last!] else { return nil }
      guard let array = value.array, array.allSatisfy({ $0.string != nil }) else {
        fail(path, "\(name(path)) must be an array of strings")
        return nil
      }
      return array.compactMap(\.string)
    }

    /// The integer at `path`, within `range`.
    mutating func integer(_ table: TOMLTable, _ path: [String], in range: ClosedRange<Int>) -> Int? {
      guard let value = table[path.last!] else { return nil }
      guard value.type == .int, let number = value.int else {
        fail(path, "\(name(path)) must be an integer, not \(typeName(value.type))")
        return nil
      }
      guard range.contains(number) else {
        let upper = range.upperBound == Int.max ? "" : " to \(range.upperBound)"
        fail(path, "\(name(path)) must be \(range.lowerBound)\(upper.isEmpty ? " or more" : upper), not \(number)")
        return nil
      }
      return number
    }

    /// The table at `path`.
    mutating func table(_ table: TOMLTable, _ path: [String]) -> TOMLTable? {
      guard let value = table[path.last!] else { return nil }
      guard let inner = value.table else {
        fail(path, "\(name(path)) must be a table ([\(path.joined(separator: "."))]), not \(typeName(value.type))")
        return nil
      }
      return inner
    }

    /// How messages name a TOML type.
    func typeName(_ type: TOMLType) -> String {
      switch type {
      case .table: "a table"
      case .array: "an array"
      case .string: "a string"
      case .int: "an integer"
      case .double: "a floating-point number"
      case .bool: "a boolean"
      case .date: "a date"
      case .time: "a time"
      case .dateTime: "a date-time"
      }
    }
  }
}
