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

/// `kubectl scale -f FILE`, `-l`, `--all` (the Quick Reference's `scale --replicas=3 -f
/// foo.yaml`): the objects the builder finds, scaled in turn.
@Suite struct ScaleSelectionTests {
  static let manifest = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: foo
    spec:
      replicas: 1
      selector:
        matchLabels:
          app: foo
      template:
        metadata:
          labels:
            app: foo
        spec:
          containers:
          - name: nginx
            image: nginx:1.27
    """

  @Test func scaleFromAFile() {
    var terminal = Terminal(files: VirtualDirectory(files: ["foo.yaml": Self.manifest]))
    _ = terminal.run("kubectl apply -f foo.yaml")
    #expect(terminal.run("kubectl scale --replicas=3 -f foo.yaml").output == "deployment.apps/foo scaled\n")
    #expect(terminal.run("kubectl get deployment foo -o jsonpath={.spec.replicas}").output == "3")
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func fileAndNamesTogetherIsTheBuildersError() throws {
    try RealKubectl.expectSameOutput(
      ["scale", "--replicas=3", "-f", "foo.yaml", "deployment/foo"], files: ["foo.yaml": Self.manifest])
    try RealKubectl.expectSameOutput("scale --replicas=3 deployment/foo -l a=b")
  }

  @Test func scaleBySelectorAndAll() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment a --image=nginx:1.27")
    _ = terminal.run("kubectl create deployment b --image=nginx:1.27")
    _ = terminal.run("kubectl label deployment b tier=web")
    #expect(terminal.run("kubectl scale deployment -l tier=web --replicas=2").output == "deployment.apps/b scaled\n")
    #expect(
      terminal.run("kubectl scale deployment --all --replicas=0").output
        == "deployment.apps/a scaled\ndeployment.apps/b scaled\n")
    #expect(
      terminal.run("kubectl scale deployment -l tier=none --replicas=2").output == "error: no objects passed to scale\n"
    )
  }
}
