import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl diff`: usage errors and their exit status 2 from the real binary; the diff itself
/// against GNU `diff -u -N` run on the LIVE and MERGED directories, as kubectl runs it
/// (`kubectl/pkg/cmd/diff/diff.go`).
@Suite struct DiffCommandTests {
  static let files = VirtualDirectory(files: [
    "v1.yaml": ReplaceCommandTests.deployment(image: "nginx:1.27", replicas: 3),
    "v2.yaml": ReplaceCommandTests.deployment(image: "nginx:1.28", replicas: 3),
    "cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: fast\n",
    "secret.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\ndata:\n  a: YQ==\n  b: Yg==\n",
    "secret2.yaml": "apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\ndata:\n  a: YQ==\n  b: Yw==\n  c: Yw==\n",
  ])

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func usageErrorsMatchRealKubectl() throws {
    try RealKubectl.expectSameOutput("diff")
    try RealKubectl.expectSameOutput("diff --bogus")
    try RealKubectl.expectSameOutput("diff -f x.yaml foo")
    try RealKubectl.expectSameOutput("diff -f nope.yaml")
  }

  /// What GNU diff prints for the two directories holding `files` (name: live, merged), its
  /// paths under /tmp as ours are and the file times left out of both.
  static func systemDiff(_ files: [String: (String, String)]) throws -> (String, Int32) {
    let directory = try TemporaryDirectory.create("kubebook-diff")
    defer { try? FileManager.default.removeItem(at: directory) }
    let live = directory.appendingPathComponent("LIVE-kubebook")
    let merged = directory.appendingPathComponent("MERGED-kubebook")
    try FileManager.default.createDirectory(at: live, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: merged, withIntermediateDirectories: true)
    for (name, (old, new)) in files {
      try old.write(to: live.appendingPathComponent(name), atomically: true, encoding: .utf8)
      try new.write(to: merged.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
    process.arguments = ["-u", "-N", live.path, merged.path]
    process.environment = ["LC_ALL": "C"]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: directory.path, with: "/tmp")
    return (withoutTimes(text), process.terminationStatus)
  }

  /// `text` with the times after the tab on `---` and `+++` lines removed.
  static func withoutTimes(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      line.hasPrefix("--- ") || line.hasPrefix("+++ ") ? String(line.prefix { $0 != "\t" }) : String(line)
    }.joined(separator: "\n")
  }

  static func rolledOut() -> Terminal {
    var terminal = Terminal(files: Self.files)
    _ = terminal.run("kubectl apply -f v1.yaml")
    _ = terminal.run("kubectl rollout status deployment/web")
    return terminal
  }

  @Test func noDifferenceIsSilent() {
    var terminal = Self.rolledOut()
    let result = terminal.run("kubectl diff -f v1.yaml")
    #expect(result.output == "")
    #expect(result.exitCode == 0)
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/diff"), "needs GNU diff"))
  func changedDeploymentDiffsAsGNUDiff() throws {
    var terminal = Self.rolledOut()
    let live = try #require(terminal.cluster.deployments["default/web"])
    let liveYAML = terminal.run("kubectl get deployment web -o yaml").output
    let mergedYAML = terminal.run("kubectl apply -f v2.yaml --dry-run=server -o yaml").output
    let result = terminal.run("kubectl diff -f v2.yaml")
    #expect(result.exitCode == 1)
    #expect(terminal.cluster.deployments["default/web"] == live)
    // The merged object is the server's dry run of the apply: a new generation, the live
    // resourceVersion, the new image and last-applied annotation; no managedFields.
    let name = "apps.v1.Deployment.default.web"
    let (expected, status) = try Self.systemDiff([name: (liveYAML, mergedYAML)])
    #expect(status == 1)
    #expect(Self.withoutTimes(result.output) == expected)
    #expect(
      result.output.hasPrefix(
        "diff -u -N /tmp/LIVE-kubebook/\(name) /tmp/MERGED-kubebook/\(name)\n--- /tmp/LIVE-kubebook/\(name)\t"))
    #expect(result.output.contains("\n-  generation: 1\n+  generation: 2\n"))
    #expect(result.output.contains("\n-      - image: nginx:1.27\n+      - image: nginx:1.28\n"))
    #expect(!result.output.contains("\n-  resourceVersion") && !result.output.contains("\n+  resourceVersion"))
    #expect(!result.output.contains("managedFields"))
  }

  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/diff"), "needs GNU diff"))
  func newObjectsDiffAgainstEmptyFilesInNameOrder() throws {
    var terminal = Self.rolledOut()
    terminal.files.files["both.yaml"] = Self.files.files["v2.yaml"]! + "---\n" + Self.files.files["cm.yaml"]!
    let result = terminal.run("kubectl diff -f both.yaml")
    #expect(result.exitCode == 1)
    #expect(terminal.cluster.configMaps["default/settings"] == nil)
    var scratch = terminal
    // The apply's dry run: a create, with the last-applied annotation.
    let merged = scratch.run("kubectl apply -f cm.yaml --dry-run=server -o yaml").output
    var second = terminal
    let deployment = (
      second.run("kubectl get deployment web -o yaml").output,
      second.run("kubectl apply -f v2.yaml --dry-run=server -o yaml").output
    )
    let (expected, _) = try Self.systemDiff([
      "v1.ConfigMap.default.settings": ("", merged), "apps.v1.Deployment.default.web": deployment,
    ])
    #expect(Self.withoutTimes(result.output) == expected)
    #expect(result.output.contains("@@ -0,0 +1,"))
  }

  @Test func secretValuesAreMasked() {
    var terminal = Terminal(files: Self.files)
    _ = terminal.run("kubectl apply -f secret.yaml")
    let result = terminal.run("kubectl diff -f secret2.yaml")
    #expect(result.exitCode == 1)
    #expect(result.output.contains("\n   a: '***'\n-  b: '*** (before)'\n+  b: '*** (after)'\n+  c: '***'\n"))
    // The Masker masks `data` only: kubectl shows the last-applied annotation as it is.
    #expect(!result.output.contains("\n+  c: Yw==") && !result.output.contains("\n-  b: Yg=="))
  }

  @Test func overlongObjectsAreRefused() {
    var terminal = Terminal()
    let data = (0...GNUDiff.maxLines).map { "  k\($0): v" }.joined(separator: "\n")
    terminal.files.files["big.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n\(data)\n"
    let result = terminal.run("kubectl diff -f big.yaml")
    #expect(result.exitCode == 2)
    #expect(
      result.output
        == "error: kubebook diffs objects of at most 20000 lines of YAML; v1.ConfigMap.default.big has more\n")
  }

  @Test func serverErrorsExitTwo() {
    var terminal = Self.rolledOut()
    terminal.files.files["bad.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: Bad_Name\n"
    let result = terminal.run("kubectl diff -f bad.yaml")
    #expect(result.exitCode == 2)
    #expect(result.output.hasPrefix("The ConfigMap \"Bad_Name\" is invalid"))
  }
}
