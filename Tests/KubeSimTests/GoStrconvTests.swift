import Testing

@testable import KubeSim

/// `GoStrconv` against Go's `strconv/atoi_test.go` (`parseInt64Tests`,
/// `parseInt64BaseTests`, `parseInt32Tests`) and the texts of its `NumError`.
@Suite struct GoStrconvTests {
  @Test(
    arguments: [
      ("0", 0), ("-0", 0), ("+0", 0), ("1", 1), ("-1", -1), ("12345", 12345), ("-12345", -12345),
      ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
    ] as [(String, Int64)])
  func base10(text: String, expected: Int64) {
    #expect(GoStrconv.parseInt(text) == .success(expected))
  }

  @Test(
    arguments: [
      ("0x10", 16), ("0X10", 16), ("010", 8), ("0o10", 8), ("0b101", 5), ("-0x10", -16), ("1_2_3", 123),
      ("0x_1", 1), ("0", 0),
    ] as [(String, Int64)])
  func base0(text: String, expected: Int64) {
    #expect(GoStrconv.parseInt(text, base: 0) == .success(expected))
  }

  @Test(
    arguments: [
      ("", "invalid syntax"), ("-", "invalid syntax"), ("12345x", "invalid syntax"), ("1_000", "invalid syntax"),
      ("9223372036854775808", "value out of range"), ("-9223372036854775809", "value out of range"),
      // ParseUint stops at the first digit that overflows, before the bad character.
      ("99999999999999999999x", "value out of range"),
    ])
  func errors(text: String, reason: String) {
    #expect(GoStrconv.parseInt(text) == .failure(.init(message: "strconv.ParseInt: parsing \"\(text)\": \(reason)")))
  }

  @Test func base0Errors() {
    #expect(
      GoStrconv.parseInt("_12", base: 0)
        == .failure(.init(message: "strconv.ParseInt: parsing \"_12\": invalid syntax")))
    #expect(
      GoStrconv.parseInt("1__2", base: 0)
        == .failure(.init(message: "strconv.ParseInt: parsing \"1__2\": invalid syntax")))
    #expect(
      GoStrconv.parseInt("08", base: 0) == .failure(.init(message: "strconv.ParseInt: parsing \"08\": invalid syntax")))
  }

  /// `parseInt32Tests`: the bounds of a 32-bit flag such as `--replicas`.
  @Test func thirtyTwoBits() {
    #expect(GoStrconv.parseInt("2147483647", bits: 32) == .success(2_147_483_647))
    #expect(GoStrconv.parseInt("-2147483648", bits: 32) == .success(-2_147_483_648))
    #expect(
      GoStrconv.parseInt("2147483648", bits: 32)
        == .failure(.init(message: "strconv.ParseInt: parsing \"2147483648\": value out of range")))
    #expect(
      GoStrconv.parseInt("-2147483649", bits: 32)
        == .failure(.init(message: "strconv.ParseInt: parsing \"-2147483649\": value out of range")))
  }

  /// `parseUint16Tests`-style bounds: what `create service --tcp` reads a port with.
  @Test func parseUint16() {
    #expect(GoStrconv.parseUint("65535", bits: 16) == .success(65535))
    #expect(GoStrconv.parseUint("0", bits: 16) == .success(0))
    #expect(
      GoStrconv.parseUint("65536", bits: 16)
        == .failure(.init(message: "strconv.ParseUint: parsing \"65536\": value out of range")))
    #expect(
      GoStrconv.parseUint("-1", bits: 16)
        == .failure(.init(message: "strconv.ParseUint: parsing \"-1\": invalid syntax")))
    #expect(
      GoStrconv.parseUint("0x10", bits: 16)
        == .failure(.init(message: "strconv.ParseUint: parsing \"0x10\": invalid syntax")))
  }

  @Test func atoi() {
    #expect(GoStrconv.atoi("80") == .success(80))
    #expect(
      GoStrconv.atoi("99999999999999999999")
        == .failure(.init(message: "strconv.Atoi: parsing \"99999999999999999999\": value out of range")))
    #expect(GoStrconv.atoi("x") == .failure(.init(message: "strconv.Atoi: parsing \"x\": invalid syntax")))
  }
}
