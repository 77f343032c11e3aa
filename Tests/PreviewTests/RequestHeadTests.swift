import Testing

@testable import Preview

/// Which request heads the preview server reads, and what it takes from them.
@Suite struct RequestHeadTests {
  static func parse(_ text: String) -> RequestHead? {
    RequestHead(Array(text.utf8)[...])
  }

  @Test func keepAliveAndBodies() throws {
    let plain = try #require(Self.parse("GET /a.html?since=3&x HTTP/1.1\r\nHost: x\r\n\r\n"))
    #expect(plain.method == "GET" && plain.path == "/a.html" && plain.keepAlive && !plain.hasBody)
    #expect(plain.query("since") == "3" && plain.query("x") == "" && plain.query("y") == nil)
    #expect(Self.parse("GET / HTTP/1.1\r\nConnection: keep-alive, Close\r\n\r\n")?.keepAlive == false)
    #expect(Self.parse("GET / HTTP/1.0\r\n\r\n")?.keepAlive == false)
    #expect(Self.parse("GET / HTTP/1.1\nHost: x\n\n")?.keepAlive == true)
    #expect(Self.parse("GET / HTTP/1.1\r\nContent-Length: 0\r\n\r\n")?.hasBody == false)
    #expect(Self.parse("GET / HTTP/1.1\r\nContent-Length: 5\r\n\r\n")?.hasBody == true)
    #expect(Self.parse("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")?.hasBody == true)
  }

  @Test(arguments: [
    "", "GET\r\n\r\n", "GET / HTTP/1.1 x\r\n\r\n", "GET  / HTTP/1.1\r\n\r\n", "GET / HTTP/2\r\n\r\n",
    "GET / HTTP/1.1\r\nNoColon\r\n\r\n", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", "GET / HTTP/1.1\r\n folded\r\n\r\n",
    "G3T / HTTP/1.1\r\n\r\n",
  ])
  func refused(head: String) {
    #expect(Self.parse(head) == nil)
  }
}
