/// kubectl's `HumanDuration` (`apimachinery/pkg/util/duration`): every AGE and "… ago".
public enum HumanDuration {
  /// Formats a duration of `milliseconds` as kubectl does (integer arithmetic, truncating).
  public static func format(milliseconds: Int64) -> String {
    let seconds = milliseconds / 1000  // Go: int(d.Seconds()) truncates toward zero
    if seconds < -1 { return "<invalid>" }
    if seconds < 0 { return "0s" }
    if seconds < 120 { return "\(seconds)s" }
    let minutes = seconds / 60
    if minutes < 10 {
      let rest = seconds % 60
      return rest == 0 ? "\(minutes)m" : "\(minutes)m\(rest)s"
    }
    if minutes < 180 { return "\(minutes)m" }
    let hours = minutes / 60
    if hours < 8 {
      let rest = minutes % 60
      return rest == 0 ? "\(hours)h" : "\(hours)h\(rest)m"
    }
    if hours < 48 { return "\(hours)h" }
    let days = hours / 24
    if hours < 24 * 8 {
      let rest = hours % 24
      return rest == 0 ? "\(days)d" : "\(days)d\(rest)h"
    }
    if days < 365 * 2 { return "\(days)d" }
    let years = days / 365
    if years < 8 {
      let rest = days % 365
      return rest == 0 ? "\(years)y" : "\(years)y\(rest)d"
    }
    return "\(years)y"
  }
}
