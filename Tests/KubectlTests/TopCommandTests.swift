import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl top`: the layout of `metricsutil/metrics_printer.go` (every cell followed by a tab,
/// so the last column is padded as well, in a tabwriter of minwidth 6 and padding 3; `%vm`
/// and `%vMi`; percentages of allocatable truncated), and the usage following `sim load`.
@Suite struct TopCommandTests {
  @Test func podsFollowTheLoad() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27 --replicas=2")
    _ = terminal.run("kubectl set resources deployment web --requests=cpu=200m")
    _ = terminal.run("sleep 30")
    let idle = terminal.run("kubectl top pods --no-headers").output.split(separator: "\n")
    #expect(idle.count == 2)
    // Without the header the columns are only as wide as the figures (minwidth 6).
    #expect(idle.allSatisfy { $0.hasSuffix("   1m    3Mi   ") })
    _ = terminal.run("sim load deployment/web cpu=300m")
    let busy = terminal.run("kubectl top pods").output.split(separator: "\n").map(String.init)
    // `set resources` rolled out new pods: the NAME column is as wide as their names plus
    // the padding of 3.
    let names = Pod.list(in: terminal.cluster, namespace: "default").map(\.metadata.name)
    #expect(names.count == 2)
    let width = max(6, (names.map(\.count).max() ?? 0) + 3)
    #expect(
      busy.first == "NAME".padding(toLength: width, withPad: " ", startingAt: 0) + "CPU(cores)   MEMORY(bytes)   ")
    #expect(busy.dropFirst().allSatisfy { $0.contains("   150m         3Mi ") })
  }

  @Test func nodesAddTheirOwnUse() {
    var terminal = Terminal()
    let lines = terminal.run("kubectl top nodes").output.split(separator: "\n").map(String.init)
    #expect(lines.first == "NAME            CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   ")
    #expect(lines.count == 4)
    // A worker runs only kube-proxy: 1m + 40m for the kubelet and containerd, 14 + 450 MiB.
    #expect(lines.contains("worker-1        41m          1%       464Mi           5%          "))
  }

  @Test func errorsAsTheMetricsAPIAnswers() {
    var terminal = Terminal()
    #expect(terminal.run("kubectl top pod").output == "No resources found in default namespace.\n")
    _ = terminal.run("kubectl run web --image=nginx:1.27")
    #expect(terminal.run("kubectl top pod").output == "error: metrics not available yet\n")
    #expect(
      terminal.run("kubectl top pod nope").output
        == "Error from server (NotFound): podmetrics.metrics.k8s.io \"default/nope\" not found\n")
  }

  /// `--containers` adds the POD column and prints one row per container; `--sort-by=cpu`
  /// puts the largest first (`PodMetricsSorter`); `--sum` underlines the two usage columns and
  /// prints the totals under them (`printPodResourcesSum`).
  @Test func containersSortAndSum() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    _ = terminal.run("kubectl create deployment api --image=nginx:1.27")
    _ = terminal.run("kubectl set resources deployment api --requests=cpu=200m")
    _ = terminal.run("sleep 30")
    _ = terminal.run("sim load deployment/api cpu=300m")
    let web = terminal.cluster.listPods(namespace: "default").first { $0.metadata.labels["app"] == "web" }!
    let api = terminal.cluster.listPods(namespace: "default").first { $0.metadata.labels["app"] == "api" }!
    let containers = terminal.run("kubectl top pod \(web.metadata.name) --containers").output
      .split(separator: "\n").map(String.init)
    #expect(containers.first?.hasPrefix("POD ") == true)
    #expect(containers.first?.contains("   NAME    ") == true)
    #expect(containers.count == 2)
    #expect(containers[1].hasPrefix(web.metadata.name + "   nginx   "))
    let sorted = terminal.run("kubectl top pods --sort-by=cpu").output.split(separator: "\n").map(String.init)
    #expect(sorted.count == 3)
    #expect(sorted[1].hasPrefix(api.metadata.name))
    #expect(sorted[2].hasPrefix(web.metadata.name))
    let summed = terminal.run("kubectl top pods --sum").output.split(separator: "\n").map(String.init)
    #expect(summed.count == 5)
    #expect(summed[3].split(separator: " ") == ["________", "________"])
    #expect(summed[4].contains("301m"))
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"))
  func sortByIsCheckedFirst() throws {
    try RealKubectl.expectSameOutput("top pod --sort-by=foo")
    try RealKubectl.expectSameOutput("top node --sort-by=foo")
  }
}
