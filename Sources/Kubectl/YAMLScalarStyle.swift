/// go-yaml v2's rules for how a string scalar must be written.
enum YAMLScalarStyle {
  case plain, singleQuoted, doubleQuoted

  /// Strings that go-yaml's resolver would read back as something other than a string
  /// (null, booleans, numbers, timestamps, base-60 floats, the merge key): these are
  /// double-quoted.
  static func resolvesToNonString(_ text: String) -> Bool {
    if specialWords.contains(text) { return true }
    guard let first = text.unicodeScalars.first, "+-.0123456789".unicodeScalars.contains(first) else {
      return false
    }
    let plain = text.replacingOccurrences(of: "_", with: "")
    return isInteger(plain) || isFloat(plain) || isTimestamp(text) || isBase60Float(text)
  }

  private static let specialWords: Set<String> = [
    "", "~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "n", "N", "no",
    "No", "NO", "off", "Off", "OFF", "true", "True", "TRUE", "false", "False", "FALSE", ".nan",
    ".NaN", ".NAN", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
    "<<",
  ]

  /// Go's `strconv.ParseInt(s, 0, 64)` syntax (sign, then 0x/0o/0b/0-octal or decimal).
  private static func isInteger(_ text: String) -> Bool {
    var body = Substring(text)
    if body.first == "+" || body.first == "-" { body = body.dropFirst() }
    guard !body.isEmpty else { return false }
    let lower = body.lowercased()
    func all(_ digits: Substring, in set: String) -> Bool {
      !digits.isEmpty && digits.allSatisfy { set.contains($0) }
    }
    if lower.hasPrefix("0x") { return all(Substring(lower.dropFirst(2)), in: "0123456789abcdef") }
    if lower.hasPrefix("0o") { return all(Substring(lower.dropFirst(2)), in: "01234567") }
    if lower.hasPrefix("0b") { return all(Substring(lower.dropFirst(2)), in: "01") }
    if lower.hasPrefix("0") && lower.count > 1 { return all(Substring(lower.dropFirst()), in: "01234567") }
    return all(Substring(lower), in: "0123456789")
  }

  /// go-yaml's float pattern `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
  private static func isFloat(_ text: String) -> Bool {
    var chars = Substring(text)
    if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
    let digits = chars.prefix { $0.isASCIIDigitCharacter }
    chars = chars.dropFirst(digits.count)
    if digits.isEmpty {
      guard chars.first == "." else { return false }
      chars = chars.dropFirst()
      let fraction = chars.prefix { $0.isASCIIDigitCharacter }
      guard !fraction.isEmpty else { return false }
      chars = chars.dropFirst(fraction.count)
    } else if chars.first == "." {
      chars = chars.dropFirst()
      chars = chars.drop { $0.isASCIIDigitCharacter }
    }
    if chars.first == "e" || chars.first == "E" {
      chars = chars.dropFirst()
      if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
      let exponent = chars.prefix { $0.isASCIIDigitCharacter }
      guard !exponent.isEmpty else { return false }
      chars = chars.dropFirst(exponent.count)
    }
    return chars.isEmpty
  }

  /// The date and date-time forms go-yaml's resolver accepts as timestamps.
  private static func isTimestamp(_ text: String) -> Bool {
    let chars = Array(text)
    var index = 0
    func number(min: Int, max: Int) -> Bool {
      var count = 0
      while index < chars.count, chars[index].isASCIIDigitCharacter, count < max {
        index += 1
        count += 1
      }
      return count >= min
    }
    func expect(_ character: Character) -> Bool {
      guard index < chars.count, chars[index] == character else { return false }
      index += 1
      return true
    }
    guard number(min: 4, max: 4), expect("-"), number(min: 1, max: 2), expect("-"),
      number(min: 1, max: 2)
    else { return false }
    if index == chars.count { return true }
    guard index < chars.count, "Tt ".contains(chars[index]) else { return false }
    let separator = chars[index]
    index += 1
    guard number(min: 1, max: 2), expect(":"), number(min: 1, max: 2), expect(":"),
      number(min: 1, max: 2)
    else { return false }
    if index < chars.count, chars[index] == "." {
      index += 1
      guard number(min: 1, max: 9) else { return false }
    }
    if index == chars.count { return separator == " " }
    if chars[index] == "Z" { return index + 1 == chars.count }
    guard "+-".contains(chars[index]) else { return false }
    index += 1
    return number(min: 2, max: 2) && expect(":") && number(min: 2, max: 2) && index == chars.count
  }

  /// go-yaml's base-60 float pattern `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`.
  private static func isBase60Float(_ text: String) -> Bool {
    var chars = Substring(text)
    if chars.first == "+" || chars.first == "-" { chars = chars.dropFirst() }
    guard let first = chars.first, first.isASCIIDigitCharacter else { return false }
    chars = chars.drop { $0.isASCIIDigitCharacter || $0 == "_" }
    var groups = 0
    while chars.first == ":" {
      chars = chars.dropFirst()
      let digits = chars.prefix { $0.isASCIIDigitCharacter }
      guard (1...2).contains(digits.count) else { return false }
      if digits.count == 2, let lead = digits.first, !"012345".contains(lead) { return false }
      chars = chars.dropFirst(digits.count)
      groups += 1
    }
    guard groups > 0 else { return false }
    if chars.first == "." {
      chars = chars.dropFirst()
      chars = chars.drop { $0.isASCIIDigitCharacter || $0 == "_" }
    }
    return chars.isEmpty
  }

  /// libyaml's `yaml_emitter_analyze_scalar`, reduced to the block-context decision.
  static func analyze(_ text: String) -> YAMLScalarStyle {
    let scalars = Array(text.unicodeScalars)
    if scalars.isEmpty { return .singleQuoted }
    var blockIndicators = false
    var special = false
    var lineBreaks = false
    var leadingSpace = false
    var trailingSpace = false
    var spaceBreak = false
    var breakSpace = false
    var previousSpace = false
    var previousBreak = false
    if text.hasPrefix("---") || text.hasPrefix("...") { blockIndicators = true }
    var precededByWhitespace = true
    for (index, scalar) in scalars.enumerated() {
      let next = index + 1 < scalars.count ? scalars[index + 1] : nil
      let followedByWhitespace = next.map { isBlank($0) || isBreak($0) } ?? true
      if index == 0 {
        if "#,[]{}&*!|>'\"%@`".unicodeScalars.contains(scalar) { blockIndicators = true }
        if (scalar == "?" || scalar == ":") && followedByWhitespace { blockIndicators = true }
        if scalar == "-" && followedByWhitespace { blockIndicators = true }
      } else {
        if scalar == ":" && followedByWhitespace { blockIndicators = true }
        if scalar == "#" && precededByWhitespace { blockIndicators = true }
      }
      if !isPrintable(scalar) || scalar == "\u{FEFF}" { special = true }
      if isBreak(scalar) { lineBreaks = true }
      if scalar == " " {
        if index == 0 { leadingSpace = true }
        if index == scalars.count - 1 { trailingSpace = true }
        if previousBreak { breakSpace = true }
        previousSpace = true
        previousBreak = false
      } else if isBreak(scalar) {
        if previousSpace { spaceBreak = true }
        previousSpace = false
        previousBreak = true
      } else {
        previousSpace = false
        previousBreak = false
      }
      precededByWhitespace = isBlank(scalar) || isBreak(scalar)
    }
    let plainAllowed =
      !(leadingSpace || trailingSpace || spaceBreak || breakSpace || blockIndicators || special
      || lineBreaks)
    if plainAllowed { return .plain }
    if special || spaceBreak || breakSpace { return .doubleQuoted }
    return .singleQuoted
  }

  private static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" }

  private static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
  }

  /// libyaml's `IS_PRINTABLE`.
  static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value == 0x0A || (0x20...0x7E).contains(value) || value == 0x85
      || (0xA0...0xD7FF).contains(value) || (0xE000...0xFFFD).contains(value)
      || (0x10000...0x10FFFF).contains(value)
  }
}

extension Character {
  /// Whether the character is one of `0`–`9`.
  var isASCIIDigitCharacter: Bool { ("0"..."9").contains(self) }
}
