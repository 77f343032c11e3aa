import KubeSim
import Testing

@testable import Kubectl

/// StatefulSets and their storage (`docs/reference/controllers.md` §3, `docs/reference/kubectl-output.md` §3.5, §3.13–3.14,
/// §3.20): ordered creation, stable names and claims, scale-down order, partitioned updates.
@Suite struct StatefulSetCommandTests {
  static func manifest(replicas: Int, image: String = "nginx:1.26", partition: Int = 0) -> String {
    """
    apiVersion: apps/v1
    kind: StatefulSet
    metadata: {name: web}
    spec:
      serviceName: nginx
      replicas: \(replicas)
      updateStrategy:
        rollingUpdate: {partition: \(partition)}
      selector:
        matchLabels: {app: nginx}
      template:
        metadata:
          labels: {app: nginx}
        spec:
          containers:
          - name: nginx
            image: \(image)
      volumeClaimTemplates:
      - metadata: {name: www}
        spec:
          accessModes: ["ReadWriteOnce"]
          resources:
            requests: {storage: 1Gi}
    """
  }

  /// OrderedReady: pod n+1 never exists before pod n is Running and Ready.
  @Test func podsStartInOrder() {
    var terminal = Terminal()
    terminal.files.files["web.yaml"] = Self.manifest(replicas: 4)
    _ = terminal.run("kubectl apply -f web.yaml")
    for _ in 0..<60 {
      for index in 1..<4 where terminal.cluster.pod("web-\(index)", namespace: "default") != nil {
        let previous = terminal.cluster.pod("web-\(index - 1)", namespace: "default")
        #expect(previous?.status.phase == .running && previous?.isReady == true)
      }
      _ = terminal.run("sleep 1")
    }
    #expect(terminal.run("kubectl get sts").output.contains("web    4/4"))
    let claims = PersistentVolumeClaim.list(in: terminal.cluster, namespace: "default")
    #expect(claims.map(\.metadata.name) == ["www-web-0", "www-web-1", "www-web-2", "www-web-3"])
    #expect(claims.allSatisfy { $0.phase == .bound && $0.storageClassName == "standard" })
  }

  /// A deleted pod comes back with its name, its claim and (through the volume's node
  /// affinity) its node; its hostname and subdomain give it the same DNS name.
  @Test func recreatedPodKeepsItsIdentity() throws {
    var terminal = Terminal()
    terminal.files.files["web.yaml"] = Self.manifest(replicas: 2)
    _ = terminal.run("kubectl apply -f web.yaml")
    _ = terminal.run("kubectl rollout status sts/web")
    let before = try #require(terminal.cluster.pod("web-1", namespace: "default"))
    _ = terminal.run("kubectl delete pod web-1")
    _ = terminal.run("sleep 20")
    let after = try #require(terminal.cluster.pod("web-1", namespace: "default"))
    #expect(after.metadata.uid != before.metadata.uid)
    #expect(after.spec.nodeName == before.spec.nodeName)
    #expect(after.spec.hostname == "web-1" && after.spec.subdomain == "nginx")
    #expect(
      after.spec.volumes.contains { $0.source == .persistentVolumeClaim(claimName: "www-web-1", readOnly: false) })
    #expect(PersistentVolumeClaim.list(in: terminal.cluster, namespace: "default").count == 2)
  }

  /// Scale-down goes from the highest ordinal, one pod at a time; claims stay.
  @Test func scaleDownFromTheTop() {
    var terminal = Terminal()
    terminal.files.files["web.yaml"] = Self.manifest(replicas: 4)
    _ = terminal.run("kubectl apply -f web.yaml")
    _ = terminal.run("kubectl rollout status sts/web")
    #expect(terminal.run("kubectl scale sts web --replicas=1").output == "statefulset.apps/web scaled\n")
    var order: [String] = []
    for _ in 0..<30 {
      let terminating = terminal.cluster.listPods(namespace: "default").filter { $0.metadata.deletionTimestamp != nil }
      #expect(terminating.count <= 1)
      for pod in terminating where !order.contains(pod.metadata.name) { order.append(pod.metadata.name) }
      _ = terminal.run("sleep 1")
    }
    #expect(order == ["web-3", "web-2", "web-1"])
    #expect(PersistentVolumeClaim.list(in: terminal.cluster, namespace: "default").count == 4)
  }

  /// A partition keeps the pods below it on the old template; the status lines are
  /// `rollout_status.go`'s.
  @Test func partitionedRollingUpdate() {
    var terminal = Terminal()
    terminal.files.files["web.yaml"] = Self.manifest(replicas: 3)
    _ = terminal.run("kubectl apply -f web.yaml")
    _ = terminal.run("kubectl rollout status sts/web")
    terminal.files.files["web.yaml"] = Self.manifest(replicas: 3, image: "nginx:1.27", partition: 2)
    _ = terminal.run("kubectl apply -f web.yaml")
    let status = terminal.run("kubectl rollout status sts/web").output
    #expect(status.hasSuffix("partitioned roll out complete: 1 new pods have been updated...\n"))
    let images = (0..<3).map { terminal.cluster.pod("web-\($0)", namespace: "default")?.spec.containers[0].image }
    #expect(images == ["nginx:1.26", "nginx:1.26", "nginx:1.27"])
  }

  @Test func storageTables() {
    var terminal = Terminal()
    #expect(
      terminal.run("kubectl get sc").output
        == "NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE\nstandard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  10m\n"
    )
    #expect(terminal.run("kubectl get pvc").output == "No resources found in default namespace.\n")
    #expect(terminal.run("kubectl get pv").output == "No resources found\n")
  }
}

/// The PV controller's static binding: the smallest Available volume of the claim's class
/// that offers its access modes and size; Retain keeps a released volume.
@Suite struct StaticVolumeTests {
  static func volume(_ name: String, size: String, modes: String = "ReadWriteOnce", storageClass: String = "manual")
    -> String
  {
    """
    apiVersion: v1
    kind: PersistentVolume
    metadata: {name: \(name)}
    spec:
      capacity: {storage: \(size)}
      accessModes: [\(modes)]
      storageClassName: \(storageClass)
      hostPath: {path: /data/\(name)}
    ---

    """
  }

  @Test func smallestFittingVolumeOfTheClassIsBound() throws {
    var terminal = Terminal()
    terminal.files.files["pvs.yaml"] =
      Self.volume("big", size: "10Gi") + Self.volume("small", size: "1Gi") + Self.volume("mid", size: "5Gi")
      + Self.volume("rwx", size: "2Gi", modes: "ReadWriteMany")
      + Self.volume("other", size: "2Gi", storageClass: "fast")
    _ = terminal.run("kubectl apply -f pvs.yaml")
    terminal.files.files["claim.yaml"] = """
      apiVersion: v1
      kind: PersistentVolumeClaim
      metadata: {name: data}
      spec:
        storageClassName: manual
        accessModes: [ReadWriteOnce]
        resources: {requests: {storage: 2Gi}}
      """
    _ = terminal.run("kubectl apply -f claim.yaml")
    let claim = try #require(terminal.cluster.claims["default/data"])
    #expect(claim.volumeName == "mid")
    #expect(claim.phase == .bound && claim.capacity == "5Gi")
    #expect(terminal.cluster.volumes["small"]?.phase == .available)
    _ = terminal.run("kubectl delete pvc data")
    #expect(terminal.cluster.volumes["mid"]?.phase == .released)
  }
}
