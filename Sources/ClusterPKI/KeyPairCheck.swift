import Crypto
import SwiftASN1
import X509
import _CryptoExtras

/// The DER half of Go's `tls.X509KeyPair` (`crypto/tls/tls.go`): the first certificate is
/// parsed, then the key (`parsePrivateKey`: PKCS #1, then PKCS #8, then SEC 1), and the key's
/// public half must be the certificate's.
public enum KeyPairCheck {
  /// Why a certificate and key are not a pair, in the order Go checks.
  public enum Problem: Error, Equatable, Sendable {
    /// `x509.ParseCertificate` failed.
    case malformedCertificate
    /// No key format parsed (`tls: failed to parse private key`).
    case unparsableKey
    /// An RSA key for an ECDSA certificate or the reverse.
    case keyTypeMismatch
    /// A key of the right type that is not the certificate's.
    case keyMismatch
    /// A certificate whose public key is neither RSA, ECDSA nor Ed25519.
    case unknownAlgorithm
  }

  /// The kinds of key Go's switch tells apart.
  enum Family {
    case rsa, ecdsa, ed25519
  }

  /// Nil when `keyDER` is the private key of the certificate `certificateDER`.
  public static func problem(certificateDER: [UInt8], keyDER: [UInt8]) -> Problem? {
    guard let certificate = try? Certificate(derEncoded: certificateDER) else { return .malformedCertificate }
    guard let key = privateKey(keyDER) else { return .unparsableKey }
    guard let certificateFamily = family(of: certificate.publicKey) else { return .unknownAlgorithm }
    guard family(of: key.publicKey) == certificateFamily else { return .keyTypeMismatch }
    return key.publicKey == certificate.publicKey ? nil : .keyMismatch
  }

  /// Go's `parsePrivateKey`: PKCS #1 RSA, PKCS #8 (RSA, ECDSA, Ed25519), SEC 1 EC.
  static func privateKey(_ der: [UInt8]) -> Certificate.PrivateKey? {
    if let key = try? Certificate.PrivateKey(pemDocument: PEMDocument(type: "RSA PRIVATE KEY", derBytes: der)) {
      return key
    }
    if let key = try? Certificate.PrivateKey(derBytes: der) { return key }
    if let key = try? Certificate.PrivateKey(pemDocument: PEMDocument(type: "EC PRIVATE KEY", derBytes: der)) {
      return key
    }
    return nil
  }

  /// Which of Go's cases a public key falls in.
  static func family(of key: Certificate.PublicKey) -> Family? {
    if P256.Signing.PublicKey(key) != nil || P384.Signing.PublicKey(key) != nil || P521.Signing.PublicKey(key) != nil {
      return .ecdsa
    }
    if _RSA.Signing.PublicKey(key) != nil { return .rsa }
    if Curve25519.Signing.PublicKey(key) != nil { return .ed25519 }
    return nil
  }
}
