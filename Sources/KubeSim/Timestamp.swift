/// An instant of virtual time: milliseconds since the Unix epoch, UTC.
///
/// The simulator never reads the wall clock; every instant comes from ``VirtualClock``.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// Milliseconds since 1970-01-01T00:00:00Z.
  public var milliseconds: Int64

  /// Creates an instant from milliseconds since the epoch.
  public init(milliseconds: Int64) {
    self.milliseconds = milliseconds
  }

  /// Creates an instant from whole seconds since the epoch (clamped to the representable range).
  public init(seconds: Int64) {
    self.milliseconds = seconds.saturatingMultiply(1000)
  }

  /// The instant `seconds` later, clamped to the representable range (NaN adds nothing).
  public func adding(seconds: Double) -> Timestamp {
    adding(milliseconds: Int64.clamping((seconds * 1000).rounded()) ?? 0)
  }

  /// The instant `milliseconds` later, clamped to the representable range.
  public func adding(milliseconds delta: Int64) -> Timestamp {
    Timestamp(milliseconds: milliseconds.saturatingAdd(delta))
  }

  /// The instant `seconds` whole seconds later (earlier when negative), clamped to the
  /// representable range: seconds fields of manifests may hold any integer.
  public func adding(wholeSeconds seconds: Int) -> Timestamp {
    adding(milliseconds: Int64(seconds).saturatingMultiply(1000))
  }

  /// The instant `seconds` whole seconds earlier, clamped to the representable range.
  public func subtracting(wholeSeconds seconds: Int) -> Timestamp {
    adding(milliseconds: Int64(seconds).saturatingMultiply(-1000))
  }

  /// Milliseconds from `earlier` to this instant, clamped to the representable range.
  public func milliseconds(since earlier: Timestamp) -> Int64 {
    milliseconds.saturatingSubtract(earlier.milliseconds)
  }

  /// The last instant the virtual clock may reach, 9999-12-31T23:59:59Z: Go's
  /// `Time.MarshalJSON` refuses later years ("year outside of range [0,9999]", `time/time.go`),
  /// so a real API server could not write a later timestamp into any object.
  public static let latest = Timestamp(milliseconds: 253_402_300_799_000)

  /// Whole seconds since the epoch (rounded down).
  public var seconds: Int64 {
    floorDivide(milliseconds, 1000)
  }

  public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
    lhs.milliseconds < rhs.milliseconds
  }

  /// RFC 3339 in UTC with second precision, as the API server serialises `metav1.Time`
  /// (`2024-01-01T10:00:00Z`).
  public var rfc3339: String {
    let parts = civil
    return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))T"
      + "\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))Z"
  }

  public var description: String { rfc3339 }

  /// The calendar fields of this instant in UTC.
  public var civil: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int) {
    let total = seconds
    let days = Int(floorDivide(total, 86_400))
    let secondOfDay = Int(total - Int64(days) * 86_400)
    // Howard Hinnant's days-to-civil algorithm.
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    let weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4); 0 = Sunday
    return (year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60, weekday)
  }

  /// `value / divisor` rounded toward negative infinity (no negation, so `Int64.min` is safe).
  private func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    let (quotient, remainder) = value.quotientAndRemainder(dividingBy: divisor)
    return remainder < 0 ? quotient - 1 : quotient
  }

  private func pad(_ value: Int, _ width: Int = 2) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}
