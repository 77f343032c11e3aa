import KubeSim

/// A value inside a running Go template, as `reflect.Value` sees kubectl's unstructured
/// object: invalid (a missing key), an `interface {}` holding nil, or a bool, integer, float,
/// string, `[]interface {}` or `map[string]interface {}`. `boxed` marks a value read out of
/// a map or list, whose static type is `interface {}` (Go's error texts name that type).
struct GoTemplateValue: Sendable {
  /// The Go integer types a template meets.
  enum IntegerType: String, Sendable {
    case int, int64, uint8
  }

  /// What the value holds.
  enum Content: Sendable {
    case invalid
    case nilInterface
    case bool(Bool)
    case integer(Int64, IntegerType)
    case float(Double)
    case string(String)
    case list([JSONValue])
    case map([(String, JSONValue)])
  }

  var content: Content
  var boxed = false

  static let invalid = GoTemplateValue(content: .invalid)

  /// A Go `int`.
  static func int(_ value: Int) -> GoTemplateValue { .init(content: .integer(Int64(value), .int)) }

  /// A Go `string`.
  static func string(_ text: String) -> GoTemplateValue { .init(content: .string(text)) }

  /// A Go `bool`.
  static func bool(_ flag: Bool) -> GoTemplateValue { .init(content: .bool(flag)) }

  /// The value of a JSON value (`boxed` when it is read out of a map or list).
  init(json: JSONValue, boxed: Bool) {
    self.boxed = boxed
    switch json {
    case .null: content = .nilInterface
    case .bool(let flag): content = .bool(flag)
    case .int(let number): content = .integer(number, .int64)
    case .double(let number): content = .float(number)
    case .string(let text): content = .string(text)
    case .array(let items): content = .list(items)
    case .object(let pairs): content = .map(pairs)
    }
  }

  /// A value holding `content`.
  init(content: Content, boxed: Bool = false) {
    self.content = content
    self.boxed = boxed
  }

  /// The value as JSON (nil for an invalid value), for printing with ``GoValueText``.
  var json: JSONValue? {
    switch content {
    case .invalid: return nil
    case .nilInterface: return .null
    case .bool(let flag): return .bool(flag)
    case .integer(let number, _): return .int(number)
    case .float(let number): return .double(number)
    case .string(let text): return .string(text)
    case .list(let items): return .array(items)
    case .map(let pairs): return .object(pairs)
    }
  }

  var isValid: Bool {
    if case .invalid = content { return false }
    return true
  }

  /// `reflect.ValueOf(v.Interface())`: the concrete value out of its `interface {}` (a nil
  /// one becomes invalid), as each pipeline stage leaves it.
  var unboxed: GoTemplateValue {
    guard boxed else { return self }
    if case .nilInterface = content { return .invalid }
    return GoTemplateValue(content: content)
  }

  /// The value's concrete type as `reflect.Type` prints it.
  var concreteTypeName: String {
    switch content {
    case .invalid, .nilInterface: return "<nil>"
    case .bool: return "bool"
    case .integer(_, let type): return type.rawValue
    case .float: return "float64"
    case .string: return "string"
    case .list: return "[]interface {}"
    case .map: return "map[string]interface {}"
    }
  }

  /// The static type (`interface {}` for a boxed value).
  var typeName: String { boxed ? "interface {}" : concreteTypeName }

  /// Go's `isTrue`: non-empty, non-zero, true; false for invalid and nil.
  var isTrue: Bool {
    switch content {
    case .invalid, .nilInterface: return false
    case .bool(let flag): return flag
    case .integer(let number, _): return number != 0
    case .float(let number): return number != 0
    case .string(let text): return !text.isEmpty
    case .list(let items): return !items.isEmpty
    case .map(let pairs): return !pairs.isEmpty
    }
  }

  /// `fmt.Sprint` of the value (`<nil>` for nil, as `fmt` prints a nil interface).
  var printed: String {
    guard let json else { return "<nil>" }
    if case .integer(let number, _) = content { return String(number) }
    return GoValueText.plain(json)
  }

  /// The value of `key` in a map (the last one given), nil when absent.
  static func lookup(_ key: String, in pairs: [(String, JSONValue)]) -> JSONValue? {
    pairs.last { $0.0 == key }?.1
  }
}
