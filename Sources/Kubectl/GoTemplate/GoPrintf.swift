/// Go's `fmt.Sprintf`, `fmt.Sprint` and `fmt.Sprintln` for the values of a template:
/// the verbs `%v %s %d %q %x %X %o %O %b %c %U %e %E %f %F %g %G %t %T %%` (no `%[n]`
/// argument indexes, no precision on a float's `%x`), the flags
/// `+ - # 0 space`, width and precision (`*` too), and Go's error forms (`%!d(string=x)`,
/// `%!d(MISSING)`, `%!(EXTRA int=2)`, `%!(NOVERB)`).
struct GoPrintf {
  private var plus = false
  private var minus = false
  private var sharp = false
  private var space = false
  private var zero = false
  private var width: Int?
  private var precision: Int?
  private var output = ""

  /// `fmt.Sprintf(format, values...)`.
  static func format(_ format: String, _ values: [GoTemplateValue]) -> String {
    var printer = GoPrintf()
    printer.run(Array(format.unicodeScalars), values)
    return printer.output
  }

  /// `fmt.Sprint(values...)`: a space between operands when neither is a string.
  static func sprint(_ values: [GoTemplateValue]) -> String {
    var text = ""
    var previousIsString = false
    for (offset, value) in values.enumerated() {
      let isString: Bool
      if case .string = value.content { isString = true } else { isString = false }
      if offset > 0 && !isString && !previousIsString { text += " " }
      text += format("%v", [value])
      previousIsString = isString
    }
    return text
  }

  /// Walks the format: literal text, then each verb with its flags and argument.
  private mutating func run(_ format: [Unicode.Scalar], _ values: [GoTemplateValue]) {
    var index = 0
    var argument = 0
    while index < format.count {
      if format[index] != "%" {
        output.unicodeScalars.append(format[index])
        index += 1
        continue
      }
      index += 1
      (plus, minus, sharp, space, zero, width, precision) = (false, false, false, false, false, nil, nil)
      flags: while index < format.count {
        switch format[index] {
        case "#": sharp = true
        case "0": zero = !minus
        case "+": plus = true
        case "-":
          minus = true
          zero = false
        case " ": space = true
        default: break flags
        }
        index += 1
      }
      if index < format.count, format[index] == "*" {
        index += 1
        width = starArgument(values, &argument)
        if let value = width, value < 0 {
          minus = true
          zero = false
          width = -value
        }
      } else {
        width = number(format, &index)
      }
      if index < format.count, format[index] == "." {
        index += 1
        if index < format.count, format[index] == "*" {
          index += 1
          precision = starArgument(values, &argument)
          if let value = precision, value < 0 { precision = nil }
        } else {
          precision = number(format, &index) ?? 0
        }
      }
      guard index < format.count else {
        output += "%!(NOVERB)"
        break
      }
      let verb = format[index]
      index += 1
      if verb == "%" {
        output += "%"
        continue
      }
      guard argument < values.count else {
        output += "%!\(Character(verb))(MISSING)"
        continue
      }
      var sharpV = false
      if verb == "v" {
        sharpV = sharp
        sharp = false
        if plus { plus = false }
      }
      printValue(values[argument], verb: verb, sharpV: sharpV)
      argument += 1
    }
    if argument < values.count {
      output += "%!(EXTRA "
      for (offset, value) in values[argument...].enumerated() {
        if offset > 0 { output += ", " }
        if case .nilInterface = value.content {
          output += "<nil>"
        } else {
          output += value.concreteTypeName + "="
          (plus, minus, sharp, space, zero, width, precision) = (false, false, false, false, false, nil, nil)
          printValue(value, verb: "v", sharpV: false)
        }
      }
      output += ")"
    }
  }

  /// A decimal width or precision (at most six digits, as Go's `tooLarge` allows).
  private func number(_ format: [Unicode.Scalar], _ index: inout Int) -> Int? {
    var value: Int?
    while index < format.count,
      let digit = format[index].properties.numericType == .decimal
        ? Int(String(format[index])) : nil, format[index].isASCII
    {
      value = (value ?? 0) * 10 + digit
      if value! > 1_000_000 { return nil }
      index += 1
    }
    return value
  }

  /// A `*` width or precision taken from the arguments (`%!(BADWIDTH)` when it is no `int`).
  private mutating func starArgument(_ values: [GoTemplateValue], _ argument: inout Int) -> Int? {
    defer { argument += 1 }
    guard argument < values.count, case .integer(let number, _) = values[argument].content, abs(number) <= 1_000_000
    else {
      output += "%!(BADWIDTH)"
      return nil
    }
    return Int(number)
  }

  // MARK: Values

  /// Prints one argument for `verb`, as `fmt`'s `printArg` and `printValue` do (maps and
  /// lists element by element, with the same verb).
  private mutating func printValue(_ value: GoTemplateValue, verb: Unicode.Scalar, sharpV: Bool, depth: Int = 0) {
    if verb == "T" {
      pad(value.isValid && !isNil(value) ? value.concreteTypeName : "<nil>")
      return
    }
    if sharpV, let json = value.json {
      if case .integer(let number, _) = value.content {
        pad(String(number))
      } else {
        pad(GoValueText.goSyntax(json))
      }
      return
    }
    switch value.content {
    case .invalid, .nilInterface:
      if verb == "v" || depth > 0 { pad("<nil>") } else { badVerb(verb, value) }
    case .bool(let flag):
      if verb == "t" || verb == "v" { pad(flag ? "true" : "false") } else { badVerb(verb, value) }
    case .integer(let number, let type): formatInteger(number, unsigned: type == .uint8, verb: verb, value: value)
    case .float(let number): formatFloat(number, verb: verb, value: value)
    case .string(let text):
      switch verb {
      case "v", "s": pad(truncated(text))
      case "q": pad(GoUnquote.quote(truncated(text)))
      case "x", "X": pad(hexBytes(Array(truncated(text).utf8), upper: verb == "X"))
      default: badVerb(verb, value)
      }
    case .list(let items):
      output += "["
      for (offset, item) in items.enumerated() {
        if offset > 0 { output += " " }
        printValue(GoTemplateValue(json: item, boxed: true), verb: verb, sharpV: false, depth: depth + 1)
      }
      output += "]"
    case .map(let pairs):
      output += "map["
      for (offset, pair) in GoValueText.sortedPairs(pairs).enumerated() {
        if offset > 0 { output += " " }
        printValue(.string(pair.0), verb: verb, sharpV: false, depth: depth + 1)
        output += ":"
        printValue(GoTemplateValue(json: pair.1, boxed: true), verb: verb, sharpV: false, depth: depth + 1)
      }
      output += "]"
    }
  }

  /// Whether the value is a nil `interface {}`.
  private func isNil(_ value: GoTemplateValue) -> Bool {
    if case .nilInterface = value.content { return true }
    return false
  }

  /// `%!verb(type=value)`, the value printed with `%v` and the same flags.
  private mutating func badVerb(_ verb: Unicode.Scalar, _ value: GoTemplateValue) {
    output += "%!" + String(Character(verb)) + "("
    if value.isValid && !isNil(value) {
      output += value.concreteTypeName + "="
      printValue(value, verb: "v", sharpV: false)
    } else {
      output += "<nil>"
    }
    output += ")"
  }

  /// The string cut to the precision, in characters.
  private func truncated(_ text: String) -> String {
    guard let precision, text.unicodeScalars.count > precision else { return text }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: text.unicodeScalars.prefix(precision))
    return String(view)
  }

  /// `%x` of a string: two hexadecimal digits per byte.
  private func hexBytes(_ bytes: [UInt8], upper: Bool) -> String {
    let digits = Array(upper ? "0123456789ABCDEF" : "0123456789abcdef")
    var text = sharp ? (upper ? "0X" : "0x") : ""
    for (offset, byte) in bytes.enumerated() {
      if offset > 0 && space { text += sharp ? (upper ? " 0X" : " 0x") : " " }
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0xF)])
    }
    return text
  }

  /// Pads `text` to the width: spaces on the left (zeros with the `0` flag), or on the
  /// right with `-`.
  private mutating func pad(_ text: String) {
    let count = text.unicodeScalars.count
    guard let width, width > count else {
      output += text
      return
    }
    let padding = String(repeating: zero ? "0" : " ", count: width - count)
    output += minus ? text + padding : padding + text
  }

  /// Pads with spaces even under the `0` flag (numbers place their own zeros).
  private mutating func padWithSpaces(_ text: String) {
    let saved = zero
    zero = false
    pad(text)
    zero = saved
  }

  // MARK: Numbers

  /// `fmtInteger`: an integer in the verb's base with sign, prefix, precision and width.
  private mutating func formatInteger(_ number: Int64, unsigned: Bool, verb: Unicode.Scalar, value: GoTemplateValue) {
    let base: Int
    switch verb {
    case "v", "d": base = 10
    case "b": base = 2
    case "o", "O": base = 8
    case "x", "X": base = 16
    case "c":
      padWithSpaces(Unicode.Scalar(UInt32(truncatingIfNeeded: number)).map { String(Character($0)) } ?? "\u{FFFD}")
      return
    case "q":
      let scalar = Unicode.Scalar(UInt32(truncatingIfNeeded: number)) ?? "\u{FFFD}"
      padWithSpaces(GoUnquote.quote(String(Character(scalar))).dropFirst().dropLast().replacingQuotes())
      return
    case "U":
      var hex = String(UInt64(bitPattern: number), radix: 16, uppercase: true)
      if hex.count < 4 { hex = String(repeating: "0", count: 4 - hex.count) + hex }
      padWithSpaces("U+" + hex)
      return
    default:
      badVerb(verb, value)
      return
    }
    let negative = number < 0
    var digits = String(number.magnitude, radix: base, uppercase: verb == "X")
    var minimum = 0
    if let precision {
      minimum = precision
      if precision == 0 && number == 0 {
        padWithSpaces("")
        return
      }
    } else if zero, let width, !minus {
      minimum = width - (negative || plus || space ? 1 : 0)
    }
    if digits.count < minimum { digits = String(repeating: "0", count: minimum - digits.count) + digits }
    var prefix = ""
    if sharp {
      switch base {
      case 2: prefix = "0b"
      case 8: if !digits.hasPrefix("0") { prefix = "0" }
      case 16: prefix = verb == "X" ? "0X" : "0x"
      default: break
      }
    }
    if verb == "O" { prefix = "0o" }
    let sign = negative ? "-" : plus ? "+" : space ? " " : ""
    padWithSpaces(sign + prefix + digits)
  }

  /// `fmtFloat`: a float in `%e`, `%f` or `%g` form with sign, precision and width.
  private mutating func formatFloat(_ number: Double, verb: Unicode.Scalar, value: GoTemplateValue) {
    var text: String
    switch verb {
    case "v": text = precision.map { GoFloatText.general(number, precision: $0) } ?? GoFormat.shortestG(number)
    case "g", "G":
      text = precision.map { GoFloatText.general(number, precision: $0) } ?? GoFormat.shortestG(number)
      if verb == "G" { text = text.uppercased() }
    case "e", "E":
      text = GoFloatText.exponent(number, precision: precision ?? 6)
      if verb == "E" { text = text.uppercased() }
    case "f", "F": text = GoFloatText.fixed(number, precision: precision ?? 6)
    case "x",
      "X" where precision == nil:
      text = GoFloatText.hexadecimal(number)
      if verb == "X" { text = text.uppercased() }
    case "b": text = GoFloatText.binary(number)
    default:
      badVerb(verb, value)
      return
    }
    var sign = ""
    if text.hasPrefix("-") {
      sign = "-"
      text.removeFirst()
    } else if plus {
      sign = "+"
    } else if space {
      sign = " "
    }
    if zero, let width, !minus, width > sign.count + text.count {
      output += sign + String(repeating: "0", count: width - sign.count - text.count) + text
      return
    }
    padWithSpaces(sign + text)
  }
}

extension Substring {
  /// A double-quoted rune turned into Go's single-quoted form.
  fileprivate func replacingQuotes() -> String {
    let body = self == "\\\"" ? "\"" : self == "'" ? "\\'" : String(self)
    return "'" + body + "'"
  }
}
