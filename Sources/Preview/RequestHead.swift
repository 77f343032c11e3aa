/// The parts of an HTTP/1.x request head the preview server uses: method, target, and what
/// decides whether the connection may carry another request. Parsed from the bytes up to and
/// including the blank line; anything malformed is refused (the server answers 400 and
/// closes).
struct RequestHead: Equatable {
  /// `GET`, `HEAD`, … as sent.
  let method: String
  /// The request target as sent: path and query.
  let target: String
  /// Whether the client lets the connection carry another request after this one: HTTP/1.1
  /// without `Connection: close`.
  let keepAlive: Bool
  /// Whether the request says a body follows (`Content-Length` above 0 or any
  /// `Transfer-Encoding`). The server reads no bodies, so it closes after answering one.
  let hasBody: Bool

  /// The path of the target, without its query.
  var path: Substring { target.prefix { $0 != "?" } }

  /// The value of query parameter `name` in the target, when it is there.
  func query(_ name: String) -> Substring? {
    guard let question = target.firstIndex(of: "?") else { return nil }
    for pair in target[target.index(after: question)...].split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      if parts[0] == name { return parts.count > 1 ? parts[1] : "" }
    }
    return nil
  }

  /// Parses `bytes`, a head ending in `\r\n\r\n` (a bare `\n` also ends a line); nil when it
  /// is not a well-formed HTTP/1.x request head.
  init?(_ bytes: ArraySlice<UInt8>) {
    // Split as bytes: in a String, `\r\n` is one Character and would not split at `\n`.
    var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { line in
      Substring(decoding: line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...], as: UTF8.self)
    }
    while lines.last?.isEmpty == true { lines.removeLast() }
    guard let requestLine = lines.first else { return nil }
    let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(\.isLetter), !parts[1].isEmpty,
      parts[2] == "HTTP/1.1" || parts[2] == "HTTP/1.0"
    else { return nil }
    var close = parts[2] == "HTTP/1.0"
    var hasBody = false
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { return nil }
      let name = line[..<colon].lowercased()
      // A space before the colon or at the start (an obsolete folded line) is refused, as
      // RFC 9112 §5.1 and §5.2 allow.
      guard !name.isEmpty, !name.contains(where: { $0 == " " || $0 == "\t" }) else { return nil }
      let value = line[line.index(after: colon)...].trimmingWhitespace().lowercased()
      switch name {
      case "connection" where value.split(separator: ",").contains(where: { $0.trimmingWhitespace() == "close" }):
        close = true
      case "content-length" where value != "0", "transfer-encoding":
        hasBody = true
      default: break
      }
    }
    self.method = String(parts[0])
    self.target = String(parts[1])
    self.keepAlive = !close
    self.hasBody = hasBody
  }
}

extension Substring {
  /// Without spaces and tabs at either end.
  func trimmingWhitespace() -> Substring {
    let isWhitespace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    guard let first = firstIndex(where: { !isWhitespace($0) }), let last = lastIndex(where: { !isWhitespace($0) })
    else { return "" }
    return self[first...last]
  }
}
