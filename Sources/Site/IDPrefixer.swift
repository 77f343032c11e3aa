/// Makes a lesson's ids unique inside the print page: every `id="`, `aria-labelledby="` and
/// in-page `href="#` of the lesson's HTML gets the lesson's prefix, in one pass over the
/// bytes (the print page holds every lesson, so this runs on the whole course).
enum IDPrefixer {
  /// The attribute openings whose value gets the prefix.
  static let openings: [[UInt8]] = [" id=\"", "aria-labelledby=\"", "href=\"#"].map { Array($0.utf8) }

  /// `html` with `prefix` put at the start of every id, labelledby and fragment value.
  static func prefixing(_ html: String, with prefix: String) -> String {
    var html = html
    return html.withUTF8 { bytes in
      let prefixBytes = Array(prefix.utf8)
      var result: [UInt8] = []
      result.reserveCapacity(bytes.count + bytes.count / 64)
      var copied = 0
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "a") || byte == UInt8(ascii: "h"),
          let opening = openings.first(where: { starts(bytes, at: index, with: $0) })
        {
          let end = index + opening.count
          result.append(contentsOf: bytes[copied..<end])
          result.append(contentsOf: prefixBytes)
          copied = end
          index = end
        } else {
          index += 1
        }
      }
      result.append(contentsOf: bytes[copied...])
      return String(decoding: result, as: UTF8.self)
    }
  }

  static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with pattern: [UInt8]) -> Bool {
    guard index + pattern.count <= bytes.count else { return false }
    for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
    return true
  }
}
