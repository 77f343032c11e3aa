import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `--dry-run=server`: the API server admits and validates the request and stores nothing;
/// the printed operation ends in ` (server dry run)` (`cmdutil.PrintFlagsWithDryRunStrategy`,
/// `delete.go`'s own `PrintObj`), except patch's, whose printer is completed before the
/// operation is named (`patch.go`).
@Suite struct DryRunServerTests {
  static let deployment = ReplaceCommandTests.deployment(image: "nginx:1.27", replicas: 2)
  static let files = VirtualDirectory(files: [
    "web.yaml": deployment,
    "web2.yaml": ReplaceCommandTests.deployment(image: "nginx:1.28", replicas: 2),
    "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n",
    "bad.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n",
  ])

  /// Everything a user can read back from the cluster, read on a copy.
  static func snapshot(_ cluster: Cluster) -> String {
    var copy = cluster
    let objects = Kubectl.run(
      ["get", "deployments,replicasets,pods,configmaps,services,events", "-A", "-o", "json"], cluster: &copy,
      files: VirtualDirectory())
    return objects.output + "\n" + cluster.now.rfc3339
  }

  /// A terminal with the Deployment rolled out.
  static func rolledOut() -> Terminal {
    var terminal = Terminal(files: Self.files)
    _ = terminal.run("kubectl apply -f web.yaml")
    _ = terminal.run("kubectl rollout status deployment/web")
    return terminal
  }

  @Test(arguments: [
    ("kubectl apply -f cm.yaml --dry-run=server", "configmap/settings created (server dry run)\n"),
    ("kubectl create -f cm.yaml --dry-run=server", "configmap/settings created (server dry run)\n"),
    ("kubectl apply -f web2.yaml --dry-run=server", "deployment.apps/web configured (server dry run)\n"),
    ("kubectl replace -f web2.yaml --dry-run=server", "deployment.apps/web replaced (server dry run)\n"),
    ("kubectl delete deployment web --dry-run=server", "deployment.apps \"web\" deleted (server dry run)\n"),
    ("kubectl delete -f web.yaml --dry-run=client", "deployment.apps \"web\" deleted (dry run)\n"),
    ("kubectl scale deployment web --replicas=5 --dry-run=server", "deployment.apps/web scaled (server dry run)\n"),
    ("kubectl scale deployment web --replicas=5 --dry-run=client", "deployment.apps/web scaled (dry run)\n"),
    (#"kubectl patch deployment web -p '{"spec":{"replicas":4}}' --dry-run=server"#, "deployment.apps/web patched\n"),
    ("kubectl create deployment api --image=nginx --dry-run=server", "deployment.apps/api created (server dry run)\n"),
    ("kubectl create namespace shop --dry-run=server", "namespace/shop created (server dry run)\n"),
    ("kubectl create configmap cfg --from-literal=a=b --dry-run=server", "configmap/cfg created (server dry run)\n"),
    ("kubectl create job once --image=busybox --dry-run=server", "job.batch/once created (server dry run)\n"),
    ("kubectl run one --image=nginx --dry-run=server", "pod/one created (server dry run)\n"),
    ("kubectl expose deployment web --port=80 --dry-run=server", "service/web exposed (server dry run)\n"),
    (
      "kubectl autoscale deployment web --max=3 --dry-run=server",
      "horizontalpodautoscaler.autoscaling/web autoscaled (server dry run)\n"
    ),
  ])
  func printsAndStoresNothing(line: String, expected: String) {
    var terminal = Self.rolledOut()
    let before = Self.snapshot(terminal.cluster)
    #expect(before.contains("\"name\": \"web\"") && before.contains("\"kind\": \"ReplicaSet\""))
    let result = terminal.run(line)
    #expect(result.output == expected)
    #expect(result.exitCode == 0)
    #expect(Self.snapshot(terminal.cluster) == before)
  }

  @Test func serverStillValidates() {
    var terminal = Self.rolledOut()
    let before = Self.snapshot(terminal.cluster)
    let bad = terminal.run("kubectl create -f bad.yaml --dry-run=server")
    #expect(bad.exitCode == 1)
    #expect(bad.output.hasPrefix("The ConfigMap \"Bad_Name\" is invalid: metadata.name: Invalid value: \"Bad_Name\""))
    let exists = terminal.run("kubectl create -f web.yaml --dry-run=server")
    #expect(
      exists.output
        == "Error from server (AlreadyExists): error when creating \"web.yaml\": deployments.apps \"web\" already exists\n"
    )
    let missing = terminal.run("kubectl delete configmap nope --dry-run=server")
    #expect(missing.output == "Error from server (NotFound): configmaps \"nope\" not found\n")
    #expect(Self.snapshot(terminal.cluster) == before)
  }

  /// Each object is checked against the cluster as it is: a dry-run namespace does not exist
  /// for the next item of the same list.
  @Test func eachRequestSeesTheStoredObjectsOnly() {
    var terminal = Self.rolledOut()
    terminal.files.files["shop.yaml"] =
      "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n"
      + "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: shop\n"
    let before = Self.snapshot(terminal.cluster)
    let result = terminal.run("kubectl apply -f shop.yaml --dry-run=server")
    #expect(
      result.output
        == "namespace/shop created (server dry run)\nError from server (NotFound): error when creating \"shop.yaml\": namespaces \"shop\" not found\n"
    )
    #expect(result.exitCode == 1)
    #expect(Self.snapshot(terminal.cluster) == before)
  }

  @Test func serverDryRunPrintsTheObjectTheServerWouldStore() throws {
    var terminal = Self.rolledOut()
    let before = Self.snapshot(terminal.cluster)
    let result = terminal.run("kubectl apply -f web2.yaml --dry-run=server -o json")
    let object = try #require(try ManifestReader.documents(result.output, source: "output").first)
    #expect(
      object["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first?["image"]?.stringValue == "nginx:1.28")
    // The spec changed: the server bumps the generation it would store.
    #expect(object["metadata"]?["generation"] == .int(2))
    #expect(Self.snapshot(terminal.cluster) == before)
  }

  /// The generators print the object the server answered for `-o yaml|json` (`create.go`'s
  /// `PrintObj` of the created object), a server dry run's without a resourceVersion.
  @Test func generatorsPrintTheCreatedObject() throws {
    var terminal = Self.rolledOut()
    let created = terminal.run("kubectl create deployment api --image=nginx -o json")
    let object = try #require(try ManifestReader.documents(created.output, source: "output").first)
    #expect(object["kind"]?.stringValue == "Deployment")
    #expect(object["metadata"]?["uid"]?.stringValue == terminal.cluster.deployments["default/api"]?.metadata.uid)
    #expect(object["metadata"]?["resourceVersion"] != nil)
    let before = Self.snapshot(terminal.cluster)
    let dry = terminal.run("kubectl create configmap cfg --from-literal=a=b --dry-run=server -o yaml")
    let answer = try #require(try ManifestReader.documents(dry.output, source: "output").first)
    #expect(answer["data"]?["a"]?.stringValue == "b")
    #expect(answer["metadata"]?["uid"] != nil && answer["metadata"]?["resourceVersion"] == nil)
    #expect(Self.snapshot(terminal.cluster) == before)
  }
}
