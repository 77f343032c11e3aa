/// The options of a fenced block's info string: `scenario new nodes=3 seed=7 hidden`,
/// `yaml file=nginx.yaml`.
public struct InfoString: Sendable, Equatable {
  /// The first word: the language or `scenario`.
  public var language: String
  /// Bare words after the first (`new`, `hidden`).
  public var flags: [String]
  /// `key=value` options, in order.
  public var options: [(key: String, value: String)]

  public static func == (lhs: InfoString, rhs: InfoString) -> Bool {
    lhs.language == rhs.language && lhs.flags == rhs.flags
      && lhs.options.map(\.key) == rhs.options.map(\.key)
      && lhs.options.map(\.value) == rhs.options.map(\.value)
  }

  /// Splits an info string at spaces.
  public init(_ text: String) {
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    language = words.first ?? ""
    flags = []
    options = []
    for word in words.dropFirst() {
      if let equals = word.firstIndex(of: "=") {
        options.append((String(word[..<equals]), String(word[word.index(after: equals)...])))
      } else {
        flags.append(word)
      }
    }
  }

  /// The value of option `key`, if given.
  public func value(_ key: String) -> String? {
    options.last { $0.key == key }?.value
  }
}
