import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl replace`: usage errors from the real binary; the rest from
/// `kubectl/pkg/cmd/replace/replace.go` (printer "replaced", `AddSourceToErr("replacing", ...)`,
/// `--force` through `DeleteOptions.DeleteResult`) and the API server's errors.
@Suite struct ReplaceCommandTests {
  /// A Deployment manifest with `image` and, when given, `replicas` and `resourceVersion`.
  static func deployment(image: String, replicas: Int? = nil, resourceVersion: String? = nil) -> String {
    """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    \(resourceVersion.map { "  resourceVersion: \"\($0)\"\n" } ?? "")spec:
    \(replicas.map { "  replicas: \($0)\n" } ?? "")  selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
          - name: web
            image: \(image)

    """
  }

  static let files = VirtualDirectory(files: [
    "v1.yaml": deployment(image: "nginx:1.27", replicas: 3),
    "v2.yaml": deployment(image: "nginx:1.28"),
    "stale.yaml": deployment(image: "nginx:1.28", resourceVersion: "1"),
    "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n",
  ])

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func usageErrorsMatchRealKubectl() throws {
    try RealKubectl.expectSameOutput("replace")
    try RealKubectl.expectSameOutput("replace --grace-period=3 -f v1.yaml")
    try RealKubectl.expectSameOutput("replace --grace-period=0 -f v1.yaml")
    try RealKubectl.expectSameOutput("replace --force --dry-run=server -f v1.yaml")
    try RealKubectl.expectSameOutput("replace --force --dry-run=client -f v1.yaml")
  }

  @Test func replacesTheWholeObject() {
    var terminal = Terminal(files: Self.files)
    _ = terminal.run("kubectl apply -f v1.yaml")
    _ = terminal.run("kubectl rollout status deployment/web")
    let uid = terminal.cluster.deployments["default/web"]?.metadata.uid
    let result = terminal.run("kubectl replace -f v2.yaml")
    #expect(result.output == "deployment.apps/web replaced\n")
    #expect(result.exitCode == 0)
    let live = terminal.cluster.deployments["default/web"]
    #expect(live?.template.spec.containers.first?.image == "nginx:1.28")
    // A PUT without spec.replicas gets the server's default, unlike apply's three-way merge.
    #expect(live?.replicas == 1)
    #expect(live?.metadata.uid == uid)
    // The file had no last-applied annotation, so the PUT drops apply's.
    #expect(live?.metadata.annotations[ApplyCommand.lastAppliedKey] == nil)
  }

  @Test func reachesEveryKindThroughItsManifestHandler() {
    var terminal = Terminal(files: Self.files)
    _ = terminal.run("kubectl create configmap settings --from-literal=mode=slow")
    #expect(terminal.run("kubectl replace -f cm.yaml -o name").output == "configmap/settings\n")
    #expect(terminal.cluster.configMaps["default/settings"]?.data == ["mode": "fast"])
  }

  @Test func missingObjectIsNotFound() {
    var terminal = Terminal(files: Self.files)
    let result = terminal.run("kubectl replace -f v2.yaml")
    #expect(
      result.output
        == "Error from server (NotFound): error when replacing \"v2.yaml\": deployments.apps \"web\" not found\n")
    #expect(result.exitCode == 1)
  }

  @Test func staleResourceVersionIsAConflict() {
    var terminal = Terminal(files: Self.files)
    _ = terminal.run("kubectl apply -f v1.yaml")
    _ = terminal.run("kubectl rollout status deployment/web")
    let before = terminal.cluster.deployments["default/web"]
    let result = terminal.run("kubectl replace -f stale.yaml")
    #expect(
      result.output
        == "Error from server (Conflict): error when replacing \"stale.yaml\": Operation cannot be fulfilled on deployments.apps \"web\": the object has been modified; please apply your changes to the latest version and try again\n"
    )
    #expect(result.exitCode == 1)
    #expect(terminal.cluster.deployments["default/web"] == before)
  }

  @Test func currentResourceVersionIsAccepted() {
    var terminal = Terminal(files: Self.files)
    _ = terminal.run("kubectl apply -f v1.yaml")
    let version = terminal.cluster.deployments["default/web"]?.metadata.resourceVersion ?? 0
    terminal.files.files["current.yaml"] = Self.deployment(image: "nginx:1.28", resourceVersion: String(version))
    #expect(terminal.run("kubectl replace -f current.yaml").output == "deployment.apps/web replaced\n")
  }

  @Test func forceDeletesThenCreates() {
    var terminal = Terminal(files: Self.files)
    _ = terminal.run("kubectl apply -f v1.yaml")
    _ = terminal.run("kubectl rollout status deployment/web")
    let uid = terminal.cluster.deployments["default/web"]?.metadata.uid
    let result = terminal.run("kubectl replace --force -f v2.yaml")
    #expect(result.output == "deployment.apps \"web\" deleted\ndeployment.apps/web replaced\n")
    #expect(result.exitCode == 0)
    let live = terminal.cluster.deployments["default/web"]
    #expect(live != nil && live?.metadata.uid != uid)
    #expect(live?.template.spec.containers.first?.image == "nginx:1.28")
    // With nothing to delete, --force just creates (IgnoreNotFound).
    var fresh = Terminal(files: Self.files)
    #expect(fresh.run("kubectl replace --force -f v2.yaml").output == "deployment.apps/web replaced\n")
  }
}
