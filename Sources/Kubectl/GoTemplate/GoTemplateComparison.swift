/// The comparison functions of Go templates (`eq`, `lt` and the ones built on them in
/// `text/template/funcs.go`): only basic kinds compare, and only with their own kind (an
/// `int` with an `int64`, but never an integer with a float).
enum GoTemplateComparison {
  typealias Failure = GoTemplateBuiltins.Failure

  /// Go's `basicKind`.
  private enum Kind { case bool, int, uint, float, string, other }

  /// The comparison kind of a value.
  private static func kind(_ value: GoTemplateValue) -> Kind {
    switch value.content {
    case .bool: return .bool
    case .integer(_, .uint8): return .uint
    case .integer: return .int
    case .float: return .float
    case .string: return .string
    default: return .other
    }
  }

  /// The integer of an integer value (0 otherwise).
  private static func integer(_ value: GoTemplateValue) -> Int64 {
    if case .integer(let number, _) = value.content { return number }
    return 0
  }

  /// `eq arg1 arg2` for one pair.
  static func equal(_ first: GoTemplateValue, _ second: GoTemplateValue) throws(Failure) -> Bool {
    let left = first.unboxed
    let right = second.unboxed
    let leftKind = kind(left)
    let rightKind = kind(right)
    if leftKind != rightKind {
      if Set([leftKind, rightKind]) == [.int, .uint] { return integer(left) == integer(right) }
      if left.isValid && right.isValid { throw Failure(message: "incompatible types for comparison") }
      return false
    }
    switch (left.content, right.content) {
    case (.bool(let a), .bool(let b)): return a == b
    case (.integer(let a, _), .integer(let b, _)): return a == b
    case (.float(let a), .float(let b)): return a == b
    case (.string(let a), .string(let b)): return Array(a.utf8) == Array(b.utf8)
    case (.invalid, .invalid): return true
    case (.invalid, _), (_, .invalid): return false
    case (.list, .map), (.map, .list):
      throw Failure(
        message:
          "non-comparable types \(GoPrintf.format("%s", [left])): \(left.concreteTypeName), \(right.concreteTypeName): \(right.printed)"
      )
    default:
      throw Failure(message: "non-comparable type \(GoPrintf.format("%s", [right])): \(right.concreteTypeName)")
    }
  }

  /// `lt arg1 arg2`.
  static func less(_ first: GoTemplateValue, _ second: GoTemplateValue) throws(Failure) -> Bool {
    let left = first.unboxed
    let right = second.unboxed
    let leftKind = kind(left)
    let rightKind = kind(right)
    guard leftKind != .other, rightKind != .other else { throw Failure(message: "invalid type for comparison") }
    if leftKind != rightKind {
      if Set([leftKind, rightKind]) == [.int, .uint] { return integer(left) < integer(right) }
      throw Failure(message: "incompatible types for comparison")
    }
    switch (left.content, right.content) {
    case (.integer(let a, _), .integer(let b, _)): return a < b
    case (.float(let a), .float(let b)): return a < b
    case (.string(let a), .string(let b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
    default: throw Failure(message: "invalid type for comparison")
    }
  }

  /// `le arg1 arg2`: `lt`, or else `eq`.
  static func lessOrEqual(_ first: GoTemplateValue, _ second: GoTemplateValue) throws(Failure) -> Bool {
    if try less(first, second) { return true }
    return try equal(first, second)
  }
}
