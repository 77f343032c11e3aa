import Testing

@testable import KubeSim

/// `Quantity` against apimachinery's own tests (`pkg/api/resource/quantity_test.go`,
/// `TestQuantityParse`) and its error texts (`quantity.go`, `ErrFormatWrong`, `ErrSuffix`).
@Suite struct QuantityTests {
  /// `TestQuantityParse`'s table, read in whole units (rounded up, as `Value()` rounds).
  @Test(
    arguments: [
      ("0", 0), ("0n", 0), ("0Ki", 0), ("0Ti", 0), ("1", 1), ("1Ki", 1024), ("8Ki", 8 * 1024),
      ("7Mi", 7 * 1024 * 1024), ("6Gi", 6 * 1024 * 1024 * 1024), ("5Ti", 5 * 1024 * 1024 * 1024 * 1024),
      ("4Pi", 4 * 1024 * 1024 * 1024 * 1024 * 1024), ("3Ei", 3 * 1024 * 1024 * 1024 * 1024 * 1024 * 1024),
      ("7.123456M", 7_123_456), ("6.987654321G", 6_987_654_321), ("5.444T", 5_444_000_000_000),
      ("40.1T", 40_100_000_000_000), ("2.5P", 2_500_000_000_000_000), ("1.01E", 1_010_000_000_000_000_000),
      // "Things that saturate/round": 9Ei and 9223372036854775807Ki are capped at maxAllowed.
      ("9Ei", Int64.max), ("9223372036854775807Ki", Int64.max),
      // 100.035Ki is 102435.84: Value() rounds up.
      ("100.035Ki", 102_436), ("0.5Mi", 524_288), ("1.", 1), ("1.G", 1_000_000_000), (".001", 1),
    ] as [(String, Int64)])
  func units(text: String, expected: Int64) throws {
    #expect(try Quantity.units(text) == expected)
  }

  /// MilliValue() of the same table's small values: "3.001n" and "0.0000000001" round up to
  /// the smallest amount (quantity.go: "if you want some resources, you should get some").
  @Test(
    arguments: [
      ("250m", 250), ("0.5", 500), ("2", 2000), ("3.001n", 1), ("0.0000000001", 1), ("1.1E-9", 1),
      ("0.5e-9", 1), (".0001k", 100), ("1E3", 1_000_000), ("-1", -1000),
    ] as [(String, Int64)])
  func millis(text: String, expected: Int64) throws {
    #expect(try Quantity.millis(text) == expected)
  }

  /// `TestQuantityParse`'s invalid list, `inf`/`nan` and `1e30Gi` are ErrFormatWrong; the
  /// real kubectl prints that text for `kubectl set resources --local --limits=memory=1e30Gi`.
  @Test(arguments: ["1.1.M", "1+1.0M", "0.1am", "aoeu", " 1", "1 ", "", "inf", "nan", "1e30Gi"])
  func formatWrong(text: String) {
    #expect(throws: Quantity.ParseError.formatWrong) { try Quantity.units(text) }
    #expect(
      Quantity.ParseError.formatWrong.message
        == "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
  }

  /// Shapes the regular expression allows but no suffix table knows are ErrSuffix.
  @Test(arguments: ["0.1mi", ".5i", "1i", "-3.01i", "-3.01e-", "1eKi"])
  func unknownSuffix(text: String) {
    #expect(throws: Quantity.ParseError.suffix) { try Quantity.units(text) }
    #expect(Quantity.ParseError.suffix.message == "unable to parse quantity's suffix")
  }

  /// Values past Int64 (apimachinery keeps them as inf.Dec) clamp instead of trapping.
  @Test func hugeValuesClamp() throws {
    #expect(try Quantity.millis("1e30") == Int64.max)
    #expect(try Quantity.millis("99999999999999999") == Int64.max)
    #expect(try Quantity.units("99999999999Gi") == Int64.max)
    #expect(try Quantity.units("-99999999999Gi") == -Int64.max)
    #expect(try Quantity.units("1e-400") == 1)
    #expect(try Quantity.units(String(repeating: "9", count: 60)) == Int64.max)
    #expect(try Quantity.units("0." + String(repeating: "0", count: 60) + "1Ei") == 1)
  }
}
