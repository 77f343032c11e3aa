import KubeSim

/// Prints a ``JSONValue`` as kubectl's `-o yaml` does (sigs.k8s.io/yaml over go-yaml v2):
/// keys sorted at every level, 2-space indent, sequences not indented under their key,
/// go-yaml's choice of plain, single-quoted, double-quoted or literal style for strings,
/// and plain strings folded past column 80.
public enum YAMLPrinter {
  /// The YAML text of `value`, ending in a newline.
  public static func print(_ value: JSONValue) -> String {
    var output = ""
    switch value {
    case .object(let pairs) where !pairs.isEmpty:
      writeMapping(pairs, indent: 0, into: &output)
    case .array(let items) where !items.isEmpty:
      writeSequence(items, indent: 0, into: &output)
    default:
      output += scalar(value, indent: 0, column: 0) + "\n"
    }
    return output
  }

  private static func sortedPairs(_ pairs: [(String, JSONValue)]) -> [(String, JSONValue)] {
    pairs.sorted { $0.0 < $1.0 }
  }

  private static func writeMapping(_ pairs: [(String, JSONValue)], indent: Int, into output: inout String) {
    var first = true
    writeMapping(pairs, indent: indent, firstInline: false, into: &output, first: &first)
  }

  /// Writes mapping entries; when `firstInline`, the first entry continues the current line
  /// (after a sequence dash).
  private static func writeMapping(
    _ pairs: [(String, JSONValue)], indent: Int, firstInline: Bool, into output: inout String,
    first: inout Bool
  ) {
    let pad = String(repeating: " ", count: indent)
    for (index, (key, value)) in sortedPairs(pairs).enumerated() {
      if !(firstInline && index == 0) { output += pad }
      let keyText = scalar(.string(key), indent: indent, column: indent)
      output += keyText + ":"
      writeValue(value, indent: indent, column: indent + keyText.count + 1, into: &output)
    }
  }

  /// Writes the value of a mapping entry whose key ends at `column`.
  private static func writeValue(_ value: JSONValue, indent: Int, column: Int, into output: inout String) {
    switch value {
    case .object(let pairs) where !pairs.isEmpty:
      output += "\n"
      writeMapping(pairs, indent: indent + 2, into: &output)
    case .array(let items) where !items.isEmpty:
      output += "\n"
      writeSequence(items, indent: indent, into: &output)
    case .string(let text) where text.contains("\n"):
      output += " " + literal(text, indent: indent + 2)
    default:
      output += " " + scalar(value, indent: indent + 2, column: column + 1) + "\n"
    }
  }

  private static func writeSequence(_ items: [JSONValue], indent: Int, into output: inout String) {
    let pad = String(repeating: " ", count: indent)
    for item in items {
      output += pad + "-"
      switch item {
      case .object(let pairs) where !pairs.isEmpty:
        output += " "
        var first = true
        writeMapping(pairs, indent: indent + 2, firstInline: true, into: &output, first: &first)
      case .array(let inner) where !inner.isEmpty:
        output += "\n"
        writeSequence(inner, indent: indent + 2, into: &output)
      case .string(let text) where text.contains("\n"):
        output += " " + literal(text, indent: indent + 2)
      default:
        output += " " + scalar(item, indent: indent + 2, column: indent + 2) + "\n"
      }
    }
  }

  /// A literal block scalar (`|`, `|-` or `|+`) with its lines, ending in a newline.
  private static func literal(_ text: String, indent: Int) -> String {
    var chomp = "-"
    if text.hasSuffix("\n") { chomp = text.hasSuffix("\n\n") ? "+" : "" }
    let leadingSpace = text.first == " " ? String(2) : ""
    var output = "|" + leadingSpace + chomp + "\n"
    var body = Substring(text)
    if body.hasSuffix("\n") { body = body.dropLast() }
    let pad = String(repeating: " ", count: indent)
    for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
      output += line.isEmpty ? "\n" : pad + line + "\n"
    }
    return output
  }

  /// A scalar in the style go-yaml chooses, folded at column 80 when plain.
  static func scalar(_ value: JSONValue, indent: Int, column: Int) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number): return GoFormat.float(number)
    case .object: return "{}"
    case .array: return "[]"
    case .string(let text):
      if YAMLScalarStyle.resolvesToNonString(text) { return doubleQuoted(text) }
      switch YAMLScalarStyle.analyze(text) {
      case .plain: return folded(text, indent: indent, column: column)
      case .singleQuoted: return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
      case .doubleQuoted: return doubleQuoted(text)
      }
    }
  }

  /// go-yaml's plain-scalar line breaking: a space past column 80 becomes a line break.
  private static func folded(_ text: String, indent: Int, column start: Int) -> String {
    guard text.contains(" "), start + text.count > 80 else { return text }
    var output = ""
    var column = start
    var previousSpace = false
    let characters = Array(text)
    for (index, character) in characters.enumerated() {
      if character == " " {
        let nextIsSpace = index + 1 < characters.count && characters[index + 1] == " "
        if !previousSpace && column > 80 && !nextIsSpace {
          output += "\n" + String(repeating: " ", count: indent)
          column = indent
        } else {
          output.append(" ")
          column += 1
        }
        previousSpace = true
      } else {
        output.append(character)
        column += 1
        previousSpace = false
      }
    }
    return output
  }

  /// A double-quoted scalar with YAML escapes (unicode allowed, as go-yaml emits it).
  static func doubleQuoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\0": output += "\\0"
      case "\u{07}": output += "\\a"
      case "\u{08}": output += "\\b"
      case "\t": output += "\\t"
      case "\n": output += "\\n"
      case "\u{0B}": output += "\\v"
      case "\u{0C}": output += "\\f"
      case "\r": output += "\\r"
      case "\u{1B}": output += "\\e"
      case "\u{85}": output += "\\N"
      case "\u{A0}": output += "\\_"
      case "\u{2028}": output += "\\L"
      case "\u{2029}": output += "\\P"
      default:
        if YAMLScalarStyle.isPrintable(scalar) && scalar != "\u{FEFF}" {
          output.unicodeScalars.append(scalar)
        } else {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          if scalar.value <= 0xFF {
            output += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
          } else if scalar.value <= 0xFFFF {
            output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
          } else {
            output += "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
          }
        }
      }
    }
    return output + "\""
  }
}
