import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl scale` over every kind with the `/scale` subresource, several objects at once
/// (kubectl's resource builder visits each named object in turn).
@Suite struct ScaleCommandTests {
  /// The usage error is client-side: compared with the real binary.
  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func usageErrorsMatchRealKubectl() throws {
    try RealKubectl.expectSameOutput("scale --replicas=2")
    try RealKubectl.expectSameOutput("scale deployment/a b --replicas=2")
  }

  @Test func scalesEveryNamedObject() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment a --image=nginx")
    _ = terminal.run("kubectl create deployment b --image=nginx")
    let result = terminal.run("kubectl scale --replicas=2 deployment/a deployment/b")
    #expect(result.output == "deployment.apps/a scaled\ndeployment.apps/b scaled\n")
    #expect(terminal.cluster.deployments["default/a"]?.replicas == 2)
    #expect(terminal.cluster.deployments["default/b"]?.replicas == 2)
    let missing = terminal.run("kubectl scale deployment a nope --replicas=3")
    #expect(missing.exitCode == 1)
    #expect(
      missing.output == "deployment.apps/a scaled\nError from server (NotFound): deployments.apps \"nope\" not found\n")
    // scale.go: with nothing found, `no objects passed to scale %w` wraps the NotFound.
    #expect(
      terminal.run("kubectl scale deployment nope --replicas=1").output
        == "error: no objects passed to scale deployments.apps \"nope\" not found\n")
  }
}
