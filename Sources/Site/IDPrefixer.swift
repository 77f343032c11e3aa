/// Makes a lesson's ids unique inside the print page: every `id="`, `aria-labelledby="` and
/// in-page `href="#` of the lesson's HTML gets the lesson's prefix, in one pass over the
/// bytes (the print page holds every lesson, so this runs on the whole course).
enum IDPrefixer {
  /// The attribute openings whose value gets the prefix.
  static let openings: [[UInt8]] = [" id=\"", "aria-labelledby=\"", "href=\"#"].map { Array($0.utf8) }

  /// `html` with `prefix` put at the start of every id, labelledby and fragment value.
  static func prefixing(_ html: String, with prefix: String) -> String {
    var result: [UInt8] = []
    append(Array(html.utf8), prefixing: prefix, to: &result)
    return String(decoding: result, as: UTF8.self)
  }

  /// Appends `html` to `result` with `prefix` put at the start of every id, labelledby and
  /// fragment value. Only a `="` can end an opening, and `=` is rare in text, so the scan
  /// looks for `=` and checks what comes before it.
  static func append(_ html: [UInt8], prefixing prefix: String, to result: inout [UInt8]) {
    html.withUnsafeBufferPointer { bytes in
      let prefixBytes = Array(prefix.utf8)
      result.reserveCapacity(result.count + bytes.count + bytes.count / 64)
      var copied = 0
      var index = 0
      while index < bytes.count {
        guard bytes[index] == UInt8(ascii: "=") else {
          index += 1
          continue
        }
        // The opening's `=` sits at its count minus 2 (or 3 for `href="#`).
        let opening = openings.first { opening in
          let equals = opening.lastIndex(of: UInt8(ascii: "="))!
          return index >= equals && starts(bytes, at: index - equals, with: opening)
        }
        guard let opening else {
          index += 1
          continue
        }
        let end = index - opening.lastIndex(of: UInt8(ascii: "="))! + opening.count
        result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<end]))
        result.append(contentsOf: prefixBytes)
        copied = end
        index = end
      }
      result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
    }
  }

  static func starts(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, with pattern: [UInt8]) -> Bool {
    guard index + pattern.count <= bytes.count else { return false }
    for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
    return true
  }
}
