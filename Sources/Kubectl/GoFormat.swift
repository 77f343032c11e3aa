/// Go's formatting of floating-point numbers where kubectl output depends on it, built on the
/// shortest round-trip digits (which Swift's `description` and Go's `strconv` agree on).
enum GoFormat {
  /// `encoding/json`'s float64 encoding (`encode.go`, `floatEncoder`): `%f` form from 1e-6 up
  /// to 1e21, `%e` form outside it with `e-07` shortened to `e-7`; non-finite values, which
  /// Go refuses to encode, as YAML writes them.
  static func jsonFloat(_ value: Double) -> String {
    guard value.isFinite else { return nonFinite(value) }
    let magnitude = abs(value)
    guard magnitude != 0, magnitude < 1e-6 || magnitude >= 1e21 else { return fixed(value) }
    var text = exponent(value)
    // Go's clean-up: "e-09" becomes "e-9" (only a negative one-digit exponent).
    let characters = Array(text)
    let count = characters.count
    if count >= 4, characters[count - 4] == "e", characters[count - 3] == "-", characters[count - 2] == "0" {
      text = String(characters[..<(count - 2)]) + String(characters[count - 1])
    }
    return text
  }

  /// How `kubectl -o yaml` prints a JSON number that is not an integer: sigs.k8s.io/yaml reads
  /// the JSON text back as YAML, so a whole number that fits `int64` stays an integer, and
  /// anything else is go-yaml's `strconv.FormatFloat(f, 'g', -1, 64)` (`%e` form when the
  /// exponent is below -4 or at least 6).
  static func yamlFloat(_ value: Double) -> String {
    guard value.isFinite else { return nonFinite(value) }
    let json = jsonFloat(value)
    if !json.contains("."), !json.contains("e"), Int64(json) != nil { return json }
    return shortestG(value)
  }

  /// `strconv.FormatFloat(f, 'g', -1, 64)`, which is also `fmt`'s `%v`: `%e` form when the
  /// exponent is below -4 or at least 6 (`1e+06`, `123456`, `1e-05`).
  static func shortestG(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : value < 0 ? "-Inf" : "+Inf" }
    let (_, point) = shortestDigits(value)
    let exponentValue = point - 1
    return exponentValue < -4 || exponentValue >= 6 ? exponent(value) : fixed(value)
  }

  /// The shortest digits that read back as `abs(value)` (no leading or trailing zeros) and
  /// where the decimal point goes: `abs(value)` = 0.DIGITS × 10^point, as in Go's `decimal`.
  static func shortestDigits(_ value: Double) -> (digits: [Character], point: Int) {
    let text = String(describing: abs(value))
    let parts = text.split(separator: "e", maxSplits: 1)
    let mantissa = parts[0]
    let power = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    let integer = mantissa.prefix { $0 != "." }
    let fraction = mantissa.dropFirst(integer.count + 1)
    var digits = Array(integer + fraction)
    var point = integer.count + power
    while digits.first == "0" {
      digits.removeFirst()
      point -= 1
    }
    while digits.last == "0" { digits.removeLast() }
    if digits.isEmpty { return (["0"], 1) }
    return (digits, point)
  }

  /// `%e` with the shortest digits: `1e+20`, `-2.5e-07` (at least two exponent digits).
  static func exponent(_ value: Double) -> String {
    let (digits, point) = shortestDigits(value)
    var text = value.sign == .minus ? "-" : ""
    text.append(digits[0])
    if digits.count > 1 { text += "." + String(digits.dropFirst()) }
    let power = value == 0 ? 0 : point - 1
    let powerDigits = String(abs(power))
    text += (power < 0 ? "e-" : "e+") + (powerDigits.count < 2 ? "0" : "") + powerDigits
    return text
  }

  /// `%f` with the shortest digits: `100000000000000000000`, `0.000001`, `-12.5`.
  static func fixed(_ value: Double) -> String {
    let (digits, point) = shortestDigits(value)
    var text = value.sign == .minus ? "-" : ""
    if value == 0 { return text + "0" }
    if point <= 0 {
      return text + "0." + String(repeating: "0", count: -point) + String(digits)
    }
    text += String(digits.prefix(point)) + String(repeating: "0", count: max(0, point - digits.count))
    if digits.count > point { text += "." + String(digits.dropFirst(point)) }
    return text
  }

  /// YAML's spelling of NaN and the infinities.
  private static func nonFinite(_ value: Double) -> String {
    if value.isNaN { return ".nan" }
    return value > 0 ? ".inf" : "-.inf"
  }
}
