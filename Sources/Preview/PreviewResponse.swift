/// One response of the preview server: status, content type and body, always sent with
/// `Content-Length` and `Cache-Control: no-store`.
struct PreviewResponse: Sendable {
  /// The status code, e.g. 200.
  let status: Int
  /// The reason phrase after the code, e.g. `OK`.
  let reason: String
  /// The `Content-Type` header.
  let contentType: String
  /// The body (sent for GET; for HEAD only its length is).
  let body: [UInt8]
  /// Headers besides the ones every response has, e.g. `Allow`.
  var extraHeaders: [(name: String, value: String)] = []

  /// A plain-text response.
  static func text(_ status: Int, _ reason: String, _ text: String) -> PreviewResponse {
    PreviewResponse(status: status, reason: reason, contentType: "text/plain; charset=utf-8", body: Array(text.utf8))
  }

  /// The bytes to send: the head, then the body unless `withBody` is false (a HEAD request,
  /// which gets the same headers, `Content-Length` included, and no body). `close` adds
  /// `Connection: close`.
  func encoded(withBody: Bool, close: Bool) -> [UInt8] {
    var head = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
    head += "Cache-Control: no-store\r\n"
    for header in extraHeaders { head += "\(header.name): \(header.value)\r\n" }
    if close { head += "Connection: close\r\n" }
    head += "\r\n"
    return withBody ? Array(head.utf8) + body : Array(head.utf8)
  }
}
