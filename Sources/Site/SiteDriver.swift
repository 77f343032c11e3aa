import Course

/// The one way a course becomes a site, for `kubebook build`, `kubebook serve` and the tests:
/// every lesson is run and drawn block by block on all cores (a block's clusters go as soon
/// as its pictures are drawn), its page written to a ``SiteSink`` on the core that made it,
/// and the print page and the search index, made of every page, handed over in pieces as the
/// pages come. Pure logic: where the files go is the sink's business.
public struct SiteDriver: Sendable {
  /// The course the site is made of.
  public let course: Course
  let renderer: SiteRenderer

  /// Prepares to make the site of `course`.
  public init(course: Course, options: SiteRenderer.Options = SiteRenderer.Options()) {
    self.course = course
    self.renderer = SiteRenderer(course: course, options: options)
  }

  /// Prepares to make the site of `course` when every link in it names a lesson and heading
  /// of the course; throws the broken ones (they fail a build, and the old site stays).
  public init(linked course: Course, options: SiteRenderer.Options = SiteRenderer.Options()) throws(CourseError) {
    let brokenLinks = LinkChecker.diagnostics(for: course)
    if !brokenLinks.isEmpty { throw CourseError(brokenLinks) }
    self.init(course: course, options: options)
  }

  /// The number of lesson pages.
  public var pageCount: Int { course.lessons.count }

  /// A lesson as run and drawn: what an incremental rebuild keeps of it.
  public struct RenderedLesson: Sendable {
    /// The lesson's source when it was run.
    public var source: String
    /// Its scenarios' results, without their clusters.
    public var result: LessonResult
    /// The page's body (``SiteRenderer/body(at:scenarios:)``).
    public var body: [UInt8]
    /// Its search documents.
    public var documents: [UInt8]
    /// Its chapter of the print page, whose ids carry the lesson's position.
    public var chapter: [UInt8]
    /// Its position in the course when the chapter was made.
    public var position: Int
  }

  /// Writes the whole site into `sink` and returns what `keep` takes of each lesson, in
  /// lesson order. A lesson for which `reuse` gives a rendering (same source, run before)
  /// is not run again; its print chapter is made again only when it moved. `keep` runs on
  /// the lesson's core, and what it does not keep is freed there.
  public func write<Sink: SiteSink, Kept: Sendable>(
    into sink: Sink, reusing reuse: @Sendable (Int) -> RenderedLesson? = { _ in nil },
    keep: @Sendable (RenderedLesson) -> Kept
  ) -> [Kept] {
    for file in renderer.sharedFiles { sink.write(file) }
    let printFrame = renderer.printPageFrame()
    let searchFrame = SiteRenderer.searchIndexFrame
    let printPage = sink.stream(path: "print.html", head: printFrame.head, separator: [])
    let searchIndex = sink.stream(
      path: "search-index.js", head: searchFrame.head, separator: searchFrame.separator)
    let kept = Array(course.lessons.indices).parallelMap { index in
      let lesson = reuse(index).map { moved($0, to: index) } ?? run(at: index)
      sink.write(renderer.page(at: index, body: lesson.body))
      printPage?.submit(index, lesson.chapter)
      searchIndex?.submit(index, lesson.documents)
      return keep(lesson)
    }
    sink.finish(printPage, path: "print.html", count: pageCount, tail: printFrame.tail)
    sink.finish(searchIndex, path: "search-index.js", count: pageCount, tail: searchFrame.tail)
    return kept
  }

  /// Runs lesson `index`'s scenarios and draws it.
  func run(at index: Int) -> RenderedLesson {
    let (result, body) = renderer.run(at: index)
    return RenderedLesson(
      source: course.lessons[index].source, result: result, body: body,
      documents: renderer.searchDocuments(at: index), chapter: renderer.printChapter(at: index, body: body),
      position: index)
  }

  /// `lesson` at position `index`: its print chapter's ids take the new position.
  func moved(_ lesson: RenderedLesson, to index: Int) -> RenderedLesson {
    guard lesson.position != index else { return lesson }
    var moved = lesson
    moved.chapter = renderer.printChapter(at: index, body: lesson.body)
    moved.position = index
    return moved
  }

  /// The diagnostics of `results` (one per lesson) as warnings: a scenario whose output
  /// differs from the lesson's still builds, showing what ran.
  public static func warnings(_ results: [LessonResult]) -> [Diagnostic] {
    results.flatMap { Checker.diagnostics(for: $0, color: false) }.map { diagnostic in
      var warning = diagnostic
      warning.severity = .warning
      return warning
    }
  }
}
