/// One item of Go's `text/template` lexer (`parse/lex.go`): its kind, byte offset, text and
/// the line it starts on.
struct GoTemplateToken: Equatable, Sendable {
  /// Go's `itemType`; the cases after `keyword` print as `<word>` in errors.
  enum Kind: Int, Sendable, Comparable {
    case error, bool, char, charConstant, complex, assign, declare, eof, field, identifier
    case leftDelim, leftParen, number, pipe, rawString, rightDelim, rightParen, space, string, text, variable
    case keyword, block, breakKeyword, continueKeyword, dot, define, elseKeyword, end, ifKeyword, nilKeyword
    case range, template, with

    /// Go's order of item types (keywords sort after `keyword`).
    static func < (left: Kind, right: Kind) -> Bool { left.rawValue < right.rawValue }

    /// The keyword a word spells, as Go's `key` table has it.
    static func keyword(_ word: String) -> Kind? {
      switch word {
      case ".": return .dot
      case "block": return .block
      case "break": return .breakKeyword
      case "continue": return .continueKeyword
      case "define": return .define
      case "else": return .elseKeyword
      case "end": return .end
      case "if": return .ifKeyword
      case "range": return .range
      case "nil": return .nilKeyword
      case "template": return .template
      case "with": return .with
      default: return nil
      }
    }
  }

  var kind: Kind
  /// Byte offset in the template.
  var position: Int
  var value: String
  var line: Int

  /// Go's `item.String()`, as parse errors quote a token.
  var description: String {
    switch kind {
    case .eof: return "EOF"
    case .error: return value
    case _ where kind > .keyword: return "<\(value)>"
    case _ where value.unicodeScalars.count > 10:
      var prefix = String.UnicodeScalarView()
      prefix.append(contentsOf: value.unicodeScalars.prefix(10))
      return GoUnquote.quote(String(prefix)) + "..."
    default: return GoUnquote.quote(value)
    }
  }
}
