import Crypto
import Testing

@testable import ClusterPKI

/// ``DeterministicECDSA`` against RFC 6979's own test vector and swift-crypto's verifier.
@Suite struct DeterministicECDSATests {
  /// Bytes from hex.
  static func hex(_ text: String) -> [UInt8] {
    var bytes: [UInt8] = []
    var index = text.startIndex
    while index < text.endIndex {
      let next = text.index(index, offsetBy: 2)
      bytes.append(UInt8(text[index..<next], radix: 16)!)
      index = next
    }
    return bytes
  }

  /// RFC 6979 Appendix A.2.5 (ECDSA, 256 bits, prime field), SHA-256, message "sample".
  @Test func rfc6979Sample() throws {
    let key = Self.hex("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721")
    let signature = try DeterministicECDSA.sign(Array("sample".utf8), privateKey: key)
    #expect(signature.prefix(32) == Self.hex("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716")[...])
    #expect(signature.suffix(32) == Self.hex("F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8")[...])
  }

  /// The same vector's message "test".
  @Test func rfc6979Test() throws {
    let key = Self.hex("C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721")
    let signature = try DeterministicECDSA.sign(Array("test".utf8), privateKey: key)
    #expect(signature.prefix(32) == Self.hex("F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367")[...])
    #expect(signature.suffix(32) == Self.hex("019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083")[...])
  }

  /// swift-crypto accepts what the seeded keys sign, and rejects it for another message.
  @Test func verifiesWithSwiftCrypto() throws {
    let key = SeededSigningKey(seed: 7, label: "sa")
    let message = Array("kubebook".utf8)
    let raw = key.signature(for: message)
    let signature = try P256.Signing.ECDSASignature(rawRepresentation: raw)
    #expect(key.signingPublicKey.isValidSignature(signature, for: message))
    #expect(!key.signingPublicKey.isValidSignature(signature, for: Array("kubebook!".utf8)))
    #expect(key.signature(for: message) == raw)
  }
}
