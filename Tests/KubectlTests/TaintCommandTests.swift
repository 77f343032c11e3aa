import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl taint` (issue 16). What kubectl decides before it contacts a server (the
/// argument split, `parseTaints`/`parseTaint` and their validation, flag errors) is compared
/// with the real binary, offline. What needs a server follows kubectl v1.32's
/// `pkg/cmd/taint/taint.go` (`Validate`, `validateFlags`, `updateTaints`) and `utils.go`
/// (`reorganizeTaints`, `deleteTaints`, `checkIfTaintsAlreadyExists`), and
/// `cmdutil.checkErr` for how the errors print.
@Suite struct TaintCommandTests {
  // MARK: Client-side errors, against the real binary

  /// Specs kubectl refuses in `Complete` before it builds a request.
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "taint nodes n1 a=b:Bad",
      "taint nodes n1 a=b:NoSchedule a=c:NoSchedule",
      "taint nodes n1 a:NoSchedule a=c:NoSchedule",
      "taint nodes n1 a=:NoSchedule a:NoSchedule",
      "taint nodes n1 a:b:c",
      "taint nodes n1 a=b=c:NoSchedule",
      "taint nodes n1 a=b",
      "taint nodes n1 a",
      "taint nodes n1 a=-b:NoSchedule",
      "taint nodes n1 a=b:NoSchedule n2",
      "taint nodes",
      "taint a=b:NoSchedule",
      "taint nodes n1 =b:NoSchedule",
      "taint nodes n1 :NoSchedule",
      "taint nodes n1 example.com/a=b:NoSchedule x/y/z:NoSchedule",
      "taint nodes n1 Example.com/a:NoSchedule",
      "taint nodes n1 /a:NoSchedule",
      "taint nodes n1 example.com/:NoSchedule",
      "taint nodes n1 \(String(repeating: "a", count: 64)):NoSchedule",
      "taint nodes n1 a=\(String(repeating: "b", count: 64)):NoSchedule",
      "taint nodes n1 a=b-:NoSchedule",
      "taint nodes n1 a:noschedule",
      "taint nodes n1 a:Bad-",
      "taint nodes n1 a=b-",
      "taint nodes n1 a_:NoSchedule",
      "taint nodes n1 a:",
      "taint nodes n1 -- a=b:Bad",
      "taint nodes n1 a=b:NoSchedule --bogus",
      "taint nodes n1 a=b:NoSchedule --dry-run=maybe",
      "taint nodes n1 a=b:NoSchedule b=c:Bad",
      "taint nodes n1 ab-:NoSchedule-",
      "taint nodes n1 é:NoSchedule",
    ])
  func specErrorsMatchTheRealBinary(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  // MARK: Against the simulated cluster

  /// Runs `lines` on a fresh two-worker cluster and returns the terminal and each output.
  private func run(_ lines: [String], files: [String: String] = [:]) -> (Terminal, [CommandResult]) {
    var terminal = Terminal(files: VirtualDirectory(files: files))
    let results = lines.map { terminal.run($0) }
    return (terminal, results)
  }

  /// `reorganizeTaints`' operation words: a new taint is `tainted`, a removal `untainted`,
  /// both at once or `--overwrite` `modified`; the added taints come first, then the old ones.
  @Test func operationWordsAndTaintOrder() {
    let (terminal, results) = run([
      "kubectl taint nodes worker-1 dedicated=gpu:NoSchedule",
      "kubectl taint nodes worker-1 zone=a:PreferNoSchedule",
      "kubectl taint nodes worker-1 dedicated=cpu:NoSchedule --overwrite",
      "kubectl taint nodes worker-1 other:NoExecute zone-",
      "kubectl taint nodes worker-1 other:NoExecute-",
    ])
    #expect(
      results.map(\.output) == [
        "node/worker-1 tainted\n", "node/worker-1 tainted\n", "node/worker-1 modified\n", "node/worker-1 modified\n",
        "node/worker-1 untainted\n",
      ])
    let taints = terminal.cluster.nodes["worker-1"]?.spec.taints ?? []
    #expect(taints == [Taint(key: "dedicated", value: "cpu", effect: .noSchedule)])
  }

  /// `updateTaints` without `--overwrite` refuses a key and effect the node has, naming the
  /// keys joined by commas, and changes nothing.
  @Test func existingTaintNeedsOverwrite() {
    let (terminal, results) = run([
      "kubectl taint nodes worker-1 a=1:NoSchedule b=2:NoExecute",
      "kubectl taint nodes worker-1 a=3:NoSchedule b=4:NoExecute",
    ])
    #expect(results[1].exitCode == 1)
    #expect(
      results[1].output
        == "error: node worker-1 already has a,b taint(s) with same effect(s) and --overwrite is false\n")
    #expect(terminal.cluster.nodes["worker-1"]?.spec.taints.map(\.value) == ["1", "2"])
  }

  /// `deleteTaints`: a removal that matches nothing is `taint "KEY[:EFFECT]" not found`; two
  /// such make an aggregate, which `checkErr` prints one per line without `error: `.
  @Test func removingAMissingTaint() {
    let (_, results) = run([
      "kubectl taint nodes worker-1 gone-",
      "kubectl taint nodes worker-1 gone- other:NoSchedule-",
    ])
    #expect(results[0].output == "error: taint \"gone\" not found\n")
    #expect(results[1].output == "taint \"gone\" not found\ntaint \"other:NoSchedule\" not found\n")
    #expect(results.allSatisfy { $0.exitCode == 1 })
  }

  /// `Validate`: the resource type must be a node, no taint may be both added and removed,
  /// `--all` excludes `-l`, and without either a name is needed.
  @Test func validateErrors() {
    let (_, results) = run([
      "kubectl taint pods worker-1 a=b:NoSchedule",
      "kubectl taint nodes worker-1 a=b:NoSchedule a-",
      "kubectl taint nodes worker-1 a=b:NoSchedule a:NoSchedule- c=d:NoExecute c:NoSchedule-",
      "kubectl taint nodes --all -l x=y a=b:NoSchedule",
      "kubectl taint nodes a=b:NoSchedule",
      "kubectl taint no worker-1 a=b:NoSchedule",
    ])
    #expect(results[0].output == "error: invalid resource type pods, only node types are supported\n")
    #expect(
      results[1].output == "error: can not both modify and remove the following taint(s) in the same command: a=\n")
    #expect(
      results[2].output
        == "error: can not both modify and remove the following taint(s) in the same command: a=NoSchedule\n")
    #expect(results[3].output == "error: setting 'all' parameter with a non empty selector is prohibited\n")
    #expect(
      results[4].output == "error: at least one resource name must be specified since 'all' parameter is not set\n")
    #expect(results[5].output == "node/worker-1 tainted\n")
  }

  /// `--all` and `-l` visit the matching nodes in name order; `--dry-run=client` prints the
  /// operation with ` (dry run)` and stores nothing; `-o name` prints only `node/NAME`.
  @Test func selectionDryRunAndOutput() {
    let (terminal, results) = run([
      "kubectl taint nodes --all a=b:NoSchedule --dry-run=client",
      "kubectl taint nodes -l kubernetes.io/hostname=worker-2 a=b:NoSchedule -o name",
      "kubectl taint nodes worker-1 c:NoSchedule -o yaml",
    ])
    #expect(
      results[0].output
        == "node/control-plane tainted (dry run)\nnode/worker-1 tainted (dry run)\nnode/worker-2 tainted (dry run)\n")
    #expect(terminal.cluster.nodes["control-plane"]?.spec.taints.count == 1)
    #expect(results[1].output == "node/worker-2\n")
    #expect(terminal.cluster.nodes["worker-2"]?.spec.taints == [Taint(key: "a", value: "b", effect: .noSchedule)])
    #expect(results[2].output.contains("  taints:\n  - effect: NoSchedule\n    key: c\n"))
  }

  /// A missing node is a NotFound error printed after the nodes that exist were changed
  /// (the builder's `ContinueOnError`).
  @Test func missingNodeDoesNotStopTheOthers() {
    let (terminal, results) = run(["kubectl taint nodes worker-2 nope worker-1 c=d:NoSchedule"])
    #expect(
      results[0].output
        == "node/worker-2 tainted\nnode/worker-1 tainted\nError from server (NotFound): nodes \"nope\" not found\n")
    #expect(results[0].exitCode == 1)
    #expect(terminal.cluster.nodes["worker-1"]?.spec.taints.count == 1)
  }

  // MARK: What the taints do

  /// NoSchedule on both workers keeps a new pod Pending with the scheduler's
  /// FailedScheduling message (the TaintToleration plugin's `node(s) had untolerated taint
  /// {KEY: VALUE}` per node, counted and sorted by the framework's `sortReasonsHistogram`);
  /// removing the taint from one node (a new resource version) lets it schedule there.
  @Test func noScheduleKeepsANewPodPending() {
    var (terminal, _) = run([
      "kubectl taint nodes worker-1 worker-2 dedicated=gpu:NoSchedule", "kubectl run web --image=nginx",
    ])
    let pod = terminal.cluster.pod("web", namespace: "default")
    #expect(pod?.spec.nodeName == nil)
    let event = terminal.cluster.events.last { $0.involvedName == "web" && $0.reason == "FailedScheduling" }
    #expect(
      event?.message
        == "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."
    )
    let version = terminal.cluster.nodes["worker-1"]?.metadata.resourceVersion ?? 0
    _ = terminal.run("kubectl taint nodes worker-1 dedicated-")
    #expect(terminal.cluster.nodes["worker-1"]?.metadata.resourceVersion ?? 0 > version)
    #expect(terminal.cluster.pod("web", namespace: "default")?.spec.nodeName == "worker-1")
  }

  static let tolerating = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: patient
    spec:
      nodeName: worker-1
      tolerations:
      - key: drain
        operator: Exists
        effect: NoExecute
        tolerationSeconds: 30
      containers:
      - name: app
        image: nginx
    """

  static let intolerant = """
    apiVersion: v1
    kind: Pod
    metadata:
      name: hasty
    spec:
      nodeName: worker-1
      containers:
      - name: app
        image: nginx
    """

  /// The taint-eviction controller (`tainteviction/taint_eviction.go`): a pod that does not
  /// tolerate a NoExecute taint is deleted at once, one tolerating it for 30 s 30 s later,
  /// each with a `TaintManagerEviction` event from `taint-eviction-controller`.
  @Test func noExecuteEvictsAtOnceOrAfterTolerationSeconds() {
    var (terminal, results) = run(
      ["kubectl apply -f patient.yaml", "kubectl apply -f hasty.yaml", "sleep 60"],
      files: ["patient.yaml": Self.tolerating, "hasty.yaml": Self.intolerant])
    #expect(results.allSatisfy { $0.exitCode == 0 })
    #expect(terminal.run("kubectl taint nodes worker-1 drain=now:NoExecute").output == "node/worker-1 tainted\n")
    let evictions = { (cluster: Cluster) in
      cluster.events.filter { $0.reason == "TaintManagerEviction" && $0.source == "taint-eviction-controller" }
        .map(\.message)
    }
    #expect(evictions(terminal.cluster) == ["Marking for deletion Pod default/hasty"])
    let hasty = terminal.cluster.pod("hasty", namespace: "default")
    #expect(hasty?.status.phase == .running && hasty?.metadata.deletionTimestamp != nil)
    #expect(terminal.cluster.pod("patient", namespace: "default")?.metadata.deletionTimestamp == nil)
    _ = terminal.run("sleep 29")
    #expect(terminal.cluster.pod("patient", namespace: "default")?.metadata.deletionTimestamp == nil)
    _ = terminal.run("sleep 1")
    #expect(
      evictions(terminal.cluster) == [
        "Marking for deletion Pod default/hasty", "Marking for deletion Pod default/patient",
      ])
    #expect(terminal.cluster.pod("patient", namespace: "default")?.metadata.deletionTimestamp != nil)
  }

  /// Removing the NoExecute taint before the toleration runs out cancels the eviction, with
  /// `emitCancelPodDeletionEvent`'s "Cancelling deletion of Pod NS/NAME".
  @Test func removingTheTaintCancelsAScheduledEviction() {
    var (terminal, _) = run(["kubectl apply -f patient.yaml", "sleep 60"], files: ["patient.yaml": Self.tolerating])
    _ = terminal.run("kubectl taint nodes worker-1 drain=now:NoExecute")
    _ = terminal.run("sleep 10")
    _ = terminal.run("kubectl taint nodes worker-1 drain-")
    _ = terminal.run("sleep 60")
    #expect(terminal.cluster.pod("patient", namespace: "default")?.metadata.deletionTimestamp == nil)
    let messages = terminal.cluster.events.filter { $0.reason == "TaintManagerEviction" }.map(\.message)
    #expect(messages == ["Cancelling deletion of Pod default/patient"])
  }

  /// A node that reports again before the unreachable taint's 300 s run out loses the
  /// taint, and the controller calls off every scheduled eviction on it with an event
  /// (`handleNodeUpdate`: "All taints were removed from the node. Cancelling all
  /// evictions..."); the pods stay.
  @Test func recoveredNodeCancelsItsEvictions() {
    var (terminal, _) = run([
      "kubectl create deployment web --image=nginx --replicas=4", "kubectl rollout status deployment/web",
    ])
    let onNode = terminal.cluster.listPods(onNode: "worker-2").filter { $0.metadata.labels["app"] == "web" }
    #expect(!onNode.isEmpty)
    _ = terminal.run("sim node fail worker-2")
    _ = terminal.run("sleep 100")
    _ = terminal.run("sim node recover worker-2")
    _ = terminal.run("sleep 400")
    let messages = terminal.cluster.events.filter { $0.reason == "TaintManagerEviction" }.map(\.message)
    #expect(messages == onNode.map { "Cancelling deletion of Pod default/\($0.metadata.name)" })
    for pod in onNode {
      #expect(terminal.cluster.pod(pod.metadata.name, namespace: "default")?.metadata.uid == pod.metadata.uid)
    }
  }

  /// DaemonSet pods carry the DaemonSet controller's tolerations of the `node.kubernetes.io/*`
  /// NoExecute taints without `tolerationSeconds` (`AddOrUpdateDaemonPodTolerations`): they
  /// tolerate such a taint for ever, so the taint-eviction controller leaves them alone.
  @Test func daemonSetPodsStayUnderTheNodeTaints() {
    var (terminal, _) = run([])
    let before = terminal.cluster.listPods(onNode: "worker-2").filter { $0.metadata.namespace == "kube-system" }
    #expect(!before.isEmpty)
    _ = terminal.run("kubectl taint nodes worker-2 node.kubernetes.io/unreachable:NoExecute")
    let after = terminal.cluster.listPods(onNode: "worker-2").filter { $0.metadata.namespace == "kube-system" }
    #expect(after.map(\.metadata.uid) == before.map(\.metadata.uid))
    #expect(after.allSatisfy { $0.metadata.deletionTimestamp == nil })
  }
}

/// Completion of `kubectl taint`: kubectl's `SpecifiedResourceTypeAndNameCompletionFunc(f,
/// ["node"])` offers the type `node`, then the nodes' names.
@Suite struct TaintCompletionTests {
  @Test func typeThenNodeNames() {
    let terminal = Terminal()
    func complete(_ words: [String], _ partial: String) -> [String] {
      KubectlCompletion.candidates(after: words, partial: partial, cluster: terminal.cluster, files: terminal.files)
    }
    #expect(complete([], "tai") == ["taint"])
    #expect(complete(["taint"], "") == ["node"])
    #expect(complete(["taint", "nodes"], "wor") == ["worker-1", "worker-2"])
    #expect(complete(["taint", "pods"], "") == [])
    #expect(complete(["taint"], "--over") == ["--overwrite"])
  }
}
