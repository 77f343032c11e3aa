import BookConfig
import Testing

@testable import Site

/// The template rendered once per shape gives the pages Mustache gives one by one.
@Suite struct PageShapesTests {
  /// Every combination of optional values, under a configuration with every key.
  @Test func eachShapeFramesAsMustacheRendersIt() {
    var config = BookConfig()
    config.language = "en"
    config.description = "About <it>"
    config.baseURL = "https://example.org/"
    config.repository = "https://github.com/o/r"
    config.editURLTemplate = "https://github.com/o/r/edit/main/{path}"
    let layout = PageLayout(template: .builtIn, config: config, courseTitle: "Course & co")
    for shape in 0..<32 {
      var page = PageLayout.Page(path: "a/b.html", title: "B \"quoted\"", body: "")
      if shape & 1 != 0 { page.previous = ("a.html", "A") }
      if shape & 2 != 0 { page.next = ("c d.html", "C <d>") }
      if shape & 4 != 0 { page.description = "First paragraph." }
      if shape & 8 != 0 { page.lessonPath = "a/b.md" }
      page.isLesson = shape & 16 != 0
      let framed = layout.frame(page)
      let direct = PageTemplate.builtIn.frame(layout.mustacheValues(page))
      #expect(framed.head == direct.head, "shape \(shape)")
      #expect(framed.tail == direct.tail, "shape \(shape)")
    }
  }

  @Test func aTemplateThatChangesAValueIsRenderedPageByPage() throws {
    let template = try PageTemplate("<title>{{uppercased(title)}}</title>{{{body}}}<p>{{{page}}}</p>\n")
    let layout = PageLayout(template: template, config: BookConfig(), courseTitle: "Course")
    let (head, tail) = layout.frame(PageLayout.Page(path: "one.html", title: "One", body: ""))
    #expect(head == "<title>ONE - COURSE</title>")
    #expect(tail == "<p>one.html</p>\n")
  }
}
