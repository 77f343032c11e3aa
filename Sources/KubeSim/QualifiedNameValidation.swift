/// The API server's checks of qualified names and label values, with their messages
/// (`apimachinery/pkg/util/validation/validation.go`, v0.32: `IsQualifiedName`,
/// `IsValidLabelValue`, `IsDNS1123Subdomain`). Lengths are Go's, in bytes.
extension Validation {
  /// `qualifiedNameFmt`, as the messages quote it.
  static let qualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
  /// `qualifiedNameErrMsg`.
  static let qualifiedNameRule =
    "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"

  /// Go's `RegexError`: the rule, its examples and the pattern.
  static func regexError(_ rule: String, _ format: String, examples: [String]) -> String {
    if examples.isEmpty { return rule + " (regex used for validation is '" + format + "')" }
    return rule + " (e.g. " + examples.map { "'\($0)', " }.joined(separator: " or ")
      + "regex used for validation is '" + format + "')"
  }

  /// `IsQualifiedName`: an optional DNS subdomain prefix and `/`, then a name of at most 63
  /// characters; the messages of every rule broken.
  public static func qualifiedNameErrors(_ value: String) -> [String] {
    var errors: [String] = []
    let parts = value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    let name: String
    switch parts.count {
    case 1: name = parts[0]
    case 2:
      name = parts[1]
      if parts[0].isEmpty {
        errors.append("prefix part must be non-empty")
      } else {
        errors += subdomainErrors(parts[0]).map { "prefix part " + $0 }
      }
    default:
      return [
        "a qualified name "
          + regexError(qualifiedNameRule, qualifiedNameFormat, examples: ["MyName", "my.name", "123-abc"])
          + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
      ]
    }
    if name.isEmpty {
      errors.append("name part must be non-empty")
    } else if name.utf8.count > 63 {
      errors.append("name part must be no more than 63 characters")
    }
    if !matchesQualifiedName(name) {
      errors.append(
        "name part " + regexError(qualifiedNameRule, qualifiedNameFormat, examples: ["MyName", "my.name", "123-abc"]))
    }
    return errors
  }

  /// `IsValidLabelValue`: empty, or a qualified name's name part of at most 63 characters.
  public static func labelValueErrors(_ value: String) -> [String] {
    var errors: [String] = []
    if value.utf8.count > 63 { errors.append("must be no more than 63 characters") }
    if !value.isEmpty && !matchesQualifiedName(value) {
      errors.append(
        regexError(
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
          "(" + qualifiedNameFormat + ")?", examples: ["MyValue", "my_value", "12345"]))
    }
    return errors
  }

  /// `IsDNS1123Subdomain`'s messages.
  static func subdomainErrors(_ value: String) -> [String] {
    var errors: [String] = []
    if value.utf8.count > 253 { errors.append("must be no more than 253 characters") }
    let format = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*"
    if !isDNS1123SubdomainPattern(value) {
      errors.append(
        regexError(
          "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
          format, examples: ["example.com"]))
    }
    return errors
  }

  /// `IsDNS1123Label`'s messages: at most 63 characters, and the label pattern (a valid
  /// subdomain that is no label must hold dots).
  public static func dns1123LabelErrors(_ value: String) -> [String] {
    var errors: [String] = []
    if value.utf8.count > 63 { errors.append("must be no more than 63 characters") }
    let isLabel = !value.isEmpty && !value.utf8.contains(UInt8(ascii: ".")) && isDNS1123SubdomainPattern(value)
    if !isLabel {
      errors.append(isDNS1123SubdomainPattern(value) ? "must not contain dots" : dns1123LabelMessage)
    }
    return errors
  }

  /// `ValidateDNS1123Label`: one error per rule the name breaks.
  public static func dns1123Label(_ name: String, field: String) -> [FieldError] {
    dns1123LabelErrors(name).map {
      FieldError(field: field, type: "Invalid value", value: quote(name), detail: $0)
    }
  }

  /// `IsValidPortName`: an IANA service name — at most 15 characters of `a-z`, `0-9` and
  /// `-`, a letter among them, no `--`, no hyphen at either end.
  public static func portNameErrors(_ port: String) -> [String] {
    var errors: [String] = []
    let bytes = Array(port.utf8)
    let isLetter = { (byte: UInt8) in byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
    let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
    if bytes.count > 15 { errors.append("must be no more than 15 characters") }
    if bytes.isEmpty || !bytes.allSatisfy({ isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }) {
      errors.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
    }
    if !bytes.contains(where: isLetter) { errors.append("must contain at least one letter (a-z)") }
    if port.contains("--") { errors.append("must not contain consecutive hyphens") }
    if bytes.first == UInt8(ascii: "-") || bytes.last == UInt8(ascii: "-") {
      errors.append("must not begin or end with a hyphen")
    }
    return errors
  }

  /// Whether `value` matches `qualifiedNameFmt` (no length limit).
  private static func matchesQualifiedName(_ value: String) -> Bool {
    let bytes = Array(value.utf8)
    guard let first = bytes.first, let last = bytes.last else { return false }
    func isAlphanumeric(_ byte: UInt8) -> Bool {
      (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
    return isAlphanumeric(first) && isAlphanumeric(last)
      && bytes.allSatisfy {
        isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".")
      }
  }

  /// Whether `value` matches the DNS-1123 subdomain pattern (no length limit).
  private static func isDNS1123SubdomainPattern(_ value: String) -> Bool {
    func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
      (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
        || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }
    return value.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { label in
      guard let first = label.first, let last = label.last else { return false }
      return isLowerAlphanumeric(first) && isLowerAlphanumeric(last)
        && label.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }
  }
}
