import Testing

@testable import Kubectl

/// Cases from Go's `time.ParseDuration` tests (`time/time_test.go`), in milliseconds.
@Suite struct GoDurationTests {
  @Test(
    arguments: [
      ("0", 0), ("5s", 5000), ("30s", 30_000), ("1478s", 1_478_000), ("-5s", -5000), ("+5s", 5000),
      ("5.6s", 5600), ("5.s", 5000), (".5s", 500), ("1.004s", 1004), ("100ms", 100), ("1h", 3_600_000),
      ("2h45m", 9_900_000), ("1h30m", 5_400_000), ("10.5m", 630_000), ("2000000us", 2000), ("2000000ns", 2),
    ] as [(String, Int64)])
  func valid(text: String, milliseconds: Int64) {
    #expect(GoDuration.milliseconds(text) == milliseconds)
  }

  @Test(arguments: ["", "3", "-", "s", ".", ".s", "+.s", "1d", "3000000h1", "x5s"])
  func invalid(text: String) {
    #expect(GoDuration.milliseconds(text) == nil)
  }
}
