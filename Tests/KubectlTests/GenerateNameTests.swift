import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `metadata.generateName`: the API server appends five characters of
/// `apimachinery/pkg/util/rand`'s alphabet on create (`names.SimpleNameGenerator`); `kubectl
/// apply` refuses it (`apply.go` `applyOneObject`: "from %s: cannot use generate name with
/// apply").
@Suite struct GenerateNameTests {
  static let files = VirtualDirectory(files: [
    "pod.yaml": """
    apiVersion: v1
    kind: Pod
    metadata:
      generateName: web-
    spec:
      containers:
      - name: web
        image: nginx

    """,
    "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: cfg-\n",
  ])

  /// The generated suffix: five characters of the rand package's alphabet.
  static func isGenerated(_ name: String, base: String) -> Bool {
    let alphabet = Set("bcdfghjklmnpqrstvwxz2456789")
    return name.hasPrefix(base) && name.count == base.count + 5
      && name.dropFirst(base.count).allSatisfy(alphabet.contains)
  }

  @Test func createGeneratesADistinctNameEachTime() throws {
    var terminal = Terminal(files: Self.files)
    let first = terminal.run("kubectl create -f pod.yaml -o name")
    let second = terminal.run("kubectl create -f pod.yaml")
    #expect(first.exitCode == 0 && second.exitCode == 0)
    let firstName = String(first.output.dropFirst("pod/".count).dropLast())
    #expect(Self.isGenerated(firstName, base: "web-"))
    #expect(terminal.cluster.pods["default/" + firstName] != nil)
    #expect(second.output.hasPrefix("pod/web-") && second.output.hasSuffix(" created\n"))
    #expect(second.output != "pod/\(firstName) created\n")
    #expect(terminal.cluster.pods.keys.filter { $0.hasPrefix("default/web-") }.count == 2)
    // Seeded: a fresh cluster draws the same name.
    var again = Terminal(files: Self.files)
    #expect(again.run("kubectl create -f pod.yaml -o name").output == first.output)
    let configMap = terminal.run("kubectl create -f cm.yaml -o name").output
    #expect(Self.isGenerated(String(configMap.dropFirst("configmap/".count).dropLast()), base: "cfg-"))
  }

  @Test func clusterScopedKindsGetAGeneratedNameToo() {
    var terminal = Terminal(
      files: VirtualDirectory(files: ["ns.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  generateName: team-\n"])
    )
    let result = terminal.run("kubectl create -f ns.yaml -o name")
    let name = String(result.output.dropFirst("namespace/".count).dropLast())
    #expect(Self.isGenerated(name, base: "team-"))
    #expect(terminal.cluster.namespaces[name] != nil)
    #expect(
      terminal.run("kubectl apply -f ns.yaml").output == "error: from team-: cannot use generate name with apply\n")
  }

  @Test func applyRefusesGenerateName() {
    var terminal = Terminal(files: Self.files)
    let result = terminal.run("kubectl apply -f pod.yaml")
    #expect(result.output == "error: from web-: cannot use generate name with apply\n")
    #expect(result.exitCode == 1)
    #expect(terminal.cluster.pods.keys.allSatisfy { !$0.hasPrefix("default/web-") })
  }

  @Test func clientDryRunPrintsTheEmptyName() {
    var terminal = Terminal(files: Self.files)
    #expect(terminal.run("kubectl create -f cm.yaml --dry-run=client").output == "configmap/ created (dry run)\n")
    #expect(terminal.cluster.configMaps.keys.allSatisfy { !$0.hasPrefix("default/cfg-") })
  }
}
