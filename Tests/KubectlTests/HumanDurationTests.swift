import Testing

@testable import Kubectl

/// Cases from the HumanDuration table of `docs/reference/kubectl-output.md` §2, which follows
/// `apimachinery/pkg/util/duration/duration_test.go`.
@Suite struct HumanDurationTests {
  @Test(
    arguments: [
      (-3000, "<invalid>"), (-1500, "0s"), (0, "0s"), (45_000, "45s"), (90_000, "90s"), (119_999, "119s"),
      (120_000, "2m"), (121_000, "2m1s"), (150_000, "2m30s"), (300_000, "5m"), (599_000, "9m59s"),
      (600_000, "10m"), (659_000, "10m"), (3_900_000, "65m"), (10_740_000, "179m"), (10_800_000, "3h"),
      (10_860_000, "3h1m"), (11_400_000, "3h10m"), (28_740_000, "7h59m"), (28_800_000, "8h"),
      (90_000_000, "25h"), (169_200_000, "47h"), (172_800_000, "2d"), (176_400_000, "2d1h"),
      (190_800_000, "2d5h"), (604_800_000, "7d"), (691_200_000 - 3_600_000, "7d23h"),
      (691_200_000, "8d"), (31_708_800_000, "367d"), (62_985_600_000, "729d"), (63_072_000_000, "2y"),
      (63_158_400_000, "2y1d"), (252_201_600_000, "7y364d"), (252_288_000_000, "8y"),
      (283_824_000_000, "9y"),
    ] as [(Int64, String)])
  func formats(milliseconds: Int64, expected: String) {
    #expect(HumanDuration.format(milliseconds: milliseconds) == expected)
  }
}
