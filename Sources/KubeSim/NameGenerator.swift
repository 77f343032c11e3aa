/// Makes the names, uids and hashes that a real cluster randomises, with their real shape.
public struct NameGenerator: Sendable {
  /// The alphabet of `generateName` suffixes and safe-encoded hashes
  /// (`apimachinery/pkg/util/rand`): no vowels, no 0, 1 or 3.
  public static let alphabet = Array("bcdfghjklmnpqrstvwxz2456789")

  private var random: SeededGenerator

  /// Creates a generator from a seed.
  public init(seed: UInt64) {
    random = SeededGenerator(seed: seed)
  }

  /// `base` cut to 58 characters plus 5 random characters, as the API server does for
  /// `metadata.generateName`.
  public mutating func generateName(base: String) -> String {
    String(base.prefix(58)) + randomString(length: 5)
  }

  /// `length` characters drawn from ``alphabet``.
  public mutating func randomString(length: Int) -> String {
    var result = ""
    for _ in 0..<length { result.append(Self.alphabet[random.below(Self.alphabet.count)]) }
    return result
  }

  /// A uniformly chosen integer in `0..<bound`.
  public mutating func below(_ bound: Int) -> Int {
    random.below(bound)
  }

  /// A version-4 UUID in its canonical lower-case form.
  public mutating func uuid() -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(16)
    for _ in 0..<2 {
      var word = random.next()
      for _ in 0..<8 {
        bytes.append(UInt8(word & 0xFF))
        word >>= 8
      }
    }
    bytes[6] = (bytes[6] & 0x0F) | 0x40
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(36)
    for (index, byte) in bytes.enumerated() {
      if index == 4 || index == 6 || index == 8 || index == 10 { text.append(UInt8(ascii: "-")) }
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// `count` random bytes as lower-case hex (container ids, image digests).
  public mutating func hex(bytes count: Int) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var bytes: [UInt8] = []
    bytes.reserveCapacity(count * 2)
    for _ in 0..<count {
      let byte = UInt8(random.next() & 0xFF)
      bytes.append(digits[Int(byte >> 4)])
      bytes.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Kubernetes' `SafeEncodeString`: each character mapped to `alphabet[ord(c) % 27]`.
  public static func safeEncode(_ text: String) -> String {
    String(text.unicodeScalars.map { alphabet[Int($0.value) % alphabet.count] })
  }

  private func hexByte(_ byte: UInt8) -> String {
    let digits = Array("0123456789abcdef")
    return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
  }
}
