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
      "config use-context -h", "patch -h", "taint -h", "set env -h", "set resources --help",
      "create sa -h", "create serviceaccount -h", "create role -h", "create clusterrole -h", "create rolebinding -h",
      "create clusterrolebinding -h", "auth -h", "auth can-i -h", "create quota -h", "create pc -h",
      "create priorityclass -h",
      "create resourcequota -h",
    ])
  func helpMatchesTheRealBinary(command: String) throws {
    let words = command.split(separator: " ").map(String.init)
    var cluster = Cluster()
    let ours = Kubectl.run(words, cluster: &cluster, files: VirtualDirectory())
    #expect(ours.output == (try RealKubectl.run(words)).output)
    #expect(ours.exitCode == 0)
  }

  @Test func everyCapturedCommandHasText() {
    #expect(KubectlHelpTexts.texts.count >= 20)
    #expect(KubectlHelpTexts.texts.values.allSatisfy { $0.contains("Usage:") })
  }
}
