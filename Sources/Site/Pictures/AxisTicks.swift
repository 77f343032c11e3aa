/// Round figures for a chart's axes: counts of pods and spans of virtual time.
enum AxisTicks {
  /// Steps for the time axis, in seconds.
  static let timeSteps: [Double] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400]

  /// Instants from 0 to `span` seconds at the smallest round step that gives at most 8 ticks.
  static func seconds(upTo span: Double) -> [Double] {
    guard span > 0 else { return [0] }
    let step = timeSteps.first { span / $0 <= 8 } ?? (span / 8).rounded(.up)
    return stride(from: 0, through: span, by: step).map { $0 }
  }

  /// Counts from 0 to `most` at a step of 1, 2, 5, 10, … that gives at most 6 ticks.
  static func counts(upTo most: Int) -> [Int] {
    var step = 1
    var multipliers = [2, 5, 10].makeIterator()
    var base = 1
    while most / step > 5 {
      guard let multiplier = multipliers.next() else {
        base *= 10
        multipliers = [2, 5, 10].makeIterator()
        step = base
        continue
      }
      step = base * multiplier
    }
    return Array(stride(from: 0, through: most, by: step))
  }

  /// `seconds` as kubectl's durations read: `45s`, `2m`, `2m30s`, `1h`, `1h5m`, `2d`.
  static func label(seconds: Double) -> String {
    let total = Int(seconds.rounded())
    if total < 60 { return "\(total)s" }
    if total < 3600 { return total % 60 == 0 ? "\(total / 60)m" : "\(total / 60)m\(total % 60)s" }
    if total < 86400 { return total % 3600 == 0 ? "\(total / 3600)h" : "\(total / 3600)h\(total % 3600 / 60)m" }
    return total % 86400 == 0 ? "\(total / 86400)d" : "\(total / 86400)d\(total % 86400 / 3600)h"
  }
}
