/// Parses the body of a `scenario` block into steps (the contract's syntax: `$ ` commands,
/// `> ` continuation lines, heredocs, `? N` statuses and expected output).
public enum ScenarioParser {
  /// Parses `literal` (the block's content) with options from `info`.
  /// `fenceLine` and `endLine` are the 1-based file lines of the block's first and last
  /// lines (without `endLine`, the block is taken to end with a closing fence). Lines may end in LF, CRLF or CR; the ending is not part of a command or output line.
  public static func parse(literal: String, info: InfoString, fenceLine: Int, endLine: Int? = nil)
    throws(ScenarioSyntaxError) -> Scenario
  {
    let options = try ScenarioOptions(info)
    let lines = TextLine.texts(literal)
    var steps: [Scenario.Step] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      guard ScenarioLine.isCommand(line) else {
        if line.trimmingCharacters(in: " \t").isEmpty && steps.isEmpty {
          index += 1
          continue
        }
        throw ScenarioSyntaxError(offset: index, message: "expected a command line starting with \"$ \"")
      }
      let commandIndex = index
      var command = ScenarioLine.afterMarker(line)
      var display = [line]
      index += 1
      while index < lines.count, ScenarioLine.isContinuation(lines[index]) {
        let continuation = ScenarioLine.afterMarker(lines[index])
        if command.hasSuffix("\\") {
          command.removeLast()
          command += continuation
        } else {
          command += "\n" + continuation
        }
        display.append(lines[index])
        index += 1
      }
      var stdin: String?
      var heredocLines: [String] = []
      if let heredoc = Heredoc.find(in: command) {
        command = heredoc.command
        var body: [String] = []
        var terminated = false
        while index < lines.count {
          let bodyLine = lines[index]
          heredocLines.append(bodyLine)
          index += 1
          let candidate = heredoc.stripsTabs ? String(bodyLine.drop { $0 == "\t" }) : bodyLine
          if candidate == heredoc.delimiter {
            terminated = true
            break
          }
          body.append(heredoc.stripsTabs ? candidate : bodyLine)
        }
        guard terminated else {
          throw ScenarioSyntaxError(
            offset: commandIndex,
            message: "unterminated heredoc: no line \"\(heredoc.delimiter)\" before the end of the block")
        }
        stdin = body.isEmpty ? "" : body.joined(separator: "\n") + "\n"
      }
      let statusIndex = index
      var status: Int32 = 0
      var hasStatus = false
      if index < lines.count, ScenarioLine.isStatus(lines[index]) {
        guard let value = Int32(ScenarioLine.afterMarker(lines[index]).trimmingCharacters(in: " ")) else {
          throw ScenarioSyntaxError(offset: index, message: "\"\(lines[index])\": expected \"? N\" with a number")
        }
        status = value
        hasStatus = true
        index += 1
      }
      let expectedIndex = index
      var expected: [String] = []
      while index < lines.count, !ScenarioLine.isCommand(lines[index]) {
        expected.append(lines[index])
        index += 1
      }
      if command.trimmingCharacters(in: " \t").isEmpty {
        throw ScenarioSyntaxError(offset: commandIndex, message: "empty command after \"$\"")
      }
      steps.append(
        Scenario.Step(
          command: command, displayLines: display, stdin: stdin, heredocLines: heredocLines,
          expectedStatus: status, hasStatusLine: hasStatus, expected: expected,
          commandIndex: commandIndex, statusIndex: statusIndex, expectedIndex: expectedIndex))
    }
    if steps.isEmpty {
      throw ScenarioSyntaxError(offset: -1, message: "scenario has no commands (lines starting with \"$ \")")
    }
    return Scenario(
      options: options, steps: steps, fenceLine: fenceLine, contentLineCount: lines.count,
      hasClosingFence: endLine.map { $0 == fenceLine + lines.count + 1 } ?? true)
  }
}

/// A `<<WORD` redirection in a command line.
struct Heredoc {
  /// The command with the redirection removed.
  var command: String
  /// The line that ends the heredoc.
  var delimiter: String
  /// `<<-`: leading tabs are stripped from body lines and the delimiter.
  var stripsTabs: Bool

  /// Finds a heredoc redirection outside quotes.
  static func find(in command: String) -> Heredoc? {
    let characters = Array(command)
    var quote: Character?
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if let open = quote {
        if character == open { quote = nil }
      } else if character == "'" || character == "\"" {
        quote = character
      } else if character == "<", index + 1 < characters.count, characters[index + 1] == "<" {
        var cursor = index + 2
        var stripsTabs = false
        if cursor < characters.count, characters[cursor] == "-" {
          stripsTabs = true
          cursor += 1
        }
        while cursor < characters.count, characters[cursor] == " " { cursor += 1 }
        var word = ""
        while cursor < characters.count, characters[cursor] != " " {
          word.append(characters[cursor])
          cursor += 1
        }
        let delimiter = word.filter { $0 != "'" && $0 != "\"" }
        guard !delimiter.isEmpty else { return nil }
        let before = String(characters[..<index]).trimmingCharacters(in: " ")
        let after = String(characters[cursor...])
        return Heredoc(
          command: (before + after).trimmingCharacters(in: " "), delimiter: delimiter, stripsTabs: stripsTabs)
      }
      index += 1
    }
    return nil
  }
}

extension String {
  /// The string without leading and trailing characters from `set`.
  func trimmingCharacters(in set: String) -> String {
    var slice = Substring(self)
    while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }
}

extension Substring {
  func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}
