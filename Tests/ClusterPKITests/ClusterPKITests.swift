import Foundation
import Testing

@testable import ClusterPKI

/// The seeded PKI, read back by OpenSSL (`openssl x509`, `openssl verify`, `openssl ec`): an
/// independent parser of what swift-certificates and kubebook wrote.
@Suite struct ClusterPKITests {
  /// kubebook's default cluster: seed 1, created at 2025-03-03T08:50:00Z (the scenario start
  /// 09:00 less the cluster's 600 s age).
  static let pki = ClusterPKI(seed: 1, initSeconds: 1_740_992_400 - 600)

  static let canRun = FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")

  /// Runs openssl with `arguments` in `directory`; standard output and error together.
  static func openssl(_ arguments: [String], in directory: URL) throws -> (output: String, status: Int32) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
  }

  /// A temporary directory holding the PKI's three PEM files.
  static func files() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kubebook-pki-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try pki.caCertificatePEM.write(to: directory.appendingPathComponent("ca.crt"), atomically: true, encoding: .utf8)
    try pki.adminCertificatePEM.write(
      to: directory.appendingPathComponent("admin.crt"), atomically: true, encoding: .utf8)
    try pki.adminKeyPEM.write(to: directory.appendingPathComponent("admin.key"), atomically: true, encoding: .utf8)
    return directory
  }

  /// kubeadm's validity (pki_helpers.go): the CA from 5 minutes before init for 10 × 365 days
  /// after it, the admin certificate from the CA's start to 365 days after init. The dates are
  /// `date -u -d @$((1740992400 - 600 + 315360000))` and `... + 31536000`.
  @Test(.enabled(if: canRun, "needs openssl")) func validityAndNames() throws {
    let directory = try Self.files()
    defer { try? FileManager.default.removeItem(at: directory) }
    let ca = try Self.openssl(
      ["x509", "-in", "ca.crt", "-noout", "-subject", "-issuer", "-startdate", "-enddate"], in: directory)
    #expect(
      ca.output
        == "subject=CN = kubernetes\nissuer=CN = kubernetes\nnotBefore=Mar  3 08:45:00 2025 GMT\nnotAfter=Mar  1 08:50:00 2035 GMT\n"
    )
    let admin = try Self.openssl(
      ["x509", "-in", "admin.crt", "-noout", "-subject", "-issuer", "-startdate", "-enddate"], in: directory)
    #expect(
      admin.output
        == "subject=O = kubeadm:cluster-admins, CN = kubernetes-admin\nissuer=CN = kubernetes\nnotBefore=Mar  3 08:45:00 2025 GMT\nnotAfter=Mar  3 08:50:00 2026 GMT\n"
    )
    let text = try Self.openssl(["x509", "-in", "admin.crt", "-noout", "-text"], in: directory).output
    #expect(text.contains("TLS Web Client Authentication"))
    #expect(text.contains("ecdsa-with-SHA256"))
    #expect(text.contains("ASN1 OID: prime256v1"))
  }

  /// The admin certificate verifies against the CA at a time inside both validities, and
  /// the key is the certificate's.
  @Test(.enabled(if: canRun, "needs openssl")) func chainAndKeyMatch() throws {
    let directory = try Self.files()
    defer { try? FileManager.default.removeItem(at: directory) }
    let verified = try Self.openssl(
      ["verify", "-attime", "1741000000", "-CAfile", "ca.crt", "admin.crt"], in: directory)
    #expect(verified.output == "admin.crt: OK\n")
    let keyPublic = try Self.openssl(["ec", "-in", "admin.key", "-pubout"], in: directory).output
    let certificatePublic = try Self.openssl(["x509", "-in", "admin.crt", "-noout", "-pubkey"], in: directory).output
    #expect(keyPublic.hasSuffix(certificatePublic))
    #expect(certificatePublic.hasPrefix("-----BEGIN PUBLIC KEY-----"))
    #expect(Self.pki.adminKeyPEM.hasPrefix("-----BEGIN EC PRIVATE KEY-----\n"))
  }

  /// The token `kid` is kube-apiserver's `keyIDFromPublicKey`: the unpadded base64url of the
  /// SHA-256 of the DER public key, computed here by OpenSSL from the key's PEM.
  @Test(.enabled(if: canRun, "needs openssl")) func keyIDAsOpenSSLComputesIt() throws {
    let directory = try Self.files()
    defer { try? FileManager.default.removeItem(at: directory) }
    try Self.pki.serviceAccountKey.signingPublicKey.pemRepresentation.write(
      to: directory.appendingPathComponent("sa.pub"), atomically: true, encoding: .utf8)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = [
      "-c",
      "openssl pkey -pubin -in sa.pub -outform DER | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '=\\n'",
    ]
    process.currentDirectoryURL = directory
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(String(decoding: data, as: UTF8.self) == Self.pki.serviceAccountKeyID)
    #expect(Self.pki.serviceAccountKeyID.count == 43)
  }

  /// The same seed gives the same bytes; another seed other keys and certificates.
  @Test func deterministicPerSeed() {
    let again = ClusterPKI(seed: 1, initSeconds: 1_740_992_400 - 600)
    #expect(again.caCertificateDER == Self.pki.caCertificateDER)
    #expect(again.adminCertificateDER == Self.pki.adminCertificateDER)
    #expect(again.adminKeyPEM == Self.pki.adminKeyPEM)
    let other = ClusterPKI(seed: 2, initSeconds: 1_740_992_400 - 600)
    #expect(other.caCertificateDER != Self.pki.caCertificateDER)
    #expect(other.adminKeyPEM != Self.pki.adminKeyPEM)
    #expect(other.serviceAccountKeyID != Self.pki.serviceAccountKeyID)
  }
}
