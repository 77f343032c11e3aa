import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl drain` through the eviction subresource, as kubectl's `pkg/drain/drain.go`
/// (v1.32) runs it: every pod tried at once, each waited for until its uid is gone.
@Suite struct DrainTests {
  static func terminal() -> (Terminal, [String]) {
    var terminal = Terminal(config: ClusterConfig(workers: 2, seed: 1))
    _ = terminal.run("kubectl create deployment web --image=nginx --replicas=4")
    _ = terminal.run("kubectl rollout status deployment/web")
    let names = terminal.cluster.listPods(onNode: "worker-1").filter { $0.metadata.labels["app"] == "web" }
      .map(\.metadata.name)
    return (terminal, names)
  }

  /// Without a budget every eviction is accepted at once: one `evicting pod` line each, then
  /// one `pod/NAME evicted` line each as the pods go.
  @Test func evictsEveryPodOnce() {
    var (terminal, names) = Self.terminal()
    #expect(!names.isEmpty)
    let lines = terminal.run("kubectl drain worker-1 --ignore-daemonsets").output.split(separator: "\n")
      .map(String.init)
    #expect(lines.filter { $0.hasPrefix("evicting pod ") } == names.map { "evicting pod default/\($0)" })
    #expect(Set(lines.filter { $0.hasSuffix(" evicted") }) == Set(names.map { "pod/\($0) evicted" }))
    #expect(lines.last == "node/worker-1 drained")
  }

  /// `--disable-eviction` deletes instead (`deleteOrEvictPods` with `DisableEviction`): no
  /// `evicting pod` lines, and the verb is `deleted`.
  @Test func disableEvictionDeletes() {
    var (terminal, names) = Self.terminal()
    let output = terminal.run("kubectl drain worker-1 --ignore-daemonsets --disable-eviction").output
    #expect(!output.contains("evicting pod"))
    for name in names { #expect(output.contains("pod/\(name) deleted\n")) }
    #expect(output.hasSuffix("node/worker-1 drained\n"))
  }
}
