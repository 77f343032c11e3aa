/// The opening fence line of a fenced code block, taken apart: what precedes the fence
/// (list indentation, `> ` markers), the fence character and length, and the info string.
///
/// CommonMark's rule: a block opened by N backticks (or tildes) is closed by a line of at
/// least N of the same character, indented at most three spaces, followed only by spaces
/// or tabs.
struct FenceLine {
  /// The text before the fence on its line.
  var prefix: String
  /// `` ` `` or `~`.
  var character: Unicode.Scalar
  /// How many fence characters open the block.
  var length: Int
  /// The text after the fence characters (the info string and any spaces).
  var rest: String

  /// Takes apart `line`, or returns nil when it holds no fence of three or more characters.
  init?(_ line: String) {
    let scalars = Array(line.unicodeScalars)
    guard let start = scalars.firstIndex(where: { $0 == "`" || $0 == "~" }) else { return nil }
    let character = scalars[start]
    var end = start
    while end < scalars.count, scalars[end] == character { end += 1 }
    guard end - start >= 3 else { return nil }
    prefix = String(String.UnicodeScalarView(scalars[..<start]))
    self.character = character
    length = end - start
    rest = String(String.UnicodeScalarView(scalars[end...]))
  }

  /// What starts each content line so that it stays inside the block's container: the
  /// prefix with list markers turned into spaces, keeping `>` and whitespace.
  var contentPrefix: String {
    String(
      String.UnicodeScalarView(
        prefix.unicodeScalars.map { $0 == ">" || $0 == " " || $0 == "\t" ? $0 : " " }))
  }

  /// The length of the run of fence characters on `line` when the line could close a block
  /// fenced with this character (only container markers and whitespace before the run,
  /// only whitespace after it), else 0. Generous about what precedes the run, so a fence
  /// chosen longer than every such run is never closed early.
  func closingRun(_ line: String) -> Int {
    let scalars = Array(line.unicodeScalars)
    var index = 0
    while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == ">" {
      index += 1
    }
    let start = index
    while index < scalars.count, scalars[index] == character { index += 1 }
    let run = index - start
    guard run >= 3, scalars[index...].allSatisfy({ $0 == " " || $0 == "\t" }) else { return 0 }
    return run
  }

  /// `line` (a fence line of this block) with its run of fence characters made `length` long.
  static func lengthened(_ line: String, to length: Int) -> String {
    guard let fence = FenceLine(line) else { return line }
    return fence.prefix + String(repeating: String(fence.character), count: length) + fence.rest
  }
}
