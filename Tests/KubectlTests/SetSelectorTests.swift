import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl set selector` (`set_selector.go`): Services only, equalities only; files with
/// `--local` against the real kubectl v1.32, a live Service's endpoints after the change.
@Suite struct SetSelectorTests {
  static let files = [
    "svc.yaml": """
    apiVersion: v1
    kind: Service
    metadata:
      name: web
    spec:
      selector:
        app: web
      ports:
      - port: 80
    """,
    "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n",
  ]

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "set selector --local -f svc.yaml app=api -o yaml", "set selector --local -f svc.yaml app=api",
      "set selector --local -f svc.yaml 'app in (b,a)'", "set selector --local -f svc.yaml app!=x",
      "set selector --local -f svc.yaml", "set selector --local -f svc.yaml a=b,c=d -o yaml",
      "set selector --local -f svc.yaml ''", "set selector --local -f svc.yaml '' -o yaml",
      "set selector --local -f svc.yaml 'app,!tier'", "set selector --local -f cm.yaml a=b",
      "set selector --local -f svc.yaml a=b -o name", "set selector --local -f svc.yaml a=b --dry-run=client",
    ])
  func matchesTheRealBinary(command: String) throws {
    try RealKubectl.expectSameOutput(try ShellWords.split(command), files: Self.files)
  }

  @Test func liveServiceFollowsItsNewSelector() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    _ = terminal.run("kubectl create deployment api --image=nginx:1.27")
    _ = terminal.run("kubectl expose deployment web --port=80")
    _ = terminal.run("kubectl rollout status deployment/api")
    #expect(terminal.run("kubectl set selector service web app=api").output == "service/web selector updated\n")
    #expect(terminal.run("kubectl get service web -o jsonpath={.spec.selector.app}").output == "api")
    let apiIP = terminal.run("kubectl get pods -l app=api -o jsonpath={.items[0].status.podIP}").output
    #expect(terminal.run("kubectl get endpoints web -o jsonpath={.subsets[0].addresses[0].ip}").output == apiIP)
    #expect(
      terminal.run("kubectl set selector deployment web app=x").output
        == "error: setting a selector is only supported for Services\n")
  }
}
