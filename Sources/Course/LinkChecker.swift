import Markdown

/// Finds links between lessons that lead nowhere: a relative link to a `.md` file that is not
/// a lesson of the course, or a `#fragment` naming no heading of its page. External links,
/// other files and links inside code are not checked.
public enum LinkChecker {
  /// One diagnostic per broken link, in lesson and line order.
  public static func diagnostics(for course: Course) -> [Diagnostic] {
    let lessons = Dictionary(course.lessons.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    // Each lesson's headings, then each lesson's links, on all cores.
    let ids = course.lessons.parallelMap { headingIDs($0.document.blocks) }
    let anchors = Dictionary(zip(course.lessons.map(\.path), ids), uniquingKeysWith: { first, _ in first })
    let perLesson = course.lessons.parallelMap { lesson in
      links(lesson.document.blocks).compactMap { link -> Diagnostic? in
        guard let problem = problem(with: link.destination, from: lesson, lessons: lessons, anchors: anchors) else {
          return nil
        }
        let line = line(of: link, in: lesson.source)
        return Diagnostic(
          path: lesson.displayPath, line: line, message: "broken link \"\(link.destination)\": \(problem)")
      }
    }
    return perLesson.flatMap { $0 }
  }

  /// A link's destination and the lines of the block it is in.
  struct Link {
    var destination: String
    var firstLine: Int
    var lastLine: Int
  }

  /// The line of the block's source where the link's destination is written (the block's
  /// first line when it cannot be found, say when written with escapes). Only broken links
  /// need it, so the source is searched then.
  static func line(of link: Link, in source: String) -> Int {
    let needle = "(" + link.destination
    var number = 1
    for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
      defer { number += 1 }
      if number < link.firstLine { continue }
      if number > link.lastLine { break }
      if line.contains(needle) || line.contains("<" + link.destination + ">") { return number }
    }
    return link.firstLine
  }

  /// What is wrong with one link, if anything. A link with a scheme (`https:`) or a host
  /// (`//`) is not checked; the path of a relative one is `%XX`-decoded before it is looked
  /// up (`sp%20ace.md` names `sp ace.md`), as a browser would.
  static func problem(
    with destination: String, from lesson: Lesson, lessons: [String: Lesson], anchors: [String: Set<String>]
  ) -> String? {
    if URLPath.hasScheme(destination) || destination.hasPrefix("//") { return nil }
    let (path, suffix) = URLPath.splitPath(destination)
    var fragment: Substring?
    if let hash = suffix.firstIndex(of: "#") { fragment = suffix[suffix.index(after: hash)...] }
    var target = lesson
    if !path.isEmpty {
      guard path.hasSuffix(".md") else { return nil }
      guard let resolved = resolve(URLPath.decode(path), from: lesson.path), let found = lessons[resolved] else {
        return "no lesson \(display(lesson, relative: String(path))) in the course"
      }
      target = found
    }
    if let fragment, !fragment.isEmpty, !(anchors[target.path] ?? []).contains(URLPath.decode(fragment)) {
      return "no heading with the id \"\(fragment)\" in \(target.displayPath)"
    }
    return nil
  }

  /// `relative` resolved against the directory of `from` (`../` and `./` allowed), or nil when
  /// it leaves the course.
  static func resolve(_ relative: String, from: String) -> String? {
    var parts = from.split(separator: "/").dropLast().map(String.init)
    for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      default: parts.append(String(part))
      }
    }
    return parts.joined(separator: "/")
  }

  /// The target as the author would see it next to the lesson (`content/x.md`).
  static func display(_ lesson: Lesson, relative: String) -> String {
    guard let slash = lesson.displayPath.lastIndex(of: "/") else { return relative }
    return lesson.displayPath[...slash] + relative
  }

  static func headingIDs(_ blocks: [Block]) -> Set<String> {
    var ids: Set<String> = []
    collectHeadingIDs(blocks, into: &ids)
    return ids
  }

  private static func collectHeadingIDs(_ blocks: [Block], into ids: inout Set<String>) {
    for block in blocks {
      switch block.kind {
      case .heading(_, _, let id): ids.insert(id)
      case .blockQuote(let children), .callout(_, let children): collectHeadingIDs(children, into: &ids)
      case .list(_, let items): for item in items { collectHeadingIDs(item, into: &ids) }
      default: continue
      }
    }
  }

  /// Every link, with the lines of the block it is in.
  static func links(_ blocks: [Block]) -> [Link] {
    var found: [Link] = []
    collectLinks(blocks, into: &found)
    return found
  }

  private static func collectLinks(_ blocks: [Block], into found: inout [Link]) {
    for block in blocks {
      switch block.kind {
      case .paragraph(let items), .heading(_, let items, _): collectLinks(items, in: block, into: &found)
      case .blockQuote(let children), .callout(_, let children): collectLinks(children, into: &found)
      case .list(_, let items): for item in items { collectLinks(item, into: &found) }
      case .table(let table):
        for cell in table.header { collectLinks(cell, in: block, into: &found) }
        for row in table.rows { for cell in row { collectLinks(cell, in: block, into: &found) } }
      default: continue
      }
    }
  }

  private static func collectLinks(_ items: [Inline], in block: Block, into found: inout [Link]) {
    for item in items {
      switch item {
      case .link(let destination, _, let content):
        found.append(Link(destination: destination, firstLine: block.line, lastLine: max(block.line, block.endLine)))
        collectLinks(content, in: block, into: &found)
      case .emphasis(let children), .strong(let children): collectLinks(children, in: block, into: &found)
      default: continue
      }
    }
  }
}
