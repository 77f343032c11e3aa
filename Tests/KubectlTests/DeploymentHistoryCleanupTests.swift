import KubeSim
import Testing

@testable import Kubectl

/// `revisionHistoryLimit` (`pkg/controller/deployment/sync.go`, `cleanupDeployment`, called
/// by `rolloutRolling` once `DeploymentComplete` holds for the status the previous sync
/// wrote). The Deployment's own status write queues it again (`updateDeployment`), so the
/// history is trimmed at once: old ReplicaSets beyond the limit, with no replicas and
/// observed, are deleted oldest revision first.
@Suite struct DeploymentHistoryCleanupTests {
  static let manifest = """
    apiVersion: apps/v1
    kind: Deployment
    metadata: {name: web}
    spec:
      replicas: 3
      revisionHistoryLimit: 1
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx:1.26
    """

  @Test func historyIsTrimmedWhenTheRolloutCompletes() throws {
    var terminal = Terminal()
    terminal.files.files["d.yaml"] = Self.manifest
    _ = terminal.run("kubectl apply -f d.yaml")
    _ = terminal.run("kubectl rollout status deployment/web")
    let first = try #require(terminal.cluster.replicaSets.values.first?.metadata.name)
    _ = terminal.run("kubectl set image deployment/web web=nginx:1.27")
    _ = terminal.run("kubectl rollout status deployment/web")
    _ = terminal.run("kubectl set image deployment/web web=nginx:1.28")
    let status = terminal.run("kubectl rollout status deployment/web")
    #expect(status.output.hasSuffix("deployment \"web\" successfully rolled out\n"))
    let sets = terminal.cluster.replicaSets.values.filter { $0.metadata.name.hasPrefix("web-") }
    // The new ReplicaSet (revision 3) and one old one (revision 2); revision 1 is gone.
    #expect(sets.count == 2)
    #expect(!sets.contains { $0.metadata.name == first })
    let revisions = sets.compactMap { $0.metadata.annotations["deployment.kubernetes.io/revision"] }.sorted()
    #expect(revisions == ["2", "3"])
    #expect(terminal.run("kubectl get rs").output.split(separator: "\n").count == 3)
  }
}
