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
    pairs.sorted { YAMLKeyOrder.less($0.0, $1.0) }
  }

  private static func writeMapping(_ pairs: [(String, JSONValue)], indent: Int, into output: inout String) {
    writeMapping(pairs, indent: indent, firstInline: false, into: &output)
  }

  /// Writes mapping entries; when `firstInline`, the first entry continues the current line
  /// (after a sequence dash).
  private static func writeMapping(
    _ pairs: [(String, JSONValue)], indent: Int, firstInline: Bool, into output: inout String
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
        writeMapping(pairs, indent: indent + 2, firstInline: true, into: &output)
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

  /// A scalar in the style go-yaml chooses, folded past column 80 as libyaml folds it.
  static func scalar(_ value: JSONValue, indent: Int, column: Int) -> String {
    switch value {
    case .null: return "null"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number): return GoFormat.yamlFloat(number)
    case .object: return "{}"
    case .array: return "[]"
    case .string(let text):
      let style =
        YAMLScalarStyle.resolvesToNonString(text) ? .doubleQuoted : YAMLScalarStyle.analyze(text)
      return folded(text, style: style, indent: indent, column: column)
    }
  }

  /// libyaml's plain, single-quoted and double-quoted writers: a space written past
  /// column 80 becomes a line break indented to `indent`.
  private static func folded(_ text: String, style: YAMLScalarStyle, indent: Int, column start: Int)
    -> String
  {
    let scalars = Array(text.unicodeScalars)
    var output = ""
    var column = start
    switch style {
    case .singleQuoted:
      output = "'"
      column += 1
    case .doubleQuoted:
      output = "\""
      column += 1
    case .plain: break
    }
    var spaces = false
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      let isFirst = index == 0
      let isLast = index == scalars.count - 1
      let nextIsSpace = index + 1 < scalars.count && scalars[index + 1] == " "
      if scalar == " " {
        let mayBreak: Bool
        switch style {
        case .plain: mayBreak = !nextIsSpace
        case .singleQuoted: mayBreak = !isFirst && !isLast && !nextIsSpace
        case .doubleQuoted: mayBreak = !isFirst && !isLast
        }
        if !spaces && column > 80 && mayBreak {
          output += "\n" + String(repeating: " ", count: indent)
          column = indent
          if style == .doubleQuoted && nextIsSpace {
            output += "\\"
            column += 1
          }
        } else {
          output += " "
          column += 1
        }
        spaces = true
      } else {
        let piece: String
        switch style {
        case .plain: piece = String(scalar)
        case .singleQuoted: piece = scalar == "'" ? "''" : String(scalar)
        case .doubleQuoted: piece = doubleQuotedPiece(scalar)
        }
        output += piece
        column += piece.unicodeScalars.count
        spaces = false
      }
      index += 1
    }
    switch style {
    case .singleQuoted: output += "'"
    case .doubleQuoted: output += "\""
    case .plain: break
    }
    return output
  }

  /// One character inside a double-quoted scalar, escaped as libyaml escapes it.
  private static func doubleQuotedPiece(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\"": return "\\\""
    case "\\": return "\\\\"
    case "\0": return "\\0"
    case "\u{07}": return "\\a"
    case "\u{08}": return "\\b"
    case "\t": return "\\t"
    case "\n": return "\\n"
    case "\u{0B}": return "\\v"
    case "\u{0C}": return "\\f"
    case "\r": return "\\r"
    case "\u{1B}": return "\\e"
    case "\u{85}": return "\\N"
    case "\u{A0}": return "\\_"
    case "\u{2028}": return "\\L"
    case "\u{2029}": return "\\P"
    default:
      if YAMLScalarStyle.isPrintable(scalar) && scalar != "\u{FEFF}" { return String(scalar) }
      let hex = String(scalar.value, radix: 16, uppercase: true)
      if scalar.value <= 0xFF { return "\\x" + String(repeating: "0", count: 2 - hex.count) + hex }
      if scalar.value <= 0xFFFF { return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex }
      return "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
    }
  }
}
