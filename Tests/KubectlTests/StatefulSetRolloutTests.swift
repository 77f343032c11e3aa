import KubeSim
import Testing

@testable import Kubectl

/// `rollout status|history|undo` for StatefulSets. The status messages follow
/// `StatefulSetStatusViewer` (`docs/reference/kubectl-output.md` StatefulSet table): once
/// `updateStrategy.rollingUpdate` is present — and API defaulting adds `{partition: 0}` when
/// `updateStrategy.type` is left out — only the two "partitioned" messages end a rollout. The
/// history and rollback texts are `printHistory` and `StatefulSetRollbacker`'s.
@Suite struct StatefulSetRolloutTests {
  static func manifest(image: String, strategy: String = "") -> String {
    """
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: web}
    spec:
      serviceName: nginx
      replicas: 3
    \(strategy)
      selector:
        matchLabels: {app: nginx}
      template:
        metadata:
          labels: {app: nginx}
        spec:
          containers:
          - name: nginx
            image: \(image)

    """
  }

  @Test func defaultedRollingUpdateEndsWithThePartitionedMessage() {
    var terminal = Terminal()
    terminal.files.files["web.yaml"] = Self.manifest(image: "nginx:1.26")
    _ = terminal.run("kubectl apply -f web.yaml")
    let first = terminal.run("kubectl rollout status sts/web").output
    #expect(first.hasSuffix("partitioned roll out complete: 3 new pods have been updated...\n"))
    #expect(terminal.run("kubectl get sts web -o yaml").output.contains("    rollingUpdate:\n      partition: 0\n"))
    terminal.files.files["web.yaml"] = Self.manifest(image: "nginx:1.27")
    _ = terminal.run("kubectl apply -f web.yaml")
    let update = terminal.run("kubectl rollout status sts/web").output.split(separator: "\n").map(String.init)
    // Each pod replaced: not ready while it starts, then the controller's status with the
    // new pod ready but the next one not yet updated.
    #expect(update.contains("Waiting for 1 pods to be ready..."))
    #expect(update.contains("Waiting for partitioned roll out to finish: 1 out of 3 new pods have been updated..."))
    #expect(update.contains("Waiting for partitioned roll out to finish: 2 out of 3 new pods have been updated..."))
    #expect(update.last == "partitioned roll out complete: 3 new pods have been updated...")
  }

  @Test func rollingUpdateWithoutItsBlockEndsWithTheRevision() throws {
    var terminal = Terminal()
    terminal.files.files["web.yaml"] = Self.manifest(
      image: "nginx:1.26", strategy: "  updateStrategy: {type: RollingUpdate}")
    _ = terminal.run("kubectl apply -f web.yaml")
    let output = terminal.run("kubectl rollout status sts/web").output
    let revision = try #require(terminal.cluster.statefulSets["default/web"]?.status.currentRevision)
    #expect(output.hasSuffix("statefulset rolling update complete 3 pods at revision \(revision)...\n"))
    #expect(!terminal.run("kubectl get sts web -o yaml").output.contains("rollingUpdate"))
  }

  @Test func historyAndUndo() throws {
    var terminal = Terminal()
    terminal.files.files["web.yaml"] = Self.manifest(image: "nginx:1.26")
    _ = terminal.run("kubectl apply -f web.yaml")
    _ = terminal.run("kubectl rollout status sts/web")
    let tooEarly = terminal.run("kubectl rollout undo sts/web")
    #expect(tooEarly.output == "error: unable to find specified revision 0 in history\n")
    #expect(tooEarly.exitCode == 1)
    _ = terminal.run("kubectl set image sts/web nginx=nginx:1.27")
    _ = terminal.run("kubectl rollout status sts/web")
    #expect(
      terminal.run("kubectl rollout history sts/web").output
        == "statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n")
    let one = terminal.run("kubectl rollout history sts/web --revision=1").output
    #expect(one.hasPrefix("statefulset.apps/web with revision #1\nPod Template:\n"))
    #expect(one.contains("nginx:1.26"))
    #expect(terminal.run("kubectl rollout undo sts/web").output == "statefulset.apps/web rolled back\n")
    _ = terminal.run("kubectl rollout status sts/web")
    let images = terminal.cluster.listPods(namespace: "default").map { $0.spec.containers[0].image }
    #expect(images == ["nginx:1.26", "nginx:1.26", "nginx:1.26"])
    // The rolled-back template becomes the newest revision (1 is renumbered 3).
    #expect(
      terminal.run("kubectl rollout history sts/web").output
        == "statefulset.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n")
    #expect(
      terminal.run("kubectl rollout undo sts/web --to-revision=3").output
        == "statefulset.apps/web skipped rollback (current template already matches revision 3)\n")
    #expect(
      terminal.run("kubectl rollout undo sts/web --to-revision=7").output
        == "error: unable to find specified revision 7 in history\n")
  }
}
