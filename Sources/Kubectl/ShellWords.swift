/// Splits a command line into words as a POSIX shell would for simple commands: spaces
/// separate words, single quotes keep text literally, double quotes keep spaces (with `\"`,
/// `\\` and `\$` escapes), and a backslash outside quotes escapes the next character.
public enum ShellWords {
  /// A command line that could not be split.
  public struct Failure: Error, Equatable, Sendable {
    /// What is wrong, in a shell's words.
    public var message: String
  }

  /// The words of `line`.
  public static func split(_ line: String) throws(Failure) -> [String] {
    var words: [String] = []
    var current = ""
    var inWord = false
    var quote: Character?
    var characters = Array(line)[...]
    while let character = characters.popFirst() {
      if let open = quote {
        if character == open {
          quote = nil
        } else if open == "\"" && character == "\\", let next = characters.first, "\"\\$`".contains(next) {
          current.append(next)
          characters.removeFirst()
        } else {
          current.append(character)
        }
        continue
      }
      switch character {
      case " ", "\t", "\n":
        if inWord {
          words.append(current)
          current = ""
          inWord = false
        }
      case "'", "\"":
        quote = character
        inWord = true
      case "\\":
        if let next = characters.popFirst(), next != "\n" {
          current.append(next)
          inWord = true
        }
      default:
        current.append(character)
        inWord = true
      }
    }
    if let open = quote {
      throw Failure(message: "unexpected EOF while looking for matching `\(open)'")
    }
    if inWord { words.append(current) }
    return words
  }
}
