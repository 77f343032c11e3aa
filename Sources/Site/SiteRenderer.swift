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
}

/// Renders the course and its scenario results into the files of the site: an index, one
/// page per lesson, the navigation script and the theme assets.
public enum SiteRenderer {
  /// Site-wide rendering options.
  public struct Options: Sendable {
    /// Keep authors' raw HTML instead of dropping it.
    public var allowRawHTML = false

    /// Creates default options.
    public init() {}
  }

  /// Every file of the site, in a fixed order.
  public static func render(course: Course, results: [LessonResult], options: Options = Options())
    -> [SiteFile]
  {
    let title = course.summary.title ?? "kubebook"
    let titles = lessonTitles(course.summary)
    let pages: [SiteFile] = Array(course.lessons.indices).parallelMap { index in
      let lesson = course.lessons[index]
      let result = results[index]
      var renderer = DocumentRenderer(allowRawHTML: options.allowRawHTML)
      for scenario in result.scenarios {
        renderer.scenarios[scenario.scenario.fenceLine] = TerminalRenderer.render(scenario)
      }
      let body = renderer.render(lesson.document.blocks)
      let pagePath = PagePaths.page(for: lesson.path)
      let previous = index > 0 ? course.lessons[index - 1] : nil
      let next = index + 1 < course.lessons.count ? course.lessons[index + 1] : nil
      let html = PageLayout.page(
        PageLayout.Page(
          path: pagePath, title: titles[lesson.path] ?? lesson.path, courseTitle: title, body: body,
          previous: previous.map { (PagePaths.page(for: $0.path), titles[$0.path] ?? $0.path) },
          next: next.map { (PagePaths.page(for: $0.path), titles[$0.path] ?? $0.path) }))
      return SiteFile(path: pagePath, text: html)
    }
    var files = [
      SiteFile(path: "index.html", text: indexPage(course: course, title: title, titles: titles)),
      SiteFile(path: "toc.js", text: Navigation.script(course.summary)),
      SiteFile(path: "assets/kubebook.css", text: Assets.css),
      SiteFile(path: "assets/kubebook.js", text: Assets.javascript),
    ]
    files += pages
    return files
  }

  /// The title of each listed lesson, from SUMMARY.md's link text.
  static func lessonTitles(_ summary: Summary) -> [String: String] {
    var titles: [String: String] = [:]
    for (entry, _) in summary.flattened {
      if let path = entry.path, titles[path] == nil { titles[path] = entry.title }
    }
    return titles
  }

  static func indexPage(course: Course, title: String, titles: [String: String]) -> String {
    var body = "<h1>" + HTML.escape(title) + "</h1>\n<ol class=\"contents\">\n"
    func walk(_ entries: [Summary.Entry]) {
      for entry in entries {
        body += "<li>"
        if let path = entry.path {
          body += "<a href=\"\(HTML.escape(PagePaths.page(for: path)))\">" + HTML.escape(entry.title) + "</a>"
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
    return PageLayout.page(
      PageLayout.Page(path: "index.html", title: title, courseTitle: title, body: body, previous: nil, next: first))
  }
}
