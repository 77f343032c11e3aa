import ClusterPKI
import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl create secret tls` against the real kubectl v1.32 on files OpenSSL made for the
/// test (RSA and ECDSA certificates and keys, PKCS #8, swapped and mismatched files, PEM
/// blocks of other types): Go's `tls.X509KeyPair` errors and the `kubernetes.io/tls` Secret.
@Suite struct TLSSecretTests {
  static let canRun =
    RealKubectl.path != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")

  /// Runs openssl in `directory`.
  static func openssl(_ arguments: [String], in directory: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
  }

  /// The test's files, made by OpenSSL, and the seeded PKI's admin certificate and key.
  static func files() throws -> [String: String] {
    let directory = try TemporaryDirectory.create("kubebook-tls")
    defer { try? FileManager.default.removeItem(at: directory) }
    for subject in ["a", "b"] {
      try openssl(
        [
          "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "rsa-\(subject).key", "-out",
          "rsa-\(subject).crt", "-days", "1", "-subj", "/CN=\(subject)",
        ], in: directory)
    }
    try openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec.key"], in: directory)
    try openssl(["req", "-x509", "-key", "ec.key", "-out", "ec.crt", "-days", "1", "-subj", "/CN=c"], in: directory)
    try openssl(["pkcs8", "-topk8", "-nocrypt", "-in", "ec.key", "-out", "ec8.key"], in: directory)
    var files: [String: String] = [:]
    for name in ["rsa-a.key", "rsa-a.crt", "rsa-b.key", "ec.key", "ec.crt", "ec8.key"] {
      files[name] = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
    files["plain.txt"] = "hello\n"
    files["foo.pem"] = "-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n"
    files["bad.crt"] = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
    files["bad.key"] = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
    files["both.pem"] = (files["rsa-a.crt"] ?? "") + (files["rsa-a.key"] ?? "")
    let pki = ClusterPKI(seed: 1, initSeconds: 1_740_992_400 - 600)
    files["admin.crt"] = pki.adminCertificatePEM
    files["admin.key"] = pki.adminKeyPEM
    files["ca.crt"] = pki.caCertificatePEM
    return files
  }

  @Test(.enabled(if: canRun, "needs the real kubectl binary and openssl"))
  func matchesTheRealBinary() throws {
    let files = try Self.files()
    let yaml = ["--dry-run=client", "-o", "yaml"]
    let cases: [[String]] = [
      ["--cert=rsa-a.crt", "--key=rsa-a.key"] + yaml,
      ["--cert=ec.crt", "--key=ec.key"] + yaml,
      ["--cert=ec.crt", "--key=ec8.key", "--dry-run=client", "-o", "json"],
      ["--cert=both.pem", "--key=both.pem"] + yaml,
      ["--cert=admin.crt", "--key=admin.key", "-n", "shop"] + yaml,
      ["--cert=rsa-a.crt", "--key=rsa-a.key", "--dry-run=client"],
      ["--cert=rsa-a.crt", "--key=rsa-a.key", "--dry-run=client", "-o", "name"],
      ["--cert=missing.crt", "--key=rsa-a.key"] + yaml,
      ["--cert=rsa-a.crt", "--key=missing.key"] + yaml,
      ["--cert=plain.txt", "--key=rsa-a.key"] + yaml,
      ["--cert=rsa-a.key", "--key=rsa-a.key"] + yaml,
      ["--cert=foo.pem", "--key=rsa-a.key"] + yaml,
      ["--cert=rsa-a.crt", "--key=plain.txt"] + yaml,
      ["--cert=rsa-a.crt", "--key=rsa-a.crt"] + yaml,
      ["--cert=rsa-a.crt", "--key=foo.pem"] + yaml,
      ["--cert=rsa-a.crt", "--key=rsa-b.key"] + yaml,
      ["--cert=rsa-a.crt", "--key=ec.key"] + yaml,
      ["--cert=ec.crt", "--key=rsa-a.key"] + yaml,
      ["--cert=admin.crt", "--key=ec.key"] + yaml,
      ["--cert=bad.crt", "--key=rsa-a.key"] + yaml,
      ["--cert=rsa-a.crt", "--key=bad.key"] + yaml,
      ["--cert=ca.crt", "--key=admin.key"] + yaml,
      ["--cert=rsa-a.crt"] + yaml,
      ["--key=rsa-a.key"] + yaml,
      yaml,
      ["a", "b", "--cert=rsa-a.crt", "--key=rsa-a.key"] + yaml,
    ]
    for arguments in cases {
      let name = arguments.first.map { $0.hasPrefix("-") } == false ? [] : ["t"]
      try RealKubectl.expectSameOutput(["create", "secret", "tls"] + name + arguments, files: files)
    }
  }

  @Test func createdSecretIsServed() throws {
    let pki = ClusterPKI(seed: 1, initSeconds: 1_740_992_400 - 600)
    var terminal = Terminal(
      files: VirtualDirectory(files: ["admin.crt": pki.adminCertificatePEM, "admin.key": pki.adminKeyPEM]))
    #expect(
      terminal.run("kubectl create secret tls t --cert=admin.crt --key=admin.key").output == "secret/t created\n")
    #expect(
      terminal.run("kubectl get secret t").output.hasPrefix(
        "NAME   TYPE                DATA   AGE\nt      kubernetes.io/tls   2      "))
  }
}
