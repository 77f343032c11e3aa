import KubeSim
import Testing

@testable import Kubectl

/// `kubectl exec POD -- wget -qO- URL` in busybox. Texts: BusyBox libbb `xconnect`
/// ("can't connect to remote host (%s)" + strerror), `str2sockaddr` ("bad address '%s'"), wget's
/// "server returned error: %s"; the nginx page as captured with `wget -qO- http://clusterip` on
/// a kind cluster (first line `<!DOCTYPE html>`, `html { color-scheme: light dark; }`).
@Suite struct ExecWgetTests {
  static func cluster() -> Terminal {
    var terminal = Terminal()
    _ = terminal.run("kubectl run client --image=busybox:1.28 -- sleep 3600")
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27 --replicas=3")
    _ = terminal.run("kubectl expose deployment web --port=80")
    _ = terminal.run("sleep 30")
    return terminal
  }

  @Test func serviceAnswersWithNginxPage() {
    var terminal = Self.cluster()
    for url in ["http://web", "web", "http://web:80/", "http://web.default.svc.cluster.local/index.html"] {
      let result = terminal.run("kubectl exec client -- wget -qO- \(url)")
      #expect(result.exitCode == 0, "\(url)")
      #expect(result.output.hasPrefix("<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n"))
      #expect(result.output.contains("html { color-scheme: light dark; }\n"))
      #expect(result.output.hasSuffix("<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n"))
    }
    let missing = terminal.run("kubectl exec client -- wget -qO- http://web/nope")
    #expect(
      missing.output == "wget: server returned error: HTTP/1.1 404 Not Found\ncommand terminated with exit code 1\n")
  }

  /// kube-proxy spreads connections over the ready endpoints (seeded, so reproducible).
  @Test func connectionsSpreadOverEndpoints() {
    var terminal = Self.cluster()
    var chosen: Set<String> = []
    for _ in 0..<30 {
      guard
        case .server(let pod, 80) = ClusterNetwork.connect(
          &terminal.cluster, from: "default", host: "web", port: 80)
      else {
        Issue.record("no server")
        return
      }
      chosen.insert(pod)
    }
    #expect(chosen.count == 3)
  }

  /// The notes' busybox Service: its endpoints are listed, but nothing listens on port 80.
  @Test func nothingListeningIsRefused() throws {
    var terminal = Self.cluster()
    _ = terminal.run("kubectl create deployment quiet --image=busybox:1.36 -- sleep 3600")
    _ = terminal.run("kubectl expose deployment quiet --port=80")
    _ = terminal.run("kubectl create service clusterip empty --tcp=80:80")
    _ = terminal.run("sleep 30")
    for name in ["quiet", "empty"] {
      let ip = try #require(terminal.cluster.services["default/\(name)"]?.clusterIP)
      #expect(
        terminal.run("kubectl exec client -- wget -qO- http://\(name)").output
          == "wget: can't connect to remote host (\(ip)): Connection refused\ncommand terminated with exit code 1\n")
    }
    let podIP = try #require(
      terminal.cluster.listPods(namespace: "default").first { $0.metadata.name.hasPrefix("quiet-") }?.status.podIP)
    #expect(
      terminal.run("kubectl exec client -- wget -qO- http://\(podIP)").output
        == "wget: can't connect to remote host (\(podIP)): Connection refused\ncommand terminated with exit code 1\n")
    #expect(
      terminal.run("kubectl exec client -- wget -qO- http://nowhere").output
        == "wget: bad address 'nowhere'\ncommand terminated with exit code 1\n")
  }

  /// Pods reach each other directly by pod IP, across nodes, with no Service in between.
  @Test func podToPodByIP() throws {
    var terminal = Self.cluster()
    let pods = terminal.cluster.listPods(namespace: "default").filter { $0.metadata.name.hasPrefix("web-") }
    for pod in pods {
      let ip = try #require(pod.status.podIP)
      #expect(terminal.run("kubectl exec client -- wget -qO- http://\(ip)").exitCode == 0)
    }
  }

  @Test func whatIsNotSimulatedSaysSo() {
    var terminal = Self.cluster()
    _ = terminal.run("kubectl run old --image=nginx:1.17")
    _ = terminal.run("kubectl run other --image=nginx:1.27")
    _ = terminal.run("sleep 30")
    let progress = terminal.run("kubectl exec client -- wget http://web")
    #expect(progress.exitCode == 1)
    #expect(progress.output.contains("is not simulated"))
    let oldIP = terminal.cluster.pod("old", namespace: "default")?.status.podIP ?? ""
    #expect(terminal.run("kubectl exec client -- wget -qO- http://\(oldIP)").output.contains("not of nginx:1.17"))
    #expect(terminal.run("kubectl exec other -- wget -qO- http://web").output.contains("only in busybox images"))
    #expect(terminal.run("kubectl exec client -- wget -qO- http://web:8080").output.contains("has no port 8080"))
  }
}
