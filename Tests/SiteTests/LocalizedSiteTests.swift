import BookConfig
import Course
import TestSupport
import Testing

@testable import Site

/// A course configured by `kubebook.toml`: its language's strings everywhere, its title,
/// canonical links, sitemap, edit links, and a theme's template, stylesheet and files.
@Suite struct LocalizedSiteTests {
  static let lesson = """
    # Rolling out

    A Deployment rolls out new pods.

    ## Apply

    > [!NOTE]
    > Watch the pods.

    ```scenario
    $ kubectl create deployment web --image=nginx:1.27 --replicas=2
    deployment.apps/web created
    $ kubectl rollout status deployment/web
    ...
    ```

    ## Check

    Done.
    """

  /// The site of a one-lesson course (`one.md`) under `config` and `theme`, as text by path.
  func build(_ config: BookConfig, theme: Theme = Theme()) throws -> [String: String] {
    var options = SiteRenderer.Options()
    options.config = config
    options.theme = theme
    let sources = CourseFixture.sources(["one.md": Self.lesson], summary: "# Course\n\n- [Rolling out](one.md)\n")
    return try DrivenSite.files(sources, options: options).mapValues { String(decoding: $0.contents, as: UTF8.self) }
  }

  static var english: BookConfig {
    var config = BookConfig()
    config.language = "en"
    return config
  }

  @Test func anEnglishSiteSpeaksEnglish() throws {
    let site = try build(Self.english)
    let page = try #require(site["one.html"])
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
    for text in [
      "placeholder=\"Search (press s)\"", ">Print</a>", ">Theme</button>", "<summary>On this page</summary>",
      "<p class=\"callout-title\">Note</p>", "aria-label=\"Terminal\"", "Go on in your own terminal: ",
      "<summary>Step through: 2 commands, the cluster after each</summary>", ">Previous</button>",
      "<span class=\"player-position\" aria-live=\"polite\">Step 1 of 2</span>", "Timeline: pods of each ReplicaSet",
      "Cluster map: 3 nodes, 2 pods",
    ] {
      #expect(page.contains(text), "\(text)")
    }
    // No Chinese is left in the chrome (the lesson is English).
    #expect(!page.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
    #expect(!site["assets/kubebook.js"]!.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
    #expect(site["assets/kubebook.js"]!.contains("position.textContent = \"Step \" + current + \" of \" + count;"))
    #expect(
      site["assets/kubebook.js"]!.contains(
        "hits.length ? \"\" + hits.length + \" found\" : \"Nothing found for “\" + query + \"”\""))
    #expect(site["toc.js"]!.contains("\"Open or close \" + item[0]"))
    #expect(site["print.html"]!.contains("<title>The whole course - Course</title>"))
    #expect(site["404.html"]!.contains("<h1>Page not found</h1>"))
  }

  @Test func withoutAConfigTheChromeIsTheFirstCoursesChinese() throws {
    let page = try #require(try build(BookConfig())["one.html"])
    #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n"))
    #expect(page.contains("placeholder=\"搜索（按 s）\" aria-label=\"搜索\""))
    #expect(page.contains("<summary>本页内容</summary>"))
  }

  @Test func stringsAreOverriddenAndEscaped() throws {
    var config = Self.english
    config.strings = [.print: "<Print>", .playerPosition: "{step}/{count}"]
    let site = try build(config)
    #expect(site["one.html"]!.contains(">&lt;Print&gt;</a>"))
    #expect(site["one.html"]!.contains("aria-live=\"polite\">1/2</span>"))
    #expect(site["assets/kubebook.js"]!.contains("position.textContent = \"\" + current + \"/\" + count;"))
  }

  @Test func theConfigNamesTheCourseAndItsAddresses() throws {
    var config = Self.english
    config.title = "K8s <by> example"
    config.description = "Checked lessons."
    config.authors = ["Ada", "Grace"]
    config.baseURL = "https://example.org/k8s/"
    config.repository = "https://github.com/o/r"
    config.editURLTemplate = "https://github.com/o/r/edit/main/content/{path}"
    let site = try build(config)
    let page = try #require(site["one.html"])
    #expect(page.contains("<title>Rolling out - K8s &lt;by&gt; example</title>"))
    #expect(page.contains("<meta name=\"description\" content=\"A Deployment rolls out new pods.\">"))
    #expect(page.contains("<meta name=\"author\" content=\"Ada, Grace\">"))
    #expect(page.contains("<meta property=\"og:title\" content=\"Rolling out\">"))
    #expect(page.contains("<meta property=\"og:type\" content=\"article\">"))
    #expect(page.contains("<meta property=\"og:url\" content=\"https://example.org/k8s/one.html\">"))
    #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/k8s/one.html\">"))
    #expect(page.contains("<a class=\"print-link repository-link\" href=\"https://github.com/o/r\">Source</a>"))
    #expect(
      page.contains(
        "<p class=\"edit-page\"><a href=\"https://github.com/o/r/edit/main/content/one.md\">Edit this page</a></p>\n<nav class=\"pager\""
      ))
    let index = try #require(site["index.html"])
    #expect(index.contains("<meta name=\"description\" content=\"Checked lessons.\">"))
    #expect(index.contains("<meta property=\"og:type\" content=\"website\">"))
    #expect(!index.contains("edit-page"))
    #expect(
      site["sitemap.xml"]
        == """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://example.org/k8s/index.html</loc></url>
        <url><loc>https://example.org/k8s/one.html</loc></url>
        </urlset>

        """)
    // 404.html may be served at any depth: its links start from the base URL.
    let notFound = try #require(site["404.html"])
    #expect(notFound.contains("href=\"https://example.org/k8s/assets/kubebook.css\""))
    #expect(notFound.contains("<a href=\"https://example.org/k8s/index.html\">K8s &lt;by&gt; example</a>"))
  }

  @Test func withoutABaseURLThereIsNoSitemapOrCanonicalLink() throws {
    let site = try build(Self.english)
    #expect(site["sitemap.xml"] == nil)
    #expect(!site["one.html"]!.contains("canonical"))
    #expect(!site["one.html"]!.contains("og:url"))
    #expect(site["favicon.svg"]!.hasPrefix("<svg "))
    #expect(site["one.html"]!.contains("<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">"))
  }

  @Test func aThemeReplacesTemplateStylesheetAndAddsFiles() throws {
    var theme = Theme()
    theme.template = try PageTemplate(
      "<html lang=\"{{{lang}}}\"><title>{{{title}}}</title>{{#previous}}prev:{{{path}}}{{/previous}}\n{{{body}}}</html>\n"
    )
    theme.stylesheet = Array("body { color: red }\n".utf8)
    theme.files = [
      SiteFile(path: "favicon.svg", text: "<svg id=\"mine\"/>"), SiteFile(path: "fonts/a.woff2", bytes: [0, 1, 2]),
    ]
    let site = try build(Self.english, theme: theme)
    let page = try #require(site["one.html"])
    #expect(page.hasPrefix("<html lang=\"en\"><title>Rolling out - Course</title>\n<h1"))
    #expect(page.hasSuffix("</html>\n"))
    #expect(site["assets/kubebook.css"] == "body { color: red }\n")
    #expect(site["favicon.svg"] == "<svg id=\"mine\"/>")
    #expect(site["fonts/a.woff2"] != nil)
  }

  @Test func aTemplateThatDoesNotParseIsAnError() {
    #expect(throws: PageTemplate.SyntaxError.self) { try PageTemplate("{{#open}} never closed") }
  }
}

/// The page script gets every string it shows from the site's strings.
@Suite struct ScriptStringsTests {
  @Test(arguments: ["en", "zh-CN"]) func everyMarkIsReplaced(language: String) {
    let script = Assets.javascript(SiteStrings(language: language))
    #expect(!script.contains("{{"))
  }

  @Test func theChineseScriptReadsAsTheFirstCourses() {
    let script = Assets.javascript(.simplifiedChinese)
    #expect(script.contains("position.textContent = \"第 \" + current + \" / \" + count + \" 步\";"))
    #expect(script.contains("button.textContent = dark ? \"浅色\" : \"深色\";"))
    #expect(
      script.contains(
        "summary.textContent = hits.length ? \"找到 \" + hits.length + \" 处\" : \"没有找到 “\" + query + \"”\";"))
  }

  @Test func textIsEscapedForTheScript() {
    let strings = SiteStrings(language: "en", overrides: [.themeDark: "\"</script>\n"])
    #expect(ScriptText.expression(strings, .themeDark) == "\"\\\"\\u003c/script\\u003e\\n\"")
  }
}
