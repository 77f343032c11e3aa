import Course

/// A built site kept in memory and rebuilt a lesson at a time, for `kubebook serve`: an
/// edit to one lesson re-runs that lesson's scenarios only (each page has its own cluster,
/// so no other page's output can change) and re-renders its page, the search index and the
/// print page; every other page is rendered again from what was kept, and only the files
/// whose bytes changed are handed back to be written.
public struct SiteBuild: Sendable {
  /// The sources the site was last built from.
  public private(set) var sources: Course.Sources
  /// Every file of the site by path.
  public private(set) var files: [String: SiteFile] = [:]
  /// The diagnostics of the last build that are not errors (scenario mismatches, warnings).
  public private(set) var warnings: [Diagnostic] = []
  let options: SiteRenderer.Options
  /// Per lesson path: its source, and what running and rendering it gave.
  var lessons: [String: RenderedLesson] = [:]

  /// A lesson as last run and rendered.
  struct RenderedLesson: Sendable {
    var source: String
    var result: LessonResult
    var body: [UInt8]
    var documents: [UInt8]
    /// Its chapter of the print page, whose ids carry the lesson's position then.
    var chapter: [UInt8]
    var position: Int
  }

  /// Builds the whole site from `sources`; throws the errors that fail a build (a course
  /// that does not assemble, a broken link).
  public init(_ sources: Course.Sources, options: SiteRenderer.Options = SiteRenderer.Options()) throws(CourseError) {
    self.sources = sources
    self.options = options
    _ = try update(sources)
  }

  /// What an update changed: files to write and paths to delete, in path order.
  public struct Changes: Sendable, Equatable {
    public var written: [SiteFile]
    public var removed: [String]
    public var isEmpty: Bool { written.isEmpty && removed.isEmpty }
  }

  /// Rebuilds from `sources` and returns what changed (nothing when nothing did). On an
  /// error the site stays as it was.
  @discardableResult
  public mutating func update(_ sources: Course.Sources) throws(CourseError) -> Changes {
    let course = try Course.assemble(sources)
    let broken = LinkChecker.diagnostics(for: course)
    if !broken.isEmpty { throw CourseError(broken) }
    let renderer = SiteRenderer(course: course, options: options)
    // Stale lessons are run and drawn block by block (their results kept without clusters).
    let staleIndices = course.lessons.indices.filter {
      lessons[course.lessons[$0].path]?.source != course.lessons[$0].source
    }
    let rendered = staleIndices.parallelMap { index in
      let (result, body) = renderer.run(at: index)
      return (index, result, body, renderer.searchDocuments(at: index), renderer.printChapter(at: index, body: body))
    }
    var results: [String: LessonResult] = [:]
    for (index, result, _, _, _) in rendered { results[course.lessons[index].path] = result }
    for lesson in course.lessons where results[lesson.path] == nil {
      results[lesson.path] = lessons[lesson.path]?.result
    }
    let ordered = course.lessons.map { results[$0.path]! }
    var kept: [String: RenderedLesson] = [:]
    for (index, lesson) in course.lessons.enumerated() {
      guard var old = lessons[lesson.path] else { continue }
      if old.position != index {
        // Moved in SUMMARY: its print chapter's ids take the new position.
        old.chapter = renderer.printChapter(at: index, body: old.body)
        old.position = index
      }
      kept[lesson.path] = old
    }
    for (index, _, body, documents, chapter) in rendered {
      let lesson = course.lessons[index]
      kept[lesson.path] = RenderedLesson(
        source: lesson.source, result: ordered[index], body: body, documents: documents, chapter: chapter,
        position: index)
    }
    let entries = course.lessons.map { kept[$0.path]! }
    var next: [String: SiteFile] = [:]
    for file in renderer.sharedFiles { next[file.path] = file }
    next["search-index.js"] = renderer.searchIndex(entries.map(\.documents))
    next["print.html"] = renderer.printPage(chapters: entries.map(\.chapter))
    for index in course.lessons.indices {
      let page = renderer.page(at: index, body: entries[index].body)
      next[page.path] = page
    }
    let changes = Changes(
      written: next.values.filter { files[$0.path] != $0 }.sorted { $0.path < $1.path },
      removed: files.keys.filter { next[$0] == nil }.sorted())
    self.sources = sources
    self.lessons = kept
    self.files = next
    self.warnings = course.warnings + ordered.flatMap { Checker.diagnostics(for: $0, color: false) }
    return changes
  }
}
