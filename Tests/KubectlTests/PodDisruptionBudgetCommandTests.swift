import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// PodDisruptionBudgets end to end: `create pdb` against the real kubectl; the table, the
/// describer and the API server's validation from the Kubernetes source (printers.go
/// `printPodDisruptionBudget`, describe.go `describePodDisruptionBudgetV1`,
/// `pkg/apis/policy/validation`); `drain` honouring the budget with kubectl's drain.go messages.
@Suite struct PodDisruptionBudgetCommandTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "create pdb my-pdb --selector=app=nginx --min-available=1 --dry-run=client -o yaml",
      "create pdb my-pdb --selector=app=nginx --max-unavailable=50% --dry-run=client -o yaml",
      "create pdb my-pdb --selector=app=nginx --min-available=2 -n other --dry-run=client -o yaml",
      "create poddisruptionbudget my-pdb --selector=app=nginx --min-available=1 --dry-run=client -o json",
      "create pdb my-pdb --selector=app=nginx,tier in (web,api) --min-available=1 --dry-run=client -o yaml",
      "create pdb my-pdb --selector=app --max-unavailable=0 --dry-run=client -o yaml",
      "create pdb my-pdb --selector=!app --min-available=150% --dry-run=client -o yaml",
      "create pdb my-pdb --selector=app=nginx --min-available=1 --dry-run=client",
      "create pdb my-pdb --selector=app=nginx --min-available=1 --dry-run=client -o name",
      "create pdb my-pdb --min-available=1 --dry-run=client -o yaml",
      "create pdb my-pdb --selector= --min-available=1 --dry-run=client",
      "create pdb my-pdb --selector=app=nginx --dry-run=client -o yaml",
      "create pdb my-pdb --selector=app=nginx --min-available=1 --max-unavailable=1 --dry-run=client",
      "create pdb my-pdb --selector=app=nginx --min-available=abc --dry-run=client",
      "create pdb my-pdb --selector=app=nginx --min-available=-1 --dry-run=client",
      "create pdb my-pdb --selector=app=nginx --max-unavailable=1.5 --dry-run=client",
      "create pdb --selector=app=nginx --min-available=1 --dry-run=client",
      "create pdb a b --selector=x=y --min-available=1 --dry-run=client",
    ])
  func createMatchesRealKubectl(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  /// A Deployment of three under `minAvailable: 2`, synced: one disruption allowed.
  static func terminal(minAvailable: String = "2") -> Terminal {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27 --replicas=3")
    _ = terminal.run("kubectl create pdb web-pdb --selector=app=web --min-available=\(minAvailable)")
    _ = terminal.run("sleep 30")
    return terminal
  }

  @Test func tableAndDescribe() {
    var terminal = Self.terminal()
    _ = terminal.run("kubectl create pdb half --selector=app=other --max-unavailable=50%")
    #expect(
      terminal.run("kubectl get pdb").output == """
        NAME      MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE
        half      N/A             50%               0                     0s
        web-pdb   2               N/A               1                     30s

        """)
    // `Status:` has no tab, so it ends the first tab block; the Events line joins the second.
    #expect(
      terminal.run("kubectl describe pdb web-pdb").output == """
        Name:           web-pdb
        Namespace:      default
        Min available:  2
        Selector:       app=web
        Status:
            Allowed disruptions:  1
            Current:              3
            Desired:              2
            Total:                3
        Events:                   <none>

        """)
  }

  /// `ValidatePodDisruptionBudgetSpec`'s messages. The "both set" value is Go's `%#v` of the
  /// spec, whose pointers are heap addresses in a real cluster; `0x…` is kubebook's stand-in.
  @Test func validation() {
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "both.yaml": """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: both}
        spec: {minAvailable: 1, maxUnavailable: 1, selector: {matchLabels: {app: web}}}
        """,
        "bad.yaml": """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: bad}
        spec: {minAvailable: "150%", maxUnavailable: -2}
        """,
        "odd.yaml": """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: odd}
        spec: {minAvailable: "abc", unhealthyPodEvictionPolicy: Foo}
        """,
      ]))
    let both = terminal.run("kubectl apply -f both.yaml").output
    #expect(
      both.hasPrefix(
        "The PodDisruptionBudget \"both\" is invalid: spec: Invalid value: policy.PodDisruptionBudgetSpec{"))
    #expect(both.hasSuffix("}: minAvailable and maxUnavailable cannot be both set\n"))
    #expect(
      terminal.run("kubectl apply -f bad.yaml").output == """
        The PodDisruptionBudget "bad" is invalid: 
        * spec: Invalid value: policy.PodDisruptionBudgetSpec{MinAvailable:(*intstr.IntOrString)(0x…), Selector:(*v1.LabelSelector)(nil), MaxUnavailable:(*intstr.IntOrString)(0x…), UnhealthyPodEvictionPolicy:(*policy.UnhealthyPodEvictionPolicyType)(nil)}: minAvailable and maxUnavailable cannot be both set
        * spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%
        * spec.maxUnavailable: Invalid value: -2: must be greater than or equal to 0

        """)
    #expect(
      terminal.run("kubectl apply -f odd.yaml").output == """
        The PodDisruptionBudget "odd" is invalid: 
        * spec.minAvailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"abc"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')
        * spec.unhealthyPodEvictionPolicy: Unsupported value: "Foo": supported values: "AlwaysAllow", "IfHealthyBudget"

        """)
  }

  /// `kubectl drain` evicts through the budget: the second pod of the node is refused until
  /// the first one's replacement is Ready elsewhere (drain.go's retry line, every 5 s).
  @Test func drainWaitsForTheBudget() {
    var terminal = Self.terminal()
    let pods = terminal.cluster.listPods(onNode: "worker-1").filter { $0.metadata.labels["app"] == "web" }
    #expect(pods.count == 2)
    let result = terminal.run("kubectl drain worker-1 --ignore-daemonsets")
    #expect(result.exitCode == 0)
    let lines = result.output.split(separator: "\n").map(String.init)
    let second = pods[1].metadata.name
    #expect(
      lines.contains(
        "error when evicting pods/\"\(second)\" -n \"default\" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget."
      ))
    #expect(lines.filter { $0 == "evicting pod default/\(second)" }.count >= 2)
    #expect(lines.last == "node/worker-1 drained")
  }

  /// With `--timeout`, a budget that never allows an eviction ends the drain with drain.go's
  /// failure path (pending pods, the aggregate, the pending node, each error).
  @Test func drainTimesOut() {
    var terminal = Self.terminal(minAvailable: "3")
    let pods = terminal.cluster.listPods(onNode: "worker-1").filter { $0.metadata.labels["app"] == "web" }
      .map(\.metadata.name)
    let result = terminal.run("kubectl drain worker-1 --ignore-daemonsets --timeout=10s")
    #expect(result.exitCode == 1)
    let errors = pods.map { "error when evicting pods/\"\($0)\" -n \"default\": global timeout reached: 10s" }
    let aggregate = "[" + errors.joined(separator: ", ") + "]"
    #expect(
      result.output.hasSuffix(
        (["There are pending pods in node \"worker-1\" when an error occurred: \(aggregate)"] + pods.map { "pod/\($0)" }
          + [
            "error: unable to drain node \"worker-1\" due to error: \(aggregate), continuing command...",
            "There are pending nodes to be drained:", " worker-1",
          ] + errors).joined(separator: "\n") + "\n"))
    // Attempts at 0, 5 and 10 s: the third is where the timeout is seen.
    #expect(result.output.components(separatedBy: "evicting pod default/\(pods[0])\n").count - 1 == 3)
  }

  /// A negative `--timeout` has expired before the first attempt (`context.WithTimeout`).
  @Test func negativeTimeout() {
    var terminal = Self.terminal()
    let result = terminal.run("kubectl drain worker-1 --ignore-daemonsets --timeout=-1s")
    #expect(result.exitCode == 1)
    #expect(result.output.contains("\": global timeout reached: -1s\n"))
    #expect(!result.output.contains("(will retry after 5s)"))
  }

  /// The registry's `PrepareForUpdate` bumps the generation for a new spec only.
  @Test func generationFollowsTheSpec() {
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "a.yaml":
          "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: b}\nspec: {minAvailable: 1, selector: {matchLabels: {app: web}}}\n",
        "b.yaml":
          "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: b, labels: {x: y}}\nspec: {minAvailable: 1, selector: {matchLabels: {app: web}}}\n",
        "c.yaml":
          "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: b, labels: {x: y}}\nspec: {minAvailable: 2, selector: {matchLabels: {app: web}}}\n",
      ]))
    _ = terminal.run("kubectl apply -f a.yaml")
    #expect(terminal.run("kubectl apply -f b.yaml").output == "poddisruptionbudget.policy/b configured\n")
    #expect(terminal.cluster.podDisruptionBudgets["default/b"]?.metadata.generation == 1)
    _ = terminal.run("kubectl apply -f c.yaml")
    #expect(terminal.cluster.podDisruptionBudgets["default/b"]?.metadata.generation == 2)
  }

  /// `ValidateLabelSelectorRequirement`'s messages for the budget's selector.
  @Test func selectorValidation() {
    var terminal = Terminal(
      files: VirtualDirectory(files: [
        "s.yaml": """
        apiVersion: policy/v1
        kind: PodDisruptionBudget
        metadata: {name: s}
        spec:
          minAvailable: 1
          selector:
            matchExpressions:
            - {key: a, operator: In}
            - {key: b, operator: Exists, values: [x]}
            - {key: c, operator: Foo}
        """
      ]))
    #expect(
      terminal.run("kubectl apply -f s.yaml").output == """
        The PodDisruptionBudget "s" is invalid: 
        * spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'
        * spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'
        * spec.selector.matchExpressions[2].operator: Invalid value: "Foo": not a valid selector operator

        """)
  }
}
