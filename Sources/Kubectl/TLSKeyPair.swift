import ClusterPKI

/// Go's `tls.X509KeyPair` (`crypto/tls/tls.go`, Go 1.23), which `kubectl create secret tls`
/// calls on the two files: finds the `CERTIFICATE` blocks and the first `… PRIVATE KEY`
/// block with its exact error texts, then checks the DER through ``KeyPairCheck``.
enum TLSKeyPair {
  /// Nil when the files are a pair; otherwise Go's error text.
  static func problem(certificate: String, key: String) -> String? {
    var certificates: [[UInt8]] = []
    var skipped: [String] = []
    for block in GoPEM.blocks(certificate) {
      if block.type == "CERTIFICATE" { certificates.append(block.bytes) } else { skipped.append(block.type) }
    }
    guard let first = certificates.first else {
      if skipped.isEmpty { return "tls: failed to find any PEM data in certificate input" }
      if skipped.count == 1 && skipped[0].hasSuffix("PRIVATE KEY") {
        return
          "tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched"
      }
      return
        "tls: failed to find \"CERTIFICATE\" PEM block in certificate input after skipping PEM blocks of the following types: [\(skipped.joined(separator: " "))]"
    }
    skipped = []
    var keyBytes: [UInt8]?
    for block in GoPEM.blocks(key) {
      if block.type == "PRIVATE KEY" || block.type.hasSuffix(" PRIVATE KEY") {
        keyBytes = block.bytes
        break
      }
      skipped.append(block.type)
    }
    guard let keyBytes else {
      if skipped.isEmpty { return "tls: failed to find any PEM data in key input" }
      if skipped == ["CERTIFICATE"] {
        return "tls: found a certificate rather than a key in the PEM for the private key"
      }
      return
        "tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after skipping PEM blocks of the following types: [\(skipped.joined(separator: " "))]"
    }
    switch KeyPairCheck.problem(certificateDER: first, keyDER: keyBytes) {
    case nil: return nil
    case .malformedCertificate: return "x509: malformed certificate"
    case .unparsableKey: return "tls: failed to parse private key"
    case .keyTypeMismatch: return "tls: private key type does not match public key type"
    case .keyMismatch: return "tls: private key does not match public key"
    case .unknownAlgorithm: return "tls: unknown public key algorithm"
    }
  }
}
