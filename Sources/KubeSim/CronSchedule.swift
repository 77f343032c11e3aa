/// A five-field cron schedule as the CronJob controller parses it (`robfig/cron/v3`
/// `ParseStandard`): minute, hour, day of month, month, day of week, with `*`, lists, ranges,
/// steps, month and weekday names, and the `@hourly`-style descriptors; all in UTC.
public struct CronSchedule: Sendable, Equatable {
  var minutes: Set<Int>
  var hours: Set<Int>
  var daysOfMonth: Set<Int>
  var months: Set<Int>
  var daysOfWeek: Set<Int>
  /// Whether the day-of-month or day-of-week field was `*` (or `?`): robfig/cron then
  /// requires only the other day field to match; when both are restricted, either may.
  var domStar: Bool
  var dowStar: Bool

  /// Why a schedule did not parse, in robfig/cron's words.
  public struct ParseError: Error, Sendable, Equatable {
    public var message: String
  }

  static let descriptors = [
    "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *", "@monthly": "0 0 1 * *", "@weekly": "0 0 * * 0",
    "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@hourly": "0 * * * *",
  ]
  static let monthNames = [
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11,
    "dec": 12,
  ]
  static let dayNames = ["sun": 0, "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6]

  /// Parses `text`.
  public init(_ text: String) throws(ParseError) {
    var spec = text.trimmingSpaces()
    if spec.hasPrefix("@") {
      guard let expanded = Self.descriptors[spec] else {
        throw ParseError(message: "unrecognized descriptor: \(spec)")
      }
      spec = expanded
    }
    let fields = spec.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard fields.count == 5 else {
      throw ParseError(message: "expected exactly 5 fields, found \(fields.count): [\(fields.joined(separator: " "))]")
    }
    minutes = try Self.field(fields[0], 0...59, names: [:])
    hours = try Self.field(fields[1], 0...23, names: [:])
    daysOfMonth = try Self.field(fields[2], 1...31, names: [:])
    months = try Self.field(fields[3], 1...12, names: Self.monthNames)
    daysOfWeek = Set(try Self.field(fields[4], 0...7, names: Self.dayNames).map { $0 % 7 })
    // robfig/cron sets its star bit for `*` and `?`, and clears it again when a step > 1 follows.
    domStar = ["*", "?", "*/1", "?/1"].contains(fields[2])
    dowStar = ["*", "?", "*/1", "?/1"].contains(fields[4])
  }

  /// One field: comma-separated items of `*`, `N`, `A-B`, each optionally `/STEP`.
  static func field(_ text: String, _ bounds: ClosedRange<Int>, names: [String: Int]) throws(ParseError) -> Set<Int> {
    var values: Set<Int> = []
    for item in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
      var rangePart = item
      var step = 1
      if let slash = item.firstIndex(of: "/") {
        rangePart = String(item[..<slash])
        let stepText = String(item[item.index(after: slash)...])
        let parsed: Int
        switch GoStrconv.atoi(stepText) {
        case .success(let number): parsed = number
        case .failure(let error):
          throw ParseError(message: "failed to parse int from \(stepText): \(error.message)")
        }
        guard parsed > 0 else { throw ParseError(message: "step of range should be a positive number: \(item)") }
        step = parsed
      }
      var low: Int
      var high: Int
      if rangePart == "*" || rangePart == "?" {
        low = bounds.lowerBound
        high = bounds.upperBound
      } else {
        let ends = rangePart.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard ends.count <= 2 else { throw ParseError(message: "too many hyphens: \(rangePart)") }
        low = try value(ends[0], names: names)
        high = ends.count == 2 ? try value(ends[1], names: names) : (item.contains("/") ? bounds.upperBound : low)
      }
      guard low >= bounds.lowerBound else {
        throw ParseError(message: "beginning of range (\(low)) below minimum (\(bounds.lowerBound)): \(item)")
      }
      guard high <= bounds.upperBound else {
        throw ParseError(message: "end of range (\(high)) above maximum (\(bounds.upperBound)): \(item)")
      }
      guard low <= high else {
        throw ParseError(message: "beginning of range (\(low)) beyond end of range (\(high)): \(item)")
      }
      values.formUnion(stride(from: low, through: high, by: step))
    }
    return values
  }

  static func value(_ text: String, names: [String: Int]) throws(ParseError) -> Int {
    if let named = names[text.lowercased()] { return named }
    switch GoStrconv.atoi(text) {
    case .success(let number) where number >= 0: return number
    case .success:
      throw ParseError(
        message: "failed to parse int from \(text): strconv.Atoi: parsing \(Validation.quote(text)): invalid syntax")
    case .failure(let error): throw ParseError(message: "failed to parse int from \(text): \(error.message)")
    }
  }

  /// Whether the schedule fires at the minute that starts at `time`.
  func matches(_ time: Timestamp) -> Bool {
    let parts = time.civil
    guard minutes.contains(parts.minute), hours.contains(parts.hour), months.contains(parts.month) else {
      return false
    }
    let domMatch = daysOfMonth.contains(parts.day)
    let dowMatch = daysOfWeek.contains(parts.weekday)
    if domStar || dowStar { return domMatch && dowMatch }
    return domMatch || dowMatch
  }

  /// The first firing strictly after `time` (at a whole minute), searching at most `limit`
  /// minutes ahead (five years by default; a schedule like `0 0 30 2 *` never fires).
  public func next(after time: Timestamp, limit: Int = 5 * 366 * 24 * 60) -> Timestamp? {
    var minute = Timestamp(milliseconds: (floorDivide(time.milliseconds, 60_000) + 1) * 60_000)
    var checked = 0
    while checked < limit {
      let parts = minute.civil
      // Skip whole days and hours that cannot match, so a yearly schedule is found quickly.
      if !months.contains(parts.month) || !dayMatches(parts) {
        minute = Timestamp(milliseconds: (floorDivide(minute.milliseconds, 86_400_000) + 1) * 86_400_000)
        checked += 1440 - parts.hour * 60 - parts.minute
        continue
      }
      if !hours.contains(parts.hour) {
        minute = Timestamp(milliseconds: (floorDivide(minute.milliseconds, 3_600_000) + 1) * 3_600_000)
        checked += 60 - parts.minute
        continue
      }
      if minutes.contains(parts.minute) { return minute }
      minute = minute.adding(milliseconds: 60_000)
      checked += 1
    }
    return nil
  }

  func dayMatches(_ parts: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int)) -> Bool
  {
    let domMatch = daysOfMonth.contains(parts.day)
    let dowMatch = daysOfWeek.contains(parts.weekday)
    if domStar || dowStar { return domMatch && dowMatch }
    return domMatch || dowMatch
  }

  /// The latest firing at or before `now` and after `earliest`, and how many firings were
  /// missed in between (the controller's `mostRecentScheduleTime`), counting at most `cap`.
  func mostRecent(after earliest: Timestamp, upTo now: Timestamp, cap: Int = 101) -> (time: Timestamp?, missed: Int) {
    var latest: Timestamp?
    var count = 0
    var cursor = earliest
    while let next = next(after: cursor), next <= now {
      latest = next
      count += 1
      cursor = next
      if count >= cap {
        // Jump to the last firing directly instead of walking every one.
        var back = Timestamp(milliseconds: floorDivide(now.milliseconds, 60_000) * 60_000)
        var steps = 0
        while !matches(back) && back > cursor && steps < 5 * 366 * 24 * 60 {
          back = back.adding(milliseconds: -60_000)
          steps += 1
        }
        if matches(back) { latest = back }
        break
      }
    }
    return (latest, count)
  }
}

func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
  a >= 0 ? a / b : -((-a + b - 1) / b)
}

extension String {
  /// The string without leading and trailing spaces.
  func trimmingSpaces() -> String {
    var slice = Substring(self)
    while slice.first == " " { slice = slice.dropFirst() }
    while slice.last == " " { slice = slice.dropLast() }
    return String(slice)
  }
}
