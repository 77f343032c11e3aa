import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// PriorityClasses: `create priorityclass` against the real kubectl; the API server's two
/// system classes (`SystemPriorityClasses()`, `pkg/apis/scheduling/types.go`); the table from
/// printers.go (`printPriorityClass`, PREEMPTIONPOLICY at priority 0) and `describePriorityClass`;
/// `ValidatePriorityClass`, the Priority admission's single default and the storage's refusal to
/// delete a system class.
@Suite struct PriorityClassCommandTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "create priorityclass high --value=1000 --description=high --dry-run=client -o yaml",
      "create pc low --value=-5 --global-default --preemption-policy=Never --dry-run=client -o json",
      "create pc x --dry-run=client -o yaml", "create pc x --value=abc --dry-run=client",
      "create pc x --value=99999999999 --dry-run=client", "create pc x --value=0x10 --dry-run=client -o name",
      "create pc x --value=1 --dry-run=client", "create pc --value=1 --dry-run=client",
      "create pc x --value=-2147483649 --dry-run=client",
    ])
  func createMatchesRealKubectl(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  @Test func systemClassesTableAndDescribe() {
    var terminal = Terminal()
    #expect(
      terminal.run("kubectl get pc").output == """
        NAME                      VALUE        GLOBAL-DEFAULT   AGE   PREEMPTIONPOLICY
        system-cluster-critical   2000000000   false            10m   PreemptLowerPriority
        system-node-critical      2000001000   false            10m   PreemptLowerPriority

        """)
    #expect(
      terminal.run("kubectl describe priorityclass system-node-critical").output == """
        Name:              system-node-critical
        Value:             2000001000
        GlobalDefault:     false
        PreemptionPolicy:  PreemptLowerPriority
        Description:       Used for system critical pods that must not be moved from their current node.
        Annotations:       <none>
        Events:            <none>

        """)
  }

  @Test func refusals() {
    var terminal = Terminal()
    #expect(
      terminal.run("kubectl create pc high --value=1000 --global-default").output
        == "priorityclass.scheduling.k8s.io/high created\n")
    #expect(
      terminal.run("kubectl create pc other --value=5 --global-default").output
        == "error: failed to create priorityclass: priorityclasses.scheduling.k8s.io \"other\" is forbidden: PriorityClass high is already marked as default. Only one default can exist\n"
    )
    #expect(
      terminal.run("kubectl create pc system-x --value=5").output
        == "error: failed to create priorityclass: PriorityClass.scheduling.k8s.io \"system-x\" is invalid: metadata.name: Invalid value: \"system-x\": priority class names with 'system-' prefix are reserved\n"
    )
    #expect(
      terminal.run("kubectl create pc big --value=1000000001").output
        == "error: failed to create priorityclass: PriorityClass.scheduling.k8s.io \"big\" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000\n"
    )
    #expect(
      terminal.run("kubectl delete pc system-node-critical").output
        == "Error from server (Forbidden): priorityclasses.scheduling.k8s.io \"system-node-critical\" is forbidden: this is a system priority class and cannot be deleted\n"
    )
  }
}
