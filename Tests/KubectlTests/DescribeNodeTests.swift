import KubeSim
import Testing

@testable import Kubectl

/// `kubectl describe node` against `describeNode` and `describeNodeResource` in kubectl's
/// `describe.go` (v1.32), with requests taken from kubeadm's static-pod and CoreDNS manifests.
@Suite struct DescribeNodeTests {
  func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

  @Test func sectionsComeInDescribeGoOrder() {
    var terminal = Terminal()
    let output = terminal.run("kubectl describe node worker-1").output
    let titles = lines(output).filter { !$0.hasPrefix(" ") && $0.contains(":") }.map { $0.prefix { $0 != ":" } }
    #expect(
      titles == [
        "Name", "Roles", "Labels", "Annotations", "CreationTimestamp", "Taints", "Unschedulable", "Lease", "Conditions",
        "Addresses", "Capacity", "Allocatable", "System Info", "PodCIDR", "PodCIDRs", "ProviderID",
        "Non-terminated Pods",
        "Allocated resources", "Events",
      ])
  }

  /// kubeadm asks for 100m (etcd) + 250m (apiserver) + 200m (controller-manager) + 100m
  /// (scheduler) + 2 × 100m (CoreDNS) = 850m of 4 CPUs = 21 %; memory 100Mi + 2 × 70Mi =
  /// 240Mi of 8Gi = 2 %; CoreDNS's limits 2 × 170Mi = 340Mi = 4 %.
  @Test func controlPlaneAllocatedResources() {
    var terminal = Terminal()
    let output = terminal.run("kubectl describe node control-plane").output
    let compact = lines(output).map { $0.split(separator: " ").joined(separator: " ") }
    #expect(compact.contains("cpu 850m (21%) 0 (0%)"))
    #expect(compact.contains("memory 240Mi (2%) 340Mi (4%)"))
    #expect(compact.contains("Non-terminated Pods: (7 in total)"))
    #expect(compact.contains("Taints: node-role.kubernetes.io/control-plane:NoSchedule"))
    #expect(compact.contains("Roles: control-plane"))
    #expect(compact.contains { $0.hasPrefix("kube-system etcd-control-plane 100m (2%) 0 (0%) 100Mi (1%) 0 (0%) ") })
  }

  /// Tabwriter cells line up within a block of lines that all have tabs: the System Info rows
  /// and everything after them up to "Allocated resources:".
  @Test func systemInfoAndPodTableShareColumns() {
    var terminal = Terminal()
    let rows = lines(terminal.run("kubectl describe node worker-1").output)
    func valueColumn(_ prefix: String) -> Int? {
      guard let line = rows.first(where: { $0.hasPrefix(prefix) }) else { return nil }
      let afterTitle = line.dropFirst(prefix.count)
      return prefix.count + afterTitle.prefix { $0 == " " }.count
    }
    let expected = "  Container Runtime Version:  ".count
    #expect(valueColumn("  Container Runtime Version:") == expected)
    #expect(valueColumn("PodCIDR:") == expected)
    #expect(valueColumn("Non-terminated Pods:") == expected)
    #expect(valueColumn("  Namespace") == expected)
  }

  @Test func cordonedNodeShowsTheTaintAndUnschedulable() {
    var terminal = Terminal()
    _ = terminal.run("kubectl cordon worker-1")
    let compact = lines(terminal.run("kubectl describe node worker-1").output).map {
      $0.split(separator: " ").joined(separator: " ")
    }
    #expect(compact.contains("Taints: node.kubernetes.io/unschedulable:NoSchedule"))
    #expect(compact.contains("Unschedulable: true"))
  }

  /// `docs/reference/controllers.md` §7.1: after the grace period every condition reads Unknown with the node
  /// controller's reason and message; heartbeats stop where the kubelet stopped.
  @Test func failedNodeConditionsAreUnknown() {
    var terminal = Terminal()
    _ = terminal.run("sim node fail worker-1")
    _ = terminal.run("sleep 600")
    let output = terminal.run("kubectl describe node worker-1").output
    let conditions = lines(output).filter { line in
      ["  MemoryPressure", "  DiskPressure", "  PIDPressure", "  Ready "].contains { line.hasPrefix($0) }
    }
    #expect(conditions.count == 4)
    for line in conditions {
      #expect(line.contains(" Unknown "))
      #expect(line.hasSuffix("NodeStatusUnknown   Kubelet stopped posting node status."))
      // The last status post was at 09:00:00 (registration 08:50 plus two 5-minute reports).
      #expect(line.contains("Mon, 03 Mar 2025 09:00:00 +0000"))
    }
    #expect(output.contains("Node worker-1 status is now: NodeNotReady"))
  }

  @Test func registrationEventsAreShown() {
    var terminal = Terminal()
    let output = terminal.run("kubectl describe node worker-2").output
    let reasons = lines(output).drop { !$0.hasPrefix("Events:") }.dropFirst(3).compactMap {
      $0.split(separator: " ").dropFirst().first
    }
    #expect(
      reasons == [
        "Starting", "NodeHasSufficientMemory", "NodeHasNoDiskPressure", "NodeHasSufficientPID",
        "NodeAllocatableEnforced", "RegisteredNode", "NodeReady",
      ])
  }
}
