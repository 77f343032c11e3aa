import KubeSim

/// Prints a ``JSONValue`` as kubectl's `-o json` does: Go's `json.MarshalIndent` with
/// 4-space indentation and Go's escaping of `<`, `>` and `&`.
public enum JSONPrinter {
  /// The JSON text of `value`, ending in a newline. Object keys are sorted when `sortKeys`
  /// (objects from the server), kept in order otherwise (typed objects built by kubectl).
  /// `step` is the indentation of one level (`kubectl version -o json` indents by 2).
  public static func print(_ value: JSONValue, sortKeys: Bool = true, step: Int = 4) -> String {
    var output = ""
    write(value, indent: 0, step: step, sortKeys: sortKeys, into: &output)
    return output + "\n"
  }

  private static func write(
    _ value: JSONValue, indent: Int, step: Int, sortKeys: Bool, into output: inout String
  ) {
    switch value {
    case .null: output += "null"
    case .bool(let flag): output += flag ? "true" : "false"
    case .int(let number): output += String(number)
    case .double(let number): output += GoFormat.jsonFloat(number)
    case .string(let text): output += quote(text)
    case .array(let items):
      if items.isEmpty {
        output += "[]"
        return
      }
      output += "[\n"
      for (index, item) in items.enumerated() {
        output += String(repeating: " ", count: indent + step)
        write(item, indent: indent + step, step: step, sortKeys: sortKeys, into: &output)
        output += index == items.count - 1 ? "\n" : ",\n"
      }
      output += String(repeating: " ", count: indent) + "]"
    case .object(let pairs):
      if pairs.isEmpty {
        output += "{}"
        return
      }
      let ordered = sortKeys ? pairs.sorted { $0.0 < $1.0 } : pairs
      output += "{\n"
      for (index, (key, item)) in ordered.enumerated() {
        output += String(repeating: " ", count: indent + step) + quote(key) + ": "
        write(item, indent: indent + step, step: step, sortKeys: sortKeys, into: &output)
        output += index == ordered.count - 1 ? "\n" : ",\n"
      }
      output += String(repeating: " ", count: indent) + "}"
    }
  }

  /// Go's `encoding/json` string encoding.
  static func quote(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "<": output += "\\u003c"
      case ">": output += "\\u003e"
      case "&": output += "\\u0026"
      case "\u{2028}": output += "\\u2028"
      case "\u{2029}": output += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    return output + "\""
  }
}
