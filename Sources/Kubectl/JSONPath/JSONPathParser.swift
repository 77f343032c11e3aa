import KubeSim

/// A template kubectl's JSONPath parser refuses, with client-go's text for it.
struct JSONPathError: Error, Equatable, Sendable {
  /// The message, as `parser.go` or `jsonpath.go` words it (`unclosed action`).
  var message: String
}

/// client-go's JSONPath parser (`k8s.io/client-go/util/jsonpath/parser.go`), kubectl's
/// dialect: text and `{...}` actions, fields, `[...]` selections, filters, `..`, unions,
/// quoted text, numbers, booleans and the `range`/`end` keywords.
struct JSONPathParser {
  private let input: [Unicode.Scalar]
  private var position = 0
  private var start = 0
  private var width = 0

  /// A parser at the start of `text`.
  private init(_ text: String) { input = Array(text.unicodeScalars) }

  /// The top-level nodes of `text`: text nodes and one list per action.
  static func parse(_ text: String) throws(JSONPathError) -> [JSONPathNode] {
    var parser = JSONPathParser(text)
    return try parser.parseTemplate()
  }

  /// `parseAction`: `text` read as the inside of one action.
  private static func parseAction(_ text: String) throws(JSONPathError) -> [JSONPathNode] {
    let nodes = try parse("{" + text + "}")
    guard case .list(let inner) = nodes.first else { return [] }
    return inner
  }

  // MARK: Scanning

  /// The next scalar, or nil at the end.
  private mutating func next() -> Unicode.Scalar? {
    guard position < input.count else {
      width = 0
      return nil
    }
    width = 1
    position += 1
    return input[position - 1]
  }

  /// The next scalar without consuming it.
  private mutating func peek() -> Unicode.Scalar? {
    let scalar = next()
    backup()
    return scalar
  }

  /// Steps back over the scalar `next` returned.
  private mutating func backup() { position -= width }

  /// The text since the last call.
  private mutating func consumeText() -> String {
    var text = String.UnicodeScalarView()
    text.append(contentsOf: input[start..<position])
    start = position
    return String(text)
  }

  /// Whether the input continues with `prefix`.
  private func hasPrefix(_ prefix: String) -> Bool {
    let scalars = Array(prefix.unicodeScalars)
    guard position + scalars.count <= input.count else { return false }
    return Array(input[position..<(position + scalars.count)]) == scalars
  }

  /// The scalar two before the current position is a backslash (`p.input[p.pos-2]`).
  private func escapedBefore() -> Bool {
    position >= 2 && input[position - 2] == "\\"
  }

  // MARK: Grammar

  /// `parseText` and `parseLeftDelim`, as a loop: text up to each `{`, then the action.
  private mutating func parseTemplate() throws(JSONPathError) -> [JSONPathNode] {
    var root: [JSONPathNode] = []
    while true {
      while !hasPrefix("{") {
        if next() == nil {
          if position > start { root.append(.text(consumeText())) }
          return root
        }
      }
      if position > start { root.append(.text(consumeText())) }
      position += 1
      _ = consumeText()
      var action: [JSONPathNode] = []
      try parseInsideAction(&action)
      root.append(.list(action))
    }
  }

  /// The inside of one action, up to and including its `}`.
  private mutating func parseInsideAction(_ current: inout [JSONPathNode]) throws(JSONPathError) {
    while true {
      if hasPrefix("}") {
        position += 1
        _ = consumeText()
        return
      }
      if hasPrefix("[?(") {
        try parseFilter(&current)
        continue
      }
      if hasPrefix("..") {
        try parseRecursive(&current)
        continue
      }
      guard let scalar = next(), !Self.isEndOfLine(scalar) else {
        throw JSONPathError(message: "unclosed action")
      }
      switch scalar {
      case " ", "@", "$":
        _ = consumeText()
      case "[":
        try parseArray(&current)
      case "\"", "'":
        try parseQuote(&current, end: scalar)
      case ".":
        parseField(&current)
      case "+", "-":
        backup()
        try parseNumber(&current)
      default:
        if Self.isDigit(scalar) {
          backup()
          try parseNumber(&current)
        } else if Self.isAlphaNumeric(scalar) {
          backup()
          parseIdentifier(&current)
        } else {
          throw JSONPathError(message: "unrecognized character in action: \(Self.goUnicode(scalar))")
        }
      }
    }
  }

  /// A keyword (`range`, `end`) or boolean.
  private mutating func parseIdentifier(_ current: inout [JSONPathNode]) {
    while true {
      let scalar = next()
      if Self.isTerminator(scalar) {
        backup()
        break
      }
    }
    let value = consumeText()
    if value == "true" || value == "false" {
      current.append(.bool(value == "true"))
    } else {
      current.append(.identifier(value))
    }
  }

  /// `..`, and the field right after it.
  private mutating func parseRecursive(_ current: inout [JSONPathNode]) throws(JSONPathError) {
    if current.last == .recursive {
      throw JSONPathError(message: "invalid multiple recursive descent")
    }
    position += 2
    _ = consumeText()
    current.append(.recursive)
    if let scalar = peek(), Self.isAlphaNumeric(scalar) {
      parseField(&current)
    }
  }

  /// An integer or float literal.
  private mutating func parseNumber(_ current: inout [JSONPathNode]) throws(JSONPathError) {
    if let sign = peek(), sign == "+" || sign == "-" { _ = next() }
    while true {
      let scalar = next()
      guard let scalar, scalar == "." || Self.isDigit(scalar) else {
        backup()
        break
      }
    }
    let value = consumeText()
    if case .success(let number) = GoStrconv.atoi(value) {
      current.append(.int(number))
    } else if let number = Self.parseFloat(value) {
      current.append(.float(number))
    } else {
      throw JSONPathError(message: "cannot parse number \(value)")
    }
  }

  /// `[...]`: a union, a quoted key or a slice.
  private mutating func parseArray(_ current: inout [JSONPathNode]) throws(JSONPathError) {
    while true {
      guard let scalar = next(), scalar != "\n" else { throw JSONPathError(message: "unterminated array") }
      if scalar == "]" { break }
    }
    var text = String(consumeText().unicodeScalars.dropFirst().dropLast())
    if text == "*" { text = ":" }
    let parts = text.split(separator: ",", omittingEmptySubsequences: false)
    if parts.count > 1 {
      var union: [[JSONPathNode]] = []
      for part in parts {
        let trimmed = String(part).trimmingSpaces()
        union.append(try Self.parseAction("[\(trimmed)]"))
      }
      current.append(.union(union))
      return
    }
    // A quoted map key: `['name']`.
    let scalars = Array(text.unicodeScalars)
    if scalars.count >= 2, scalars.first == "'", scalars.last == "'", !scalars.dropFirst().dropLast().contains("'") {
      let key = String(String.UnicodeScalarView(scalars.dropFirst().dropLast()))
      current += try Self.parseAction(".\(key)")
      return
    }
    current.append(.array(try Self.sliceBounds(text)))
  }

  /// `sliceOperatorRex` (`^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$`) and the bounds it gives.
  private static func sliceBounds(_ text: String) throws(JSONPathError) -> [JSONPathSliceBound] {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
    let shaped = parts.allSatisfy { part in
      let digits = part.hasPrefix("-") ? part.dropFirst() : Substring(part)
      return digits.unicodeScalars.allSatisfy { $0.value >= 0x30 && $0.value <= 0x39 }
    }
    guard parts.count <= 3, shaped else { throw JSONPathError(message: "invalid array index \(text)") }
    var bounds: [JSONPathSliceBound] = []
    for index in 0..<3 {
      if index < parts.count, index == 0 ? !parts[0].isEmpty : true {
        let part = parts[index]
        if index > 0 && part.isEmpty {
          bounds.append(JSONPathSliceBound(value: 0, known: false))
        } else {
          guard case .success(let number) = GoStrconv.atoi(part) else {
            throw JSONPathError(message: "array index \(part) is not a number")
          }
          bounds.append(JSONPathSliceBound(value: number, known: true))
        }
      } else if index == 1 {
        bounds.append(JSONPathSliceBound(value: bounds[0].value &+ 1, known: true, derived: true))
      } else {
        bounds.append(JSONPathSliceBound(value: 0, known: false))
      }
    }
    return bounds
  }

  /// `[?(...)]`: a comparison or an existence test.
  private mutating func parseFilter(_ current: inout [JSONPathNode]) throws(JSONPathError) {
    position += 3
    _ = consumeText()
    var begin = false
    var end = false
    var pair: Unicode.Scalar = "\""
    scan: while true {
      guard let scalar = next(), scalar != "\n" else { throw JSONPathError(message: "unterminated filter") }
      switch scalar {
      case "\"", "'":
        if !begin {
          begin = true
          pair = scalar
          continue
        }
        if !escapedBefore() && scalar == pair { end = true }
      case ")":
        if begin == end { break scan }
      default:
        break
      }
    }
    if next() != "]" { throw JSONPathError(message: "unclosed array expect ]") }
    let text = String(consumeText().unicodeScalars.dropLast(2))
    if let (left, op, right) = Self.splitComparison(text) {
      current.append(
        .filter(left: try Self.parseAction(left), right: try Self.parseAction(right), operator: op))
    } else {
      current.append(.filter(left: try Self.parseAction(text), right: [], operator: "exists"))
    }
  }

  /// The regular expression `^([^!<>=]+)([!<>=]+)(.+?)$` of `parseFilter`.
  private static func splitComparison(_ text: String) -> (String, String, String)? {
    let scalars = Array(text.unicodeScalars)
    let isOperator = { (scalar: Unicode.Scalar) in "!<>=".unicodeScalars.contains(scalar) }
    guard let first = scalars.firstIndex(where: isOperator), first > 0 else { return nil }
    guard !scalars[..<first].contains("\n") else { return nil }
    var last = first
    while last < scalars.count, isOperator(scalars[last]) { last += 1 }
    if last == scalars.count { last -= 1 }
    guard last > first, last < scalars.count, !scalars[last...].contains("\n") else { return nil }
    let piece = { (range: Range<Int>) in String(String.UnicodeScalarView(scalars[range])) }
    return (piece(0..<first), piece(first..<last), piece(last..<scalars.count))
  }

  /// A quoted literal, unquoted.
  private mutating func parseQuote(_ current: inout [JSONPathNode], end: Unicode.Scalar) throws(JSONPathError) {
    while true {
      guard let scalar = next(), scalar != "\n" else {
        throw JSONPathError(message: "unterminated quoted string")
      }
      if scalar == end && !escapedBefore() { break }
    }
    let value = consumeText()
    guard let text = GoUnquote.unquoteExtend(value) else {
      throw JSONPathError(message: "unquote string \(value) error invalid syntax")
    }
    current.append(.text(text))
  }

  /// `.name` (backslashes removed) or `.*`.
  private mutating func parseField(_ current: inout [JSONPathNode]) {
    _ = consumeText()
    while advance() {}
    let value = consumeText()
    if value == "*" {
      current.append(.wildcard)
    } else {
      current.append(.field(value.replacingAll("\\", with: "")))
    }
  }

  /// Scans to the next terminator that is not escaped with a backslash.
  private mutating func advance() -> Bool {
    let scalar = next()
    if scalar == "\\" {
      _ = next()
    } else if Self.isTerminator(scalar) {
      backup()
      return false
    }
    return true
  }

  // MARK: Character classes

  /// Whether the scalar ends a field or identifier.
  private static func isTerminator(_ scalar: Unicode.Scalar?) -> Bool {
    guard let scalar else { return true }
    return " \t\r\n.,[]$@{}".unicodeScalars.contains(scalar)
  }

  /// A carriage return or line feed.
  private static func isEndOfLine(_ scalar: Unicode.Scalar) -> Bool { scalar == "\r" || scalar == "\n" }

  /// `unicode.IsDigit`.
  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.numericType == .decimal
  }

  /// An underscore, letter or digit.
  private static func isAlphaNumeric(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || scalar.properties.isAlphabetic && isGoLetter(scalar) || isDigit(scalar)
  }

  /// `unicode.IsLetter`: the general categories Lu, Ll, Lt, Lm and Lo.
  private static func isGoLetter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
    default: return false
    }
  }

  /// Go's `%#U`: `U+007E '~'` (without the character when it is not printable).
  private static func goUnicode(_ scalar: Unicode.Scalar) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    return GoUnquote.isPrint(scalar) ? "\(code) '\(Character(scalar))'" : code
  }

  /// `strconv.ParseFloat` for the digits-and-dots text `parseNumber` collects.
  private static func parseFloat(_ text: String) -> Double? {
    let body = text.hasPrefix("+") || text.hasPrefix("-") ? text.dropFirst() : Substring(text)
    guard body.contains(where: { $0 != "." }), body.filter({ $0 == "." }).count <= 1 else { return nil }
    return Double(text.hasPrefix("+") ? String(text.dropFirst()) : text)
  }
}

extension String {
  /// The string without leading and trailing spaces (Go's `strings.Trim(s, " ")`).
  func trimmingSpaces() -> String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }

  /// The string with every `target` replaced by `replacement`.
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
