import BookConfig
import Course
import Foundation
import Site
import TestSupport
import Testing

@testable import Workspace

/// A course's `kubebook.toml` and `theme/` read from disk, and the site built with them.
@Suite struct ThemeDirectoryTests {
  static let summary = "# Course\n\n- [One](one.md)\n"

  /// A course directory holding SUMMARY.md, `one.md` and `files`.
  func course(_ files: [String: String]) throws -> (root: URL, content: String) {
    let root = try CourseFixture.directory(
      files.merging(["SUMMARY.md": Self.summary, "one.md": "# One\n\nText.\n"]) { first, _ in first },
      prefix: "kubebook-theme")
    return (root, root.appendingPathComponent("content").path)
  }

  @Test func withoutAConfigOrThemeTheDefaultsApply() throws {
    let (root, content) = try course([:])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(try ConfigFile.load(content) == BookConfig())
    let theme = try ThemeDirectory.load(content, config: BookConfig())
    #expect(theme.stylesheet == nil && theme.files.isEmpty)
  }

  @Test func theConfigErrorNamesTheFileAndLine() throws {
    let (root, content) = try course(["kubebook.toml": "language = \"en\"\n[site]\ntitel = 1\n"])
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(throws: CourseDirectory.ReadError.self) { try ConfigFile.load(content) }
    do {
      _ = try ConfigFile.load(content)
    } catch {
      #expect(error.description == "\(content)/kubebook.toml:3: error: unknown key 'titel' in [site]")
    }
  }

  @Test func aThemeIsReadAndBuiltIntoTheSite() throws {
    let (root, content) = try course([
      "kubebook.toml": "language = \"en\"\ntitle = \"Themed\"\n[cluster]\nworkers = 3\n",
      "theme/page.mustache": "<html lang=\"{{{lang}}}\">{{{body}}}</html>\n",
      "theme/style.css": "body { color: red }\n",
      "theme/favicon.svg": "<svg/>",
      "theme/img/logo.svg": "<svg id=\"logo\"/>",
      // Not a lesson: the theme's own notes.
      "theme/README.md": "# About this theme\n",
    ])
    defer { try? FileManager.default.removeItem(at: root) }
    let sources = try CourseDirectory.load(content)
    #expect(sources.markdownFiles.keys.sorted() == ["one.md"])
    #expect(sources.cluster.workers == 3)
    let output = root.appendingPathComponent("site")
    var warnings: [Diagnostic] = []
    _ = try SiteBuilder.build(content, into: output.path, options: SiteRenderer.Options()) { warnings.append($0) }
    #expect(warnings.isEmpty)
    func read(_ path: String) throws -> String {
      try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }
    #expect(try read("one.html").hasPrefix("<html lang=\"en\"><h1"))
    #expect(try read("assets/kubebook.css") == "body { color: red }\n")
    #expect(try read("favicon.svg") == "<svg/>")
    #expect(try read("img/logo.svg") == "<svg id=\"logo\"/>")
    #expect(try read("index.html").contains("<h1>Themed</h1>"))
  }

  @Test func aThemeMayNotReplaceAPageOrBreakItsTemplate() throws {
    let (root, content) = try course(["theme/toc.js": "//", "theme/x.html": "<p>"])
    defer { try? FileManager.default.removeItem(at: root) }
    do {
      _ = try ThemeDirectory.load(content, config: BookConfig())
      Issue.record("a theme replaced toc.js")
    } catch {
      #expect(
        error.description == "\(content)/theme/toc.js: error: a theme may not replace toc.js, a file kubebook writes")
    }
    let (other, otherContent) = try course(["theme/page.mustache": "{{#open}} never closed"])
    defer { try? FileManager.default.removeItem(at: other) }
    do {
      _ = try ThemeDirectory.load(otherContent, config: BookConfig())
      Issue.record("a broken template was taken")
    } catch {
      #expect(
        error.description.hasPrefix("\(otherContent)/theme/page.mustache: error: the page template does not parse"))
    }
  }
}
