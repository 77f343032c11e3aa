/// Makes a lesson's HTML fit the print page, in one pass over the bytes (the print page holds
/// every lesson, so this runs on the whole course): every `id="`, `aria-labelledby="` and
/// in-page `href="#` value gets the lesson's prefix (ids stay unique across lessons), and, for
/// a lesson in a folder, every relative `href` and `src` gets the folder (the print page sits
/// at the top of the site, so `b.html` in `pods/a.html` is `pods/b.html` there).
enum PrintChapterRewriter {
  /// The attribute openings whose value gets the id prefix.
  static let idOpenings: [[UInt8]] = [" id=\"", "aria-labelledby=\"", "href=\"#"].map { Array($0.utf8) }
  /// The attribute openings whose relative value gets the folder.
  static let urlOpenings: [[UInt8]] = [" href=\"", " src=\""].map { Array($0.utf8) }

  /// `html` with `prefix` put at the start of every id, labelledby and fragment value, and
  /// `folder` (empty, or ending in `/`) before every relative link and source.
  static func prefixing(_ html: String, with prefix: String, folder: String = "") -> String {
    var result: [UInt8] = []
    append(Array(html.utf8), prefixing: prefix, folder: folder, to: &result)
    return String(decoding: result, as: UTF8.self)
  }

  /// Appends `html` to `result` as ``prefixing(_:with:folder:)`` changes it. Only a `="` can
  /// end an opening, and `=` is rare in text, so the scan looks for `=` and checks what comes
  /// before it.
  static func append(_ html: [UInt8], prefixing prefix: String, folder: String = "", to result: inout [UInt8]) {
    let prefixBytes = Array(prefix.utf8)
    let folderBytes = Array(folder.utf8)
    html.withUnsafeBufferPointer { bytes in
      result.reserveCapacity(result.count + bytes.count + bytes.count / 64)
      var copied = 0
      var index = 0
      while index < bytes.count {
        guard bytes[index] == UInt8(ascii: "=") else {
          index += 1
          continue
        }
        // An opening's `=` sits at its count minus 2 (or 3 for `href="#`); the in-page
        // `href="#` is tried before the general ` href="`.
        var insertion: [UInt8]?
        var end = 0
        if let opening = idOpenings.first(where: { matches($0, bytes, equalsAt: index) }) {
          insertion = prefixBytes
          end = index - opening.lastIndex(of: UInt8(ascii: "="))! + opening.count
        } else if !folderBytes.isEmpty, urlOpenings.contains(where: { matches($0, bytes, equalsAt: index) }),
          isRelative(bytes, from: index + 2)
        {
          insertion = folderBytes
          end = index + 2
        }
        guard let insertion else {
          index += 1
          continue
        }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end]))
        result.append(contentsOf: insertion)
        copied = end
        index = end
      }
      result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
    }
  }

  /// Whether `opening` ends at the `="` whose `=` is at `index`.
  static func matches(_ opening: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, equalsAt index: Int) -> Bool {
    let equals = opening.lastIndex(of: UInt8(ascii: "="))!
    return index >= equals && starts(bytes, at: index - equals, with: opening)
  }

  /// Whether the attribute value starting at `start` is a relative URL: not empty, not a
  /// fragment, not from the root (`/`), without a scheme (`https:`, `mailto:`).
  static func isRelative(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    guard start < bytes.count else { return false }
    switch bytes[start] {
    case UInt8(ascii: "\""), UInt8(ascii: "#"), UInt8(ascii: "/"): return false
    default: break
    }
    var index = start
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: ":"): return false
      case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "\""): return true
      default: index += 1
      }
    }
    return true
  }

  static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with pattern: [UInt8]) -> Bool {
    guard index + pattern.count <= bytes.count else { return false }
    for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
    return true
  }
}
