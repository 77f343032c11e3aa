/// A field whose valid values are an API enum, as written: a supported value, or text the API
/// does not support, kept so that validation can quote it and output can print it unchanged.
public enum APIField<Value: APIStringEnum>: Sendable, Equatable, CustomStringConvertible {
  /// A supported value.
  case known(Value)
  /// Text that is none of `Value`'s raw values.
  case unsupported(String)

  /// The field as written: `known` when `text` is one of `Value`'s raw values.
  public init(_ text: String) {
    self = Value(rawValue: text).map { .known($0) } ?? .unsupported(text)
  }

  /// The supported value, nil when the text is unsupported.
  public var value: Value? {
    if case .known(let value) = self { return value }
    return nil
  }

  /// The text as written (a supported value's API string).
  public var text: String {
    switch self {
    case .known(let value): return value.rawValue
    case .unsupported(let text): return text
    }
  }

  /// The text as written.
  public var description: String { text }
}

extension APIField: Hashable where Value: Hashable {}
