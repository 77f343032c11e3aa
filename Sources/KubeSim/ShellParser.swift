/// Parses a container shell script (`sh -c SCRIPT`) into a ``ShellScript``: simple commands
/// with assignments and redirections, `;`, `&&`, `||`, newlines, `while`/`until`, `for` and
/// `if`. Pipes, background jobs, subshells, groups, `case` and functions are refused by name
/// (``ShellFailure/unsupported(_:)``), never guessed at. Nesting is bounded at 64 levels.
struct ShellParser {
  let tokens: [ShellLexer.Token]
  var index = 0
  var depth = 0

  /// The words that end a list inside a compound command.
  static let closers: Set<String> = ["do", "done", "then", "elif", "else", "fi"]

  /// The parsed script, or the reason it cannot be run.
  static func parse(_ script: String) throws(ShellFailure) -> ShellScript {
    let tokens: [ShellLexer.Token]
    do {
      tokens = try ShellLexer.tokens(script)
    } catch {
      switch error {
      case .unterminatedQuote: throw .syntax(.unterminatedQuote)
      case .unsupported(let what): throw .unsupported(what)
      }
    }
    var parser = ShellParser(tokens: tokens)
    let list = try parser.list()
    if parser.index < tokens.count { throw .syntax(.unexpected(parser.describe(tokens[parser.index]))) }
    return list
  }

  /// The token at the cursor, if any.
  var current: ShellLexer.Token? { index < tokens.count ? tokens[index] : nil }

  /// The reserved word at the current token, if it is one.
  var reserved: String? {
    guard case .word(let word)? = current, let text = word.plain else { return nil }
    return text
  }

  /// How the shells name `token` in a syntax error.
  func describe(_ token: ShellLexer.Token) -> String {
    switch token {
    case .word(let word): return word.plain ?? "word"
    case .op(let text, _): return text
    case .newline: return "newline"
    }
  }

  /// Skips newline tokens.
  mutating func skipNewlines() {
    while current == .newline { index += 1 }
  }

  /// Commands separated by `;` or newlines, up to the end or a closing reserved word.
  mutating func list() throws(ShellFailure) -> ShellScript {
    var items: [ShellScript] = []
    skipNewlines()
    while let token = current {
      if let word = reserved, Self.closers.contains(word) { break }
      if case .op(let text, _) = token, !["(", "<", ">", ">>", ">&"].contains(text) {
        throw .syntax(.unexpected(text))
      }
      items.append(try andOr())
      guard let separator = current else { break }
      if separator == .newline || separator == .op(";", descriptor: nil) {
        index += 1
        skipNewlines()
        continue
      }
      if separator == .op("&", descriptor: nil) { throw .unsupported("& (background jobs)") }
      break
    }
    return items.count == 1 ? items[0] : .sequence(items)
  }

  /// Pipelines joined by `&&` and `||`, left to right.
  mutating func andOr() throws(ShellFailure) -> ShellScript {
    var left = try command()
    while case .op(let text, nil)? = current, text == "&&" || text == "||" {
      index += 1
      skipNewlines()
      let right = try command()
      left = text == "&&" ? .and(left, right) : .or(left, right)
    }
    if case .op("|", nil)? = current { throw .unsupported("| (pipes)") }
    return left
  }

  /// A compound or simple command.
  mutating func command() throws(ShellFailure) -> ShellScript {
    depth += 1
    defer { depth -= 1 }
    if depth > 64 { throw .unsupported("commands nested more than 64 levels deep") }
    guard let token = current else { throw .syntax(.unexpectedEnd(expecting: nil)) }
    if case .op(let text, _) = token {
      if text == "(" { throw .unsupported("( ) subshells") }
      if !["<", ">", ">>", ">&"].contains(text) { throw .syntax(.unexpected(text)) }
    }
    switch reserved {
    case "while", "until":
      let until = reserved == "until"
      index += 1
      let condition = try list()
      try expect("do")
      let body = try list()
      try expect("done")
      return .loop(condition: condition, body: body, until: until)
    case "for":
      index += 1
      guard case .word(let word)? = current, let name = word.plain, ShellLexer.isName(name) else {
        throw current.map { .syntax(.unexpected(describe($0))) } ?? .syntax(.unexpectedEnd(expecting: nil))
      }
      index += 1
      var words: [ShellWord] = []
      skipNewlines()
      if reserved == "in" {
        index += 1
        while case .word(let item)? = current {
          words.append(item)
          index += 1
        }
      } else {
        words = [ShellWord(parts: [.variable("@", quoted: true)])]
      }
      if case .op(";", nil)? = current { index += 1 }
      skipNewlines()
      try expect("do")
      let body = try list()
      try expect("done")
      return .forEach(name: name, words: words, body: body)
    case "if":
      index += 1
      return try choice()
    case "{", "}", "!", "case", "function", "[[", "select":
      throw .unsupported(reserved ?? "")
    case let word? where Self.closers.contains(word) || word == "in" || word == "esac":
      throw .syntax(.unexpected(word))
    default:
      return .simple(try simple())
    }
  }

  /// The rest of `if` (after the `if` or `elif` word).
  mutating func choice() throws(ShellFailure) -> ShellScript {
    let condition = try list()
    try expect("then")
    let then = try list()
    switch reserved {
    case "elif":
      index += 1
      return .choice(condition: condition, then: then, otherwise: try choice())
    case "else":
      index += 1
      let otherwise = try list()
      try expect("fi")
      return .choice(condition: condition, then: then, otherwise: otherwise)
    default:
      try expect("fi")
      return .choice(condition: condition, then: then, otherwise: nil)
    }
  }

  /// Consumes the reserved word `word` or fails as the shell does.
  mutating func expect(_ word: String) throws(ShellFailure) {
    guard let token = current else { throw .syntax(.unexpectedEnd(expecting: word)) }
    guard reserved == word else { throw .syntax(.unexpected(describe(token))) }
    index += 1
  }

  /// Assignments, words and redirections up to an operator or newline.
  mutating func simple() throws(ShellFailure) -> ShellCommandLine {
    var line = ShellCommandLine()
    while let token = current {
      switch token {
      case .newline:
        return line
      case .op(let text, let descriptor):
        let kind: ShellRedirection.Kind
        switch text {
        case ">": kind = .write
        case ">>": kind = .append
        case "<": kind = .read
        case ">&": kind = .duplicate(0)
        case "<<": throw .unsupported("<< here-documents")
        default: return line
        }
        index += 1
        guard case .word(let target)? = current else {
          throw current.map { .syntax(.unexpected(describe($0))) } ?? .syntax(.unexpectedEnd(expecting: nil))
        }
        index += 1
        var redirection = ShellRedirection(
          descriptor: descriptor ?? (kind == .read ? 0 : 1), kind: kind, target: target)
        if kind == .duplicate(0) {
          guard let number = target.plain.flatMap({ Int($0) }), number == 1 || number == 2 else {
            throw .unsupported(">&" + (target.plain ?? "WORD"))
          }
          redirection.kind = .duplicate(number)
        }
        line.redirections.append(redirection)
      case .word(let word):
        index += 1
        if line.words.isEmpty, let text = word.parts.first, case .literal(let literal, false) = text,
          let equals = literal.firstIndex(of: "="), ShellLexer.isName(String(literal[..<equals]))
        {
          var value = word
          let rest = String(literal[literal.index(after: equals)...])
          value.parts[0] = .literal(rest, quoted: false)
          line.assignments.append((String(literal[..<equals]), value))
        } else {
          line.words.append(word)
        }
      }
    }
    return line
  }
}

/// Why kubebook's shell cannot run a script: a syntax error the real shell reports too, or
/// something kubebook's shell does not run.
public enum ShellFailure: Error, Sendable, Equatable {
  case syntax(ShellSyntaxError)
  case unsupported(String)
}

/// A syntax error, worded per shell by ``ShellTools``.
public enum ShellSyntaxError: Sendable, Equatable {
  case unexpected(String)
  case unexpectedEnd(expecting: String?)
  case unterminatedQuote
}
