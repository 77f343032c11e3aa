/// The text functions of kubectl's explain templates (`pkg/explain/v2/funcs.go`).
enum ExplainText {
  /// `wrap`: `github.com/mitchellh/go-wordwrap` `WrapString` (kubectl v1.32 pins v1.0.1), which
  /// breaks lines at white space so none passes `limit` characters unless a single word is
  /// longer. Follows the library's word-and-space buffering. v1.0.1's own source was not at
  /// hand: counting Unicode scalars and not breaking at a no-break space is a reading of it
  /// that only ASCII text (all the captured output) has checked.
  static func wrap(_ text: String, limit: Int) -> String {
    var output = ""
    var current = 0
    var word = ""
    var wordCount = 0
    var spaces = ""
    var spaceCount = 0
    for character in text.unicodeScalars {
      if character == "\n" {
        if wordCount == 0 {
          if current + spaceCount > limit {
            current = 0
          } else {
            current += spaceCount
            output += spaces
          }
        } else {
          current += spaceCount + wordCount
          output += spaces + word
          word = ""
          wordCount = 0
        }
        spaces = ""
        spaceCount = 0
        output.unicodeScalars.append(character)
        current = 0
      } else if character.properties.isWhitespace && character != "\u{00A0}" {
        if spaceCount == 0 || wordCount > 0 {
          current += spaceCount + wordCount
          output += spaces + word
          spaces = ""
          spaceCount = 0
          word = ""
          wordCount = 0
        }
        spaces.unicodeScalars.append(character)
        spaceCount += 1
      } else {
        word.unicodeScalars.append(character)
        wordCount += 1
        if current + spaceCount + wordCount > limit && wordCount < limit {
          output += "\n"
          current = 0
          spaces = ""
          spaceCount = 0
        }
      }
    }
    if wordCount == 0 {
      if current + spaceCount <= limit { output += spaces }
    } else {
      output += spaces + word
    }
    return output
  }

  /// `indent`: `amount` spaces before the text and after each of its newlines.
  static func indent(_ text: String, by amount: Int) -> String {
    let pad = String(repeating: " ", count: max(0, amount))
    return pad + text.replacingAll("\n", with: "\n" + pad)
  }

  /// The text as a terminal shows it: tabs expanded to the next multiple of 8 columns.
  static func expandingTabs(_ text: String) -> String {
    var output = ""
    var column = 0
    for character in text {
      if character == "\t" {
        let spaces = 8 - column % 8
        output += String(repeating: " ", count: spaces)
        column += spaces
      } else {
        output.append(character)
        column = character == "\n" ? 0 : column + 1
      }
    }
    return output
  }
}
