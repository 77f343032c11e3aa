/// Splits a shell script into words and operators as POSIX `sh` does (quotes, `\`, `$NAME`,
/// `${NAME}`, `$(...)` and backquotes, comments, `N>` descriptors). Bounded by the script's
/// length: every step consumes at least one character.
struct ShellLexer {
  /// One token of a script.
  enum Token: Sendable, Equatable {
    case word(ShellWord)
    /// `;`, `&&`, `||`, `|`, `&`, `(`, `)`, `;;`, or a redirection `>`, `>>`, `<`, `>&` with its
    /// descriptor (`2>`).
    case op(String, descriptor: Int?)
    case newline
  }

  /// What stops lexing.
  enum Failure: Error, Sendable, Equatable {
    case unterminatedQuote
    case unsupported(String)
  }

  let characters: [Character]
  var index = 0

  /// A lexer at the start of `script`.
  init(_ script: String) { characters = Array(script) }

  /// All tokens of the script.
  static func tokens(_ script: String) throws(Failure) -> [Token] {
    var lexer = ShellLexer(script)
    var tokens: [Token] = []
    while let token = try lexer.next() { tokens.append(token) }
    return tokens
  }

  /// The character at the cursor, if any.
  var current: Character? { index < characters.count ? characters[index] : nil }

  /// The character `offset` places ahead, if any.
  func peek(_ offset: Int) -> Character? {
    index + offset < characters.count ? characters[index + offset] : nil
  }

  /// The next token, or nil at the end.
  mutating func next() throws(Failure) -> Token? {
    while let character = current, character == " " || character == "\t" { index += 1 }
    guard let character = current else { return nil }
    if character == "#" {
      while let c = current, c != "\n" { index += 1 }
      return try next()
    }
    if character == "\n" {
      index += 1
      return .newline
    }
    if let op = operatorToken(descriptor: nil) { return op }
    var word = ShellWord()
    var literal = ""
    func flush() {
      if !literal.isEmpty { word.parts.append(.literal(literal, quoted: false)) }
      literal = ""
    }
    while let c = current {
      if c == " " || c == "\t" || c == "\n" || ";&|()<>".contains(c) {
        // `2>`: a word of digits right before a redirection is its descriptor.
        if (c == ">" || c == "<"), word.parts.isEmpty, !literal.isEmpty, literal.count == 1,
          let descriptor = Int(literal)
        {
          return operatorToken(descriptor: descriptor)
        }
        break
      }
      switch c {
      case "\\":
        index += 1
        if let escaped = current {
          index += 1
          if escaped != "\n" {
            flush()
            word.parts.append(.literal(String(escaped), quoted: true))
          }
        }
      case "'":
        flush()
        index += 1
        var text = ""
        while let q = current, q != "'" {
          text.append(q)
          index += 1
        }
        guard current == "'" else { throw .unterminatedQuote }
        index += 1
        word.parts.append(.literal(text, quoted: true))
      case "\"":
        flush()
        index += 1
        try doubleQuoted(into: &word)
      case "$":
        flush()
        try dollar(into: &word, quoted: false)
      case "`":
        flush()
        word.parts.append(.substitution(try backquoted(), quoted: false))
      default:
        literal.append(c)
        index += 1
      }
    }
    flush()
    return .word(word)
  }

  /// An operator at the current character, consumed, or nil.
  mutating func operatorToken(descriptor: Int?) -> Token? {
    guard let first = current, ";&|()<>".contains(first) else { return nil }
    let pair = String(first) + (peek(1).map { String($0) } ?? "")
    let ops = ["&&", "||", ";;", ">>", ">&", "<<"]
    if ops.contains(pair) {
      index += 2
      return .op(pair, descriptor: descriptor)
    }
    index += 1
    return .op(String(first), descriptor: descriptor)
  }

  /// The rest of a `"..."` string (after the opening quote), appended as quoted parts.
  mutating func doubleQuoted(into word: inout ShellWord) throws(Failure) {
    var text = ""
    func flush() {
      word.parts.append(.literal(text, quoted: true))
      text = ""
    }
    while let c = current, c != "\"" {
      switch c {
      case "\\":
        if let escaped = peek(1), "$`\"\\\n".contains(escaped) {
          if escaped != "\n" { text.append(escaped) }
          index += 2
        } else {
          text.append(c)
          index += 1
        }
      case "$":
        flush()
        try dollar(into: &word, quoted: true)
      case "`":
        flush()
        word.parts.append(.substitution(try backquoted(), quoted: true))
      default:
        text.append(c)
        index += 1
      }
    }
    guard current == "\"" else { throw .unterminatedQuote }
    index += 1
    flush()
  }

  /// `$NAME`, `${NAME}`, `$?`, `$1`, `$(...)`; a lone `$` is literal.
  mutating func dollar(into word: inout ShellWord, quoted: Bool) throws(Failure) {
    index += 1
    guard let c = current else {
      word.parts.append(.literal("$", quoted: quoted))
      return
    }
    if c == "(" {
      if peek(1) == "(" { throw .unsupported("$((...)) arithmetic") }
      index += 1
      var depth = 1
      var text = ""
      while let d = current {
        if d == "(" { depth += 1 }
        if d == ")" {
          depth -= 1
          if depth == 0 { break }
        }
        text.append(d)
        index += 1
      }
      guard current == ")" else { throw .unterminatedQuote }
      index += 1
      word.parts.append(.substitution(text, quoted: quoted))
      return
    }
    if c == "{" {
      index += 1
      var name = ""
      while let d = current, d != "}" {
        name.append(d)
        index += 1
      }
      guard current == "}" else { throw .unterminatedQuote }
      index += 1
      guard Self.isName(name) || ["?", "#", "$"].contains(name) || Int(name) != nil else {
        throw .unsupported("${\(name)}")
      }
      word.parts.append(.variable(name, quoted: quoted))
      return
    }
    if "?#$!@*-".contains(c) || c.isNumber {
      index += 1
      word.parts.append(.variable(String(c), quoted: quoted))
      return
    }
    var name = ""
    while let d = current, d == "_" || (d.isASCII && (d.isLetter || d.isNumber)) {
      name.append(d)
      index += 1
    }
    word.parts.append(name.isEmpty ? .literal("$", quoted: quoted) : .variable(name, quoted: quoted))
  }

  /// The text of a `` `...` `` substitution (after the opening backquote).
  mutating func backquoted() throws(Failure) -> String {
    index += 1
    var text = ""
    while let c = current, c != "`" {
      text.append(c)
      index += 1
    }
    guard current == "`" else { throw .unterminatedQuote }
    index += 1
    return text
  }

  /// Whether `text` is a variable name.
  static func isName(_ text: String) -> Bool {
    guard let first = text.first, first == "_" || (first.isASCII && first.isLetter) else { return false }
    return text.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
  }
}
