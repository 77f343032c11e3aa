import Course

/// HTML escaping and URL safety: everything an author or the simulator writes passes
/// through here before it reaches a page.
public enum HTML {
  /// `text` with `&`, `<`, `>`, `"` and `'` escaped, safe in element content and quoted
  /// attribute values.
  public static func escape(_ text: String) -> String {
    var text = text
    text.makeContiguousUTF8()
    return text.utf8.withContiguousStorageIfAvailable { bytes -> String in
      var firstSpecial = -1
      for index in 0..<bytes.count where isSpecial(bytes[index]) {
        firstSpecial = index
        break
      }
      if firstSpecial < 0 { return text }
      var output: [UInt8] = []
      output.reserveCapacity(bytes.count + 32)
      output.append(contentsOf: bytes[0..<firstSpecial])
      appendEscaped(bytes[firstSpecial...], to: &output)
      return String(decoding: output, as: UTF8.self)
    } ?? text
  }

  /// Appends UTF-8 `bytes` to `output` with `&`, `<`, `>`, `"` and `'` escaped: the one
  /// escaping loop, shared by ``escape(_:)`` and the highlighters.
  static func appendEscaped<Bytes: Sequence>(_ bytes: Bytes, to output: inout [UInt8]) where Bytes.Element == UInt8 {
    let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
      // Runs without special characters are copied at once.
      var start = 0
      for index in 0..<buffer.count where isSpecial(buffer[index]) {
        if start < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<index])) }
        append(escaping: buffer[index], to: &output)
        start = index + 1
      }
      if start < buffer.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start...])) }
    }
    if done == nil {
      for byte in bytes { append(escaping: byte, to: &output) }
    }
  }

  /// Appends one byte, as its entity when it is special.
  @inline(__always)
  private static func append(escaping byte: UInt8, to output: inout [UInt8]) {
    switch byte {
    case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
    case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
    case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
    case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
    case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
    default: output.append(byte)
    }
  }

  @inline(__always)
  private static func isSpecial(_ byte: UInt8) -> Bool {
    byte == 38 || byte == 60 || byte == 62 || byte == 34 || byte == 39
  }

  /// Whether a link target is one cmark's safe mode would drop (`javascript:`, `vbscript:`,
  /// `file:` and `data:` other than common images).
  public static func isDangerousURL(_ url: String) -> Bool {
    // Most links are relative or have a plain scheme (`https:`): those are decided from the
    // bytes before the first colon, without lower-casing the whole link.
    let bytes = url.utf8
    guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
    let schemeBytes = bytes[..<colon]
    if !schemeBytes.isEmpty && schemeBytes.count <= 16 && schemeBytes.allSatisfy(isSchemeByte) {
      let scheme = String(url[..<colon]).lowercased()
      if scheme != "data" { return scheme == "javascript" || scheme == "vbscript" || scheme == "file" }
    }
    let lower = url.lowercased().filter { !$0.isWhitespace }
    for scheme in ["javascript:", "vbscript:", "file:"] where lower.hasPrefix(scheme) { return true }
    if lower.hasPrefix("data:") {
      return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains {
        lower.hasPrefix($0)
      }
    }
    return false
  }

  /// A letter, digit, `+`, `-` or `.`: a byte that may appear in a URL scheme.
  private static func isSchemeByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B
      || byte == 0x2D || byte == 0x2E
  }

  /// `url` escaped for an attribute, with `.md` links to lessons pointed at their pages,
  /// the bytes of a relative link's path that cannot stand in a URL `%XX`-encoded (its query
  /// and fragment, and absolute URLs, as written), and dangerous URLs emptied.
  public static func href(_ url: String) -> String {
    if isDangerousURL(url) { return "" }
    let rewritten = PagePaths.rewriteLessonLink(url)
    if URLPath.hasScheme(rewritten) { return escape(rewritten) }
    let (path, suffix) = URLPath.splitPath(rewritten)
    return escape(URLPath.escapeUnsafe(String(path)) + suffix)
  }
}

/// Where each lesson's page goes, and how pages link to each other.
public enum PagePaths {
  /// `pods/intro.md` → `pods/intro.html`.
  public static func page(for lessonPath: String) -> String {
    lessonPath.hasSuffix(".md") ? String(lessonPath.dropLast(3)) + ".html" : lessonPath + ".html"
  }

  /// The relative URL of a site path (`pods/intro.html`), ready for an `href` after HTML
  /// escaping: ``URLPath/encode(_:)``, so a file name can never make a scheme.
  public static func link(to sitePath: String) -> String {
    URLPath.encode(sitePath)
  }

  /// The relative URL of a lesson's page (`pods/intro.md` → `pods/intro.html`), encoded as
  /// ``link(to:)`` encodes.
  public static func link(toLesson lessonPath: String) -> String {
    link(to: page(for: lessonPath))
  }

  /// The relative prefix from a page back to the site root (`../` per directory level).
  public static func root(for pagePath: String) -> String {
    String(repeating: "../", count: pagePath.filter { $0 == "/" }.count)
  }

  /// A relative link to a lesson (`x.md`, `x.md#part`, `x.md?q`) rewritten to its page;
  /// others (with a scheme, a fragment alone, not `.md`) unchanged.
  public static func rewriteLessonLink(_ url: String) -> String {
    if URLPath.hasScheme(url) || url.hasPrefix("#") { return url }
    let (path, suffix) = URLPath.splitPath(url)
    guard path.hasSuffix(".md") else { return url }
    return String(path.dropLast(3)) + ".html" + suffix
  }
}
