import KubeSim

/// The comparisons of a JSONPath filter: Go's `text/template` `eq`, `ne`, `lt`, `le`, `gt`
/// and `ge` (client-go's fork in `third_party/forked/golang/template/funcs.go`). Only
/// booleans, integers, floats and strings compare, and only with their own kind.
enum GoComparison {
  /// A comparison Go refuses.
  struct Failure: Error {
    /// `invalid type for comparison`, `incompatible types for comparison`, ...
    var message: String
  }

  /// The basic kinds Go compares.
  private enum Kind { case bool, int, float, string }

  /// The comparison kind of a value, or Go's `invalid type for comparison`.
  private static func kind(_ value: JSONValue) throws(Failure) -> Kind {
    switch value {
    case .bool: return .bool
    case .int: return .int
    case .double: return .float
    case .string: return .string
    default: throw Failure(message: "invalid type for comparison")
    }
  }

  /// `left op right` for a filter's operator.
  static func compare(_ left: JSONValue, _ op: String, _ right: JSONValue) throws(Failure) -> Bool {
    switch op {
    case "<": return try less(left, right)
    case ">": return try !lessOrEqual(left, right)
    case "==": return try equal(left, right)
    case "!=": return try !equal(left, right)
    case "<=": return try lessOrEqual(left, right)
    case ">=": return try !less(left, right)
    default: throw Failure(message: "unrecognized filter operator \(op)")
    }
  }

  /// `eq`: values of the same kind that are equal.
  private static func equal(_ left: JSONValue, _ right: JSONValue) throws(Failure) -> Bool {
    let leftKind = try kind(left)
    let rightKind = try kind(right)
    guard leftKind == rightKind else { throw Failure(message: "incompatible types for comparison") }
    switch (left, right) {
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.double(let a), .double(let b)): return a == b
    case (.string(let a), .string(let b)): return Array(a.utf8) == Array(b.utf8)
    default: return false
    }
  }

  /// `lt`: integers, floats and strings of the same kind in order.
  private static func less(_ left: JSONValue, _ right: JSONValue) throws(Failure) -> Bool {
    let leftKind = try kind(left)
    let rightKind = try kind(right)
    guard leftKind == rightKind else { throw Failure(message: "incompatible types for comparison") }
    switch (left, right) {
    case (.int(let a), .int(let b)): return a < b
    case (.double(let a), .double(let b)): return a < b
    case (.string(let a), .string(let b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
    default: throw Failure(message: "invalid type for comparison")
    }
  }

  /// `le`: `lt`, or else `eq`.
  private static func lessOrEqual(_ left: JSONValue, _ right: JSONValue) throws(Failure) -> Bool {
    if try less(left, right) { return true }
    return try equal(left, right)
  }
}
