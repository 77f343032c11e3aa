import Testing

@testable import KubeSim

/// The stand-in CA certificate: PEM armour around 1024 base64 characters in lines of 64,
/// the same for the same seed (it used to take quadratic time, counting a String per
/// character, which made every fresh cluster slow).
@Suite struct ClusterCertificateTests {
  @Test func pemArmourAroundSixteenLinesOfBase64() {
    let pem = ClusterCertificate.pem(seed: 1)
    var lines = pem.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "-----BEGIN CERTIFICATE-----")
    #expect(lines.removeLast() == "")
    #expect(lines.last == "-----END CERTIFICATE-----")
    let body = lines.dropFirst().dropLast()
    #expect(body.count == 16)
    #expect(body.allSatisfy { $0.count == 64 })
    #expect(body.first?.hasPrefix("MIIDBTCCAe2gAwIBAgII") == true)
    let base64 = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    #expect(body.allSatisfy { $0.allSatisfy(base64.contains) })
    #expect(ClusterCertificate.pem(seed: 1) == pem)
    #expect(ClusterCertificate.pem(seed: 2) != pem)
  }

  /// The certificate as it was first written (a String counted once per character).
  static func quadraticPEM(seed: UInt64) -> String {
    var generator = NameGenerator(seed: seed ^ ImageCatalog.fnv1a("cluster-ca"))
    let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
    var body = "MIIDBTCCAe2gAwIBAgII"
    while body.count < 1024 { body.append(alphabet[generator.below(64)]) }
    var lines: [String] = []
    var rest = Substring(body)
    while !rest.isEmpty {
      lines.append(String(rest.prefix(64)))
      rest = rest.dropFirst(64)
    }
    return "-----BEGIN CERTIFICATE-----\n" + lines.joined(separator: "\n") + "\n-----END CERTIFICATE-----\n"
  }

  @Test(arguments: [0, 1, 2, 42, UInt64.max] as [UInt64])
  func theSameCertificateAsBefore(seed: UInt64) {
    #expect(ClusterCertificate.pem(seed: seed) == Self.quadraticPEM(seed: seed))
  }
}
