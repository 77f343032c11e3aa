/// Random access to the lines of a source text, found in one pass over its UTF-8 bytes.
///
/// Only the pipe-table recogniser needs raw lines, and only for paragraphs that contain a
/// `|`, so lines are sliced on demand rather than split up front.
struct SourceLines {
  private let text: String
  /// The UTF-8 offset where each line starts.
  private var starts: [Int] = [0]

  init(_ text: String) {
    var text = text
    text.makeContiguousUTF8()
    self.text = text
    var starts = [0]
    text.utf8.withContiguousStorageIfAvailable { bytes in
      for index in 0..<bytes.count where bytes[index] == 10 { starts.append(index + 1) }
    }
    self.starts = starts
  }

  /// The number of lines (a trailing newline starts one more, empty, line).
  var count: Int { starts.count }

  /// Line `number` (1-based) without its newline.
  subscript(number: Int) -> Substring {
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: starts[number - 1])
    var end = number < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[number] - 1) : utf8.endIndex
    if end > start, utf8[utf8.index(before: end)] == 13 { end = utf8.index(before: end) }
    return text[start..<end]
  }

  /// Whether any of lines `from...to` contains the byte `byte`.
  func contains(_ byte: UInt8, from: Int, to: Int) -> Bool {
    guard from >= 1, to <= count, from <= to else { return false }
    let end = to < starts.count ? starts[to] : text.utf8.count
    let begin = starts[from - 1]
    return text.utf8.withContiguousStorageIfAvailable { bytes in
      bytes[begin..<end].contains(byte)
    } ?? text.utf8.dropFirst(begin).prefix(end - begin).contains(byte)
  }
}
