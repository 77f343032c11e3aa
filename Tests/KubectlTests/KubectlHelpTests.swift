import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl … -h` prints kubectl's own help, checked against the installed binary.
@Suite struct KubectlHelpTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "rollout -h", "scale -h", "get -h", "rollout status --help", "create deployment -h", "-h", "options",
      "expose -h", "create ingress -h", "autoscale -h",
      "create deploy -h", "create pdb -h", "create poddisruptionbudget --help", "version -h", "api-resources -h",
      "api-versions -h", "cluster-info -h", "config -h", "config view -h", "config set-context -h",
      "config use-context -h", "patch -h", "taint -h", "set env -h", "set resources --help", "attach -h",
      "port-forward -h", "cp -h", "debug --help", "logs -h", "run -h", "replace -h", "diff -h", "edit --help",
      "create sa -h", "create serviceaccount -h", "create role -h", "create clusterrole -h", "create rolebinding -h",
      "create clusterrolebinding -h", "auth -h", "auth can-i -h", "create quota -h", "create pc -h",
      "create priorityclass -h", "create resourcequota -h",
    ])
  func helpMatchesTheRealBinary(command: String) throws {
    let words = command.split(separator: " ").map(String.init)
    var cluster = Cluster()
    let ours = Kubectl.run(words, cluster: &cluster, files: VirtualDirectory())
    #expect(ours.output == (try RealKubectl.run(words)).output)
    #expect(ours.exitCode == 0)
  }

  /// Every command kubectl has, simulated or not, prints the binary's own help.
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: KubectlHelpTexts.paths)
  func everyCommandsHelpMatchesTheRealBinary(path: String) throws {
    try RealKubectl.expectSameOutput(path.isEmpty ? "--help" : path + " --help")
  }

  /// kubectl's tree, read from the help texts: aliases resolve, and the flags are the
  /// commands' own (`create deployment` has `-r, --replicas`; every command has `--as`).
  @Test func commandTreeReadsAliasesAndFlags() {
    #expect(KubectlCommandTree.commands.count == KubectlHelpTexts.paths.count)
    #expect(KubectlCommandTree.resolve(["create", "deploy", "web"]).path == "create deployment")
    #expect(KubectlCommandTree.resolve(["create", "secret", "generic"]).consumed == 3)
    #expect(KubectlCommandTree.resolve(["get", "pods"]).path == "get")
    let replicas = KubectlCommandTree.command("create deployment")?.flags.first { $0.name == "replicas" }
    #expect(replicas == .init(name: "replicas", short: "r", defaultValue: "1"))
    #expect(KubectlCommandTree.command("get")?.flags.first { $0.name == "watch" }?.isBoolean == true)
    #expect(KubectlCommandTree.globalFlags.contains { $0.name == "as" })
    #expect(KubectlCommandTree.hasFlag(short: "n", command: "get"))
    #expect(!KubectlCommandTree.hasFlag(named: "replicas", command: "get"))
  }

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "completion bash", "completion zsh", "completion fish", "completion powershell", "completion",
      "completion foo", "completion bash zsh", "completion bash --bogus",
    ])
  func completionMatchesTheRealBinary(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  @Test func everyCapturedCommandHasText() {
    #expect(KubectlHelpTexts.texts.count >= 20)
    #expect(KubectlHelpTexts.texts.values.allSatisfy { $0.contains("Usage:") })
  }
}
