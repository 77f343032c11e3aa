import Foundation
import KubeSim
import Testing

@testable import Kubectl

/// `kubectl … -h` prints kubectl's own help, checked against the installed binary.
@Suite struct KubectlHelpTests {
  static var kubectlPath: String? {
    ["/usr/bin/kubectl", "/usr/local/bin/kubectl"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  @Test(
    .enabled(if: kubectlPath != nil, "needs the real kubectl binary"),
    arguments: ["rollout -h", "scale -h", "get -h", "rollout status --help", "create deployment -h", "-h"])
  func helpMatchesTheRealBinary(command: String) throws {
    let words = command.split(separator: " ").map(String.init)
    var cluster = Cluster()
    let ours = Kubectl.run(words, cluster: &cluster, files: VirtualDirectory())
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.kubectlPath!)
    process.arguments = words
    process.environment = ["KUBECONFIG": "/dev/null", "PATH": "/usr/bin:/bin"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(ours.output == String(decoding: data, as: UTF8.self))
    #expect(ours.exitCode == 0)
  }

  @Test func everyCapturedCommandHasText() {
    #expect(KubectlHelpTexts.texts.count >= 20)
    #expect(KubectlHelpTexts.texts.values.allSatisfy { $0.contains("Usage:") })
  }
}
