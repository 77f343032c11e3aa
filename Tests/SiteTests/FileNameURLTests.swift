import Course
import Foundation
import TestSupport
import Testing

@testable import Site

/// Lessons whose file names hold `:`, `?`, `#`, `%`, spaces or Chinese: every URL the site
/// writes (`href`, `src`, `data-page`, the sidebar's and the search index's links) is a
/// relative URL without a scheme, its path percent-encoded, and names a file of the site.
/// (Fragments are heading ids, which keep their letters, Chinese too, as the pages' ids do.)
@Suite struct FileNameURLTests {
  static let summary = """
    # 课

    - [Intro](intro.md)
    - [Evil](javascript:alert(1).md)
    - [Mixed](JavaScript:alert(2).md)
    - [VB](vbscript:x.md)
    - [Data](data:text.md)
    - [Query](a%3Fb.md)
    - [Hash](c%23d.md)
    - [Percent](sp%2520ace.md)
    - [Space](<s p.md>)
    - [中文](中文.md)
    - [Sub](sub/x%3Ay.md)

    """
  static let names = [
    "javascript:alert(1).md", "JavaScript:alert(2).md", "vbscript:x.md", "data:text.md", "a?b.md", "c#d.md",
    "sp%20ace.md", "s p.md", "中文.md",
  ]

  static func site() throws -> [SiteFile] {
    var lessons = [
      "intro.md":
        "# Intro\n\n## Part\n\n## More\n\n[evil](./javascript:alert(1).md) [query](a%3Fb.md) [space](<s p.md#小节>)\n"
    ]
    for name in names { lessons[name] = "# Page\n\n## 小节\n\n[intro](intro.md#part) ![pic](x%20y.png)\n" }
    lessons["sub/x:y.md"] = "# Sub\n\n## Part\n\n[intro](../intro.md) [evil](../javascript:alert(1).md)\n"
    let sources = CourseFixture.sources(lessons, summary: summary)
    let course = try Course.assemble(sources)
    #expect(LinkChecker.diagnostics(for: course).isEmpty)
    return try DrivenSite.files(sources).values.sorted { $0.path < $1.path }
  }

  /// Every `href`, `src` and `data-page` value of an HTML file, entities decoded, and
  /// whether it is relative to the site's root (`data-page`) rather than to the page.
  static func attributeURLs(_ html: String) -> [(url: String, fromRoot: Bool)] {
    let pattern = /(href|src|data-page)="([^"]*)"/
    return html.matches(of: pattern).map {
      let url = String($0.2).replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
        .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&amp;", with: "&")
      return (url, $0.1 == "data-page")
    }
  }

  /// The `.html` links inside a script's string literals (the sidebar's and the search's).
  static func scriptURLs(_ script: String) -> [String] {
    script.matches(of: /"((?:[^"\\]|\\.)*\.html(?:#[^"\\]*)?)"/).map { String($0.1) }
  }

  /// `url`, relative to `directory` (empty or ending in `/`), as a site path; nil for a
  /// fragment alone.
  static func target(_ url: String, from directory: String) -> String? {
    let path = String(url.prefix { $0 != "#" && $0 != "?" })
    if path.isEmpty { return nil }
    var parts: [Substring] = directory.split(separator: "/")
    for part in (path.removingPercentEncoding ?? "<bad escape>").split(separator: "/") {
      if part == "." { continue }
      if part == ".." { parts.removeLast() } else { parts.append(part) }
    }
    return parts.joined(separator: "/")
  }

  @Test func everyURLIsRelativeEncodedAndFindsItsFile() throws {
    let files = try Self.site()
    let paths = Set(files.map(\.path))
    #expect(paths.isSuperset(of: Self.names.map { String($0.dropLast(3)) + ".html" } + ["sub/x:y.html"]))
    let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&'()*+,;=:@/%#".utf8)
    var checked = 0
    for file in files {
      let text = String(decoding: file.contents, as: UTF8.self)
      var urls: [(String, String)] = []
      if file.path.hasSuffix(".html") {
        let directory = file.path.contains("/") ? String(file.path[...file.path.lastIndex(of: "/")!]) : ""
        urls = Self.attributeURLs(text).map { ($0.url, $0.fromRoot ? "" : directory) }
      } else if file.path == "toc.js" || file.path == "search-index.js" {
        // Joined to the page's root prefix: checked from the top.
        urls = Self.scriptURLs(text).map { ($0, "") }
      }
      for (url, directory) in urls {
        checked += 1
        #expect(url.firstMatch(of: /^[A-Za-z][A-Za-z0-9+.\-]*:/) == nil, "\(url) in \(file.path) has a scheme")
        let path = url.prefix { $0 != "#" }
        let fragment = url.dropFirst(path.count)
        #expect(path.utf8.allSatisfy(allowed.contains), "\(url) in \(file.path) is not percent-encoded")
        #expect(
          !fragment.utf8.contains { $0 <= 0x20 || "\"<>\\^`{|}".utf8.contains($0) },
          "\(url) in \(file.path) has a fragment a URL cannot hold")
        #expect(url.firstMatch(of: /%(?![0-9A-Fa-f]{2})/) == nil, "\(url) in \(file.path) has a bad escape")
        guard let target = Self.target(url, from: directory), !url.hasSuffix(".png") else { continue }
        #expect(paths.contains(target), "\(url) in \(file.path) names \(target), not a file of the site")
      }
    }
    #expect(checked > 200)
  }

  @Test func theIndexSidebarAndPagerCannotRunAScript() throws {
    let files = try Self.site()
    func text(_ path: String) throws -> String {
      String(decoding: try #require(files.first { $0.path == path }).contents, as: UTF8.self)
    }
    #expect(try text("index.html").contains("<a href=\"./javascript:alert(1).html\">Evil</a>"))
    #expect(try text("index.html").contains("<a href=\"./JavaScript:alert(2).html\">Mixed</a>"))
    #expect(try text("intro.html").contains("<a rel=\"next\" href=\"./javascript:alert(1).html\">Evil →</a>"))
    #expect(try text("intro.html").contains("<a href=\"./javascript:alert(1).html\">evil</a>"))
    #expect(try text("intro.html").contains("<a href=\"s%20p.html#小节\">space</a>"))
    #expect(try text("data:text.html").contains("<a rel=\"prev\" href=\"./vbscript:x.html\">"))
    #expect(try text("data:text.html").contains("data-page=\"./data:text.html\""))
    #expect(try text("toc.js").contains("[\"Evil\",\"./javascript:alert(1).html\",[]]"))
    #expect(try text("toc.js").contains("[\"Percent\",\"sp%2520ace.html\",[]]"))
    #expect(try text("search-index.js").contains("\"./javascript:alert(1).html#小节\""))
    #expect(try text("sub/x:y.html").contains("<a rel=\"prev\" href=\"../%E4%B8%AD%E6%96%87.html\">"))
    #expect(try text("print.html").contains("<a href=\"sub/../javascript:alert(1).html\">evil</a>"))
  }
}
