import ClusterPKI
import Crypto
import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl create token`: kubectl's own checks against the real binary, and the token
/// against kube-apiserver v1.32's claims (`pkg/serviceaccount/claims.go`: sub, aud, iat, nbf,
/// exp, jti and the `kubernetes.io` claims; go-jose writes the merged claims as a JSON map,
/// so in key order, as the real tokens decoded in public transcripts show), verified with the
/// service-account public key.
@Suite struct CreateTokenTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "create token default --duration=-1s", "create token default --duration=1.5s",
      "create token default --audience=", "create token default --bound-object-name=x",
      "create token default --bound-object-uid=x", "create token default --bound-object-kind=Foo",
      "create token default --bound-object-kind=Pod", "create token", "create token a b",
      "create token default --duration=abc",
    ])
  func validationMatchesTheRealBinary(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  /// Base64url without padding, decoded.
  static func decode(_ segment: Substring) -> String {
    var text = segment.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    while text.count % 4 != 0 { text += "=" }
    return String(decoding: Data(base64Encoded: text) ?? Data(), as: UTF8.self)
  }

  @Test func tokenClaimsAndSignature() throws {
    var terminal = Terminal()
    let result = terminal.run("kubectl create token default")
    #expect(result.exitCode == 0)
    // Not a terminal: no newline after the token (create_token.go's `term.IsTerminal`).
    #expect(!result.output.hasSuffix("\n"))
    let parts = result.output.split(separator: ".", omittingEmptySubsequences: false)
    try #require(parts.count == 3)
    let pki = ClusterPKI(seed: 1, initSeconds: 1_740_992_400 - 600)
    #expect(Self.decode(parts[0]) == #"{"alg":"ES256","kid":"\#(pki.serviceAccountKeyID)"}"#)
    let uid = terminal.cluster.serviceAccounts["default/default"]?.metadata.uid ?? ""
    let claims = Self.decode(parts[1])
    // The scenario starts at 1740992400 (2025-03-03T09:00:00Z); the default lifetime is an hour.
    let expected =
      #"{"aud":["https://kubernetes.default.svc.cluster.local"],"exp":1740996000,"iat":1740992400,"iss":"https://kubernetes.default.svc.cluster.local","jti":"JTI","kubernetes.io":{"namespace":"default","serviceaccount":{"name":"default","uid":"\#(uid)"}},"nbf":1740992400,"sub":"system:serviceaccount:default:default"}"#
    let jti = claims.replacingOccurrences(
      of: #""jti":"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}""#, with: #""jti":"JTI""#,
      options: .regularExpression)
    #expect(jti == expected)
    #expect(!uid.isEmpty)
    // ES256: r ‖ s over `header.payload`, verified with the service-account key.
    var signature = String(parts[2]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    while signature.count % 4 != 0 { signature += "=" }
    let raw = try #require(Data(base64Encoded: signature))
    let ecdsa = try P256.Signing.ECDSASignature(rawRepresentation: raw)
    #expect(pki.serviceAccountKey.signingPublicKey.isValidSignature(ecdsa, for: Data((parts[0] + "." + parts[1]).utf8)))
    // The same command on the same cluster gives the same token.
    var again = Terminal()
    #expect(again.run("kubectl create token default").output == result.output)
  }

  @Test func boundTokensAndServerErrors() {
    var terminal = Terminal()
    #expect(
      terminal.run("kubectl create token nope").output
        == "error: failed to create token: serviceaccounts \"nope\" not found\n")
    #expect(
      terminal.run("kubectl create token default --duration=1m").output
        == "error: failed to create token: TokenRequest.authentication.k8s.io \"\" is invalid: spec.expirationSeconds: Invalid value: 60: may not specify a duration less than 10 minutes\n"
    )
    #expect(terminal.run("kubectl run web --image=nginx").exitCode == 0)
    _ = terminal.run("kubectl wait --for=condition=Ready pod/web")
    let pod = terminal.cluster.pods["default/web"]
    let node = terminal.cluster.nodes[pod?.spec.nodeName ?? ""]
    let bound = terminal.run(
      "kubectl create token default --audience=vault --duration=2h --bound-object-kind=Pod --bound-object-name=web")
    let parts = bound.output.split(separator: ".")
    let claims = parts.count == 3 ? Self.decode(parts[1]) : ""
    #expect(claims.hasPrefix(#"{"aud":["vault"],"exp":"#))
    #expect(
      claims.contains(
        #""kubernetes.io":{"namespace":"default","node":{"name":"\#(node?.metadata.name ?? "")","uid":"\#(node?.metadata.uid ?? "")"},"pod":{"name":"web","uid":"\#(pod?.metadata.uid ?? "")"},"serviceaccount":"#
      ))
    let now = terminal.cluster.now.seconds
    #expect(claims.contains(#""exp":\#(now + 7200),"iat":\#(now),"#))
    #expect(
      terminal.run("kubectl create token default --bound-object-kind=Pod --bound-object-name=gone").output
        == "error: failed to create token: pods \"gone\" not found\n")
    #expect(
      terminal.run("kubectl create token default --bound-object-kind=Pod --bound-object-name=web --bound-object-uid=x")
        .output
        == "error: failed to create token: Operation cannot be fulfilled on Pod \"web\": the UID in the bound object reference (x) does not match the UID in record. The object might have been deleted and then recreated\n"
    )
  }
}
