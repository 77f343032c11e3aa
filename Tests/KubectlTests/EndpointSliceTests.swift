import KubeSim
import Testing

@testable import Kubectl

/// `kubectl get endpointslices`: the columns of `printEndpointSlice` (NAME, ADDRESSTYPE, PORTS,
/// ENDPOINTS, AGE), `listWithMoreString` for ports and addresses (three at most, then
/// ` + N more...`, `<unset>` when empty), one slice per selector-based Service named
/// `<service>-<5 characters>`, and the API server's `kubernetes` slice.
@Suite struct EndpointSliceTests {
  @Test func slicesFollowTheService() throws {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27 --replicas=4")
    _ = terminal.run("kubectl expose deployment web --port=80")
    let early = terminal.run("kubectl get endpointslices -l kubernetes.io/service-name=web").output
    let name = try #require(early.split(separator: "\n").last?.split(separator: " ").first.map(String.init))
    #expect(name.hasPrefix("web-") && name.count == 9)
    #expect(
      early == "NAME        ADDRESSTYPE   PORTS     ENDPOINTS   AGE\n\(name)   IPv4          <unset>   <unset>     0s\n"
    )
    _ = terminal.run("sleep 30")
    let ips = terminal.cluster.listPods(namespace: "default").compactMap(\.status.podIP).sorted {
      $0.utf8.lexicographicallyPrecedes($1.utf8)
    }
    #expect(ips.count == 4)
    let shown = ips.prefix(3).joined(separator: ",") + " + 1 more..."
    #expect(terminal.run("kubectl get endpointslices \(name)").output.contains("IPv4          80      \(shown)   30s"))
    // The API server's own slice, and the Service's slice goes with the Service.
    #expect(terminal.run("kubectl get endpointslice kubernetes").output.contains("kubernetes   IPv4          6443"))
    _ = terminal.run("kubectl delete svc web")
    #expect(
      terminal.run("kubectl get endpointslices \(name)").output
        == "Error from server (NotFound): endpointslices.discovery.k8s.io \"\(name)\" not found\n")
  }

  @Test func noSlicesWithoutASelector() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create service externalname db --external-name=db.example.com")
    _ = terminal.run("kubectl create service clusterip manual --tcp=80:80 --dry-run=client -o yaml")
    #expect(!terminal.run("kubectl get endpointslices").output.contains("db-"))
    let yaml = terminal.run("kubectl get endpointslices -o yaml")
    #expect(yaml.exitCode == 1)
    #expect(yaml.output.contains("not simulated"))
  }
}
