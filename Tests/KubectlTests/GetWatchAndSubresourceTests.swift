import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl get --show-kind`, `--watch-only`, `--output-watch-events`, `--subresource` and
/// `--chunk-size` (kubectl `pkg/cmd/get/get.go` v0.32.4; cli-runtime `tableprinter.go` for the
/// EVENT column; `printScale` in kubernetes `printers.go` for the Scale table).
@Suite struct GetWatchAndSubresourceTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "get pods --output-watch-events", "get pods --chunk-size=x", "get pods --chunk-size", "get pods --show-kind=x",
    ])
  func flagErrorsMatchRealKubectl(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  /// `Validate` refuses `--output-watch-events` without a watch before anything is asked of the
  /// server; a subresource of a whole collection is the builder's error, printed last.
  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func subresourceOfACollectionIsRefused() throws {
    let real = try RealKubectl.runCombined(["get", "pods", "--subresource=status"])
    var terminal = Terminal()
    let ours = terminal.run("kubectl get pods --subresource=status")
    #expect(ours.exitCode == Int(real.status))
    #expect(ours.output.split(separator: "\n").last == real.output.split(separator: "\n").last)
  }

  @Test func showKindPrefixesTheOneKind() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    let lines = terminal.run("kubectl get deployments --show-kind --no-headers").output.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("deployment.apps/web ") == true)
  }

  /// `formatEventType` pads the type to eight characters, and the table printer puts the EVENT
  /// column first; the current objects come as ADDED events.
  @Test func outputWatchEventsAddsTheEventColumn() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27 --replicas=2")
    let lines = terminal.run("kubectl get deployments -w --output-watch-events").output.split(separator: "\n")
    #expect(lines.first?.hasPrefix("EVENT      NAME   READY ") == true)
    #expect(lines.dropFirst().first?.hasPrefix("ADDED      web    0/2 ") == true)
    #expect(lines.dropFirst(2).allSatisfy { $0.hasPrefix("MODIFIED   web ") })
    #expect(lines.count > 2)
  }

  @Test func watchOnlySkipsTheCurrentState() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27 --replicas=2")
    _ = terminal.run("sleep 60")
    #expect(terminal.run("kubectl get deployments --watch-only").output == "")
    _ = terminal.run("kubectl scale deployment web --replicas=3")
    let lines = terminal.run("kubectl get deployments --watch-only").output.split(separator: "\n")
    #expect(lines.first?.hasPrefix("NAME   READY ") == true)
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("web ") })
    #expect(lines.count > 1)
  }

  /// The scale subresource is an `autoscaling/v1` Scale: `spec.replicas`, `status.replicas`
  /// and the selector as text; its table is NAME, DESIRED, AVAILABLE, AGE.
  @Test func scaleSubresource() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27 --replicas=2")
    _ = terminal.run("kubectl scale deployment web --replicas=3")
    let table = terminal.run("kubectl get deployment web --subresource=scale").output.split(separator: "\n")
    #expect(table.first == "NAME   DESIRED   AVAILABLE   AGE")
    #expect(table.dropFirst().first?.hasPrefix("web    3         ") == true)
    let yaml = terminal.run("kubectl get deployment web --subresource scale -o yaml").output
    #expect(yaml.hasPrefix("apiVersion: autoscaling/v1\nkind: Scale\nmetadata:\n"))
    #expect(yaml.hasSuffix("spec:\n  replicas: 3\nstatus:\n  replicas: 3\n  selector: app=web\n"))
    #expect(!yaml.contains("labels:"))
    let pod = terminal.run("kubectl get pods --no-headers -o name").output.split(separator: "\n")[0]
    let refused = terminal.run("kubectl get \(pod) --subresource=scale")
    #expect(refused.output == "Error from server (NotFound): the server could not find the requested resource\n")
    #expect(refused.exitCode == 1)
    let status = terminal.run("kubectl get deployment web --subresource=status -o name").output
    #expect(status == "deployment.apps/web\n")
  }

  /// A flag kubectl has but kubebook does not simulate is named as such; a flag kubectl does
  /// not have is cobra's error, as the real binary prints it.
  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func unsimulatedFlagsAreNotUnknown() throws {
    var terminal = Terminal()
    #expect(
      terminal.run("kubectl get pods --raw=/api").output
        == "error: kubebook does not simulate the --raw flag of \"kubectl get\" yet\n")
    #expect(
      terminal.run("kubectl get pods --as=jane").output
        == "error: kubebook does not simulate the --as flag of \"kubectl get\" yet\n")
    try RealKubectl.expectSameOutput("get pods --no-such-flag")
    try RealKubectl.expectSameOutput("get pods -Z")
  }
}

/// Flags typed before the command, as cobra finds the command past them.
@Suite struct LeadingFlagTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: ["--bogus get pods", "-Z get pods", "-n", "--namespace", "-v=6 --bogus", "-Z", "--bogus"])
  func errorsMatchRealKubectl(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  @Test func namespaceBeforeTheCommand() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create namespace shop")
    _ = terminal.run("kubectl -n shop create deployment web --image=nginx:1.27")
    #expect(terminal.run("kubectl -n shop get deployments -o name").output == "deployment.apps/web\n")
    #expect(
      terminal.run("kubectl --namespace=shop delete deployment web").output == "deployment.apps \"web\" deleted\n")
    #expect(terminal.run("kubectl -v 2 -n shop get deployments").output == "No resources found in shop namespace.\n")
    // A command's own flag may come first too (`kubectl --replicas=2 scale ...`).
    _ = terminal.run("kubectl create deployment api --image=nginx:1.27")
    #expect(terminal.run("kubectl --replicas=2 scale deployment api").output == "deployment.apps/api scaled\n")
  }

  /// `rollout status -w` is a boolean: the next word is the object, not the flag's value.
  @Test func rolloutStatusWatchIsABoolean() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    let result = terminal.run("kubectl rollout status -w deployment/web")
    #expect(result.exitCode == 0)
    #expect(result.output.hasSuffix("deployment \"web\" successfully rolled out\n"))
  }
}

/// `TYPE.VERSION.GROUP` and `TYPE.GROUP` names, as `schema.ParseResourceArg` splits them and
/// the RESTMapper's shortcut expander completes short names.
@Suite struct QualifiedTypeNameTests {
  @Test func versionAndGroupQualifiedNames() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    for name in ["deployments.v1.apps", "deployment.v1.apps", "deploy.apps", "deploy.v1.apps", "deployments.apps"] {
      #expect(terminal.run("kubectl get \(name) -o name").output == "deployment.apps/web\n", "\(name)")
    }
    #expect(terminal.run("kubectl get hpa.v2.autoscaling").output == "No resources found in default namespace.\n")
    #expect(terminal.run("kubectl get deployments.v2.apps").exitCode == 1)
  }
}
