import KubeSim
import Testing

@testable import Kubectl

/// `kubectl exec POD -- nslookup NAME` in busybox:1.28 against cluster DNS. The layout is
/// BusyBox 1.28's `nslookup.c` (`printf("%-10s %s\n", header, name)`, then `Address N: IP`
/// and the PTR name); the names are CoreDNS's `kubernetes` plugin records, as in captures such
/// as `Address 1: 10.20.0.1 kubernetes.default.svc.cluster.local` and
/// `Address 1: 10.233.67.10 10-233-67-10.busy-headless.default.svc.cluster.local`.
@Suite struct ExecNslookupTests {
  static let server = """
    Server:    10.96.0.10
    Address 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local


    """

  static func cluster() -> Terminal {
    var terminal = Terminal()
    _ = terminal.run("kubectl run dns-test --image=busybox:1.28 -- sleep 3600")
    _ = terminal.run("sleep 30")
    return terminal
  }

  @Test func kubernetesServiceThroughTheSearchList() {
    var terminal = Self.cluster()
    for name in ["kubernetes", "kubernetes.default", "kubernetes.default.svc.cluster.local."] {
      let result = terminal.run("kubectl exec dns-test -- nslookup \(name)")
      #expect(
        result.output
          == Self.server + "Name:      \(name)\nAddress 1: 10.96.0.1 kubernetes.default.svc.cluster.local\n")
      #expect(result.exitCode == 0)
    }
  }

  @Test func serviceInAnotherNamespaceNeedsItsNamespace() {
    var terminal = Self.cluster()
    let short = terminal.run("kubectl exec dns-test -- nslookup kube-dns")
    #expect(
      short.output == Self.server + "nslookup: can't resolve 'kube-dns'\ncommand terminated with exit code 1\n")
    #expect(short.exitCode == 1)
    let qualified = terminal.run("kubectl exec dns-test -- nslookup kube-dns.kube-system")
    #expect(
      qualified.output
        == Self.server
        + "Name:      kube-dns.kube-system\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n")
  }

  @Test func clusterIPServiceAnswersWithItsVirtualIP() throws {
    var terminal = Self.cluster()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27 --replicas=2")
    _ = terminal.run("kubectl expose deployment web --port=80")
    let ip = try #require(terminal.cluster.services["default/web"]?.clusterIP)
    #expect(
      terminal.run("kubectl exec dns-test -- nslookup web").output
        == Self.server + "Name:      web\nAddress 1: \(ip) web.default.svc.cluster.local\n")
  }

  /// A headless Service answers with its ready pods; a StatefulSet pod has its own name.
  @Test func headlessServiceAndStatefulSetPods() throws {
    var terminal = Self.cluster()
    terminal.files.files["web.yaml"] =
      StatefulSetCommandTests.manifest(replicas: 2) + """

        ---
        apiVersion: v1
        kind: Service
        metadata: {name: nginx}
        spec:
          clusterIP: None
          selector: {app: nginx}
          ports:
          - port: 80
        """
    _ = terminal.run("kubectl apply -f web.yaml")
    _ = terminal.run("kubectl rollout status sts/web")
    let ip0 = try #require(terminal.cluster.pod("web-0", namespace: "default")?.status.podIP)
    let ip1 = try #require(terminal.cluster.pod("web-1", namespace: "default")?.status.podIP)
    #expect(
      terminal.run("kubectl exec dns-test -- nslookup web-0.nginx").output
        == Self.server + "Name:      web-0.nginx\nAddress 1: \(ip0) web-0.nginx.default.svc.cluster.local\n")
    let all = terminal.run("kubectl exec dns-test -- nslookup nginx").output
    let lines = all.split(separator: "\n").suffix(2).sorted()
    #expect(
      lines
        == [
          "Address 1: \(min(ip0, ip1)) \(ip0 < ip1 ? "web-0" : "web-1").nginx.default.svc.cluster.local",
          "Address 2: \(max(ip0, ip1)) \(ip0 < ip1 ? "web-1" : "web-0").nginx.default.svc.cluster.local",
        ].sorted())
    // A pod that is not ready is not in the answer.
    _ = terminal.run("kubectl delete pod web-1 --wait=false")
    let during = terminal.run("kubectl exec dns-test -- nslookup web-1.nginx")
    #expect(during.output.hasSuffix("nslookup: can't resolve 'web-1.nginx'\ncommand terminated with exit code 1\n"))
  }

  /// Endpoints without a hostname are named by their IP with dashes.
  @Test func headlessEndpointsWithoutHostnames() throws {
    var terminal = Self.cluster()
    _ = terminal.run("kubectl create deployment api --image=nginx:1.27")
    terminal.files.files["svc.yaml"] = """
      apiVersion: v1
      kind: Service
      metadata: {name: api-headless}
      spec:
        clusterIP: None
        selector: {app: api}
        ports:
        - port: 80
      """
    _ = terminal.run("kubectl apply -f svc.yaml")
    _ = terminal.run("sleep 30")
    let pod = try #require(terminal.cluster.listPods(namespace: "default").first { $0.metadata.name.hasPrefix("api-") })
    let ip = try #require(pod.status.podIP)
    let dashed = String(ip.map { $0 == "." ? "-" : $0 })
    #expect(
      terminal.run("kubectl exec dns-test -- nslookup \(dashed).api-headless").output
        == Self.server
        + "Name:      \(dashed).api-headless\nAddress 1: \(ip) \(dashed).api-headless.default.svc.cluster.local\n")
  }

  @Test func otherImagesAndOutsideNamesAreRefusedHonestly() {
    var terminal = Self.cluster()
    _ = terminal.run("kubectl run newer --image=busybox:1.36 -- sleep 3600")
    _ = terminal.run("sleep 30")
    let newer = terminal.run("kubectl exec newer -- nslookup kubernetes")
    #expect(newer.exitCode == 1)
    #expect(newer.output.contains("kubebook simulates nslookup only in busybox:1.28"))
    let outside = terminal.run("kubectl exec dns-test -- nslookup example.com")
    #expect(outside.exitCode == 1)
    #expect(outside.output == "error: kubebook has no network outside the cluster: it cannot look up example.com\n")
  }
}
