/// Relative URLs made from file names, and links taken apart: the one place that decides how
/// a path becomes an `href` (so no file name can turn into a scheme such as `javascript:`)
/// and how a link written in a lesson names a file.
public enum URLPath {
  /// `path` (`/`-separated, as on disk) as a relative URL: in each segment every byte
  /// outside RFC 3986's `pchar` (letters, digits, `-._~!$&'()*+,;=:@`) is written `%XX`
  /// (`%` itself too), and `./` goes in front when the first segment holds a `:`, which would
  /// otherwise read as a scheme (`javascript:alert(1).html`).
  public static func encode(_ path: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(path.utf8.count + 2)
    var firstSegmentHasColon = false
    var inFirstSegment = true
    for byte in path.utf8 {
      if byte == UInt8(ascii: "/") { inFirstSegment = false }
      if byte == UInt8(ascii: ":") && inFirstSegment { firstSegmentHasColon = true }
      if byte == UInt8(ascii: "/") || isPathCharacter(byte) {
        bytes.append(byte)
      } else {
        appendEscape(byte, to: &bytes)
      }
    }
    if firstSegmentHasColon { bytes.insert(contentsOf: "./".utf8, at: 0) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `url` with every byte that can never stand in a URL (controls, space, non-ASCII,
  /// `"<>\^`{|}`) written `%XX`; `%`, reserved characters and everything else kept, so a link
  /// an author already encoded stays as written (what CommonMark renderers do to links).
  public static func escapeUnsafe(_ url: String) -> String {
    guard url.utf8.contains(where: isUnsafe) else { return url }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(url.utf8.count + 8)
    for byte in url.utf8 {
      if isUnsafe(byte) { appendEscape(byte, to: &bytes) } else { bytes.append(byte) }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Whether `url` starts with a scheme (`https:`, `mailto:`, `JavaScript:`): a letter, then
  /// letters, digits, `+`, `-` or `.`, then `:`. A relative link (`./a:b.md`, `a/b:c.md`) has none.
  public static func hasScheme(_ url: String) -> Bool {
    var bytes = url.utf8.makeIterator()
    guard let first = bytes.next(), isLetter(first) else { return false }
    while let byte = bytes.next() {
      if byte == UInt8(ascii: ":") { return true }
      guard
        isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
          || byte == UInt8(ascii: ".")
      else { return false }
    }
    return false
  }

  /// `url` split before its first `?` or `#`: the path, and the query and fragment after it
  /// (empty when there are none).
  public static func splitPath(_ url: String) -> (path: Substring, suffix: Substring) {
    let end = url.firstIndex { $0 == "?" || $0 == "#" } ?? url.endIndex
    return (url[..<end], url[end...])
  }

  /// `text` with its `%XX` escapes decoded (invalid escapes are kept as written, and bytes
  /// that do not make UTF-8 become U+FFFD).
  public static func decode<Text: StringProtocol>(_ text: Text) -> String {
    guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
    let input = Array(text.utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(input.count)
    var index = 0
    while index < input.count {
      if input[index] == UInt8(ascii: "%"), index + 2 < input.count, let high = hexValue(input[index + 1]),
        let low = hexValue(input[index + 2])
      {
        bytes.append(high << 4 | low)
        index += 3
      } else {
        bytes.append(input[index])
        index += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The value of a hexadecimal digit, or nil.
  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  /// Appends `%XX` (upper-case hexadecimal) for `byte`.
  private static func appendEscape(_ byte: UInt8, to bytes: inout [UInt8]) {
    let hex = Array("0123456789ABCDEF".utf8)
    bytes.append(UInt8(ascii: "%"))
    bytes.append(hex[Int(byte >> 4)])
    bytes.append(hex[Int(byte & 0xF)])
  }

  /// Whether `byte` may stand unescaped in a path segment (RFC 3986 `pchar` less `pct-encoded`).
  private static func isPathCharacter(_ byte: UInt8) -> Bool {
    isLetter(byte) || isDigit(byte) || "-._~!$&'()*+,;=:@".utf8.contains(byte)
  }

  /// Whether `byte` can never stand unescaped in a URL.
  private static func isUnsafe(_ byte: UInt8) -> Bool {
    byte <= 0x20 || byte >= 0x7F || "\"<>\\^`{|}".utf8.contains(byte)
  }

  private static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
