import Markdown

/// The course's table of contents, read from `SUMMARY.md` as mdBook reads it: links in
/// nested lists are chapters and their sections, in reading order.
public struct Summary: Sendable, Equatable {
  /// One entry of the table of contents.
  public struct Entry: Sendable, Equatable {
    /// The link text.
    public var title: String
    /// The lesson's path relative to the content directory (`pods/intro.md`), or nil for a
    /// draft chapter (an entry without a link).
    public var path: String?
    /// The line in SUMMARY.md.
    public var line: Int
    /// The sections under this entry.
    public var children: [Entry]
  }

  /// The course title (the first heading of SUMMARY.md, if any).
  public var title: String?
  /// The top-level entries.
  public var entries: [Entry]

  /// Every entry in reading order (depth first).
  public var flattened: [(entry: Entry, depth: Int)] {
    var result: [(Entry, Int)] = []
    func walk(_ entries: [Entry], depth: Int) {
      for entry in entries {
        result.append((entry, depth))
        walk(entry.children, depth: depth + 1)
      }
    }
    walk(entries, depth: 0)
    return result
  }

  /// Parses SUMMARY.md text; `displayPath` names it in diagnostics.
  public static func parse(_ text: String, displayPath: String) throws(CourseError) -> Summary {
    let document = MarkdownParser.parse(text)
    var title: String?
    var entries: [Entry] = []
    var diagnostics = Lesson.limitDiagnostics(document, displayPath: displayPath)
    for block in document.blocks {
      switch block.kind {
      case .heading(_, let content, _) where title == nil:
        title = content.plainText
      case .list(_, let items):
        entries += listEntries(items, line: block.line, displayPath: displayPath, diagnostics: &diagnostics)
      case .paragraph(let inlines):
        for inline in inlines {
          if case .link(let destination, _, let content) = inline {
            entries.append(
              Entry(
                title: content.plainText,
                path: try? linkPath(destination, line: block.line, displayPath: displayPath),
                line: block.line, children: []))
          }
        }
      default:
        break
      }
    }
    if !diagnostics.isEmpty { throw CourseError(diagnostics) }
    return Summary(title: title, entries: entries)
  }

  private static func listEntries(
    _ items: [[Block]], line: Int, displayPath: String, diagnostics: inout [Diagnostic]
  ) -> [Entry] {
    var entries: [Entry] = []
    for item in items {
      var entry: Entry?
      var children: [Entry] = []
      for block in item {
        switch block.kind {
        case .paragraph(let inlines):
          if let link = inlines.first(where: { if case .link = $0 { return true } else { return false } }),
            case .link(let destination, _, let content) = link
          {
            do {
              let path = try linkPath(destination, line: block.line, displayPath: displayPath)
              entry = Entry(title: content.plainText, path: path, line: block.line, children: [])
            } catch {
              diagnostics.append(error)
            }
          } else {
            entry = Entry(title: inlines.plainText, path: nil, line: block.line, children: [])
          }
        case .list(_, let nested):
          children += listEntries(nested, line: block.line, displayPath: displayPath, diagnostics: &diagnostics)
        default:
          break
        }
      }
      if var entry {
        entry.children = children
        entries.append(entry)
      } else {
        entries += children
      }
    }
    return entries
  }

  /// The lesson path a SUMMARY link points at, checked to stay inside the content directory.
  static func linkPath(_ destination: String, line: Int, displayPath: String) throws(Diagnostic) -> String? {
    if destination.isEmpty { return nil }
    var path = destination
    if let hash = path.firstIndex(of: "#") { path = String(path[..<hash]) }
    path = URLPath.decode(path)
    guard let normalized = CoursePath.normalize(path), normalized.hasSuffix(".md") else {
      throw Diagnostic(
        path: displayPath, line: line,
        message: "link \"\(destination)\" must name a .md file inside the content directory")
    }
    return normalized
  }
}
