import Crypto
import Foundation
import SwiftASN1
import X509

/// A P-256 signing key derived from the cluster's seed and a label (`ca`, `admin`, `sa`):
/// the private scalar is HMAC-SHA-256 of the label under a key made of the seed, tried again
/// with a counter in the rare case it is not below the group order. It signs with
/// ``DeterministicECDSA``, so certificates and tokens are the same on every run.
public struct SeededSigningKey: Sendable, Hashable {
  /// The private scalar, 32 big-endian bytes.
  let scalar: [UInt8]

  /// The key for `label` in a cluster made with `seed`.
  public init(seed: UInt64, label: String) {
    let seedBytes = (0..<8).map { UInt8(truncatingIfNeeded: seed >> (56 - $0 * 8)) }
    let derivationKey = SymmetricKey(data: Array("kubebook cluster pki".utf8) + seedBytes)
    for counter in 0..<UInt8(64) {
      let bytes = Array(
        HMAC<SHA256>.authenticationCode(for: Array(label.utf8) + [0, counter], using: derivationKey))
      if (try? P256.Signing.PrivateKey(rawRepresentation: bytes)) != nil {
        self.scalar = bytes
        return
      }
    }
    // 64 misses in a row (probability about 2⁻²⁰⁴⁸) cannot happen; 1 is a valid scalar.
    let one = [UInt8](repeating: 0, count: 31) + [1]
    self.scalar = one
  }

  /// swift-crypto's key for the scalar, which it accepted when the key was derived.
  var key: P256.Signing.PrivateKey { try! P256.Signing.PrivateKey(rawRepresentation: scalar) }

  /// The public key.
  public var signingPublicKey: P256.Signing.PublicKey { key.publicKey }

  /// The deterministic signature of `message` (SHA-256, ECDSA), `r ‖ s`.
  public func signature(for message: some Sequence<UInt8>) -> [UInt8] {
    // The scalar was accepted by swift-crypto, so it is a valid key: signing cannot fail.
    (try? DeterministicECDSA.sign(message, privateKey: scalar)) ?? []
  }

  /// The key as `x509.MarshalECPrivateKey` writes it (SEC 1 `ECPrivateKey`, RFC 5915): version 1,
  /// the scalar, the named curve prime256v1 and the public point.
  public var sec1DER: [UInt8] {
    let curve: [UInt8] = [0x06, 0x08, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07]
    let point = Array(signingPublicKey.x963Representation)
    var body: [UInt8] = [0x02, 0x01, 0x01, 0x04, 0x20] + scalar
    body += [0xA0, UInt8(curve.count)] + curve
    body += [0xA1, UInt8(point.count + 3), 0x03, UInt8(point.count + 1), 0x00] + point
    return [0x30, UInt8(body.count)] + body
  }

  /// The key as PEM, `EC PRIVATE KEY` (`keyutil.MarshalPrivateKeyToPEM` for ECDSA keys).
  public var pem: String { PEM.encode(sec1DER, type: "EC PRIVATE KEY") }

  /// The public key's `SubjectPublicKeyInfo` in DER (`x509.MarshalPKIXPublicKey`).
  public var publicKeyDER: [UInt8] { Array(signingPublicKey.derRepresentation) }

  /// Two keys are equal when their scalars are.
  public static func == (lhs: SeededSigningKey, rhs: SeededSigningKey) -> Bool { lhs.scalar == rhs.scalar }

  /// Hashes the scalar.
  public func hash(into hasher: inout Hasher) { hasher.combine(scalar) }
}

/// The key as swift-certificates' issuer key: it signs TBS certificates deterministically.
extension SeededSigningKey: CustomPrivateKey {
  /// The certificate form of the public key.
  public var publicKey: Certificate.PublicKey { Certificate.PublicKey(key.publicKey) }

  /// `ecdsa-with-SHA256`.
  public var defaultSignatureAlgorithm: Certificate.SignatureAlgorithm { .ecdsaWithSHA256 }

  /// Only `ecdsa-with-SHA256`.
  public var supportedSignatureAlgorithms: [Certificate.SignatureAlgorithm] { [.ecdsaWithSHA256] }

  /// Signs `bytes` (the DER of a TBS certificate) with SHA-256 and deterministic ECDSA.
  public func signSynchronously(
    bytes: some DataProtocol, signatureAlgorithm: Certificate.SignatureAlgorithm
  ) throws -> Certificate.Signature {
    let raw = try DeterministicECDSA.sign(Array(bytes), privateKey: scalar)
    let der = try P256.Signing.ECDSASignature(rawRepresentation: raw).derRepresentation
    return try Certificate.Signature(
      signatureAlgorithm: .ecdsaWithSHA256, signatureBytes: ASN1BitString(bytes: ArraySlice(der)))
  }

  /// `EC PRIVATE KEY`.
  public static var defaultPEMDiscriminator: String { "EC PRIVATE KEY" }

  /// Writes the SEC 1 DER.
  public func serialize(into coder: inout DER.Serializer) throws { coder.serializeRawBytes(sec1DER) }
}
