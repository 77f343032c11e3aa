import Testing

@testable import Kubectl

/// Cases from Go's `time.ParseDuration` tests (`time/time_test.go`), in milliseconds.
@Suite struct GoDurationTests {
  @Test(
    arguments: [
      ("0", 0), ("5s", 5000), ("30s", 30_000), ("1478s", 1_478_000), ("-5s", -5000), ("+5s", 5000),
      ("5.6s", 5600), ("5.s", 5000), (".5s", 500), ("1.004s", 1004), ("100ms", 100), ("1h", 3_600_000),
      ("2h45m", 9_900_000), ("1h30m", 5_400_000), ("10.5m", 630_000), ("2000000us", 2000), ("2000000ns", 2),
      // time_test.go: both micro signs, U+00B5 and U+03BC.
      ("3000µs", 3), ("3000μs", 3),
    ] as [(String, Int64)])
  func valid(text: String, milliseconds: Int64) {
    #expect(GoDuration.milliseconds(text) == milliseconds)
  }

  @Test(arguments: ["", "3", "-", "s", ".", ".s", "+.s", "1d", "3000000h1", "x5s"])
  func invalid(text: String) {
    #expect(GoDuration.milliseconds(text) == nil)
  }

  /// The largest durations (time_test.go: "largest duration that can be represented") and
  /// the uint64 sum Go lets wrap: the real kubectl accepts
  /// `--timeout=9223372036854775808ns9223372036854775808ns`.
  @Test(
    arguments: [
      ("9223372036854775807ns", 9_223_372_036_854), ("9223372036854775.807us", 9_223_372_036_854),
      ("9223372036.854775807s", 9_223_372_036_854), ("2562047h", 9_223_369_200_000),
      ("-9223372036854775808ns", -9_223_372_036_854), ("-9223372036.854775808s", -9_223_372_036_854),
      ("9223372036854775808ns9223372036854775808ns", 0), ("0.100000000000000000000h", 360_000),
    ] as [(String, Int64)])
  func extremes(text: String, milliseconds: Int64) {
    #expect(GoDuration.milliseconds(text) == milliseconds)
  }

  /// Go's error texts (time/format.go), as the real kubectl v1.32 prints them for `--timeout`.
  @Test(
    arguments: [
      ("3", "time: missing unit in duration \"3\""), ("1d", "time: unknown unit \"d\" in duration \"1d\""),
      ("9999999999999999s", "time: invalid duration \"9999999999999999s\""),
      ("2562048h", "time: invalid duration \"2562048h\""),
      ("9223372036854775808ns", "time: invalid duration \"9223372036854775808ns\""),
      ("x5s", "time: invalid duration \"x5s\""),
      ("5é", "time: unknown unit \"\\xc3\\xa9\" in duration \"5\\xc3\\xa9\""),
    ])
  func errors(text: String, message: String) {
    #expect(throws: GoDuration.ParseError(message: message)) { try GoDuration.parse(text) }
  }

  /// `Duration.String()`: the rows of Go's `durationTests` (time/time_test.go) that are whole
  /// milliseconds, plus the sub-second and negative forms `%v` gives them.
  @Test(
    arguments: [
      ("0s", 0), ("3.3s", 3300), ("4m5s", 245_000), ("4m5.001s", 245_001), ("5h6m7.001s", 18_367_001),
      ("500ms", 500), ("-1m30s", -90_000), ("1h0m0s", 3_600_000),
    ] as [(String, Int64)])
  func string(text: String, milliseconds: Int64) {
    #expect(GoDuration.string(milliseconds: milliseconds) == text)
  }
}
