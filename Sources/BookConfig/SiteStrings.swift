/// The site's strings in its language: the built-in table the language picks (Simplified
/// Chinese for `zh…`, English for every other language), with `kubebook.toml`'s `[strings]`
/// over it.
public struct SiteStrings: Sendable, Equatable {
  /// The texts by key.
  private let texts: [UIString: String]

  /// The strings of `language` with `overrides` over them.
  public init(language: String, overrides: [UIString: String] = [:]) {
    let chinese = Self.usesChineseTable(language)
    var texts: [UIString: String] = [:]
    for key in UIString.allCases {
      texts[key] = overrides[key] ?? (chinese ? key.simplifiedChinese : key.english)
    }
    self.texts = texts
  }

  /// The built-in Simplified Chinese strings (a course without `kubebook.toml`).
  public static let simplifiedChinese = SiteStrings(language: "zh-CN")

  /// The strings of a course's configuration.
  public init(_ config: BookConfig) {
    self.init(language: config.language, overrides: config.strings)
  }

  /// Whether `language` (BCP 47) takes the Chinese table: its primary subtag is `zh`.
  static func usesChineseTable(_ language: String) -> Bool {
    language.split(separator: "-", maxSplits: 1).first.map { $0.lowercased() == "zh" } ?? false
  }

  /// The text of `key`, placeholders left as they are.
  public subscript(_ key: UIString) -> String { texts[key] ?? key.english }

  /// The text of `key` with each `{name}` of `values` replaced by its value (plain text).
  public func format(_ key: UIString, _ values: KeyValuePairs<String, String>) -> String {
    Self.fill(self[key], values)
  }

  /// `template` with each `{name}` of `values` replaced by its value, in one pass (a value
  /// that itself reads `{name}` stays as it is).
  static func fill(_ template: String, _ values: KeyValuePairs<String, String>) -> String {
    var result = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      let afterOpen = rest.index(after: open)
      if let close = rest[afterOpen...].firstIndex(of: "}"),
        let value = values.first(where: { $0.key == rest[afterOpen..<close] })?.value
      {
        result += value
        rest = rest[rest.index(after: close)...]
      } else {
        result += "{"
        rest = rest[afterOpen...]
      }
    }
    return result + rest
  }

  /// The pieces of `key`'s text around its placeholders: literal text and placeholder
  /// names in order (for the page script, which fills them in as it runs).
  public func pieces(_ key: UIString) -> [(literal: Bool, text: String)] {
    var pieces: [(literal: Bool, text: String)] = []
    var rest = Substring(self[key])
    var literal = ""
    while let open = rest.firstIndex(of: "{") {
      literal += rest[..<open]
      let afterOpen = rest.index(after: open)
      if let close = rest[afterOpen...].firstIndex(of: "}"),
        !rest[afterOpen..<close].isEmpty, rest[afterOpen..<close].allSatisfy({ $0.isLetter || $0 == "-" })
      {
        if !literal.isEmpty { pieces.append((true, literal)) }
        literal = ""
        pieces.append((false, String(rest[afterOpen..<close])))
        rest = rest[rest.index(after: close)...]
      } else {
        literal += "{"
        rest = rest[afterOpen...]
      }
    }
    literal += rest
    if !literal.isEmpty || pieces.isEmpty { pieces.append((true, literal)) }
    return pieces
  }
}
