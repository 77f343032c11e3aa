import ClusterPKI
import Foundation
import KubeSim
import Kubectl
import Testing

/// Ground truth for `kubectl config`: the same commands, in order, in our terminal and in the
/// real kubectl on a kubeconfig file that starts as kubeadm's `admin.conf` for the simulated
/// cluster, so that changes accumulate in both.
public enum KubeconfigSequence {
  /// kubeadm's admin.conf for the simulated cluster (seed 1), in kubeadm's layout, holding
  /// the seeded PKI's certificates and key.
  public static let adminConf: String = {
    let config = ClusterConfig()
    let pki = ClusterPKI(seed: config.seed, initSeconds: config.start.seconds - config.clusterAgeSeconds)
    /// The base64 of a PEM text.
    func data(_ pem: String) -> String { Base64.encode(Array(pem.utf8)) }
    return """
      apiVersion: v1
      clusters:
      - cluster:
          certificate-authority-data: \(data(pki.caCertificatePEM))
          server: https://172.18.0.2:6443
        name: kubernetes
      contexts:
      - context:
          cluster: kubernetes
          user: kubernetes-admin
        name: kubernetes-admin@kubernetes
      current-context: kubernetes-admin@kubernetes
      kind: Config
      preferences: {}
      users:
      - name: kubernetes-admin
        user:
          client-certificate-data: \(data(pki.adminCertificatePEM))
          client-key-data: \(data(pki.adminKeyPEM))

      """
  }()

  /// Whether this machine has the real kubectl and `unshare` to run it without a network.
  public static let canRun = RealKubectl.path != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")

  /// Runs `commands` (kubectl's arguments; `$DIR` stands for the working directory) in our
  /// terminal and in the real kubectl, both working in one temporary directory that holds
  /// the kubeconfig file and `files` (our terminal has them as the page's files), expecting
  /// the same output and exit status from each. Go pointers, which kubectl prints in some
  /// `config set` errors and which differ from run to run, are compared as `0xADDRESS`.
  public static func expectSame(
    _ commands: [String], files: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let directory = try TemporaryDirectory.create("kubebook-kubeconfig")
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("kubeconfig.yaml")
    try adminConf.write(to: file, atomically: true, encoding: .utf8)
    for (name, text) in files {
      try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    var terminal = Terminal(files: VirtualDirectory(files: files))
    terminal.kubeconfig.path = file.path
    terminal.kubeconfig.workingDirectory = directory.path
    #expect(terminal.kubeconfig.server == "https://172.18.0.2:6443", sourceLocation: sourceLocation)
    for command in commands.map({ $0.replacingOccurrences(of: "$DIR", with: directory.path) }) {
      let ours = terminal.run("kubectl " + command)
      let real = try RealKubectl.runCombined(try ShellWords.split(command), kubeconfig: file.path, in: directory)
      #expect(
        withoutPointers(ours.output) == withoutPointers(real.output), "kubectl \(command)",
        sourceLocation: sourceLocation)
      #expect(ours.exitCode == real.status, "kubectl \(command)", sourceLocation: sourceLocation)
    }
  }

  /// `text` with Go's heap and type pointers (`0xc000756f00`, `0x203acc0`) made one word.
  private static func withoutPointers(_ text: String) -> String {
    text.replacingOccurrences(of: "0x[0-9a-f]{6,}", with: "0xADDRESS", options: .regularExpression)
  }
}
