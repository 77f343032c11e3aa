import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl set serviceaccount` (`set_serviceaccount.go`): files with `--local` against the
/// real kubectl v1.32, live objects on the simulated cluster.
@Suite struct SetServiceAccountTests {
  static let files = [
    "deploy.yaml": """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
          - name: web
            image: nginx:1.27
    """,
    "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
  ]

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "set sa --local -f deploy.yaml robot -o yaml", "set serviceaccount --local -f deploy.yaml robot",
      "set sa --local -f deploy.yaml robot -o name",
      "set sa --local -f deploy.yaml", "set sa",
      "set serviceaccount --local -f deploy.yaml robot --dry-run=server",
      "set serviceaccount --local -f cm.yaml robot",
    ])
  func matchesTheRealBinary(command: String) throws {
    try RealKubectl.expectSameOutput(try ShellWords.split(command), files: Self.files)
  }

  @Test func liveDeploymentRollsOut() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    _ = terminal.run("kubectl create serviceaccount robot")
    #expect(
      terminal.run("kubectl set sa deployment/web robot").output == "deployment.apps/web serviceaccount updated\n")
    #expect(
      terminal.run("kubectl get deployment web -o jsonpath={.spec.template.spec.serviceAccountName}").output == "robot")
    // Unchanged objects are patched and printed too.
    #expect(
      terminal.run("kubectl set sa deployment/web robot").output == "deployment.apps/web serviceaccount updated\n")
    _ = terminal.run("kubectl rollout status deployment/web")
    #expect(terminal.run("kubectl get pods -o jsonpath={.items[*].spec.serviceAccountName}").output == "robot")
  }
}
