import Crypto

/// ECDSA over P-256 with SHA-256 whose nonce is derived from the key and the message (RFC 6979
/// §3.2, HMAC-SHA-256 as the PRF), so the same key and message always give the same
/// signature. swift-crypto's `P256.Signing.PrivateKey.signature(for:)` draws its nonce from the
/// system's random source, which would make every kubebook run print different certificates
/// and tokens. The nonce point `k·G` comes from swift-crypto (the public key of `k`); only the
/// arithmetic modulo the group order is done here (``P256Scalar``). Any verifier accepts the
/// result: an RFC 6979 signature is an ordinary ECDSA signature.
enum DeterministicECDSA {
  /// Why a signature could not be made: a key that is not a P-256 scalar.
  struct InvalidKey: Error {}

  /// The signature `(r, s)` of `message` (hashed with SHA-256) under the private scalar
  /// `privateKey` (32 big-endian bytes, `1 ≤ d < n`), as the 64 bytes `r ‖ s`.
  static func sign(_ message: some Sequence<UInt8>, privateKey: [UInt8]) throws -> [UInt8] {
    guard let secret = P256Scalar(bigEndian: privateKey), secret.isReduced, !secret.isZero else {
      throw InvalidKey()
    }
    let digest = Array(SHA256.hash(data: Array(message)))
    // bits2int(H(m)) for qlen = hlen = 256 is the digest itself; reduced once below n.
    guard let digestNumber = P256Scalar(bigEndian: digest) else { throw InvalidKey() }
    let z = digestNumber.reducedOnce
    var nonces = NonceGenerator(privateKey: privateKey, digest: z.bigEndianBytes)
    // Each try fails with probability about 2⁻¹²⁸; the bound only keeps the loop finite.
    for _ in 0..<64 {
      let k = nonces.next()
      let point = try P256.Signing.PrivateKey(rawRepresentation: k.bigEndianBytes).publicKey.x963Representation
      guard let x = P256Scalar(bigEndian: point.dropFirst().prefix(32)) else { continue }
      let r = x.reducedOnce
      if r.isZero { continue }
      let s = P256Scalar.multiply(P256Scalar.inverse(k), P256Scalar.add(z, P256Scalar.multiply(r, secret)))
      if s.isZero { continue }
      return r.bigEndianBytes + s.bigEndianBytes
    }
    throw InvalidKey()
  }

  /// RFC 6979 §3.2's HMAC_DRBG: the candidate nonces `k` for one key and digest, in order.
  struct NonceGenerator {
    private var key: [UInt8]
    private var value: [UInt8]
    private var started = false

    /// Steps b to f of §3.2 for `privateKey` (int2octets(x)) and `digest` (bits2octets(h1)).
    init(privateKey: [UInt8], digest: [UInt8]) {
      value = [UInt8](repeating: 0x01, count: 32)
      key = [UInt8](repeating: 0x00, count: 32)
      key = Self.mac(key, value + [0x00] + privateKey + digest)
      value = Self.mac(key, value)
      key = Self.mac(key, value + [0x01] + privateKey + digest)
      value = Self.mac(key, value)
    }

    /// Step h: the next `k` with `1 ≤ k < n`; after a candidate, K and V move on as step h.3 says.
    mutating func next() -> P256Scalar {
      // 2²⁵⁶ candidates, of which n - 1 are usable: a miss has probability about 2⁻³², so
      // 64 rounds suffice; the last candidate is reduced rather than looping forever.
      var candidate = P256Scalar.zero
      for _ in 0..<64 {
        if started {
          key = Self.mac(key, value + [0x00])
          value = Self.mac(key, value)
        }
        started = true
        value = Self.mac(key, value)
        candidate = P256Scalar(bigEndian: value) ?? .zero
        if candidate.isReduced && !candidate.isZero { return candidate }
      }
      return candidate.reducedOnce
    }

    /// HMAC-SHA-256 of `message` under `key`.
    private static func mac(_ key: [UInt8], _ message: [UInt8]) -> [UInt8] {
      Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }
  }
}
