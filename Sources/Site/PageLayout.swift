import BookConfig
import Course
import Foundation

/// The frame around every page, from the page template (``PageTemplate``): head, top bar,
/// sidebar placeholder (filled by `toc.js`), the lesson, and previous / next links.
struct PageLayout: Sendable {
  /// What one page shows.
  struct Page {
    /// Its path in the site (`pods.html`).
    var path: String
    var title: String
    /// The rendered lesson.
    var body: String
    var previous: (path: String, title: String)?
    var next: (path: String, title: String)?
    /// What the page is about (`<meta name="description">`); nil: the course's description.
    var description: String?
    /// `article` for a lesson, `website` for the other pages (`og:type`).
    var isLesson = false
    /// The lesson's path in the course directory, for its edit link.
    var lessonPath: String?
    /// The prefix of the site's own links, HTML; nil: relative to the page (`../`).
    var root: String?
  }

  /// The template pages are made with.
  let template: PageTemplate
  /// The site's strings.
  let strings: SiteStrings
  /// The course's configuration.
  let config: BookConfig
  /// The course title.
  let courseTitle: String
  /// The values every page shares: the language, the course's title and links, the strings.
  private let shared: [String: String]
  /// The strings as the template names them (`strings.print`), HTML.
  private let texts: [String: String]
  /// The template rendered once per shape of page.
  private let shapes: PageShapes

  /// Prepares to frame the pages of a course.
  init(template: PageTemplate, config: BookConfig, courseTitle: String) {
    self.template = template
    self.config = config
    self.strings = SiteStrings(config)
    self.courseTitle = courseTitle
    var shared: [String: String] = [:]
    var texts: [String: String] = [:]
    for key in UIString.allCases { texts[key.rawValue] = HTML.escape(strings[key]) }
    self.texts = texts
    shared["lang"] = HTML.escape(config.language)
    shared["course-title"] = HTML.escape(courseTitle)
    if !config.authors.isEmpty { shared["authors"] = HTML.escape(config.authors.joined(separator: ", ")) }
    if let repository = config.repository { shared["repository"] = HTML.escape(repository) }
    if let baseURL = config.baseURL { shared["base-url"] = HTML.escape(baseURL) }
    self.shared = shared
    var sharedValues: [String: Any] = shared
    sharedValues["strings"] = texts
    self.shapes = PageShapes(template: template, shared: sharedValues)
  }

  /// The whole page.
  func page(_ page: Page) -> String {
    let (head, tail) = frame(page)
    return head + page.body + tail
  }

  /// The page's HTML before its body and after it (the print page puts its chapters, as
  /// bytes, in between).
  func frame(_ page: Page) -> (head: String, tail: String) {
    let values = pageValues(page)
    if let framed = shapes.frame(values) { return framed }
    // A template that transforms values: rendered for this page alone.
    return template.frame(mustacheValues(values))
  }

  /// The values of `page` as Mustache is given them (for a template rendered page by page).
  func mustacheValues(_ page: Page) -> [String: Any] {
    mustacheValues(pageValues(page))
  }

  /// `values` (by ``PageShapes/pageNames``) with the shared ones, nested as the template
  /// names them (`previous.path` is `path` inside `previous`).
  private func mustacheValues(_ values: [String: String]) -> [String: Any] {
    var all: [String: Any] = shared
    all["strings"] = texts
    for (name, value) in values where !name.contains(".") { all[name] = value }
    for neighbour in ["previous", "next"] {
      if let path = values[neighbour + ".path"], let title = values[neighbour + ".title"] {
        all[neighbour] = ["path": path, "title": title]
      }
    }
    return all
  }

  /// The values that change from page to page, by ``PageShapes/pageNames``, HTML.
  private func pageValues(_ page: Page) -> [String: String] {
    let root = page.root ?? PagePaths.root(for: page.path)
    let pageTitle = page.title == courseTitle ? page.title : page.title + " - " + courseTitle
    var values: [String: String] = [:]
    values["root"] = root
    values["title"] = HTML.escape(pageTitle)
    values["page-title"] = HTML.escape(page.title)
    values["page"] = HTML.escape(PagePaths.link(to: page.path))
    values["og-type"] = page.isLesson ? "article" : "website"
    if let description = page.description ?? config.description { values["description"] = HTML.escape(description) }
    if let baseURL = config.baseURL { values["url"] = HTML.escape(baseURL + PagePaths.link(to: page.path)) }
    if let template = config.editURLTemplate, let lessonPath = page.lessonPath {
      values["edit-url"] = HTML.escape(template.replacingOccurrences(of: "{path}", with: URLPath.encode(lessonPath)))
    }
    if let previous = page.previous {
      values["previous.path"] = HTML.escape(PagePaths.link(to: previous.path))
      values["previous.title"] = HTML.escape(previous.title)
    }
    if let next = page.next {
      values["next.path"] = HTML.escape(PagePaths.link(to: next.path))
      values["next.title"] = HTML.escape(next.title)
    }
    return values
  }
}
