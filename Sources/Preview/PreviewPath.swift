/// Where a request's path points inside the served directory, decided on the text alone:
/// percent-decoded, split into segments, and refused when any segment could leave the
/// directory or name a hidden file. The server also checks the resolved file on disk.
public enum PreviewPath {
  /// The relative file path for `requestPath` (`/` → `index.html`, `/a/` → `a/index.html`),
  /// or nil when the path is refused.
  public static func relativeFile(for requestPath: String) -> String? {
    guard let decoded = percentDecoded(requestPath.prefix { $0 != "?" && $0 != "#" }) else { return nil }
    guard decoded.hasPrefix("/"), !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
    var segments: [Substring] = []
    for segment in decoded.split(separator: "/", omittingEmptySubsequences: true) {
      if segment.hasPrefix(".") { return nil }  // `..`, `.`, hidden files
      segments.append(segment)
    }
    if segments.isEmpty || decoded.hasSuffix("/") { segments.append("index.html") }
    return segments.joined(separator: "/")
  }

  /// `%XX` sequences decoded as UTF-8; nil for a malformed escape or bytes that are not
  /// UTF-8.
  static func percentDecoded(_ text: Substring) -> String? {
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    return String(validating: bytes, as: UTF8.self)
  }

  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  /// The Content-Type for a file by its extension.
  public static func contentType(of path: String) -> String {
    switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
    case "html": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js": return "text/javascript; charset=utf-8"
    case "json": return "application/json"
    case "svg": return "image/svg+xml"
    case "png": return "image/png"
    case "jpg", "jpeg": return "image/jpeg"
    default: return "application/octet-stream"
    }
  }
}
