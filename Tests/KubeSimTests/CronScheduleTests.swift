import Testing

@testable import KubeSim

/// Cron parsing and next-run times, with cases in the manner of robfig/cron's own tests
/// (`spec_test.go`: the next activation after a given instant), in UTC.
@Suite struct CronScheduleTests {
  /// 2025-03-03T09:01:00Z is a Monday.
  static func at(_ text: String) -> Timestamp {
    // "YYYY-MM-DD HH:MM" in UTC.
    let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).map { Int($0)! }
    var days = 0
    for year in 1970..<parts[0] { days += (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 366 : 365 }
    let leap = parts[0] % 4 == 0 && (parts[0] % 100 != 0 || parts[0] % 400 == 0)
    let monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    days += monthDays.prefix(parts[1] - 1).reduce(0, +) + parts[2] - 1
    return Timestamp(milliseconds: (Int64(days) * 86_400 + Int64(parts[3]) * 3600 + Int64(parts[4]) * 60) * 1000)
  }

  @Test(arguments: [
    ("*/15 * * * *", "2025-03-03 09:01", "2025-03-03 09:15"),
    ("*/1 * * * *", "2025-03-03 09:01", "2025-03-03 09:02"),
    ("@hourly", "2025-03-03 09:01", "2025-03-03 10:00"),
    ("@daily", "2025-03-03 09:01", "2025-03-04 00:00"),
    ("@weekly", "2025-03-03 09:01", "2025-03-09 00:00"),
    ("@monthly", "2025-03-03 09:01", "2025-04-01 00:00"),
    ("@yearly", "2025-03-03 09:01", "2026-01-01 00:00"),
    ("0 9 * * 1-5", "2025-03-07 09:00", "2025-03-10 09:00"),
    ("0 9 * * mon-fri", "2025-03-07 09:00", "2025-03-10 09:00"),
    ("30 2 * feb *", "2025-03-03 09:01", "2026-02-01 02:30"),
    // Day of month and day of week both restricted: either matches.
    ("0 0 1,15 * 5", "2025-03-03 09:01", "2025-03-07 00:00"),
    ("0 0 13 * 5", "2025-03-08 00:00", "2025-03-13 00:00"),
    // A step on the day of week clears the star bit: then either day field may match.
    ("0 0 * * */2", "2025-03-03 09:01", "2025-03-04 00:00"),
    ("0 0 29 2 *", "2025-03-03 09:01", "2028-02-29 00:00"),
    ("5 4 * * 7", "2025-03-03 09:01", "2025-03-09 04:05"),
  ])
  func nextRun(schedule: String, after: String, expected: String) throws {
    let parsed = try CronSchedule(schedule)
    #expect(parsed.next(after: Self.at(after)) == Self.at(expected))
  }

  @Test func impossibleScheduleNeverFires() throws {
    #expect(try CronSchedule("0 0 30 2 *").next(after: Self.at("2025-03-03 09:01")) == nil)
  }

  @Test(arguments: [
    ("61 * * * *", "end of range (61) above maximum (59): 61"),
    ("* * * *", "expected exactly 5 fields, found 4: [* * * *]"),
    ("*/0 * * * *", "step of range should be a positive number: */0"),
    ("*/x * * * *", "failed to parse int from x: strconv.Atoi: parsing \"x\": invalid syntax"),
    ("5-1 * * * *", "beginning of range (5) beyond end of range (1): 5-1"),
    ("@fortnightly", "unrecognized descriptor: @fortnightly"),
  ])
  func parseErrors(schedule: String, message: String) {
    #expect(throws: CronSchedule.ParseError(message: message)) { try CronSchedule(schedule) }
  }

  @Test func mostRecentRunsOnlyTheLatestMissedTime() throws {
    let schedule = try CronSchedule("*/1 * * * *")
    let (latest, missed) = schedule.mostRecent(after: Self.at("2025-03-03 09:00"), upTo: Self.at("2025-03-03 09:05"))
    #expect(latest == Self.at("2025-03-03 09:05"))
    #expect(missed == 5)
    let (far, count) = schedule.mostRecent(after: Self.at("2025-03-03 09:00"), upTo: Self.at("2025-03-04 09:00"))
    #expect(far == Self.at("2025-03-04 09:00"))
    #expect(count > 100)
  }
}
