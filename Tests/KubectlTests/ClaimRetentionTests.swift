import Foundation
import KubeSim
import Testing

@testable import Kubectl

/// What becomes of a StatefulSet's claims under `persistentVolumeClaimRetentionPolicy`.
@Suite struct ClaimRetentionTests {
  /// `persistentVolumeClaimRetentionPolicy` (`docs/reference/controllers.md` §3.6): under `whenScaled: Delete`
  /// the claims of removed ordinals go with their pods; under `whenDeleted: Delete` every claim
  /// goes with the set, each once its pod is gone (Terminating until then).
  @Test func retentionPolicyDelete() {
    var terminal = Terminal()
    terminal.files.files["web.yaml"] = StatefulSetCommandTests.manifest(replicas: 3).replacingOccurrences(
      of: "  serviceName: nginx\n",
      with: "  serviceName: nginx\n  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete, whenScaled: Delete}\n")
    _ = terminal.run("kubectl apply -f web.yaml")
    _ = terminal.run("kubectl rollout status sts/web")
    #expect(
      terminal.run("kubectl get sts web -o yaml").output.contains("    whenDeleted: Delete\n    whenScaled: Delete\n"))
    _ = terminal.run("kubectl scale sts web --replicas=1")
    _ = terminal.run("sleep 10")
    #expect(
      PersistentVolumeClaim.list(in: terminal.cluster, namespace: "default").map(\.metadata.name) == ["www-web-0"])
    _ = terminal.run("kubectl delete sts web")
    #expect(terminal.run("kubectl get pvc").output.contains("www-web-0   Terminating"))
    _ = terminal.run("sleep 10")
    #expect(PersistentVolumeClaim.list(in: terminal.cluster, namespace: "default").isEmpty)
    #expect(PersistentVolume.list(in: terminal.cluster, namespace: nil).isEmpty)
  }

  /// The default, Retain: claims outlive scale-downs and the set itself.
  @Test func retentionPolicyRetainByDefault() {
    var terminal = Terminal()
    terminal.files.files["web.yaml"] = StatefulSetCommandTests.manifest(replicas: 2)
    _ = terminal.run("kubectl apply -f web.yaml")
    _ = terminal.run("kubectl rollout status sts/web")
    _ = terminal.run("kubectl scale sts web --replicas=1")
    _ = terminal.run("kubectl delete sts web")
    _ = terminal.run("sleep 30")
    #expect(
      PersistentVolumeClaim.list(in: terminal.cluster, namespace: "default").map(\.metadata.name) == [
        "www-web-0", "www-web-1",
      ])
  }
}
