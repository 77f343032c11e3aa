/// A parsed field selector (`apimachinery/pkg/fields/selector.go`, `ParseSelector`):
/// comma-separated `field=value`, `field==value` and `field!=value` terms, all of which must
/// hold. A value escapes `\`, `,` and `=` with a backslash; a field cannot escape anything.
public struct FieldSelector: Sendable, Equatable {
  /// One term on one field.
  public struct Term: Sendable, Equatable {
    /// The field's name as written (`status.phase`).
    public var field: String
    /// The unescaped value the field is compared with.
    public var value: String
    /// Whether the field must differ from the value (`!=`) rather than equal it.
    public var negated: Bool

    /// Creates a term.
    public init(field: String, value: String, negated: Bool) {
      self.field = field
      self.value = value
      self.negated = negated
    }

    /// Whether `fields` satisfy the term; a field the set lacks reads as empty (`Set.Get`).
    public func matches(_ fields: [String: String]) -> Bool {
      (fields[field] ?? "") == value ? !negated : negated
    }
  }

  /// The terms, in the order `ParseSelector` keeps them (sorted by their text).
  public var terms: [Term]

  /// A selector that matches everything.
  public static let everything = FieldSelector(terms: [])

  /// Creates a selector from terms.
  public init(terms: [Term]) { self.terms = terms }

  /// Whether `fields` satisfy every term.
  public func matches(_ fields: [String: String]) -> Bool {
    terms.allSatisfy { $0.matches(fields) }
  }

  /// `Selector.String()`: the terms joined by commas, values escaped again, `==` written `=`.
  public var description: String {
    terms.map { $0.field + ($0.negated ? "!=" : "=") + Self.escape($0.value) }.joined(separator: ",")
  }

  /// Parses selector text as the API server does (`parseSelector`): split on unescaped
  /// commas, sort the pieces, skip empty ones, split each at its first operator and unescape
  /// the value.
  ///
  /// - Throws: ``FieldSelectorError`` with apimachinery's text.
  public static func parse(_ text: String) throws(FieldSelectorError) -> FieldSelector {
    var terms: [Term] = []
    for piece in splitTerms(text).sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
    where !piece.isEmpty {
      guard let (field, op, rawValue) = splitTerm(piece) else {
        throw FieldSelectorError(message: "invalid selector: '\(text)'; can't understand '\(piece)'")
      }
      terms.append(Term(field: field, value: try unescape(rawValue), negated: op == "!="))
    }
    return FieldSelector(terms: terms)
  }

  /// `splitTerms`: the pieces between unescaped commas, backslashes kept.
  static func splitTerms(_ text: String) -> [String] {
    guard !text.isEmpty else { return [] }
    var pieces: [String] = []
    var current = ""
    var escaped = false
    for character in text.unicodeScalars {
      if escaped {
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "," {
        pieces.append(current)
        current = ""
        continue
      }
      current.unicodeScalars.append(character)
    }
    pieces.append(current)
    return pieces
  }

  /// `splitTerm`: the field, operator and raw value around the first `!=`, `==` or `=`.
  static func splitTerm(_ piece: String) -> (field: String, op: String, value: String)? {
    let scalars = Array(piece.unicodeScalars)
    for index in scalars.indices {
      for op in ["!=", "==", "="] {
        let opScalars = Array(op.unicodeScalars)
        guard index + opScalars.count <= scalars.count, Array(scalars[index..<index + opScalars.count]) == opScalars
        else { continue }
        return (
          String(String.UnicodeScalarView(scalars[..<index])), op,
          String(String.UnicodeScalarView(scalars[(index + opScalars.count)...]))
        )
      }
    }
    return nil
  }

  /// `UnescapeValue`: `\\`, `\,` and `\=` become the character; any other escape, a trailing
  /// backslash or a bare `,` or `=` is an error.
  static func unescape(_ text: String) throws(FieldSelectorError) -> String {
    var result = ""
    var escaped = false
    for character in text.unicodeScalars {
      if escaped {
        guard character == "\\" || character == "," || character == "=" else {
          throw FieldSelectorError(message: "invalid field selector: invalid escape sequence: \\\(character)")
        }
        result.unicodeScalars.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "," || character == "=" {
        // `UnescapedRune` prints the rune with `%v`: its number.
        throw FieldSelectorError(message: "invalid field selector: unescaped character in value: \(character.value)")
      } else {
        result.unicodeScalars.append(character)
      }
    }
    if escaped { throw FieldSelectorError(message: "invalid field selector: invalid escape sequence: \\") }
    return result
  }

  /// `EscapeValue`: a backslash before each `\`, `,` and `=`.
  public static func escape(_ value: String) -> String {
    var result = ""
    for character in value.unicodeScalars {
      if character == "\\" || character == "," || character == "=" { result += "\\" }
      result.unicodeScalars.append(character)
    }
    return result
  }
}

/// A field selector that could not be parsed.
public struct FieldSelectorError: Error, Sendable, Equatable {
  /// apimachinery's description of the problem.
  public var message: String

  /// Creates the error.
  public init(message: String) { self.message = message }
}
