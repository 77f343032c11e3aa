import Crypto
import Foundation
import SwiftASN1
import X509

/// The certificates and keys `kubeadm init` generates that kubectl shows, made from the
/// cluster's seed instead of the system's random source: the cluster CA (`ca.crt`), the
/// admin client certificate and key of `admin.conf`, and the service-account signing key
/// (`sa.key`), whose public key the API server checks tokens with.
///
/// kubeadm makes RSA 2048 keys by default; kubebook makes ECDSA P-256 keys, what kubeadm makes
/// with `encryptionAlgorithm: ECDSA-P256` in its ClusterConfiguration (its `NewPrivateKey`
/// then calls `ecdsa.GenerateKey(elliptic.P256(), ...)`). Validity as kubeadm v1.32 sets it
/// (`cmd/kubeadm/app/util/pkiutil/pki_helpers.go`): the CA from 5 minutes before `kubeadm
/// init` (`CertificateBackdate`) to 10 years after it, the client certificate from the CA's
/// start to one year after `init` (`CertificateValidity`). Serial numbers, random in kubeadm
/// (`[1, 2⁶³-1)`), come from the seed too.
public struct ClusterPKI: Sendable {
  /// The CA's key.
  public let caKey: SeededSigningKey
  /// The admin client's key (`client-key-data` in `admin.conf`).
  public let adminKey: SeededSigningKey
  /// The service-account token signing key (`sa.key`).
  public let serviceAccountKey: SeededSigningKey
  /// The CA certificate, DER.
  public let caCertificateDER: [UInt8]
  /// The admin client certificate, DER.
  public let adminCertificateDER: [UInt8]

  /// kubeadm's `CertificateBackdate`.
  static let backdateSeconds: Int64 = 5 * 60
  /// client-go's `duration365d * 10` for the CA (`NewSelfSignedCACert`).
  static let caValiditySeconds: Int64 = 10 * 365 * 24 * 3600
  /// kubeadm's `CertificateValidity` for the certificates the CA signs.
  static let certificateValiditySeconds: Int64 = 365 * 24 * 3600

  /// The PKI of a cluster made with `seed` whose `kubeadm init` ran at `initSeconds` (Unix
  /// seconds of the simulated clock).
  public init(seed: UInt64, initSeconds: Int64) {
    caKey = SeededSigningKey(seed: seed, label: "ca")
    adminKey = SeededSigningKey(seed: seed, label: "admin")
    serviceAccountKey = SeededSigningKey(seed: seed, label: "sa")
    let notBefore = Date(timeIntervalSince1970: TimeInterval(initSeconds - Self.backdateSeconds))
    let caSubject = try! DistinguishedName { CommonName("kubernetes") }
    let caSKI = Self.keyIdentifier(caKey)
    // Building a certificate fails only on malformed input (a date outside X.509's range, an
    // empty name): none of these values can be, so the try! cannot trap.
    let ca = try! Certificate(
      version: .v3,
      serialNumber: Self.serial(seed: seed, label: "ca"),
      publicKey: caKey.publicKey,
      notValidBefore: notBefore,
      notValidAfter: Date(timeIntervalSince1970: TimeInterval(initSeconds + Self.caValiditySeconds)),
      issuer: caSubject,
      subject: caSubject,
      signatureAlgorithm: .ecdsaWithSHA256,
      extensions: try! Certificate.Extensions {
        Critical(KeyUsage(digitalSignature: true, keyEncipherment: true, keyCertSign: true))
        Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
        SubjectKeyIdentifier(keyIdentifier: caSKI[...])
        SubjectAlternativeNames([.dnsName("kubernetes")])
      },
      issuerPrivateKey: Certificate.PrivateKey(caKey))
    let admin = try! Certificate(
      version: .v3,
      serialNumber: Self.serial(seed: seed, label: "admin"),
      publicKey: adminKey.publicKey,
      notValidBefore: notBefore,
      notValidAfter: Date(timeIntervalSince1970: TimeInterval(initSeconds + Self.certificateValiditySeconds)),
      issuer: caSubject,
      subject: try! DistinguishedName {
        OrganizationName("kubeadm:cluster-admins")
        CommonName("kubernetes-admin")
      },
      signatureAlgorithm: .ecdsaWithSHA256,
      extensions: try! Certificate.Extensions {
        Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
        try ExtendedKeyUsage([.clientAuth])
        Critical(BasicConstraints.notCertificateAuthority)
        AuthorityKeyIdentifier(keyIdentifier: caSKI[...])
      },
      issuerPrivateKey: Certificate.PrivateKey(caKey))
    caCertificateDER = Self.der(ca)
    adminCertificateDER = Self.der(admin)
  }

  /// `ca.crt` as PEM (`certificate-authority-data` decoded).
  public var caCertificatePEM: String { PEM.encode(caCertificateDER, type: "CERTIFICATE") }
  /// The admin certificate as PEM (`client-certificate-data` decoded).
  public var adminCertificatePEM: String { PEM.encode(adminCertificateDER, type: "CERTIFICATE") }
  /// The admin key as PEM (`client-key-data` decoded).
  public var adminKeyPEM: String { adminKey.pem }

  /// The `kid` of the tokens the service-account key signs: the unpadded URL-safe base64 of
  /// the SHA-256 of its DER public key (kube-apiserver's `keyIDFromPublicKey`,
  /// `pkg/serviceaccount/jwt.go`).
  public var serviceAccountKeyID: String {
    PEM.rawURLBase64(Array(SHA256.hash(data: serviceAccountKey.publicKeyDER)))
  }

  /// A compact JWS (`HEADER.PAYLOAD.SIGNATURE`) of the JSON texts `header` and `claims`,
  /// signed ES256 with the service-account key (RFC 7515, RFC 7518 §3.4: `r ‖ s`).
  public func signedToken(header: String, claims: String) -> String {
    let signingInput = PEM.rawURLBase64(Array(header.utf8)) + "." + PEM.rawURLBase64(Array(claims.utf8))
    let signature = serviceAccountKey.signature(for: Array(signingInput.utf8))
    return signingInput + "." + PEM.rawURLBase64(signature)
  }

  /// A serial number in `[1, 2⁶³)`, as kubeadm draws them, from the seed.
  static func serial(seed: UInt64, label: String) -> Certificate.SerialNumber {
    let seedBytes = (0..<8).map { UInt8(truncatingIfNeeded: seed >> (56 - $0 * 8)) }
    let mac = Array(
      HMAC<SHA256>.authenticationCode(
        for: Array("serial:\(label)".utf8), using: SymmetricKey(data: Array("kubebook cluster pki".utf8) + seedBytes)))
    let value = mac.prefix(8).reduce(UInt64(0)) { ($0 << 8) | UInt64($1) } & 0x7FFF_FFFF_FFFF_FFFF
    return Certificate.SerialNumber(max(value, 1))
  }

  /// The SHA-1 of a key's public point: RFC 5280 §4.2.1.2's first method, which Go's
  /// `x509.CreateCertificate` uses for a CA's subject key identifier.
  static func keyIdentifier(_ key: SeededSigningKey) -> [UInt8] {
    Array(Insecure.SHA1.hash(data: Array(key.signingPublicKey.x963Representation)))
  }

  /// A certificate's DER.
  static func der(_ certificate: Certificate) -> [UInt8] {
    var serializer = DER.Serializer()
    try! serializer.serialize(certificate)
    return serializer.serializedBytes
  }
}
