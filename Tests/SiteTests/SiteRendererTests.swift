import Course
import Foundation
import TestSupport
import Testing

@testable import Site

@Suite struct SiteRendererTests {
  static let summary = "# 课程\n\n- [第一课](one.md)\n- [第二课](two.md)\n"

  func build(_ lessons: [String: String], allowRawHTML: Bool = false) throws -> [String: String] {
    let sources = CourseFixture.sources(lessons, summary: Self.summary)
    var options = SiteRenderer.Options()
    options.allowRawHTML = allowRawHTML
    var files: [String: String] = [:]
    for file in try DrivenSite.files(sources, options: options).values {
      files[file.path] = String(decoding: file.contents, as: UTF8.self)
    }
    return files
  }

  @Test func pagesLinkToTheirNeighbours() throws {
    let site = try build(["one.md": "# One\n", "two.md": "# Two\n"])
    #expect(
      Set(site.keys) == [
        "index.html", "toc.js", "search-index.js", "assets/kubebook.css", "assets/kubebook.js", "assets/theme.js",
        "one.html", "two.html", "print.html", "404.html", "favicon.svg",
      ])
    let one = site["one.html"]!
    #expect(one.contains("<a rel=\"next\" href=\"two.html\">第二课 →</a>"))
    #expect(!one.contains("rel=\"prev\""))
    #expect(site["two.html"]!.contains("<a rel=\"prev\" href=\"one.html\">← 第一课</a>"))
    #expect(site["index.html"]!.contains("<a rel=\"next\" href=\"one.html\">"))
    #expect(one.contains("<title>第一课 - 课程</title>"))
  }

  @Test func authorTextIsEscapedAndRawHTMLDropped() throws {
    let lesson = """
      # Title <em>x</em>

      <script>alert("block")</script>

      Text with <img src=x onerror=alert(1)> and `<b>code</b>` and a [link](javascript:alert(1)).

      | a | b |
      |---|---|
      | <i>c</i> | "quoted" & more |
      """
    let page = try build(["one.md": lesson, "two.md": "# Two\n"])["one.html"]!
    #expect(!page.contains("<script>alert"))
    #expect(!page.contains("onerror"))
    #expect(!page.contains("<i>c</i>"))
    #expect(page.contains("<code>&lt;b&gt;code&lt;/b&gt;</code>"))
    #expect(page.contains("<a href=\"\">link</a>"))
    #expect(page.contains("&quot;quoted&quot; &amp; more"))
  }

  @Test func rawHTMLIsKeptWhenAllowed() throws {
    let page = try build(["one.md": "<div class=\"x\">hi</div>\n", "two.md": "# Two\n"], allowRawHTML: true)[
      "one.html"]!
    #expect(page.contains("<div class=\"x\">hi</div>"))
  }

  @Test func scenariosBecomeTerminalsAndFilesGetCaptions() throws {
    let lesson = """
      ```yaml file=pod.yaml
      apiVersion: v1
      kind: Pod
      metadata:
        name: web
      spec:
        containers:
        - name: web
          image: nginx
      ```

      ```scenario
      $ kubectl apply -f pod.yaml
      pod/web created
      $ kubectl get pod nope
      ? 1
      Error from server (NotFound): pods "nope" not found
      ```

      ```scenario hidden
      $ kubectl run secret-setup --image=nginx
      pod/secret-setup created
      ```
      """
    let page = try build(["one.md": lesson, "two.md": "# Two\n"])["one.html"]!
    #expect(page.contains("<figure class=\"file\"><figcaption>pod.yaml</figcaption>"))
    #expect(
      page.contains(
        "<span class=\"prompt\">$ </span><span class=\"command\"><span class=\"hl-command\">kubectl</span> apply "
          + "<span class=\"hl-flag\">-f</span> pod.yaml</span>"))
    #expect(page.contains("<span class=\"output\">pod/web created\n</span>"))
    #expect(
      page.contains(
        "<span class=\"output failed\">Error from server (NotFound): pods &quot;nope&quot; not found\n</span>"))
    #expect(!page.contains("secret-setup"))
  }

  /// Highlighted YAML output keeps its last newline, so the next prompt starts a line.
  @Test func highlightedOutputEndsItsLine() throws {
    let lesson = """
      # One

      ```scenario
      $ kubectl create deployment web --image=nginx:1.27 --dry-run=client -o yaml
      ...
      $ kubectl get deployments
      No resources found in default namespace.
      ```
      """
    let page = try build(["one.md": lesson, "two.md": "# Two\n"])["one.html"]!
    #expect(page.contains("<span class=\"hl-punctuation\">{}</span>\n</span><span class=\"prompt\">$ </span>"))
    #expect(!page.contains("{}</span></span><span class=\"prompt\">"))
  }

  @Test func calloutsTablesAndHeadingAnchors() throws {
    let lesson = """
      ## 什么是 Pod？

      > [!TIP]
      > 多看看 `kubectl explain pod`。

      | 名称 | 值 |
      |:--|--:|
      | a | 1 |
      """
    let page = try build(["one.md": lesson, "two.md": "# Two\n"])["one.html"]!
    #expect(page.contains("<h2 id=\"什么是-pod\"><a class=\"anchor\" href=\"#什么是-pod\">什么是 Pod？</a></h2>"))
    #expect(page.contains("<div class=\"callout callout-tip\" role=\"note\"><p class=\"callout-title\">提示</p>"))
    #expect(page.contains("<th style=\"text-align:left\">名称</th><th style=\"text-align:right\">值</th>"))
  }

  @Test func lessonLinksPointAtPages() throws {
    let page = try build(["one.md": "See [two](two.md#part).\n", "two.md": "# Two\n"])["one.html"]!
    #expect(page.contains("<a href=\"two.html#part\">two</a>"))
  }

  @Test func sidebarIsNotCopiedIntoPages() throws {
    let site = try build(["one.md": "# One\n", "two.md": "# Two\n"])
    #expect(!site["one.html"]!.contains("第二课</a></li>"))
    #expect(site["toc.js"]!.contains("[\"第一课\",\"one.html\",[]]"))
  }

  @Test func nothingIsLoadedFromTheNetwork() throws {
    let site = try build(["one.md": "# One\n", "two.md": "# Two\n"])
    for (path, page) in site {
      // An SVG's namespace names a URI but loads nothing.
      let text = page.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
      #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("//cdn"), "\(path)")
    }
  }

  @Test func renderingIsDeterministic() throws {
    let lessons = ["one.md": "# One\n\n```scenario\n$ kubectl run a --image=nginx\n```\n", "two.md": "# Two\n"]
    #expect(try build(lessons) == build(lessons))
  }
  /// A page with two or more section headings opens with their table (a `<details>`, usable
  /// without JavaScript) right after its title; a short page has none.
  @Test func headingsTableAfterTheTitle() throws {
    let site = try build([
      "one.md": "# 第一课\n\n## 甲\n\n正文\n\n### 甲一\n\n## 乙 & 丙\n",
      "two.md": "# 第二课\n\n## 唯一\n",
    ])
    let one = site["one.html"]!
    let title = try #require(one.range(of: "</h1>"))
    let table = try #require(one.range(of: "<details class=\"page-toc\"><summary>本页内容</summary>"))
    #expect(title.upperBound <= table.lowerBound)
    #expect(one.contains("<li class=\"level-3\"><a href=\"#甲一\">甲一</a></li>"))
    #expect(one.contains("乙 &amp; 丙</a></li>"))
    #expect(!site["two.html"]!.contains("page-toc\""))
  }

  /// Each shown scenario is followed by the command that continues from it in a terminal.
  @Test func practiceCommandAfterEachScenario() throws {
    let site = try build([
      "one.md":
        "# One\n\n```scenario\n$ kubectl get ns\n```\n\n```scenario hidden\n$ sleep 1\n```\n\n```scenario\n$ sleep 2\n```\n",
      "two.md": "# Two\n",
    ])
    let one = site["one.html"]!
    #expect(one.contains("<code>kubebook shell --from content/one.md#1</code>"))
    #expect(!one.contains("content/one.md#2"))
    #expect(one.contains("<code>kubebook shell --from content/one.md#3</code>"))
  }

  /// The theme: a blocking script in the head applies the remembered choice before drawing;
  /// the button in the top bar switches it.
  @Test func themeChoice() throws {
    let site = try build(["one.md": "# One\n", "two.md": "# Two\n"])
    let one = site["one.html"]!
    #expect(one.contains("<script src=\"assets/theme.js\"></script>"))
    #expect(one.contains("<button id=\"theme-toggle\""))
    #expect(site["assets/theme.js"]!.contains("localStorage.getItem(\"kubebook-theme\")"))
    #expect(site["assets/kubebook.css"]!.contains(":root[data-theme=\"dark\"]"))
  }

  /// The print page holds every lesson in order, each in an article, with ids made unique
  /// per lesson and in-page links following them.
  @Test func printPageHoldsEveryLessonInOrder() throws {
    let one = "# One\n\n## 小结\n\n[上面](#小结)\n\n## 下一节\n"
    let site = try build(["one.md": one, "two.md": "# Two\n\n## 小结\n"])
    let page = try #require(site["print.html"])
    let first = try #require(page.range(of: "<article class=\"print-lesson\" id=\"one.html\">"))
    let second = try #require(page.range(of: "<article class=\"print-lesson\" id=\"two.html\">"))
    #expect(first.upperBound < second.lowerBound)
    #expect(page.contains("id=\"l1-小结\"") && page.contains("id=\"l2-小结\""))
    #expect(page.contains("href=\"#l1-小结\""))
    #expect(page.contains("<title>打印全书 - 课程</title>"))
    #expect(site["one.html"]!.contains("<a class=\"print-link\" href=\"print.html\""))
  }
}

@Suite struct HTMLTests {
  @Test func escaping() {
    #expect(HTML.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    #expect(HTML.escape("中文 plain") == "中文 plain")
  }

  @Test(arguments: [
    ("javascript:alert(1)", true), ("JaVaScRiPt:alert(1)", true), ("vbscript:x", true), ("file:///etc/passwd", true),
    ("data:text/html,x", true), ("data:image/png;base64,AA", false), ("https://kubernetes.io", false),
    ("two.md", false), (" javascript:alert(1)", true), ("java\tscript:alert(1)", true), ("FILE:x", true),
    ("mailto:a@b.c", false), ("pods/a:b.md", false), ("DATA:text/html,x", true),
  ])
  func dangerousURLs(url: String, dangerous: Bool) {
    #expect(HTML.isDangerousURL(url) == dangerous)
  }

  @Test func navigationScriptEscapesTitles() {
    #expect(Navigation.jsEscape("</script>\"\\") == "\\u003c/script\\u003e\\\"\\\\")
  }
}

@Suite struct PrintChapterRewriterTests {
  /// Ids, labels and in-page fragments get the prefix; other links, `data-id` and text that
  /// merely mentions `id=` do not; text at both ends is kept.
  @Test func prefixesOnlyIDsLabelsAndFragments() {
    let html =
      "<h2 id=\"小结\">小结</h2><svg aria-labelledby=\"t1\"><title id=\"t1\">图</title></svg>"
      + "<a href=\"#小结\">上</a><a href=\"two.html#a\">外</a><i data-id=\"x\">id=\"y\"</i>尾"
    let expected =
      "<h2 id=\"l3-小结\">小结</h2><svg aria-labelledby=\"l3-t1\"><title id=\"l3-t1\">图</title></svg>"
      + "<a href=\"#l3-小结\">上</a><a href=\"two.html#a\">外</a><i data-id=\"x\">id=\"y\"</i>尾"
    #expect(PrintChapterRewriter.prefixing(html, with: "l3-") == expected)
    #expect(PrintChapterRewriter.prefixing("", with: "l1-") == "")
    #expect(PrintChapterRewriter.prefixing(" id=\"", with: "p-") == " id=\"p-")
  }

  /// A lesson in a folder: its relative links and images point into the folder from the
  /// print page at the top of the site; fragments, absolute and root links stay.
  @Test func relativeURLsGetTheLessonsFolder() {
    let html =
      "<a href=\"b.html#x\">b</a><a href=\"../top.html\">t</a><img src=\"img/p.png\" alt=\"\">"
      + "<a href=\"#x\">x</a><a href=\"https://kubernetes.io/a\">k</a><a href=\"/r.html\">r</a>"
      + "<a href=\"mailto:a@b\">m</a><i data-src=\"q.png\">src=\"y\"</i>"
    let expected =
      "<a href=\"pods/b.html#x\">b</a><a href=\"pods/../top.html\">t</a><img src=\"pods/img/p.png\" alt=\"\">"
      + "<a href=\"#l2-x\">x</a><a href=\"https://kubernetes.io/a\">k</a><a href=\"/r.html\">r</a>"
      + "<a href=\"mailto:a@b\">m</a><i data-src=\"q.png\">src=\"y\"</i>"
    #expect(PrintChapterRewriter.prefixing(html, with: "l2-", folder: "pods/") == expected)
    // At the top of the site, links stay as they are.
    #expect(PrintChapterRewriter.prefixing("<a href=\"b.html\">b</a>", with: "l1-") == "<a href=\"b.html\">b</a>")
  }
}
