import Foundation

/// Go's formatting of numbers where kubectl output depends on it.
enum GoFormat {
  /// `strconv.FormatFloat(f, 'g', -1, 64)`-like shortest form, as YAML and JSON print floats.
  static func float(_ value: Double) -> String {
    if value.isNaN { return ".nan" }
    if value.isInfinite { return value > 0 ? ".inf" : "-.inf" }
    if value == value.rounded(), abs(value) < 1e21 { return String(Int64(value)) }
    return "\(value)"
  }
}
