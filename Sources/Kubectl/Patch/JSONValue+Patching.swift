import KubeSim

/// The edits the patch engines make to JSON objects, keeping the order of the keys.
extension JSONValue {
  /// Whether this is an object.
  var isObject: Bool { objectValue != nil }

  /// Whether this is an array.
  var isArray: Bool { arrayValue != nil }

  /// Whether this is `null`.
  var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// The object's pairs with `value` stored under `key`: in place when the key is there,
  /// appended when it is not.
  static func setting(_ key: String, to value: JSONValue, in pairs: [(String, JSONValue)]) -> [(String, JSONValue)] {
    var result = pairs
    if let index = result.firstIndex(where: { $0.0 == key }) {
      result[index].1 = value
    } else {
      result.append((key, value))
    }
    return result
  }

  /// The value with every number Go's JSON decoder would read as a whole float64 turned
  /// into an integer, as an unstructured object decodes them (`3.0` is `3`).
  var normalizingWholeNumbers: JSONValue {
    switch self {
    case .double(let number) where number == number.rounded() && abs(number) < 9.007_199_254_740_992e15:
      return .int(Int64(number))
    case .array(let items): return .array(items.map(\.normalizingWholeNumbers))
    case .object(let pairs): return .object(pairs.map { ($0.0, $0.1.normalizingWholeNumbers) })
    default: return self
    }
  }

  /// How many values the value holds, itself included, counting no further than `limit`.
  func nodeCount(limit: Int) -> Int {
    var count = 0
    var pending = [self]
    while let value = pending.popLast(), count < limit {
      count += 1
      switch value {
      case .array(let items): pending.append(contentsOf: items)
      case .object(let pairs): pending.append(contentsOf: pairs.map(\.1))
      default: break
      }
    }
    return count
  }

  /// Whether two values are the same JSON, ignoring the order of object keys (Go's
  /// `reflect.DeepEqual` over decoded maps).
  func sameJSON(as other: JSONValue) -> Bool {
    switch (self, other) {
    case (.object(let left), .object(let right)):
      guard left.count == right.count else { return false }
      let rightValues = Dictionary(right, uniquingKeysWith: { _, last in last })
      return left.allSatisfy { pair in rightValues[pair.0].map { pair.1.sameJSON(as: $0) } ?? false }
    case (.array(let left), .array(let right)):
      return left.count == right.count && zip(left, right).allSatisfy { $0.sameJSON(as: $1) }
    case (.int(let left), .double(let right)), (.double(let right), .int(let left)):
      return Double(left) == right
    default:
      return self == other
    }
  }

  /// The value as Go's `%v` prints a decoded JSON value in error messages: `map[k:v]` with
  /// sorted keys, `[a b]`, `<nil>`.
  var goText: String {
    switch self {
    case .null: return "<nil>"
    case .bool(let flag): return flag ? "true" : "false"
    case .int(let number): return String(number)
    case .double(let number): return GoFormat.jsonFloat(number)
    case .string(let text): return text
    case .array(let items): return "[" + items.map(\.goText).joined(separator: " ") + "]"
    case .object(let pairs):
      return "map[" + pairs.sorted { $0.0 < $1.0 }.map { $0.0 + ":" + $0.1.goText }.joined(separator: " ") + "]"
    }
  }
}
