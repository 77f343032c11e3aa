import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl label` and `kubectl annotate` on files with `--local`, which the real kubectl v1.32
/// runs offline: parsing, validation, the overwrite rules, `--list`, `-o` and the operation
/// `updateDataChangeMsg` names.
@Suite struct LabelLocalTests {
  static let files = [
    "pod.yaml": """
    apiVersion: v1
    kind: Pod
    metadata:
      name: web
      labels:
        app: web
        tier: front
      annotations:
        note: first
        kubernetes.io/change-cause: kubectl create
    spec:
      containers:
      - name: web
        image: nginx:1.27
    """,
    "bare.yaml": """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: bare
    spec:
      selector:
        matchLabels:
          app: bare
      template:
        metadata:
          labels:
            app: bare
        spec:
          containers:
          - name: web
            image: nginx:1.27
    """,
  ]

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "label --local -f pod.yaml color=blue -o yaml", "label --local -f pod.yaml app- -o json",
      "label --local -f pod.yaml app=api",
      "label --local -f pod.yaml app=api --overwrite -o yaml", "label --local -f pod.yaml color=blue",
      "label --local -f pod.yaml color=blue --dry-run=client", "label --local -f pod.yaml nope-",
      "label --local -f pod.yaml app=web", "label --local -f pod.yaml app-",
      "label --local -f pod.yaml app- --overwrite",
      "label --local -f bare.yaml nope-", "label --local -f bare.yaml a=b -o name",
      "label --local -f pod.yaml a=b=c", "label --local -f pod.yaml a=-x", "label --local -f pod.yaml a=b a-",
      "label --local -f pod.yaml a=b --dry-run=server", "label --local pods web a=b", "label --local a=b",
      "label --local -f pod.yaml", "label --local -f pod.yaml --list -o yaml", "label pods a=b web",
      "label --all -l a=b pods x=y", "label --local -f pod.yaml a=b --dry-run=maybe",
      "label --local -f pod.yaml a=b -o jsonpath={.metadata.labels}",
      "label --local -f pod.yaml app=new --resource-version=7 -o yaml",
      "annotate --local -f pod.yaml color=blue -o yaml", "annotate --local -f pod.yaml note=second",
      "annotate --local -f pod.yaml note=second other=x",
      "annotate --local -f pod.yaml kubernetes.io/change-cause=again",
      "annotate --local -f pod.yaml url=http://x/?a=b -o json", "annotate --local -f pod.yaml a=b a-",
      "annotate --local -f pod.yaml note-", "annotate --local -f pod.yaml =x",
      "annotate --local -f bare.yaml a=b", "annotate --local -f pod.yaml",
    ])
  func matchesTheRealBinary(command: String) throws {
    try RealKubectl.expectSameOutput(try ShellWords.split(command), files: Self.files)
  }

  /// kubectl ranges over Go maps for these, so only the set of lines is fixed.
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "label --local -f pod.yaml --list", "annotate --local -f pod.yaml --list",
      "label --local -f pod.yaml app=api tier=back",
    ])
  func sameLinesAsTheRealBinary(command: String) throws {
    let words = try ShellWords.split(command)
    let directory = try TemporaryDirectory.create("kubebook-label")
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, text) in Self.files {
      try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let real = try RealKubectl.runCombined(words, in: directory)
    var cluster = Cluster()
    let ours = Kubectl.run(words, cluster: &cluster, files: VirtualDirectory(files: Self.files))
    #expect(ours.output.split(separator: "\n").sorted() == real.output.split(separator: "\n").sorted())
    #expect(ours.exitCode == real.status)
  }
}

/// `kubectl label` and `annotate` on live objects: selection, `label "x" not found.`, dry
/// runs that store nothing, `--resource-version`'s conflict.
@Suite struct LabelLiveTests {
  @Test func liveChanges() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    _ = terminal.run("kubectl create deployment api --image=nginx:1.27")
    #expect(terminal.run("kubectl label deployment web tier=front").output == "deployment.apps/web labeled\n")
    #expect(
      terminal.run("kubectl label deployment web nope-").output
        == "label \"nope\" not found.\ndeployment.apps/web not labeled\n")
    #expect(
      terminal.run("kubectl label deployment web color=red --dry-run=client").output
        == "deployment.apps/web labeled (dry run)\n")
    #expect(
      terminal.run("kubectl label deployment web color=red --dry-run=server").output
        == "deployment.apps/web labeled (server dry run)\n")
    #expect(terminal.run("kubectl get deployment web -o jsonpath={.metadata.labels.color}").output == "")
    #expect(
      terminal.run("kubectl label deployments --all stage=dev").output
        == "deployment.apps/api labeled\ndeployment.apps/web labeled\n")
    #expect(
      terminal.run("kubectl label deployments -l tier=front stage=prod --overwrite").output
        == "deployment.apps/web labeled\n")
    let conflict = terminal.run("kubectl label deployment web x=y --resource-version=1")
    #expect(
      conflict.output.hasPrefix(
        "Error from server (Conflict): Operation cannot be fulfilled on deployments.apps \"web\""))
    #expect(
      terminal.run("kubectl label deployments web api a=b --resource-version=1").output
        == "error: --resource-version may only be used with a single resource\n")
    #expect(
      terminal.run("kubectl annotate deployment web kubernetes.io/change-cause=first").output
        == "deployment.apps/web annotated\n")
    // change-cause may be replaced without --overwrite (validateNoAnnotationOverwrites).
    #expect(
      terminal.run("kubectl annotate deployment web kubernetes.io/change-cause=second").output
        == "deployment.apps/web annotated\n")
    #expect(
      terminal.run(#"kubectl get deployment web -o jsonpath='{.metadata.annotations.kubernetes\.io/change-cause}'"#)
        .output
        == "second")
    let listed = terminal.run("kubectl label deployments --all --list").output
    #expect(listed.hasPrefix("Listing labels for Deployment.apps/api:\n app=api\n stage=dev\n"))
  }
}
