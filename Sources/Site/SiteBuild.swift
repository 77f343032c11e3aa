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
  /// Per lesson path: what running and drawing it gave.
  var lessons: [String: SiteDriver.RenderedLesson] = [:]

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
    let driver = try SiteDriver(linked: course, options: options)
    // Lessons whose source changed are run and drawn again, block by block; the others
    // are drawn from what was kept.
    let previous = lessons
    let site = MemorySite()
    let rendered = driver.write(
      into: site,
      reusing: { index in
        let lesson = course.lessons[index]
        return previous[lesson.path].flatMap { $0.source == lesson.source ? $0 : nil }
      },
      keep: { $0 })
    let next = site.files
    let changes = Changes(
      written: next.values.filter { files[$0.path] != $0 }.sorted { $0.path < $1.path },
      removed: files.keys.filter { next[$0] == nil }.sorted())
    self.sources = sources
    self.lessons = Dictionary(zip(course.lessons.map(\.path), rendered)) { first, _ in first }
    self.files = next
    self.warnings = course.warnings + rendered.flatMap { Checker.diagnostics(for: $0.result, color: false) }
    return changes
  }
}
