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

/// The canonical form against apimachinery v0.32.4's own tables (`pkg/api/resource/
/// quantity_test.go`): `TestQuantityParse` (value and format of each parse, also negated and
/// with an explicit `+`), `TestQuantityString` (canonical texts kept by the parse, and the
/// alternates that canonicalise to them), `TestQuantityParseEmit` and `TestJSONWhitespace`.
@Suite struct QuantityCanonicalTests {
  /// `decQuantity(mantissa, exponent, format)`, the value and format `ParseQuantity` leaves.
  struct Expected: Sendable {
    let input: String
    let mantissa: Int64
    let exponent: Int
    let format: Quantity.Format
  }

  static let maxAllowed = Int64.max

  /// `TestQuantityParse`'s table, entry for entry.
  static let parseTable: [Expected] = [
    .init(input: "0", mantissa: 0, exponent: 0, format: .decimalSI),
    .init(input: "0n", mantissa: 0, exponent: 0, format: .decimalSI),
    .init(input: "0u", mantissa: 0, exponent: 0, format: .decimalSI),
    .init(input: "0m", mantissa: 0, exponent: 0, format: .decimalSI),
    .init(input: "0Ki", mantissa: 0, exponent: 0, format: .binarySI),
    .init(input: "0k", mantissa: 0, exponent: 0, format: .decimalSI),
    .init(input: "0Mi", mantissa: 0, exponent: 0, format: .binarySI),
    .init(input: "0M", mantissa: 0, exponent: 0, format: .decimalSI),
    .init(input: "0Gi", mantissa: 0, exponent: 0, format: .binarySI),
    .init(input: "0G", mantissa: 0, exponent: 0, format: .decimalSI),
    .init(input: "0Ti", mantissa: 0, exponent: 0, format: .binarySI),
    .init(input: "0T", mantissa: 0, exponent: 0, format: .decimalSI),
    .init(input: "1", mantissa: 1, exponent: 0, format: .decimalSI),
    .init(input: "1Ki", mantissa: 1024, exponent: 0, format: .binarySI),
    .init(input: "8Ki", mantissa: 8 * 1024, exponent: 0, format: .binarySI),
    .init(input: "7Mi", mantissa: 7 * 1024 * 1024, exponent: 0, format: .binarySI),
    .init(input: "6Gi", mantissa: 6 * 1024 * 1024 * 1024, exponent: 0, format: .binarySI),
    .init(input: "5Ti", mantissa: 5 * 1024 * 1024 * 1024 * 1024, exponent: 0, format: .binarySI),
    .init(input: "4Pi", mantissa: 4 * 1024 * 1024 * 1024 * 1024 * 1024, exponent: 0, format: .binarySI),
    .init(input: "3Ei", mantissa: 3 * 1024 * 1024 * 1024 * 1024 * 1024 * 1024, exponent: 0, format: .binarySI),
    .init(input: "10Ti", mantissa: 10 * 1024 * 1024 * 1024 * 1024, exponent: 0, format: .binarySI),
    .init(input: "100Ti", mantissa: 100 * 1024 * 1024 * 1024 * 1024, exponent: 0, format: .binarySI),
    .init(input: "5n", mantissa: 5, exponent: -9, format: .decimalSI),
    .init(input: "4u", mantissa: 4, exponent: -6, format: .decimalSI),
    .init(input: "3m", mantissa: 3, exponent: -3, format: .decimalSI),
    .init(input: "9", mantissa: 9, exponent: 0, format: .decimalSI),
    .init(input: "8k", mantissa: 8, exponent: 3, format: .decimalSI),
    .init(input: "50k", mantissa: 5, exponent: 4, format: .decimalSI),
    .init(input: "7M", mantissa: 7, exponent: 6, format: .decimalSI),
    .init(input: "6G", mantissa: 6, exponent: 9, format: .decimalSI),
    .init(input: "5T", mantissa: 5, exponent: 12, format: .decimalSI),
    .init(input: "40T", mantissa: 4, exponent: 13, format: .decimalSI),
    .init(input: "300T", mantissa: 3, exponent: 14, format: .decimalSI),
    .init(input: "2P", mantissa: 2, exponent: 15, format: .decimalSI),
    .init(input: "1E", mantissa: 1, exponent: 18, format: .decimalSI),
    .init(input: "1E-3", mantissa: 1, exponent: -3, format: .decimalExponent),
    .init(input: "1e3", mantissa: 1, exponent: 3, format: .decimalExponent),
    .init(input: "1E6", mantissa: 1, exponent: 6, format: .decimalExponent),
    .init(input: "1e9", mantissa: 1, exponent: 9, format: .decimalExponent),
    .init(input: "1E12", mantissa: 1, exponent: 12, format: .decimalExponent),
    .init(input: "1e15", mantissa: 1, exponent: 15, format: .decimalExponent),
    .init(input: "1E18", mantissa: 1, exponent: 18, format: .decimalExponent),
    .init(input: "1e14", mantissa: 1, exponent: 14, format: .decimalExponent),
    .init(input: "1e13", mantissa: 1, exponent: 13, format: .decimalExponent),
    .init(input: "1e3", mantissa: 1, exponent: 3, format: .decimalExponent),
    .init(input: "100.035k", mantissa: 100035, exponent: 0, format: .decimalSI),
    .init(input: "0.001", mantissa: 1, exponent: -3, format: .decimalSI),
    .init(input: "0.0005k", mantissa: 5, exponent: -1, format: .decimalSI),
    .init(input: "0.005", mantissa: 5, exponent: -3, format: .decimalSI),
    .init(input: "0.05", mantissa: 5, exponent: -2, format: .decimalSI),
    .init(input: "0.5", mantissa: 5, exponent: -1, format: .decimalSI),
    .init(input: "0.00050k", mantissa: 5, exponent: -1, format: .decimalSI),
    .init(input: "0.00500", mantissa: 5, exponent: -3, format: .decimalSI),
    .init(input: "0.05000", mantissa: 5, exponent: -2, format: .decimalSI),
    .init(input: "0.50000", mantissa: 5, exponent: -1, format: .decimalSI),
    .init(input: "0.5e0", mantissa: 5, exponent: -1, format: .decimalExponent),
    .init(input: "0.5e-1", mantissa: 5, exponent: -2, format: .decimalExponent),
    .init(input: "0.5e-2", mantissa: 5, exponent: -3, format: .decimalExponent),
    .init(input: "0.5e0", mantissa: 5, exponent: -1, format: .decimalExponent),
    .init(input: "10.035M", mantissa: 10035, exponent: 3, format: .decimalSI),
    .init(input: "1.2e3", mantissa: 12, exponent: 2, format: .decimalExponent),
    .init(input: "1.3E+6", mantissa: 13, exponent: 5, format: .decimalExponent),
    .init(input: "1.40e9", mantissa: 14, exponent: 8, format: .decimalExponent),
    .init(input: "1.53E12", mantissa: 153, exponent: 10, format: .decimalExponent),
    .init(input: "1.6e15", mantissa: 16, exponent: 14, format: .decimalExponent),
    .init(input: "1.7E18", mantissa: 17, exponent: 17, format: .decimalExponent),
    .init(input: "9.01", mantissa: 901, exponent: -2, format: .decimalSI),
    .init(input: "8.1k", mantissa: 81, exponent: 2, format: .decimalSI),
    .init(input: "7.123456M", mantissa: 7_123_456, exponent: 0, format: .decimalSI),
    .init(input: "6.987654321G", mantissa: 6_987_654_321, exponent: 0, format: .decimalSI),
    .init(input: "5.444T", mantissa: 5444, exponent: 9, format: .decimalSI),
    .init(input: "40.1T", mantissa: 401, exponent: 11, format: .decimalSI),
    .init(input: "300.2T", mantissa: 3002, exponent: 11, format: .decimalSI),
    .init(input: "2.5P", mantissa: 25, exponent: 14, format: .decimalSI),
    .init(input: "1.01E", mantissa: 101, exponent: 16, format: .decimalSI),
    .init(input: "3.001n", mantissa: 4, exponent: -9, format: .decimalSI),
    .init(input: "1.1E-9", mantissa: 2, exponent: -9, format: .decimalExponent),
    .init(input: "0.0000000001", mantissa: 1, exponent: -9, format: .decimalSI),
    .init(input: "0.0000000005", mantissa: 1, exponent: -9, format: .decimalSI),
    .init(input: "0.00000000050", mantissa: 1, exponent: -9, format: .decimalSI),
    .init(input: "0.5e-9", mantissa: 1, exponent: -9, format: .decimalExponent),
    .init(input: "0.9n", mantissa: 1, exponent: -9, format: .decimalSI),
    .init(input: "0.00000012345", mantissa: 124, exponent: -9, format: .decimalSI),
    .init(input: "0.00000012354", mantissa: 124, exponent: -9, format: .decimalSI),
    .init(input: "9Ei", mantissa: maxAllowed, exponent: 0, format: .binarySI),
    .init(input: "9223372036854775807Ki", mantissa: maxAllowed, exponent: 0, format: .binarySI),
    .init(input: "12E", mantissa: 12, exponent: 18, format: .decimalSI),
    .init(input: "100.035Ki", mantissa: 10_243_584, exponent: -2, format: .binarySI),
    .init(input: "0.5Mi", mantissa: 512 * 1024, exponent: 0, format: .binarySI),
    .init(input: "0.05Gi", mantissa: 536_870_912, exponent: -1, format: .binarySI),
    .init(input: "0.025Ti", mantissa: 274_877_906_944, exponent: -1, format: .binarySI),
    .init(input: "0.000000000001Ki", mantissa: 2, exponent: -9, format: .decimalSI),
    .init(input: ".001", mantissa: 1, exponent: -3, format: .decimalSI),
    .init(input: ".0001k", mantissa: 100, exponent: -3, format: .decimalSI),
    .init(input: "1.", mantissa: 1, exponent: 0, format: .decimalSI),
    .init(input: "1.G", mantissa: 1, exponent: 9, format: .decimalSI),
  ]

  /// The value `digits × 10^exponent` with trailing zeros moved into the exponent.
  static func normalized(_ digits: [UInt8], _ exponent: Int) -> ([UInt8], Int) {
    var digits = digits
    var exponent = exponent
    while digits.count > 1, digits.last == 0 {
      digits.removeLast()
      exponent += 1
    }
    return digits.isEmpty ? ([], 0) : (digits, exponent)
  }

  /// The digits of `mantissa` as ``Quantity/Parsed`` keeps them.
  static func digits(_ mantissa: Int64) -> [UInt8] {
    mantissa == 0 ? [] : String(mantissa).utf8.map { $0 - UInt8(ascii: "0") }
  }

  @Test(arguments: parseTable)
  func parse(expected: Expected) throws {
    let want = Self.normalized(Self.digits(expected.mantissa), expected.exponent)
    for (prefix, negative) in [("", false), ("-", expected.mantissa != 0), ("+", false)] {
      let parsed = try Quantity.parse(prefix + expected.input)
      let got = Self.normalized(parsed.digits, parsed.exponent)
      #expect(got.0 == want.0 && got.1 == want.1, "\(prefix)\(expected.input)")
      #expect(parsed.negative == negative, "\(prefix)\(expected.input)")
      #expect(parsed.format == expected.format, "\(prefix)\(expected.input)")
    }
  }

  /// `TestQuantityString`: the expected text is kept as given by the parse; the alternate
  /// (when the table has one) canonicalises to it.
  @Test(
    arguments: [
      ("1Gi", "1024Mi"), ("300Mi", "307200Ki"), ("6Ki", ""), ("1001Gi", "1025024Mi"), ("1Ti", "1024Gi"),
      ("5", "5000m"), ("500m", "0.5"), ("1G", "1000M"), ("1G", "0.001T"), ("1G", ""), ("1G", ""), ("1m", "1000u"),
      ("80m", ""), ("1080m", "1.08"), ("1080m", "1080000000n"), ("1080m", ""), ("300M", ""), ("1T", ""),
      ("1234567M", ""), ("1234567m", ""), ("3k", ""), ("1025", ""), ("0", ""), ("0", ""), ("1e9", ".001e12"),
      ("1e-3", "0.001e0"), ("1e-9", "1000e-12"), ("80e-3", ""), ("300e6", ""), ("1e12", ""), ("1e3", ""),
      ("3e3", ""), ("3k", ""), ("0", "00"), ("1n", ""), ("80n", ""), ("1080n", ""), ("1080n", ""), ("1080n", ""),
      ("1u", ""), ("80u", ""), ("1080u", ""),
    ])
  func string(expect: String, alternate: String) throws {
    let parsed = try Quantity.parse(expect)
    #expect(parsed.kept == expect)
    #expect(try Quantity.canonical(expect) == expect)
    guard !alternate.isEmpty else { return }
    #expect(try Quantity.parse(alternate).kept == nil)
    #expect(try Quantity.canonical(alternate) == expect)
  }

  /// `TestQuantityParseEmit`, and its negated loop.
  @Test(
    arguments: [
      ("1Ki", "1Ki"), ("1Mi", "1Mi"), ("1Gi", "1Gi"), ("1024Mi", "1Gi"), ("1000M", "1G"), (".001Ki", "1024m"),
      (".000001Ki", "1024u"), (".000000001Ki", "1024n"), (".000000000001Ki", "2n"),
    ])
  func parseEmit(input: String, expect: String) throws {
    #expect(try Quantity.canonical(input) == expect)
    #expect(try Quantity.canonical("-" + input) == "-" + expect)
  }

  /// `TestJSONWhitespace`: `UnmarshalJSON` trims the text first.
  @Test(arguments: [(" 1", "1"), ("1 ", "1"), ("1", "1"), ("10", "10"), ("-1", "-1"), (" -1", "-1")])
  func jsonWhitespace(input: String, expect: String) throws {
    #expect(try Quantity.canonicalJSON(input) == expect)
  }

  /// `TestQuantityParseZero` and `TestQuantityCanocicalizeZero`: zero is written `0`, never
  /// `0<suffix>` or `-0`.
  @Test(arguments: ["0", "0m", "0Ki", "-0", "-0.000Gi", "0e9", "00", "."])
  func zero(input: String) throws {
    #expect(try Quantity.canonical(input) == "0")
  }

  /// Exponents at the ends of `int32` and past them (truncated as Go's `int32(parsed)`
  /// truncates): no trap and no work beyond the digits given. A value far below a nano unit
  /// rounds away from zero to one nano unit (ParseQuantity's `inf.RoundUp` to `Nano`), kept in
  /// its format (`1e-9`, `1n`); 10^2147483647 is written with the exponent a multiple of 3 below it (2147483646).
  @Test func hugeExponentsDoNotTrap() throws {
    #expect(try Quantity.canonical("1e-2147483647") == "1e-9")
    #expect(try Quantity.canonical("1e2147483647") == "10e2147483646")
    #expect(try Quantity.canonical("-7e-9999999999") == "-1e-9")
    #expect(try Quantity.canonical("0." + String(repeating: "0", count: 5000) + "1") == "1n")
    #expect(try Quantity.canonical(String(repeating: "9", count: 400) + "Ei") == "9223372036854775807")
    #expect(throws: Quantity.ParseError.suffix) { try Quantity.canonical("1e99999999999999999999") }
  }
}
