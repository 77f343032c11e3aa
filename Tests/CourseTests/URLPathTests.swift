import Testing

@testable import Course

/// File names become relative URLs percent-encoded per segment (RFC 3986 `pchar`), with
/// `./` before a first segment holding a colon, so no file name can make a scheme.
@Suite struct URLPathTests {
  @Test(arguments: [
    ("javascript:alert(1).html", "./javascript:alert(1).html"),
    ("JavaScript:alert(1).html", "./JavaScript:alert(1).html"),
    ("vbscript:x.html", "./vbscript:x.html"),
    ("data:text.html", "./data:text.html"),
    ("a?b.html", "a%3Fb.html"),
    ("c#d.html", "c%23d.html"),
    ("sp%20ace.html", "sp%2520ace.html"),
    ("s p.html", "s%20p.html"),
    ("sub/x:y.html", "sub/x:y.html"),
    ("a\"b<c>.html", "a%22b%3Cc%3E.html"),
    ("中文.html", "%E4%B8%AD%E6%96%87.html"),
    ("pods/intro-1_a~b.html", "pods/intro-1_a~b.html"),
    ("a@b!$&'()*+,;=.html", "a@b!$&'()*+,;=.html"),
  ])
  func fileNamesBecomeRelativeURLs(path: String, url: String) {
    #expect(URLPath.encode(path) == url)
  }

  @Test func decodingUndoesEscapesAndKeepsBrokenOnes() {
    #expect(URLPath.decode("sp%20ace.md") == "sp ace.md")
    #expect(URLPath.decode("%E4%B8%AD%e6%96%87") == "中文")
    #expect(URLPath.decode("100%") == "100%")
    #expect(URLPath.decode("%zz%2") == "%zz%2")
    #expect(URLPath.decode("%+f") == "%+f")
  }

  @Test func schemesAreLettersThenAColon() {
    #expect(URLPath.hasScheme("https://kubernetes.io"))
    #expect(URLPath.hasScheme("JavaScript:alert(1)"))
    #expect(URLPath.hasScheme("mailto:a@b.c"))
    #expect(!URLPath.hasScheme("./javascript:alert(1).md"))
    #expect(!URLPath.hasScheme("sub/x:y.md"))
    #expect(!URLPath.hasScheme("1a:b"))
    #expect(!URLPath.hasScheme("x.md#a:b"))
  }

  @Test func unsafeBytesAreEscapedAndEscapesKept() {
    #expect(URLPath.escapeUnsafe("s p.html#中") == "s%20p.html#%E4%B8%AD")
    #expect(URLPath.escapeUnsafe("sp%20ace.html?a=b&c") == "sp%20ace.html?a=b&c")
  }
}
