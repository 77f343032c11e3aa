import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl patch` against the simulated cluster: the patched JSON goes through the kind's
/// manifest handler, so a replicas patch scales and an image patch starts a rollout. The
/// printed lines follow kubectl's `patch.go` (`patchOperation`: `patched` or `patched (no
/// change)`, after the name printer's `<kind>.<group>/<name>`), the format the real binary
/// prints in ``PatchEngineTests``.
@Suite struct PatchCommandTests {
  static func deployment(_ terminal: Terminal) -> Deployment? {
    Deployment.get("web", namespace: "default", in: terminal.cluster)
  }

  static func started() -> Terminal {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.25 --replicas=2")
    _ = terminal.run("kubectl rollout status deployment/web")
    return terminal
  }

  @Test func replicasPatchScales() {
    var terminal = Self.started()
    let result = terminal.run(#"kubectl patch deployment web -p '{"spec":{"replicas":3}}'"#)
    #expect(result.output == "deployment.apps/web patched\n")
    #expect(result.exitCode == 0)
    #expect(Self.deployment(terminal)?.replicas == 3)
    _ = terminal.run("kubectl rollout status deployment/web")
    #expect(Pod.list(in: terminal.cluster, namespace: "default").count == 3)
  }

  @Test func imagePatchStartsARollout() {
    var terminal = Self.started()
    let before = Self.deployment(terminal)?.metadata.annotations["deployment.kubernetes.io/revision"]
    let patch = #"{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.26"}]}}}}"#
    #expect(terminal.run("kubectl patch deploy/web -p '\(patch)'").output == "deployment.apps/web patched\n")
    _ = terminal.run("kubectl rollout status deployment/web")
    let deployment = Self.deployment(terminal)
    #expect(before == "1")
    #expect(deployment?.metadata.annotations["deployment.kubernetes.io/revision"] == "2")
    #expect(deployment?.template.spec.containers.map(\.image) == ["nginx:1.26"])
    let replicaSets = ReplicaSet.list(in: terminal.cluster, namespace: "default")
    #expect(replicaSets.count == 2)
    #expect(replicaSets.filter { $0.replicas > 0 }.map { $0.template.spec.containers[0].image } == ["nginx:1.26"])
    let pods = Pod.list(in: terminal.cluster, namespace: "default").filter { $0.metadata.deletionTimestamp == nil }
    #expect(pods.count == 2 && pods.allSatisfy { $0.spec.containers[0].image == "nginx:1.26" })
  }

  @Test func jsonAndMergePatchesReachTheObject() {
    var terminal = Self.started()
    let json = #"[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"nginx:1.27"}]"#
    #expect(
      terminal.run("kubectl patch deployment web --type json -p '\(json)'").output == "deployment.apps/web patched\n")
    #expect(Self.deployment(terminal)?.template.spec.containers.map(\.image) == ["nginx:1.27"])
    let merge = #"{"metadata":{"labels":{"tier":"front"}}}"#
    #expect(
      terminal.run("kubectl patch deployment web --type merge -p '\(merge)'").output == "deployment.apps/web patched\n")
    #expect(Self.deployment(terminal)?.metadata.labels["tier"] == "front")
  }

  @Test func aPatchThatChangesNothingSaysSo() {
    var terminal = Self.started()
    let version = Self.deployment(terminal)?.metadata.resourceVersion
    let result = terminal.run(#"kubectl patch deployment web -p '{"spec":{"replicas":2}}'"#)
    #expect(result.output == "deployment.apps/web patched (no change)\n")
    #expect(result.exitCode == 0)
    #expect(Self.deployment(terminal)?.metadata.resourceVersion == version)
  }

  @Test func clientDryRunLeavesTheObject() {
    var terminal = Self.started()
    let result = terminal.run(#"kubectl patch deployment web -p '{"spec":{"replicas":5}}' --dry-run=client -o yaml"#)
    #expect(result.output.contains("\n  replicas: 5\n"))
    #expect(Self.deployment(terminal)?.replicas == 2)
  }

  @Test func outputShowsTheStoredObject() {
    var terminal = Self.started()
    let yaml = terminal.run(#"kubectl patch deployment web -p '{"spec":{"replicas":4}}' -o yaml"#).output
    #expect(yaml.hasPrefix("apiVersion: apps/v1\nkind: Deployment\n"))
    #expect(yaml.contains("\n  replicas: 4\n"))
    #expect(
      terminal.run(#"kubectl patch deployment web -p '{"spec":{"replicas":4}}' -o name"#).output
        == "deployment.apps/web\n")
  }

  @Test func fileNamesTheLiveObject() {
    let manifest = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
    var terminal = Terminal(cluster: Self.started().cluster, files: VirtualDirectory(files: ["web.yaml": manifest]))
    #expect(
      terminal.run(#"kubectl patch -f web.yaml -p '{"spec":{"replicas":1}}'"#).output == "deployment.apps/web patched\n"
    )
    #expect(Self.deployment(terminal)?.replicas == 1)
  }

  @Test func podImagePatchAndForbiddenChange() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run p --image=nginx:1.25")
    _ = terminal.run("kubectl wait --for=condition=Ready pod/p")
    let image = #"{"spec":{"containers":[{"name":"p","image":"nginx:1.26"}]}}"#
    #expect(terminal.run("kubectl patch pod p -p '\(image)'").output == "pod/p patched\n")
    #expect(Pod.get("p", namespace: "default", in: terminal.cluster)?.spec.containers[0].image == "nginx:1.26")
    // API validation (`ValidatePodUpdate`): only images and a few fields may change.
    let restart = terminal.run(#"kubectl patch pod p -p '{"spec":{"containers":[{"name":"p","args":["x"]}]}}'"#)
    #expect(restart.exitCode == 1)
    #expect(restart.output.hasPrefix("The Pod \"p\" is invalid: spec: Forbidden: pod updates may not change fields"))
  }

  @Test func errors() {
    var terminal = Self.started()
    // The server's NotFound Status, as kubectl prints it.
    #expect(
      terminal.run(#"kubectl patch deployment nope -p '{}'"#).output
        == "Error from server (NotFound): deployments.apps \"nope\" not found\n")
    // A change kubebook cannot make to a kind says so.
    let node = terminal.run(#"kubectl patch node worker-1 -p '{"status":{"capacity":{"cpu":"64"}}}'"#)
    #expect(node.output.hasPrefix("error: kubebook does not simulate this patch of Node \"worker-1\""))
    #expect(node.exitCode == 1)
    // kubectl's own checks (`Validate` in patch.go).
    #expect(
      terminal.run("kubectl patch deployment web").output
        == "error: must specify --patch or --patch-file containing the contents of the patch\n")
    #expect(
      terminal.run(#"kubectl patch deployment web -p '{}' --type foo"#).output
        == "error: --type must be one of [json merge strategic], not \"foo\"\n")
    #expect(
      terminal.run(#"kubectl patch deployment -p '{}'"#).output
        == "error: resource(s) were provided, but no name was specified\n")
    // The API server's 400 for a patch that is not a JSON object
    // (`interpretStrategicMergePatchError` in apiserver's `handlers/patch.go`).
    #expect(
      terminal.run(#"kubectl patch deployment web -p '{"spec":'"#).output
        == "Error from server (BadRequest): invalid JSON document\n")
  }
}

/// Patches too big to apply in reasonable time get a clear error instead of a hang.
@Suite struct PatchBoundsTests {
  static let manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  finalizers: [x]\ndata:\n  a: b\n"

  func run(_ arguments: [String], patchFile: String? = nil) -> CommandResult {
    var cluster = Cluster()
    var files = ["c.yaml": Self.manifest]
    if let patchFile { files["p.json"] = patchFile }
    return Kubectl.run(
      ["patch", "--local", "-f", "c.yaml", "-o", "name"] + arguments, cluster: &cluster,
      files: VirtualDirectory(files: files))
  }

  @Test func longListsAndManyKeysAreRefused() {
    let finalizers = "[" + (0..<3000).map { #""f\#($0)""# }.joined(separator: ",") + "]"
    // A list the object lacks is taken as it is; one it has merges, item by item.
    let new = run(["--patch-file", "p.json"], patchFile: #"{"spec":{"finalizers":"# + finalizers + "}}")
    #expect(new.exitCode == 0)
    let merged = run(["--patch-file", "p.json"], patchFile: #"{"metadata":{"finalizers":"# + finalizers + "}}")
    #expect(merged.output == "error: kubebook refuses to merge lists of more than 2000 items\n")
    let keys = (0..<3000).map { #""k\#($0)":"v""# }.joined(separator: ",")
    let manyKeys = run(["--type", "merge", "--patch-file", "p.json"], patchFile: #"{"data":{"# + keys + "}}")
    #expect(manyKeys.output == "error: kubebook refuses to merge objects of more than 2000 keys\n")
    let strategicKeys = run(["--patch-file", "p.json"], patchFile: #"{"data":{"# + keys + "}}")
    #expect(strategicKeys.output == "error: kubebook refuses to merge objects of more than 2000 keys\n")
  }

  @Test func jsonPatchesAreBounded() {
    let operations = (0..<1001).map { _ in #"{"op":"test","path":"/kind","value":"ConfigMap"}"# }
    let many = run(
      ["--type", "json", "--patch-file", "p.json"], patchFile: "[" + operations.joined(separator: ",") + "]")
    #expect(many.output == "error: kubebook refuses JSON patches of more than 1000 operations\n")
    // Each copy doubles the document: refused before it outgrows the node budget.
    let doubling =
      [#"{"op":"add","path":"/x","value":[1,2,3,4,5,6,7,8]}"#]
      + (0..<40).map { _ in #"{"op":"copy","from":"/x","path":"/x/-"}"# }
    let copies = run(
      ["--type", "json", "--patch-file", "p.json"], patchFile: "[" + doubling.joined(separator: ",") + "]")
    #expect(copies.output == "error: kubebook refuses copies that add more than 100000 values to the document\n")
  }

  @Test func deepPatchesAreRefused() {
    let deep = String(repeating: #"{"a":"#, count: 1500) + "1" + String(repeating: "}", count: 1500)
    let result = run(["--patch-file", "p.json"], patchFile: deep)
    #expect(result.exitCode == 1)
    #expect(result.output == "error: invalid JSON document\n")
  }
}
