import KubeSim

/// Strict JSON, read as Go's `encoding/json` reads it: the first syntax error in Go's words
/// (`invalid character 'x' looking for beginning of value`, `unexpected end of JSON input`);
/// a repeated key keeps its first place and its last value. Nesting is bounded.
struct GoJSONParser {
  /// The most levels of arrays and objects (Go's `maxNestingDepth` is 10,000; kubebook
  /// stops at the YAML reader's 1,000).
  static let maxDepth = ManifestReader.maxDepth

  private let bytes: [UInt8]
  private var offset = 0

  private init(_ text: String) { bytes = Array(text.utf8) }

  /// The value `text` holds, or Go's syntax error.
  static func parse(_ text: String) -> Result<JSONValue, PatchError> {
    var parser = GoJSONParser(text)
    do throws(PatchError) {
      parser.skipSpace()
      let value = try parser.value(depth: 0)
      parser.skipSpace()
      if parser.offset < parser.bytes.count {
        throw parser.invalid(parser.bytes[parser.offset], "after top-level value")
      }
      return .success(value)
    } catch {
      return .failure(error)
    }
  }

  private mutating func skipSpace() {
    while offset < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset]) { offset += 1 }
  }

  private var endOfInput: PatchError { PatchError("unexpected end of JSON input") }

  /// Go's `invalid character` error, with the character quoted as `quoteChar` does.
  private func invalid(_ byte: UInt8, _ context: String) -> PatchError {
    let character: String
    switch byte {
    case UInt8(ascii: "'"): character = "'\\''"
    case UInt8(ascii: "\""): character = "'\"'"
    case 0..<0x20, 0x7F:
      // strconv.Quote's escapes for control characters.
      let named: [UInt8: String] = [0x07: "a", 0x08: "b", 0x0C: "f", 0x0A: "n", 0x0D: "r", 0x09: "t", 0x0B: "v"]
      let hex = Array("0123456789abcdef")
      character =
        "'\\" + (named[byte] ?? "x" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])) + "'"
    default:
      // The whole UTF-8 character starting here, quoted as strconv.Quote does.
      var end = offset + 1
      while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
      let quoted = Validation.quote(String(decoding: bytes[offset..<end], as: UTF8.self))
      character = "'" + quoted.dropFirst().dropLast() + "'"
    }
    return PatchError("invalid character \(character) \(context)")
  }

  private mutating func value(depth: Int) throws(PatchError) -> JSONValue {
    guard offset < bytes.count else { throw endOfInput }
    guard depth < Self.maxDepth else { throw PatchError("exceeded max depth") }
    switch bytes[offset] {
    case UInt8(ascii: "{"): return try object(depth: depth + 1)
    case UInt8(ascii: "["): return try array(depth: depth + 1)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    case let other: throw invalid(other, "looking for beginning of value")
    }
  }

  private mutating func literal(_ word: String, _ result: JSONValue) throws(PatchError) -> JSONValue {
    for expected in word.utf8 {
      guard offset < bytes.count else { throw endOfInput }
      if bytes[offset] != expected {
        throw invalid(bytes[offset], "in literal \(word) (expecting '\(Character(Unicode.Scalar(expected)))')")
      }
      offset += 1
    }
    return result
  }

  private mutating func object(depth: Int) throws(PatchError) -> JSONValue {
    offset += 1
    var pairs: [(String, JSONValue)] = []
    var positions: [String: Int] = [:]
    skipSpace()
    guard offset < bytes.count else { throw endOfInput }
    if bytes[offset] == UInt8(ascii: "}") {
      offset += 1
      return .object(pairs)
    }
    while true {
      skipSpace()
      guard offset < bytes.count else { throw endOfInput }
      guard bytes[offset] == UInt8(ascii: "\"") else {
        throw invalid(bytes[offset], "looking for beginning of object key string")
      }
      let key = try string()
      skipSpace()
      guard offset < bytes.count else { throw endOfInput }
      guard bytes[offset] == UInt8(ascii: ":") else { throw invalid(bytes[offset], "after object key") }
      offset += 1
      skipSpace()
      let item = try value(depth: depth)
      if let existing = positions[key] {
        pairs[existing].1 = item
      } else {
        positions[key] = pairs.count
        pairs.append((key, item))
      }
      skipSpace()
      guard offset < bytes.count else { throw endOfInput }
      switch bytes[offset] {
      case UInt8(ascii: ","): offset += 1
      case UInt8(ascii: "}"):
        offset += 1
        return .object(pairs)
      case let other: throw invalid(other, "after object key:value pair")
      }
    }
  }

  private mutating func array(depth: Int) throws(PatchError) -> JSONValue {
    offset += 1
    var items: [JSONValue] = []
    skipSpace()
    guard offset < bytes.count else { throw endOfInput }
    if bytes[offset] == UInt8(ascii: "]") {
      offset += 1
      return .array(items)
    }
    while true {
      skipSpace()
      items.append(try value(depth: depth))
      skipSpace()
      guard offset < bytes.count else { throw endOfInput }
      switch bytes[offset] {
      case UInt8(ascii: ","): offset += 1
      case UInt8(ascii: "]"):
        offset += 1
        return .array(items)
      case let other: throw invalid(other, "after array element")
      }
    }
  }

  private mutating func string() throws(PatchError) -> String {
    offset += 1
    var scalars: [UInt8] = []
    while true {
      guard offset < bytes.count else { throw endOfInput }
      let byte = bytes[offset]
      switch byte {
      case UInt8(ascii: "\""):
        offset += 1
        return String(decoding: scalars, as: UTF8.self)
      case UInt8(ascii: "\\"):
        offset += 1
        guard offset < bytes.count else { throw endOfInput }
        let escape = bytes[offset]
        offset += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
        case UInt8(ascii: "b"): scalars.append(0x08)
        case UInt8(ascii: "f"): scalars.append(0x0C)
        case UInt8(ascii: "n"): scalars.append(0x0A)
        case UInt8(ascii: "r"): scalars.append(0x0D)
        case UInt8(ascii: "t"): scalars.append(0x09)
        case UInt8(ascii: "u"):
          var code: UInt32 = 0
          for _ in 0..<4 {
            guard offset < bytes.count else { throw endOfInput }
            guard let digit = hexDigit(bytes[offset]) else {
              throw invalid(bytes[offset], "in \\u hexadecimal character escape")
            }
            code = code * 16 + digit
            offset += 1
          }
          // Surrogate halves become U+FFFD here (Go pairs them; kubebook keeps it simple).
          let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
          scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
          offset -= 1
          throw invalid(escape, "in string escape code")
        }
      case 0..<0x20:
        throw invalid(byte, "in string literal")
      default:
        scalars.append(byte)
        offset += 1
      }
    }
  }

  private func hexDigit(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
    default: return nil
    }
  }

  /// A number as Go's scanner accepts it; whole numbers that fit become integers.
  private mutating func number() throws(PatchError) -> JSONValue {
    let start = offset
    func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    if bytes[offset] == UInt8(ascii: "-") {
      offset += 1
      guard offset < bytes.count else { throw endOfInput }
      guard isDigit(bytes[offset]) else { throw invalid(bytes[offset], "in numeric literal") }
    }
    if bytes[offset] == UInt8(ascii: "0") {
      offset += 1
    } else {
      while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
    }
    var isInteger = true
    if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
      isInteger = false
      offset += 1
      guard offset < bytes.count else { throw endOfInput }
      guard isDigit(bytes[offset]) else { throw invalid(bytes[offset], "after decimal point in numeric literal") }
      while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
    }
    if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
      isInteger = false
      offset += 1
      if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") {
        offset += 1
      }
      guard offset < bytes.count else { throw endOfInput }
      guard isDigit(bytes[offset]) else { throw invalid(bytes[offset], "in exponent of numeric literal") }
      while offset < bytes.count, isDigit(bytes[offset]) { offset += 1 }
    }
    let text = String(decoding: bytes[start..<offset], as: UTF8.self)
    if isInteger, let whole = Int64(text) { return .int(whole) }
    return .double(Double(text) ?? 0)
  }
}
