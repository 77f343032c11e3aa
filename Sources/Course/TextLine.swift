/// One line of a text and the line ending that followed it, split as CommonMark (and so
/// cmark) splits lines: at `\n`, `\r\n` or a lone `\r`.
///
/// Swift compares `String`s by grapheme, and `"\r\n"` is one grapheme, so splitting with
/// `split(separator: "\n")` misses CRLF endings; this works on Unicode scalars instead.
public struct TextLine: Sendable, Equatable {
  /// The line's text, without its ending.
  public var text: String
  /// `"\n"`, `"\r\n"`, `"\r"`, or `""` for a last line without an ending.
  public var ending: String

  /// Creates a line.
  public init(text: String, ending: String) {
    self.text = text
    self.ending = ending
  }

  /// The lines of `text` with their endings; joining them gives `text` back. A text that
  /// ends with a line ending has no empty line after it.
  public static func split(_ text: String) -> [TextLine] {
    var lines: [TextLine] = []
    var current = String.UnicodeScalarView()
    let scalars = Array(text.unicodeScalars)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\n" || scalar == "\r" {
        var ending = String(scalar)
        if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
          ending = "\r\n"
          index += 1
        }
        lines.append(TextLine(text: String(current), ending: ending))
        current = String.UnicodeScalarView()
      } else {
        current.append(scalar)
      }
      index += 1
    }
    if !current.isEmpty { lines.append(TextLine(text: String(current), ending: "")) }
    return lines
  }

  /// The texts of the lines of `text`, without their endings.
  public static func texts(_ text: String) -> [String] {
    split(text).map(\.text)
  }

  /// The lines joined back into one text.
  public static func join(_ lines: [TextLine]) -> String {
    var text = ""
    for line in lines {
      text += line.text
      text += line.ending
    }
    return text
  }
}
