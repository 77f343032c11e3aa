import KubeSim

/// Go's `time.Parse(time.RFC3339, value)` (`time/format.go`), for flags such as
/// `kubectl logs --since-time`: `2006-01-02T15:04:05Z07:00` with optional fractional seconds,
/// and Go's error texts (`parsing time "x" as "2006-01-02T15:04:05Z07:00": cannot parse "x"
/// as "2006"`, `parsing time "...": month out of range`).
enum GoRFC3339 {
  /// Why Go refuses a time: the text of its error.
  struct ParseError: Error, Equatable {
    /// The error's text as Go prints it.
    var message: String
  }

  /// The layout Go names in its errors.
  static let layout = "2006-01-02T15:04:05Z07:00"

  /// The layout's elements in order: a literal or a field, as Go's `nextStdChunk` splits it.
  private enum Element {
    case literal(String)
    case year, month, day, hour, minute, second, zone

    /// The layout text Go quotes for the element.
    var text: String {
      switch self {
      case .literal(let text): return text
      case .year: return "2006"
      case .month: return "01"
      case .day: return "02"
      case .hour: return "15"
      case .minute: return "04"
      case .second: return "05"
      case .zone: return "Z07:00"
      }
    }
  }

  private static let elements: [Element] = [
    .year, .literal("-"), .month, .literal("-"), .day, .literal("T"), .hour, .literal(":"), .minute,
    .literal(":"), .second, .zone,
  ]

  /// The instant `value` names, rounded down to the millisecond, or Go's error.
  static func parse(_ value: String) -> Result<Timestamp, ParseError> {
    let all = Array(value.utf8)
    var rest = all[...]
    var fields = [Int](repeating: 0, count: 6)
    var offsetSeconds = 0
    var fractionMilliseconds = 0
    func cannot(_ element: Element, _ remaining: ArraySlice<UInt8>) -> ParseError {
      ParseError(
        message:
          "parsing time \(GoDuration.quote(value)) as \(GoDuration.quote(layout)): cannot parse \(GoDuration.quote(String(decoding: remaining, as: UTF8.self))) as \(GoDuration.quote(element.text))"
      )
    }
    func outOfRange(_ what: String) -> ParseError {
      ParseError(message: "parsing time \(GoDuration.quote(value)): \(what) out of range")
    }
    for element in elements {
      let before = rest
      switch element {
      case .literal(let text):
        let expected = Array(text.utf8)
        guard rest.starts(with: expected) else { return .failure(cannot(element, before)) }
        rest = rest.dropFirst(expected.count)
      case .year:
        guard rest.count >= 4, rest.prefix(4).allSatisfy(isDigit) else { return .failure(cannot(element, before)) }
        fields[0] = number(rest.prefix(4))
        rest = rest.dropFirst(4)
      case .month, .day, .hour, .minute, .second:
        // `getnum`: two digits, except the hour ("15"), which takes one or two.
        guard let first = rest.first, isDigit(first) else { return .failure(cannot(element, before)) }
        let twoDigits = rest.count >= 2 && isDigit(rest[rest.startIndex + 1])
        if !twoDigits && element.text != "15" { return .failure(cannot(element, before)) }
        let width = twoDigits ? 2 : 1
        let field = number(rest.prefix(width))
        rest = rest.dropFirst(width)
        switch element {
        case .month:
          if field < 1 || field > 12 { return .failure(outOfRange("month")) }
          fields[1] = field
        case .day: fields[2] = field
        case .hour:
          if field > 23 { return .failure(outOfRange("hour")) }
          fields[3] = field
        case .minute:
          if field > 59 { return .failure(outOfRange("minute")) }
          fields[4] = field
        default:
          if field > 59 { return .failure(outOfRange("second")) }
          fields[5] = field
          // A fraction after the seconds: `.` or `,` and digits.
          if rest.count >= 2, rest.first == UInt8(ascii: ".") || rest.first == UInt8(ascii: ","),
            isDigit(rest[rest.startIndex + 1])
          {
            let digits = rest.dropFirst().prefix(while: isDigit)
            let millis =
              Array(digits.prefix(3)) + [UInt8](repeating: UInt8(ascii: "0"), count: max(0, 3 - digits.count))
            fractionMilliseconds = number(millis[...])
            rest = rest.dropFirst(1 + digits.count)
          }
        }
      case .zone:
        if rest.first == UInt8(ascii: "Z") {
          rest = rest.dropFirst()
          break
        }
        guard rest.count >= 6, rest[rest.startIndex + 3] == UInt8(ascii: ":"),
          rest.first == UInt8(ascii: "+") || rest.first == UInt8(ascii: "-"),
          rest.dropFirst().prefix(2).allSatisfy(isDigit), rest.dropFirst(4).prefix(2).allSatisfy(isDigit)
        else { return .failure(cannot(element, before)) }
        let hours = number(rest.dropFirst().prefix(2))
        let minutes = number(rest.dropFirst(4).prefix(2))
        if hours > 24 { return .failure(outOfRange("time zone offset hour")) }
        if minutes > 60 { return .failure(outOfRange("time zone offset minute")) }
        offsetSeconds = (hours * 3600 + minutes * 60) * (rest.first == UInt8(ascii: "-") ? -1 : 1)
        rest = rest.dropFirst(6)
      }
    }
    if !rest.isEmpty {
      let extra = GoDuration.quote(String(decoding: rest, as: UTF8.self))
      return .failure(ParseError(message: "parsing time \(GoDuration.quote(value)): extra text: \(extra)"))
    }
    if fields[2] < 1 || fields[2] > daysIn(month: fields[1], year: fields[0]) {
      return .failure(outOfRange("day"))
    }
    let days = daysFromCivil(year: fields[0], month: fields[1], day: fields[2])
    let seconds = Int64(days) * 86_400 + Int64(fields[3] * 3600 + fields[4] * 60 + fields[5] - offsetSeconds)
    return .success(Timestamp(milliseconds: seconds * 1000 + Int64(fractionMilliseconds)))
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  /// The decimal value of a short run of digits.
  private static func number(_ digits: ArraySlice<UInt8>) -> Int {
    digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
  }

  /// The days of `month` in `year` (Go's `daysIn`).
  private static func daysIn(month: Int, year: Int) -> Int {
    if month == 2 { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28 }
    return [4, 6, 9, 11].contains(month) ? 30 : 31
  }

  /// Days since 1970-01-01 of a civil date (Howard Hinnant's `days_from_civil`).
  private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }
}
