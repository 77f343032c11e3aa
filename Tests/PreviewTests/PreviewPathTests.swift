import Testing

@testable import Preview

/// Which request paths the preview server maps to files, and which it refuses.
@Suite struct PreviewPathTests {
  @Test(arguments: [
    ("/", "index.html"), ("/pods.html", "pods.html"), ("/assets/kubebook.css", "assets/kubebook.css"),
    ("/guide/", "guide/index.html"), ("/pods.html?search=x", "pods.html"), ("//pods.html", "pods.html"),
    ("/%E5%85%A5%E9%97%A8.html", "入门.html"),
  ])
  func filesInside(path: String, file: String) {
    #expect(PreviewPath.relativeFile(for: path) == file)
  }

  @Test(arguments: [
    "/../etc/passwd", "/assets/../../etc/passwd", "/%2e%2e/etc/passwd", "/%2E%2E%2Fetc%2Fpasswd", "/.git/config",
    "/a/./b", "/a%00b", "/a\\..\\b", "/%zz", "/%C0%AE%C0%AE/x", "relative.html",
  ])
  func refused(path: String) {
    #expect(PreviewPath.relativeFile(for: path) == nil)
  }

  @Test func contentTypes() {
    #expect(PreviewPath.contentType(of: "a/b.html") == "text/html; charset=utf-8")
    #expect(PreviewPath.contentType(of: "search-index.js") == "text/javascript; charset=utf-8")
    #expect(PreviewPath.contentType(of: "README") == "application/octet-stream")
  }

  @Test func reloadScriptGoesBeforeTheBodyCloses() {
    let page = Array("<html><body><p>x</p></body></html>\n".utf8)
    let served = String(decoding: LiveReload.inject(into: page, version: 7), as: UTF8.self)
    let script = try! #require(served.range(of: "var version = 7;"))
    let closing = try! #require(served.range(of: "</body>"))
    #expect(script.upperBound < closing.lowerBound)
    #expect(served.hasPrefix("<html><body><p>x</p>") && served.hasSuffix("</body></html>\n"))
    #expect(served.contains("fetch(\"/__kubebook/wait?since=\" + version"))
    // A 503 from a busy server must not reload the page (which would ask again at once).
    #expect(served.contains("if (!response.ok) { throw"))
    let fragment = String(decoding: LiveReload.inject(into: Array("<p>x</p>".utf8), version: 1), as: UTF8.self)
    #expect(fragment.hasPrefix("<p>x</p><script>"))
  }
}
