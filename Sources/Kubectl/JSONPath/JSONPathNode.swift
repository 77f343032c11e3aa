import KubeSim

/// One node of a parsed kubectl JSONPath template (client-go `util/jsonpath/node.go`).
indirect enum JSONPathNode: Equatable, Sendable {
  /// A sequence of nodes evaluated one after another (an action `{...}`, a filter side).
  case list([JSONPathNode])
  /// Literal text, outside braces or quoted inside them.
  case text(String)
  /// `.name`: a map key.
  case field(String)
  /// `[start:end:step]`, `[n]`, `[*]`.
  case array([JSONPathSliceBound])
  /// `[?(left op right)]`, or `[?(left)]` with the operator `exists`.
  case filter(left: [JSONPathNode], right: [JSONPathNode], operator: String)
  /// An integer literal.
  case int(Int)
  /// A floating-point literal.
  case float(Double)
  /// `true` or `false`.
  case bool(Bool)
  /// `.*`: every value of a map or array.
  case wildcard
  /// `..`: recursive descent.
  case recursive
  /// `[a,b]`: the results of each list, one after another.
  case union([[JSONPathNode]])
  /// A keyword: `range` or `end` (anything else fails when evaluated).
  case identifier(String)
}

/// One of the three numbers of an array selection (client-go's `ParamsEntry`).
struct JSONPathSliceBound: Equatable, Sendable {
  /// The number, when known.
  var value: Int
  /// Whether the number was written.
  var known: Bool
  /// Whether the end was derived from a single index (`[n]` means `[n:n+1]`).
  var derived: Bool = false
}
