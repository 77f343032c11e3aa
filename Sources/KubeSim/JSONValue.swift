/// A JSON-like value with ordered object keys: the common form of API objects for
/// `-o yaml`, `-o json` and manifest decoding.
public indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  case int(Int64)
  case double(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.double(let a), .double(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    default: return false
    }
  }

  /// The value under `key` when this is an object.
  public subscript(key: String) -> JSONValue? {
    guard case .object(let pairs) = self else { return nil }
    return pairs.first { $0.0 == key }?.1
  }

  /// The string, when this is one.
  public var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The boolean, when this is one.
  public var boolValue: Bool? {
    if case .bool(let flag) = self { return flag }
    return nil
  }

  /// The integer, when this is one (or a whole double).
  public var intValue: Int64? {
    switch self {
    case .int(let value): return value
    case .double(let value) where value == value.rounded() && abs(value) < 1e15: return Int64(value)
    default: return nil
    }
  }

  /// The elements, when this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let items) = self { return items }
    return nil
  }

  /// The pairs, when this is an object.
  public var objectValue: [(String, JSONValue)]? {
    if case .object(let pairs) = self { return pairs }
    return nil
  }

  /// A short name for the value's type, as Go's JSON decoder names them in errors.
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "bool"
    case .int, .double: return "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
  }
}

/// Builds an object value, leaving out keys whose value is nil.
public struct JSONObjectBuilder {
  private(set) var pairs: [(String, JSONValue)] = []

  /// Creates an empty builder.
  public init() {}

  /// Adds `key` when `value` is not nil.
  public mutating func set(_ key: String, _ value: JSONValue?) {
    if let value { pairs.append((key, value)) }
  }

  /// The object built so far.
  public var value: JSONValue { .object(pairs) }
}
