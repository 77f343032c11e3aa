/// Go's `encoding/pem.Decode` without header lines: the next `-----BEGIN TYPE-----` …
/// `-----END TYPE-----` block whose body is valid base64 (spaces, tabs and line breaks
/// skipped); a malformed block is passed over, as Go's loop does.
enum GoPEM {
  /// One block: its type and decoded bytes.
  struct Block: Equatable {
    var type: String
    var bytes: [UInt8]
  }

  /// Every block of `text`, in order (what repeated `pem.Decode` calls return).
  static func blocks(_ text: String) -> [Block] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(trimmedLine)
    var blocks: [Block] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      index += 1
      guard line.hasPrefix("-----BEGIN "), line.hasSuffix("-----"), line.count >= 16 else { continue }
      let type = String(line.dropFirst(11).dropLast(5))
      var body = ""
      var end = index
      while end < lines.count && !lines[end].hasPrefix("-----END ") {
        body += lines[end]
        end += 1
      }
      guard end < lines.count, lines[end] == "-----END \(type)-----" else { continue }
      let base64 = body.filter { $0 != " " && $0 != "\t" }
      guard case .success(let bytes) = GoBase64.decode(base64) else { continue }
      blocks.append(Block(type: type, bytes: bytes))
      index = end + 1
    }
    return blocks
  }

  /// `getLine`'s trimming: a line without its trailing spaces, tabs and carriage return.
  private static func trimmedLine(_ line: Substring) -> String {
    var end = line.endIndex
    while end > line.startIndex, [" ", "\t", "\r"].contains(line[line.index(before: end)]) {
      end = line.index(before: end)
    }
    return String(line[..<end])
  }
}
