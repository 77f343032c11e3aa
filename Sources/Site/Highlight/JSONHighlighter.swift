/// JSON: object keys, strings, numbers, `true`/`false`/`null` and punctuation.
enum JSONHighlighter {
  static func write(_ code: ArraySlice<UInt8>, into writer: inout HighlightWriter) {
    var index = code.startIndex
    while index < code.endIndex {
      let byte = code[index]
      if byte == UInt8(ascii: "\"") {
        var end = index + 1
        while end < code.endIndex && code[end] != UInt8(ascii: "\"") {
          end += code[end] == UInt8(ascii: "\\") ? 2 : 1
        }
        end = min(end + 1, code.endIndex)
        let after = code[end...].drop { $0.isASCIIBlank || $0 == 10 || $0 == 13 }
        writer.span(after.first == UInt8(ascii: ":") ? .key : .string, code[index..<end])
        index = end
      } else if byte.isASCIIDigit || byte == UInt8(ascii: "-") {
        let number = code[index...].prefix {
          $0.isASCIIDigit || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: ".")
            || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E")
        }
        writer.span(.number, number)
        index += number.count
      } else if byte.isASCIILowercase {
        let word = code[index...].prefix { $0.isASCIILowercase }
        if word.isOne(of: ["true", "false", "null"]) { writer.span(.keyword, word) } else { writer.plain(word) }
        index += word.count
      } else if "{}[],:".utf8.contains(byte) {
        writer.span(.punctuation, code[index...index])
        index += 1
      } else {
        writer.plain(code[index...index])
        index += 1
      }
    }
  }
}
