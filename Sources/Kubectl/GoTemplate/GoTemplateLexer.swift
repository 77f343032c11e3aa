/// Go's `text/template` lexer (`parse/lex.go`) with the default `{{` `}}` delimiters: the
/// whole template as tokens, ending with `eof` or the first `error`. It works on bytes, as Go
/// does, so positions are byte offsets.
struct GoTemplateLexer {
  private let input: [UInt8]
  private var position = 0
  private var start = 0
  private var line = 1
  private var startLine = 1
  private var parenDepth = 0
  private var tokens: [GoTemplateToken] = []

  /// The tokens of `text`.
  static func tokens(_ text: String) -> [GoTemplateToken] {
    var lexer = GoTemplateLexer(input: Array(text.utf8))
    lexer.run()
    return lexer.tokens
  }

  /// A lexer over the template's bytes.
  private init(input: [UInt8]) { self.input = input }

  /// The states of Go's lexer.
  private enum State { case text, leftDelim, comment, rightDelim, insideAction, done }

  /// Runs the state machine to the end or the first error. Every state consumes input or
  /// moves to a state that does, so the loop ends.
  private mutating func run() {
    var state = State.text
    while state != .done {
      switch state {
      case .text: state = lexText()
      case .leftDelim: state = lexLeftDelim()
      case .comment: state = lexComment()
      case .rightDelim: state = lexRightDelim()
      case .insideAction: state = lexInsideAction()
      case .done: break
      }
    }
  }

  // MARK: Reading

  /// The scalar at `position` (its value and byte width), or nil at the end.
  private func scalar(at offset: Int) -> (value: UInt32, width: Int)? {
    guard offset < input.count else { return nil }
    let first = input[offset]
    if first < 0x80 { return (UInt32(first), 1) }
    var width = 1
    if first & 0xE0 == 0xC0 {
      width = 2
    } else if first & 0xF0 == 0xE0 {
      width = 3
    } else if first & 0xF8 == 0xF0 {
      width = 4
    }
    guard offset + width <= input.count else { return (0xFFFD, 1) }
    var value = UInt32(first) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
    for byte in input[(offset + 1)..<(offset + width)] {
      guard byte & 0xC0 == 0x80 else { return (0xFFFD, 1) }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    return width == 1 ? (0xFFFD, 1) : (value, width)
  }

  /// The next scalar, consumed (nil at the end).
  private mutating func next() -> UInt32? {
    guard let (value, width) = scalar(at: position) else { return nil }
    position += width
    if value == 0x0A { line += 1 }
    return value
  }

  /// Steps back over the scalar before `position`.
  private mutating func backup(_ value: UInt32?) {
    guard let value else { return }
    var width = 1
    while width < 4, position - width > 0, input[position - width] & 0xC0 == 0x80 { width += 1 }
    position -= min(width, position)
    if value == 0x0A { line -= 1 }
  }

  /// The next scalar without consuming it.
  private func peek() -> UInt32? { scalar(at: position)?.value }

  /// Whether the input at `offset` starts with `text`.
  private func hasPrefix(_ text: String, at offset: Int) -> Bool {
    let bytes = Array(text.utf8)
    guard offset >= 0, offset + bytes.count <= input.count else { return false }
    return Array(input[offset..<(offset + bytes.count)]) == bytes
  }

  /// The template's text in `range`.
  private func text(_ range: Range<Int>) -> String { String(decoding: input[range], as: UTF8.self) }

  /// Appends the item from `start` to `position` and moves on.
  private mutating func emit(_ kind: GoTemplateToken.Kind) {
    tokens.append(GoTemplateToken(kind: kind, position: start, value: text(start..<position), line: startLine))
    start = position
    startLine = line
  }

  /// Skips the text from `start` to `position`.
  private mutating func ignore() {
    line += input[start..<position].filter { $0 == 0x0A }.count
    start = position
    startLine = line
  }

  /// Appends an error item and stops.
  private mutating func error(_ message: String) -> State {
    tokens.append(GoTemplateToken(kind: .error, position: start, value: message, line: startLine))
    return .done
  }

  // MARK: States

  /// Go's `isSpace` for a byte: space, tab, carriage return, newline.
  private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }

  /// Go's `isSpace` for a scalar (false at the end).
  private static func isSpace(_ value: UInt32?) -> Bool { value.map { $0 < 0x80 && isSpace(UInt8($0)) } ?? false }

  /// Go's `isAlphaNumeric`: `_`, a letter or a digit.
  private static func isAlphaNumeric(_ value: UInt32?) -> Bool {
    guard let value, let scalar = Unicode.Scalar(value) else { return false }
    if value == 0x5F { return true }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
      return true
    default: return false
    }
  }

  /// Whether `- ` (a left trim marker) starts at `offset`.
  private func hasLeftTrimMarker(at offset: Int) -> Bool {
    offset + 1 < input.count && input[offset] == UInt8(ascii: "-") && Self.isSpace(input[offset + 1])
  }

  /// Whether ` -` (a right trim marker) starts at `offset`.
  private func hasRightTrimMarker(at offset: Int) -> Bool {
    offset >= 0 && offset + 1 < input.count && Self.isSpace(input[offset]) && input[offset + 1] == UInt8(ascii: "-")
  }

  /// Whether a right delimiter (with or without trim marker) starts here.
  private func atRightDelim() -> (delim: Bool, trim: Bool) {
    if hasRightTrimMarker(at: position) && hasPrefix("}}", at: position + 2) { return (true, true) }
    return (hasPrefix("}}", at: position), false)
  }

  /// Text up to the next `{{`, trimmed before a `{{- `.
  private mutating func lexText() -> State {
    var found: Int?
    var offset = position
    while offset + 1 < input.count {
      if input[offset] == UInt8(ascii: "{") && input[offset + 1] == UInt8(ascii: "{") {
        found = offset
        break
      }
      offset += 1
    }
    guard let delimiter = found else {
      position = input.count
      if position > start {
        line += input[start..<position].filter { $0 == 0x0A }.count
        emit(.text)
      }
      emit(.eof)
      return .done
    }
    position = delimiter
    var trimLength = 0
    if hasLeftTrimMarker(at: position + 2) {
      var end = position
      while end > start, Self.isSpace(input[end - 1]) { end -= 1 }
      trimLength = position - end
    }
    position -= trimLength
    if position > start {
      line += input[start..<position].filter { $0 == 0x0A }.count
      emit(.text)
    }
    position += trimLength
    ignore()
    return .leftDelim
  }

  /// `{{` (and its trim marker), or the start of a comment.
  private mutating func lexLeftDelim() -> State {
    position += 2
    let trim = hasLeftTrimMarker(at: position)
    let afterMarker = trim ? 2 : 0
    if hasPrefix("/*", at: position + afterMarker) {
      position += afterMarker
      ignore()
      return .comment
    }
    emit(.leftDelim)
    position += afterMarker
    ignore()
    parenDepth = 0
    return .insideAction
  }

  /// `/* ... */` up to its closing delimiter.
  private mutating func lexComment() -> State {
    position += 2
    var offset = position
    var found = false
    while offset + 1 < input.count {
      if input[offset] == UInt8(ascii: "*") && input[offset + 1] == UInt8(ascii: "/") {
        found = true
        break
      }
      offset += 1
    }
    guard found else { return error("unclosed comment") }
    position = offset + 2
    let (delim, trim) = atRightDelim()
    guard delim else { return error("comment ends before closing delimiter") }
    if trim { position += 2 }
    position += 2
    if trim { while position < input.count, Self.isSpace(input[position]) { position += 1 } }
    ignore()
    return .text
  }

  /// `}}` (and its trim marker, trimming the text after it).
  private mutating func lexRightDelim() -> State {
    let trim = hasRightTrimMarker(at: position)
    if trim {
      position += 2
      ignore()
    }
    position += 2
    emit(.rightDelim)
    if trim {
      while position < input.count, Self.isSpace(input[position]) { position += 1 }
      ignore()
    }
    return .text
  }

  /// One item inside an action.
  private mutating func lexInsideAction() -> State {
    if atRightDelim().delim {
      return parenDepth == 0 ? .rightDelim : error("unclosed left paren")
    }
    guard let scalar = next() else { return error("unclosed action") }
    switch scalar {
    case _ where Self.isSpace(scalar):
      backup(scalar)
      return lexSpace()
    case 0x3D: emit(.assign)
    case 0x3A:
      guard next() == 0x3D else { return error("expected :=") }
      emit(.declare)
    case 0x7C: emit(.pipe)
    case 0x22: return lexQuote()
    case 0x60: return lexRawQuote()
    case 0x24: return lexVariable()
    case 0x27: return lexChar()
    case 0x2E:
      if position < input.count, input[position] < UInt8(ascii: "0") || input[position] > UInt8(ascii: "9") {
        return lexFieldOrVariable(.field)
      }
      backup(scalar)
      return lexNumber()
    case 0x2B, 0x2D, 0x30...0x39:
      backup(scalar)
      return lexNumber()
    case _ where Self.isAlphaNumeric(scalar):
      backup(scalar)
      return lexIdentifier()
    case 0x28:
      emit(.leftParen)
      parenDepth += 1
    case 0x29:
      if parenDepth == 0 { return error("unexpected right paren") }
      emit(.rightParen)
      parenDepth -= 1
    case 0x20...0x7E: emit(.char)
    default: return error("unrecognized character in action: \(Self.describeRune(scalar))")
    }
    return .insideAction
  }

  /// A run of spaces, unless it belongs to a ` -}}`.
  private mutating func lexSpace() -> State {
    var count = 0
    while Self.isSpace(peek()) {
      _ = next()
      count += 1
    }
    if hasRightTrimMarker(at: position - 1) && hasPrefix("}}", at: position + 1) {
      backup(UInt32(input[position - 1]))
      if count == 1 { return .rightDelim }
    }
    emit(.space)
    return .insideAction
  }

  /// A keyword, `true`/`false` or a function name.
  private mutating func lexIdentifier() -> State {
    while Self.isAlphaNumeric(peek()) { _ = next() }
    let word = text(start..<position)
    guard atTerminator() else { return error("bad character \(Self.describeRune(peek()))") }
    if let keyword = GoTemplateToken.Kind.keyword(word) {
      emit(keyword)
    } else if word == "true" || word == "false" {
      emit(.bool)
    } else {
      emit(.identifier)
    }
    return .insideAction
  }

  /// `$` or `$name`.
  private mutating func lexVariable() -> State {
    if atTerminator() {
      emit(.variable)
      return .insideAction
    }
    return lexFieldOrVariable(.variable)
  }

  /// `.name` or `$name` (a lone `.` is the dot).
  private mutating func lexFieldOrVariable(_ kind: GoTemplateToken.Kind) -> State {
    if atTerminator() {
      emit(kind == .variable ? .variable : .dot)
      return .insideAction
    }
    while Self.isAlphaNumeric(peek()) { _ = next() }
    guard atTerminator() else { return error("bad character \(Self.describeRune(peek()))") }
    emit(kind)
    return .insideAction
  }

  /// Whether what follows may end a word: space, end, `.`, `,`, `|`, `:`, parens or `}}`.
  private func atTerminator() -> Bool {
    guard let scalar = peek() else { return true }
    if Self.isSpace(scalar) { return true }
    switch scalar {
    case 0x2E, 0x2C, 0x7C, 0x3A, 0x29, 0x28: return true
    default: return hasPrefix("}}", at: position)
    }
  }

  /// A character constant `'x'`.
  private mutating func lexChar() -> State {
    while true {
      let scalar = next()
      if scalar == 0x5C {
        let escaped = next()
        if escaped != nil && escaped != 0x0A { continue }
        return error("unterminated character constant")
      }
      if scalar == nil || scalar == 0x0A { return error("unterminated character constant") }
      if scalar == 0x27 { break }
    }
    emit(.charConstant)
    return .insideAction
  }

  /// A number (Go's syntax, with an imaginary part refused later).
  private mutating func lexNumber() -> State {
    guard scanNumber() else { return error("bad number syntax: \(GoUnquote.quote(text(start..<position)))") }
    if let sign = peek(), sign == 0x2B || sign == 0x2D {
      guard scanNumber(), input[position - 1] == UInt8(ascii: "i") else {
        return error("bad number syntax: \(GoUnquote.quote(text(start..<position)))")
      }
      emit(.complex)
    } else {
      emit(.number)
    }
    return .insideAction
  }

  /// Consumes the next scalar if it is one of `valid`.
  private mutating func accept(_ valid: String) -> Bool {
    if let scalar = next() {
      if scalar < 0x80, valid.utf8.contains(UInt8(scalar)) { return true }
      backup(scalar)
    }
    return false
  }

  /// Consumes scalars while they are in `valid`.
  private mutating func acceptRun(_ valid: String) {
    while accept(valid) {}
  }

  /// Go's `scanNumber`: sign, base prefix, digits, fraction, exponent.
  private mutating func scanNumber() -> Bool {
    _ = accept("+-")
    var digits = "0123456789_"
    if accept("0") {
      if accept("xX") {
        digits = "0123456789abcdefABCDEF_"
      } else if accept("oO") {
        digits = "01234567_"
      } else if accept("bB") {
        digits = "01_"
      }
    }
    acceptRun(digits)
    if accept(".") { acceptRun(digits) }
    if digits.count == 11 && accept("eE") {
      _ = accept("+-")
      acceptRun("0123456789_")
    }
    if digits.count == 23 && accept("pP") {
      _ = accept("+-")
      acceptRun("0123456789_")
    }
    _ = accept("i")
    if Self.isAlphaNumeric(peek()) {
      _ = next()
      return false
    }
    return true
  }

  /// A double-quoted string.
  private mutating func lexQuote() -> State {
    while true {
      let scalar = next()
      if scalar == 0x5C {
        let escaped = next()
        if escaped != nil && escaped != 0x0A { continue }
        return error("unterminated quoted string")
      }
      if scalar == nil || scalar == 0x0A { return error("unterminated quoted string") }
      if scalar == 0x22 { break }
    }
    emit(.string)
    return .insideAction
  }

  /// A back-quoted raw string.
  private mutating func lexRawQuote() -> State {
    while true {
      let scalar = next()
      if scalar == nil { return error("unterminated raw quoted string") }
      if scalar == 0x60 { break }
    }
    emit(.rawString)
    return .insideAction
  }

  /// Go's `%#U`: `U+0029 ')'` (the character only when printable), `U+FFFFFFFFFFFFFFFF` at the end.
  static func describeRune(_ value: UInt32?) -> String {
    guard let value else { return "U+FFFFFFFFFFFFFFFF" }
    var hex = String(value, radix: 16, uppercase: true)
    if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
    if let scalar = Unicode.Scalar(value), GoUnquote.isPrint(scalar) { return "U+\(hex) '\(Character(scalar))'" }
    return "U+\(hex)"
  }
}
