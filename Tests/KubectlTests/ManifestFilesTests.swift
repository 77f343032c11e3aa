import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `-f` of a directory, a multi-document file and a `kind: List`, as kubectl's resource
/// builder visits them (`cli-runtime/pkg/resource/visitor.go`, `builder.go`).
@Suite struct ManifestFilesTests {
  static func configMap(_ name: String) -> String {
    "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: \(name)\ndata:\n  k: v\n"
  }

  static let tree: [String: String] = [
    "d/b.yaml": configMap("b"),
    "d/a.json": #"{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}"#,
    "d/readme.txt": "not a manifest\n",
    "d/sub/s.yml": configMap("s"),
    "d/sub/deeper/t.yaml": configMap("t"),
    "d/Z.yaml": configMap("z"),
    "d/a-b.yaml": configMap("ab"),
    "d/zz/x.yaml": configMap("x"),
    "txt/only.txt": "x\n",
  ]

  /// Offline, the real kubectl names every file it visits in an `unable to recognize "PATH"`
  /// error, in visiting order: our walk must list the same files in the same order.
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [["-f", "d/"], ["-f", "d", "-R"], ["-f", "./d/sub", "--recursive"], ["-f", "d/sub/s.yml"]])
  func directoryWalkMatchesRealKubectl(flags: [String]) throws {
    let real = try Self.realKubectl(["create", "--dry-run=client", "--validate=false"] + flags, on: Self.tree)
    let visited = real.output.split(separator: "\n").compactMap { line -> String? in
      let text = line.hasPrefix("error: ") ? line.dropFirst("error: ".count) : line
      guard text.hasPrefix("unable to recognize \"") else { return nil }
      return String(text.dropFirst("unable to recognize \"".count).prefix { $0 != "\"" })
    }
    #expect(!visited.isEmpty)
    let context = CommandContext(
      cluster: Cluster(), kubeconfig: Kubeconfig(cluster: Cluster()), files: VirtualDirectory(files: Self.tree),
      stdin: nil)
    let documents = try ManifestFiles.documents(
      [flags[1]], recursive: flags.contains("-R") || flags.contains("--recursive"), context: context)
    #expect(documents.map(\.source) == visited)
  }

  /// The real kubectl's output (errors included) in a directory holding `tree`.
  static func realKubectl(_ arguments: [String], on tree: [String: String]) throws -> (output: String, status: Int32) {
    let directory = try TemporaryDirectory.create("kubebook-manifest-files")
    defer { try? FileManager.default.removeItem(at: directory) }
    for (path, text) in tree {
      let url = directory.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return try RealKubectl.runCombined(arguments, in: directory)
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func directoryWithoutManifestsMatchesRealKubectl() throws {
    for arguments in [["apply", "-f", "txt"], ["create", "-f", "txt/", "-R"]] {
      let real = try Self.realKubectl(arguments, on: Self.tree)
      var terminal = Terminal(files: VirtualDirectory(files: Self.tree))
      let ours = terminal.run("kubectl " + arguments.joined(separator: " "))
      #expect(ours.output == real.output)
      #expect(ours.exitCode == real.status)
    }
  }

  @Test func appliesAListsItemsInOrder() {
    let list = """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
      - apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: shop
        data:
          mode: fast
      - apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: ConfigMap
          metadata:
            name: inner
            namespace: shop

      """
    var terminal = Terminal(files: VirtualDirectory(files: ["list.yaml": list]))
    let result = terminal.run("kubectl apply -f list.yaml")
    #expect(result.output == "namespace/shop created\nconfigmap/settings created\nconfigmap/inner created\n")
    #expect(terminal.cluster.configMaps["shop/settings"]?.data == ["mode": "fast"])
    #expect(terminal.run("kubectl create -f list.yaml -o name").exitCode == 1)
  }

  @Test func createsEveryDocumentOfEveryFileInOrder() {
    var terminal = Terminal(files: VirtualDirectory(files: Self.tree))
    let result = terminal.run("kubectl create -f d -R -o name")
    #expect(
      result.output
        == "configmap/z\nconfigmap/ab\nconfigmap/a\nconfigmap/b\nconfigmap/t\nconfigmap/s\nconfigmap/x\n")
    let multi = Self.configMap("one") + "---\n" + Self.configMap("two")
    var second = Terminal(files: VirtualDirectory(files: ["m.yaml": multi]))
    #expect(second.run("kubectl apply -f m.yaml").output == "configmap/one created\nconfigmap/two created\n")
  }
}

/// `kubectl delete -f` and `patch -f` of a directory and a List, through the same builder walk.
@Suite struct DeleteManifestFilesTests {
  @Test func patchesEveryItemOfAList() {
    let list = """
      apiVersion: v1
      kind: List
      items:
      - {apiVersion: v1, kind: ConfigMap, metadata: {name: one}}
      - {apiVersion: v1, kind: ConfigMap, metadata: {name: two}}

      """
    var terminal = Terminal(files: VirtualDirectory(files: ["list.yaml": list]))
    _ = terminal.run("kubectl create -f list.yaml")
    let result = terminal.run(#"kubectl patch -f list.yaml -p '{"data":{"k":"w"}}'"#)
    #expect(result.output == "configmap/one patched\nconfigmap/two patched\n")
    #expect(terminal.cluster.configMaps["default/two"]?.data == ["k": "w"])
  }

  @Test func deletesEveryObjectOfADirectory() {
    var terminal = Terminal(files: VirtualDirectory(files: ManifestFilesTests.tree))
    _ = terminal.run("kubectl create -f d -R")
    let result = terminal.run("kubectl delete -f d/ -R")
    #expect(
      result.output
        == [
          "configmap \"z\" deleted", "configmap \"ab\" deleted", "configmap \"a\" deleted", "configmap \"b\" deleted",
          "configmap \"t\" deleted", "configmap \"s\" deleted", "configmap \"x\" deleted",
        ].map { $0 + "\n" }.joined())
    #expect(
      terminal.cluster.configMaps.keys.allSatisfy { !$0.hasPrefix("default/") || $0 == "default/kube-root-ca.crt" })
  }
}
