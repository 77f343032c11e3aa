/// Highlighting at build time, so pages need no script for it: code blocks in YAML, shell,
/// JSON and console transcripts become HTML with `<span class="hl-…">` around keys,
/// strings, numbers, commands, flags, comments and kubectl's table headers. Everything is
/// escaped on the way; a language it does not know is only escaped.
public enum SyntaxHighlighter {
  /// The languages it knows.
  public enum Language: Sendable {
    case yaml, shell, json, console
  }

  /// The language an info string names: `yaml`/`yml`, `sh`/`shell`/`bash`, `json`,
  /// `console`/`shell-session`; nil for any other.
  public static func language(named name: String) -> Language? {
    switch name.lowercased() {
    case "yaml", "yml": return .yaml
    case "sh", "shell", "bash", "zsh": return .shell
    case "json": return .json
    case "console", "shell-session", "terminal": return .console
    default: return nil
    }
  }

  /// `code` as highlighted, escaped HTML (to go inside `<code>`).
  public static func html(_ code: String, language: Language) -> String {
    var bytes: [UInt8] = []
    append(code, language: language, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `code` highlighted (as ``html(_:language:)``) to `output`.
  static func append(_ code: String, language: Language, to output: inout [UInt8]) {
    let bytes = ArraySlice(Array(code.utf8))
    var writer = HighlightWriter(capacity: 0)
    output.reserveCapacity(output.count + bytes.count + bytes.count / 2)
    // The writer continues `output` in place (no copy), and hands it back.
    writer.exchangeBytes(with: &output)
    switch language {
    case .yaml: YAMLHighlighter.write(bytes, into: &writer)
    case .shell: ShellHighlighter.write(bytes, into: &writer)
    case .json: JSONHighlighter.write(bytes, into: &writer)
    case .console: writeConsole(bytes, into: &writer)
    }
    writer.exchangeBytes(with: &output)
  }

  /// One command line of a transcript (without its `$ `); `continued` for a `> ` line that
  /// goes on with the command before it.
  public static func commandHTML(_ line: String, continued: Bool = false) -> String {
    var writer = HighlightWriter(capacity: line.utf8.count)
    ShellHighlighter.writeLine(ArraySlice(Array(line.utf8)), commandFirst: !continued, into: &writer)
    return writer.html
  }

  /// A command's output, its kubectl table headers marked.
  public static func outputHTML(_ output: String) -> String {
    let bytes = ArraySlice(Array(output.utf8))
    var writer = HighlightWriter(capacity: bytes.count)
    writeOutput(bytes, into: &writer)
    return writer.html
  }

  /// A transcript: `$ ` lines are commands (`> ` lines continue them), the rest output.
  static func writeConsole(_ code: ArraySlice<UInt8>, into writer: inout HighlightWriter) {
    var inCommand = false
    for (index, line) in code.lines.enumerated() {
      if index > 0 { writer.plain([10]) }
      let prompt = line.prefix(2)
      if prompt.elementsEqual("$ ".utf8) || (inCommand && prompt.elementsEqual("> ".utf8)) {
        writer.span(.prompt, prompt)
        ShellHighlighter.writeLine(line.dropFirst(2), commandFirst: prompt.first == UInt8(ascii: "$"), into: &writer)
        inCommand = line.last == UInt8(ascii: "\\") || prompt.first == UInt8(ascii: "$")
      } else {
        inCommand = false
        writeOutputLine(line, into: &writer)
      }
    }
  }

  static func writeOutput(_ output: ArraySlice<UInt8>, into writer: inout HighlightWriter) {
    var start = output.startIndex
    while start < output.endIndex {
      let end = output[start...].firstIndex(of: 10) ?? output.endIndex
      writeOutputLine(output[start..<end], into: &writer)
      if end < output.endIndex { writer.plain([10]) }
      start = end + 1
    }
  }

  static func writeOutputLine(_ line: ArraySlice<UInt8>, into writer: inout HighlightWriter) {
    if isTableHeader(line) { writer.span(.header, line) } else { writer.plain(line) }
  }

  /// Whether a line of output is a kubectl table header: ASCII capitals (lower case only in
  /// parentheses, as in `CPU(cores)`) in at least two columns set apart by two spaces.
  static func isTableHeader(_ line: ArraySlice<UInt8>) -> Bool {
    guard let first = line.first, first.isASCIIUppercase, line.count >= 6 else { return false }
    var depth = 0
    var columnGap = false
    var previousBlank = false
    for byte in line {
      if byte >= 128 { return false }
      if byte == UInt8(ascii: "(") { depth += 1 }
      if byte == UInt8(ascii: ")") { depth = max(0, depth - 1) }
      if byte.isASCIILowercase && depth == 0 { return false }
      if byte == 32 && previousBlank { columnGap = true }
      previousBlank = byte == 32
    }
    return columnGap && line.last != 32
  }
}
