/// A parsed label selector (`apimachinery/pkg/labels`): equality-based (`a=b`, `a==b`,
/// `a!=b`) and set-based (`a in (x,y)`, `a notin (x)`, `a`, `!a`) requirements, all of which
/// must hold.
public struct LabelSelector: Sendable, Equatable {
  /// One requirement on one label key.
  public struct Requirement: Sendable, Equatable {
    /// How the key is tested.
    public enum Operator: String, Sendable {
      case equals = "="
      case doubleEquals = "=="
      case notEquals = "!="
      case `in` = "in"
      case notIn = "notin"
      case exists = "exists"
      case doesNotExist = "!"
    }

    public var key: String
    public var op: Operator
    public var values: [String]

    /// Whether `labels` satisfy the requirement.
    public func matches(_ labels: [String: String]) -> Bool {
      switch op {
      case .equals, .doubleEquals, .in:
        guard let value = labels[key] else { return false }
        return values.contains(value)
      case .notEquals, .notIn:
        guard let value = labels[key] else { return true }
        return !values.contains(value)
      case .exists: return labels[key] != nil
      case .doesNotExist: return labels[key] == nil
      }
    }
  }

  /// The requirements, all of which must hold.
  public var requirements: [Requirement]

  /// A selector that matches everything.
  public static let everything = LabelSelector(requirements: [])

  /// Creates a selector from requirements.
  public init(requirements: [Requirement]) {
    self.requirements = requirements
  }

  /// A selector requiring every pair of `labels` (a `matchLabels` map or an RC selector).
  public init(matchLabels labels: [String: String]) {
    requirements = labels.keys.sorted().map { Requirement(key: $0, op: .equals, values: [labels[$0]!]) }
  }

  /// Whether `labels` satisfy every requirement.
  public func matches(_ labels: [String: String]) -> Bool {
    requirements.allSatisfy { $0.matches(labels) }
  }

  /// Parses selector text as `kubectl -l` does.
  ///
  /// - Throws: ``LabelSelectorError`` with the text apimachinery reports.
  public static func parse(_ text: String) throws(LabelSelectorError) -> LabelSelector {
    var parser = SelectorLexer(text)
    var requirements: [Requirement] = []
    while true {
      parser.skipSpaces()
      if parser.atEnd {
        if requirements.isEmpty { return .everything }
        throw LabelSelectorError(message: "found '', expected: identifier after ','")
      }
      let requirement = try parser.requirement()
      requirements.append(requirement)
      parser.skipSpaces()
      if parser.atEnd { break }
      guard parser.consume(",") else {
        throw LabelSelectorError(message: "found '\(parser.peekToken())', expected: ',' or 'end of string'")
      }
    }
    return LabelSelector(requirements: requirements.sorted { $0.key < $1.key })
  }
}

/// A label selector that could not be parsed.
public struct LabelSelectorError: Error, Sendable, Equatable {
  /// apimachinery's description of the problem.
  public var message: String
}

/// A character-level reader for selector text.
private struct SelectorLexer {
  let characters: [Character]
  var index = 0

  init(_ text: String) { characters = Array(text) }

  var atEnd: Bool { index >= characters.count }

  mutating func skipSpaces() {
    while index < characters.count, characters[index] == " " || characters[index] == "\t" { index += 1 }
  }

  mutating func consume(_ text: String) -> Bool {
    let wanted = Array(text)
    guard index + wanted.count <= characters.count, Array(characters[index..<index + wanted.count]) == wanted
    else { return false }
    index += wanted.count
    return true
  }

  static func isIdentifier(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || "-_./".contains(character)
  }

  mutating func identifier() -> String {
    let start = index
    while index < characters.count, Self.isIdentifier(characters[index]) { index += 1 }
    return String(characters[start..<index])
  }

  func peekToken() -> String {
    var end = index
    while end < characters.count, characters[end] != " " { end += 1 }
    return String(characters[index..<end])
  }

  mutating func requirement() throws(LabelSelectorError) -> LabelSelector.Requirement {
    if consume("!") {
      skipSpaces()
      let key = identifier()
      guard !key.isEmpty else {
        throw LabelSelectorError(message: "found '\(peekToken())', expected: identifier")
      }
      return .init(key: key, op: .doesNotExist, values: [])
    }
    let key = identifier()
    guard !key.isEmpty else {
      throw LabelSelectorError(message: "found '\(peekToken())', expected: !, identifier, or 'end of string'")
    }
    skipSpaces()
    if atEnd || characters[index] == "," { return .init(key: key, op: .exists, values: []) }
    let op: LabelSelector.Requirement.Operator
    if consume("==") {
      op = .doubleEquals
    } else if consume("!=") {
      op = .notEquals
    } else if consume("=") {
      op = .equals
    } else if consume("notin") {
      op = .notIn
    } else if consume("in") {
      op = .in
    } else {
      throw LabelSelectorError(
        message: "found '\(peekToken())', expected: in, notin, =, ==, !=, gt, lt")
    }
    skipSpaces()
    if op == .in || op == .notIn {
      guard consume("(") else {
        throw LabelSelectorError(message: "found '\(peekToken())', expected: '('")
      }
      var values: [String] = []
      while true {
        skipSpaces()
        values.append(identifier())
        skipSpaces()
        if consume(")") { break }
        guard consume(",") else {
          throw LabelSelectorError(message: "found '\(peekToken())', expected: ',', or ')'")
        }
      }
      return .init(key: key, op: op, values: values)
    }
    return .init(key: key, op: op, values: [identifier()])
  }
}
