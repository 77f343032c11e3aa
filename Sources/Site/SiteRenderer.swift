import BookConfig
import Course
import Markdown

/// One file of the built site.
public struct SiteFile: Sendable, Equatable {
  /// The path relative to the output directory.
  public var path: String
  /// The file's bytes.
  public var contents: [UInt8]

  /// Creates a file from text.
  public init(path: String, text: String) {
    self.path = path
    self.contents = Array(text.utf8)
  }

  /// Creates a file from bytes.
  public init(path: String, bytes: [UInt8]) {
    self.path = path
    self.contents = bytes
  }
}

/// Renders the course and its scenario results into the files of the site: an index, one
/// page per lesson, the navigation script and the theme assets.
///
/// Pages are rendered one at a time (``page(at:body:)``) so ``SiteDriver`` can spread them
/// over cores and write each as soon as it is ready.
public struct SiteRenderer: Sendable {
  /// Site-wide rendering options.
  public struct Options: Sendable {
    /// Keep authors' raw HTML instead of dropping it.
    public var allowRawHTML = false
    /// The course's `kubebook.toml`.
    public var config = BookConfig()
    /// The theme: page template, stylesheet and files.
    public var theme = Theme()

    /// Creates default options.
    public init() {}
  }

  let course: Course
  let options: Options
  let title: String
  let titles: [String: String]
  /// The frame of every page.
  let layout: PageLayout
  /// The site's strings.
  var strings: SiteStrings { layout.strings }

  /// Prepares to render `course`; its lessons are run as their pages are made (``run(at:)``).
  public init(course: Course, options: Options = Options()) {
    self.course = course
    self.options = options
    self.title = options.config.title ?? course.summary.title ?? "kubebook"
    self.titles = Self.lessonTitles(course.summary)
    self.layout = PageLayout(template: options.theme.template, config: options.config, courseTitle: title)
  }

  /// The number of lesson pages.
  public var pageCount: Int { course.lessons.count }

  /// Runs lesson `index`'s scenarios and renders its body (title, table of headings, text,
  /// scenarios and their pictures, without the page around it), drawing each block as soon
  /// as it ran: the page never holds more than one block's clusters, and the
  /// result comes back without them (for checking).
  public func run(at index: Int) -> (result: LessonResult, body: [UInt8]) {
    let lesson = course.lessons[index]
    var blocks = ScenarioBlocks(displayPath: lesson.displayPath, strings: strings)
    let result = LessonRunner.run(lesson) { blocks.add($0) }
    return (result, body(at: index, scenarios: blocks))
  }

  /// Lesson `index` rendered with its scenario blocks already drawn.
  func body(at index: Int, scenarios: ScenarioBlocks) -> [UInt8] {
    let lesson = course.lessons[index]
    var renderer = DocumentRenderer(allowRawHTML: options.allowRawHTML)
    renderer.scenarios = scenarios.html
    renderer.strings = strings
    // The lesson's title, then the table of its headings (when it has two or more), then the rest.
    let blocks = lesson.document.blocks
    let titleCount = blocks.first.map { if case .heading(1, _, _) = $0.kind { return 1 } else { return 0 } } ?? 0
    var html: [UInt8] = []
    html.reserveCapacity(lesson.source.utf8.count * 2)
    renderer.render(Array(blocks.prefix(titleCount)), into: &html)
    html += Self.headingsTable(blocks, strings: strings).utf8
    renderer.render(Array(blocks.dropFirst(titleCount)), into: &html)
    return html
  }

  /// The page of lesson `index` around its `body`.
  public func page(at index: Int, body: [UInt8]) -> SiteFile {
    let lesson = course.lessons[index]
    let pagePath = PagePaths.page(for: lesson.path)
    let previous = index > 0 ? course.lessons[index - 1] : nil
    let next = index + 1 < course.lessons.count ? course.lessons[index + 1] : nil
    let (head, tail) = layout.frame(
      PageLayout.Page(
        path: pagePath, title: titles[lesson.path] ?? lesson.path, body: "",
        previous: previous.map { (PagePaths.page(for: $0.path), titles[$0.path] ?? $0.path) },
        next: next.map { (PagePaths.page(for: $0.path), titles[$0.path] ?? $0.path) },
        description: Self.firstParagraph(lesson.document.blocks), isLesson: true, lessonPath: lesson.path))
    var html: [UInt8] = []
    html.reserveCapacity(head.utf8.count + body.count + tail.utf8.count)
    html += head.utf8
    html += body
    html += tail.utf8
    return SiteFile(path: pagePath, bytes: html)
  }

  /// The files every site has besides the lesson pages and the search index: index, the
  /// page for addresses that lead nowhere, navigation script, assets, favicon, the theme's
  /// own files, and with a base URL the sitemap.
  public var sharedFiles: [SiteFile] {
    var files = [
      SiteFile(path: "index.html", text: indexPage()),
      SiteFile(path: "404.html", text: notFoundPage()),
      SiteFile(path: "toc.js", text: Navigation.script(course.summary, strings: strings)),
      SiteFile(path: "assets/kubebook.css", bytes: options.theme.stylesheet ?? Array(Assets.css.utf8)),
      SiteFile(path: "assets/kubebook.js", text: Assets.javascript(strings)),
      SiteFile(path: "assets/theme.js", text: Assets.themeScript),
    ]
    if let baseURL = options.config.baseURL { files.append(SiteFile(path: "sitemap.xml", text: sitemap(baseURL))) }
    let themed = Set(options.theme.files.map(\.path))
    if !themed.contains("favicon.svg") { files.append(SiteFile(path: "favicon.svg", text: Assets.favicon)) }
    return files + options.theme.files
  }

  /// The paths of the files a site always has, which a theme's files may not replace.
  public static let generatedPaths: Set<String> = [
    "index.html", "404.html", "print.html", "toc.js", "search-index.js", "sitemap.xml", "assets/kubebook.css",
    "assets/kubebook.js", "assets/theme.js",
  ]

  /// `sitemap.xml`: the index and every lesson page under `baseURL`, in course order.
  func sitemap(_ baseURL: String) -> String {
    var xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
    let pages = ["index.html"] + course.lessons.map { PagePaths.page(for: $0.path) }
    for page in pages {
      xml += "<url><loc>" + HTML.escape(baseURL + PagePaths.link(to: page)) + "</loc></url>\n"
    }
    return xml + "</urlset>\n"
  }

  /// `404.html`: what a host shows for an address without a page. Its links start from the
  /// base URL when there is one, so they work at any depth.
  func notFoundPage() -> String {
    let root = options.config.baseURL.map(HTML.escape) ?? ""
    return layout.page(
      PageLayout.Page(
        path: "404.html", title: strings[.notFoundTitle],
        body: "<h1>" + HTML.escape(strings[.notFoundTitle]) + "</h1>\n<p>" + HTML.escape(strings[.notFoundText])
          + " <a href=\"" + root + "index.html\">" + HTML.escape(title) + "</a></p>\n",
        root: root))
  }

  /// The plain text of the first paragraph of `blocks`, cut to 200 characters: a lesson's
  /// description.
  static func firstParagraph(_ blocks: [Block]) -> String? {
    for block in blocks {
      guard case .paragraph(let inlines) = block.kind else { continue }
      let text = inlines.plainText
      guard !text.isEmpty else { continue }
      return text.count > 200 ? String(text.prefix(199)) + "…" : text
    }
    return nil
  }

  /// Lesson `index`'s chapter of `print.html`: its `body` in an article, with ids made
  /// unique per lesson (`l3-…`) so the pictures' titles and the headings' anchors still
  /// point at the right lesson. Made with the page, on the page's core.
  public func printChapter(at index: Int, body: [UInt8]) -> [UInt8] {
    let lesson = course.lessons[index]
    var chapter = Array(
      ("<article class=\"print-lesson\" id=\"" + HTML.escape(PagePaths.page(for: lesson.path)) + "\">\n").utf8)
    let folder = CoursePath.directory(of: lesson.path)
    PrintChapterRewriter.append(
      body, prefixing: "l\(index + 1)-", folder: folder.isEmpty ? "" : PagePaths.link(to: folder) + "/", to: &chapter)
    chapter += Array("</article>\n".utf8)
    return chapter
  }

  /// `print.html`: every lesson's chapter (``printChapter(at:body:)``) in order on one page,
  /// to print or save as PDF (as mdBook's print page).
  public func printPage(chapters: [[UInt8]]) -> SiteFile {
    let frame = printPageFrame()
    return SiteFile(path: "print.html", bytes: Array(([frame.head] + chapters + [frame.tail]).joined()))
  }

  /// `print.html` before its chapters and after them.
  public func printPageFrame() -> (head: [UInt8], tail: [UInt8]) {
    let (head, tail) = layout.frame(PageLayout.Page(path: "print.html", title: strings[.printPageTitle], body: ""))
    let heading = "<h1>" + HTML.escape(title) + "</h1>\n"
    return (Array((head + heading).utf8), Array(tail.utf8))
  }

  /// The command that continues from a scenario block in a terminal (`kubebook shell`).
  static func practiceLine(_ lessonPath: String, block: Int, strings: SiteStrings) -> String {
    "<p class=\"practice\">" + HTML.escape(strings[.practice]) + "<code>kubebook shell --from "
      + HTML.escape(lessonPath) + "#\(block)</code></p>\n"
  }

  /// The table of a page's second- and third-level headings, as a `<details>` that works
  /// without JavaScript; empty for a page with fewer than two.
  static func headingsTable(_ blocks: [Block], strings: SiteStrings) -> String {
    var items = ""
    var count = 0
    for block in blocks {
      guard case .heading(let level, let content, let id) = block.kind, level == 2 || level == 3 else { continue }
      count += 1
      items +=
        "<li class=\"level-\(level)\"><a href=\"#\(HTML.escape(id))\">" + HTML.escape(content.plainText) + "</a></li>\n"
    }
    guard count >= 2 else { return "" }
    return "<details class=\"page-toc\"><summary>" + HTML.escape(strings[.onThisPage]) + "</summary>\n<ol>\n" + items
      + "</ol>\n</details>\n"
  }

  /// The search documents of lesson `index` (one per section, separated by commas), for
  /// ``searchIndex(_:)``.
  public func searchDocuments(at index: Int) -> [UInt8] {
    let lesson = course.lessons[index]
    return SearchIndex.pageDocuments(
      SearchIndex.sections(
        page: PagePaths.link(toLesson: lesson.path), title: titles[lesson.path] ?? lesson.path,
        document: lesson.document))
  }

  /// `search-index.js` from every lesson's search documents, in lesson order.
  public func searchIndex(_ documents: [[UInt8]]) -> SiteFile {
    SiteFile(path: "search-index.js", bytes: SearchIndex.script(pages: documents))
  }

  /// `search-index.js` before the lessons' documents, between two lessons' documents (when
  /// both have some), and after them.
  public static let searchIndexFrame = (
    head: SearchIndex.scriptHead, separator: SearchIndex.scriptSeparator, tail: SearchIndex.scriptTail
  )

  /// The title of each listed lesson, from SUMMARY.md's link text.
  static func lessonTitles(_ summary: Summary) -> [String: String] {
    var titles: [String: String] = [:]
    for (entry, _) in summary.flattened {
      if let path = entry.path, titles[path] == nil { titles[path] = entry.title }
    }
    return titles
  }

  func indexPage() -> String {
    var body = "<h1>" + HTML.escape(title) + "</h1>\n<ol class=\"contents\">\n"
    func walk(_ entries: [Summary.Entry]) {
      for entry in entries {
        body += "<li>"
        if let path = entry.path {
          body += "<a href=\"\(HTML.escape(PagePaths.link(toLesson: path)))\">" + HTML.escape(entry.title) + "</a>"
        } else {
          body += "<span class=\"draft\">" + HTML.escape(entry.title) + "</span>"
        }
        if !entry.children.isEmpty {
          body += "\n<ol>\n"
          walk(entry.children)
          body += "</ol>\n"
        }
        body += "</li>\n"
      }
    }
    walk(course.summary.entries)
    body += "</ol>\n"
    let first = course.lessons.first.map { (PagePaths.page(for: $0.path), titles[$0.path] ?? $0.path) }
    return layout.page(PageLayout.Page(path: "index.html", title: title, body: body, next: first))
  }
}
