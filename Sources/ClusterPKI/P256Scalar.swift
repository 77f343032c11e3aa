/// A number modulo the order `n` of the P-256 group, the arithmetic ECDSA signing needs
/// (`s = k⁻¹ · (z + r · d) mod n`). Four 64-bit limbs, least significant first; every
/// operation is bounded (bit-serial multiplication, Fermat inversion), none allocates.
struct P256Scalar: Equatable, Sendable {
  /// The limbs, least significant first.
  var limbs: (UInt64, UInt64, UInt64, UInt64)

  /// The order of P-256's base point (SEC 2 §2.4.2, FIPS 186-4 D.1.2.3).
  static let order = P256Scalar(
    limbs: (0xF3B9_CAC2_FC63_2551, 0xBCE6_FAAD_A717_9E84, 0xFFFF_FFFF_FFFF_FFFF, 0xFFFF_FFFF_0000_0000))

  /// Zero.
  static let zero = P256Scalar(limbs: (0, 0, 0, 0))

  /// A scalar from its limbs (not reduced).
  init(limbs: (UInt64, UInt64, UInt64, UInt64)) {
    self.limbs = limbs
  }

  /// The number 32 big-endian bytes spell (not reduced); nil unless exactly 32 bytes.
  init?(bigEndian bytes: some Collection<UInt8>) {
    let array = Array(bytes)
    guard array.count == 32 else { return nil }
    /// The limb from the 8 bytes starting at `start`.
    func limb(_ start: Int) -> UInt64 {
      array[start..<start + 8].reduce(0) { ($0 << 8) | UInt64($1) }
    }
    limbs = (limb(24), limb(16), limb(8), limb(0))
  }

  /// The 32 big-endian bytes of the number.
  var bigEndianBytes: [UInt8] {
    [limbs.3, limbs.2, limbs.1, limbs.0].flatMap { limb in
      (0..<8).reversed().map { UInt8(truncatingIfNeeded: limb >> ($0 * 8)) }
    }
  }

  /// The limbs as an array, least significant first.
  private var array: [UInt64] { [limbs.0, limbs.1, limbs.2, limbs.3] }

  /// Whether the number is zero.
  var isZero: Bool { self == .zero }

  /// Whether the number is below ``order`` (a reduced scalar).
  var isReduced: Bool { Self.compare(self, Self.order) < 0 }

  /// The number reduced once: a value below `2·n` (any 256-bit number is) becomes one below `n`.
  var reducedOnce: P256Scalar { isReduced ? self : Self.subtract(self, Self.order).difference }

  /// -1, 0 or 1 as `a` is below, equal to or above `b`.
  static func compare(_ a: P256Scalar, _ b: P256Scalar) -> Int {
    if a.limbs.3 != b.limbs.3 { return a.limbs.3 < b.limbs.3 ? -1 : 1 }
    if a.limbs.2 != b.limbs.2 { return a.limbs.2 < b.limbs.2 ? -1 : 1 }
    if a.limbs.1 != b.limbs.1 { return a.limbs.1 < b.limbs.1 ? -1 : 1 }
    if a.limbs.0 != b.limbs.0 { return a.limbs.0 < b.limbs.0 ? -1 : 1 }
    return 0
  }

  /// One limb of a subtraction: `a - b - borrow` and the borrow out.
  private static func limbDifference(_ a: UInt64, _ b: UInt64, _ borrow: Bool) -> (UInt64, Bool) {
    let (first, overflow1) = a.subtractingReportingOverflow(b)
    let (second, overflow2) = first.subtractingReportingOverflow(borrow ? 1 : 0)
    return (second, overflow1 || overflow2)
  }

  /// One limb of an addition: `a + b + carry` and the carry out.
  private static func limbSum(_ a: UInt64, _ b: UInt64, _ carry: Bool) -> (UInt64, Bool) {
    let (first, overflow1) = a.addingReportingOverflow(b)
    let (second, overflow2) = first.addingReportingOverflow(carry ? 1 : 0)
    return (second, overflow1 || overflow2)
  }

  /// `a - b` modulo 2²⁵⁶ and whether it borrowed.
  static func subtract(_ a: P256Scalar, _ b: P256Scalar) -> (difference: P256Scalar, borrowed: Bool) {
    let (l0, b0) = limbDifference(a.limbs.0, b.limbs.0, false)
    let (l1, b1) = limbDifference(a.limbs.1, b.limbs.1, b0)
    let (l2, b2) = limbDifference(a.limbs.2, b.limbs.2, b1)
    let (l3, b3) = limbDifference(a.limbs.3, b.limbs.3, b2)
    return (P256Scalar(limbs: (l0, l1, l2, l3)), b3)
  }

  /// `(a + b) mod n` for reduced `a` and `b`.
  static func add(_ a: P256Scalar, _ b: P256Scalar) -> P256Scalar {
    let (l0, c0) = limbSum(a.limbs.0, b.limbs.0, false)
    let (l1, c1) = limbSum(a.limbs.1, b.limbs.1, c0)
    let (l2, c2) = limbSum(a.limbs.2, b.limbs.2, c1)
    let (l3, c3) = limbSum(a.limbs.3, b.limbs.3, c2)
    let sum = P256Scalar(limbs: (l0, l1, l2, l3))
    // A sum that overflowed 2²⁵⁶ is above n; subtracting n modulo 2²⁵⁶ gives the true rest.
    if c3 || !sum.isReduced { return subtract(sum, order).difference }
    return sum
  }

  /// `(a · b) mod n` for reduced `a` and `b`: double and add, from `b`'s top bit down.
  static func multiply(_ a: P256Scalar, _ b: P256Scalar) -> P256Scalar {
    var result = P256Scalar.zero
    let bits = b.array
    for index in (0..<4).reversed() {
      for bit in (0..<64).reversed() {
        result = add(result, result)
        if (bits[index] >> UInt64(bit)) & 1 == 1 { result = add(result, a) }
      }
    }
    return result
  }

  /// `a⁻¹ mod n` for a reduced, non-zero `a` (Fermat: `a^(n-2)`, n being prime).
  static func inverse(_ a: P256Scalar) -> P256Scalar {
    let exponent = subtract(order, P256Scalar(limbs: (2, 0, 0, 0))).difference.array
    var result = P256Scalar(limbs: (1, 0, 0, 0))
    for index in (0..<4).reversed() {
      for bit in (0..<64).reversed() {
        result = multiply(result, result)
        if (exponent[index] >> UInt64(bit)) & 1 == 1 { result = multiply(result, a) }
      }
    }
    return result
  }

  /// Structural equality of the limbs.
  static func == (lhs: P256Scalar, rhs: P256Scalar) -> Bool { compare(lhs, rhs) == 0 }
}
