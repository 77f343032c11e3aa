import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// kubectl's workload commands, with expected text from `docs/reference/kubectl-output.md` (§4, §7, §8,
/// §9.3, §11) and from the real kubectl binary for client-side output.
@Suite struct WorkloadCommandTests {
  static let manifest = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: nginx
      labels:
        app: nginx
    spec:
      replicas: 3
      selector:
        matchLabels:
          app: nginx
      template:
        metadata:
          labels:
            app: nginx
        spec:
          containers:
          - name: nginx
            image: nginx:1.14.2

    """

  struct Session {
    var cluster = Cluster()
    var files = VirtualDirectory(files: ["deploy.yaml": WorkloadCommandTests.manifest])

    mutating func run(_ line: String) -> CommandResult {
      SimulatedKubectl.run(line, cluster: &cluster, files: files)
    }

    /// A session in which the Deployment was applied and has rolled out.
    static func rolledOut() -> Session {
      var session = Session()
      _ = session.run("kubectl apply -f deploy.yaml")
      _ = session.run("kubectl rollout status deployment/nginx")
      return session
    }
  }

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "create deployment nginx --image=nginx --dry-run=client -o yaml",
      "create deployment nginx --image=nginx --dry-run=client -o json",
      "create deployment web --image=nginx:1.27 --replicas=3 --port=80 --dry-run=client -o yaml",
      "create deployment web --image=nginx --image=busybox:1.36 --dry-run=client -o yaml",
      "create deployment web --image=registry.k8s.io/e2e-test-images/agnhost:2.39 --dry-run=client -o yaml",
      "create deployment web --image=busybox --dry-run=client -o yaml -- sleep 3600",
      "create deployment web --image=nginx --dry-run=client",
      "create deployment web --image=nginx --dry-run=client -o name",
    ])
  func createDeploymentDryRunMatchesRealKubectl(command: String) throws {
    let (ours, real, cluster) = try RealKubectl.compare(command)
    #expect(ours.output == real.output)
    #expect(ours.exitCode == real.status)
    #expect(cluster.deployments["default/nginx"] == nil && cluster.deployments["default/web"] == nil)
  }

  /// `docs/reference/kubectl-output.md` §7.1, the Deployment status table, row by row.
  @Test func rolloutStatusLines() {
    var d = Deployment(
      metadata: ObjectMeta(name: "nginx"), selector: SelectorSpec(matchLabels: ["app": "nginx"]),
      template: PodTemplate(labels: ["app": "nginx"], spec: PodSpec(containers: [])))
    d.replicas = 3
    d.metadata.generation = 2
    d.status.observedGeneration = 1
    #expect(RolloutCommand.statusLine(d).text == "Waiting for deployment spec update to be observed...")
    d.status.observedGeneration = 2
    d.status.updatedReplicas = 1
    #expect(
      RolloutCommand.statusLine(d).text
        == "Waiting for deployment \"nginx\" rollout to finish: 1 out of 3 new replicas have been updated...")
    d.status.updatedReplicas = 3
    d.status.replicas = 4
    #expect(
      RolloutCommand.statusLine(d).text
        == "Waiting for deployment \"nginx\" rollout to finish: 1 old replicas are pending termination...")
    d.status.replicas = 3
    d.status.availableReplicas = 2
    #expect(
      RolloutCommand.statusLine(d).text
        == "Waiting for deployment \"nginx\" rollout to finish: 2 of 3 updated replicas are available...")
    d.status.availableReplicas = 3
    #expect(RolloutCommand.statusLine(d) == ("deployment \"nginx\" successfully rolled out", true, false))
  }

  @Test func rolloutStatusWaitsAndEndsWithSuccess() {
    var session = Session()
    _ = session.run("kubectl apply -f deploy.yaml")
    let status = session.run("kubectl rollout status deployment/nginx")
    #expect(status.exitCode == 0)
    #expect(status.output.hasSuffix("deployment \"nginx\" successfully rolled out\n"))
    #expect(status.output.hasPrefix("Waiting for deployment \"nginx\" rollout to finish: "))
    let again = session.run("kubectl rollout status deploy/nginx")
    #expect(again.output == "deployment \"nginx\" successfully rolled out\n")
  }

  /// `docs/reference/kubectl-output.md` §7.2: the overview ends with a blank line and its first line with a space.
  @Test func rolloutHistoryOverview() {
    var session = Session.rolledOut()
    _ = session.run("kubectl set image deployment/nginx nginx=nginx:1.16.1")
    _ = session.run("kubectl rollout status deployment/nginx")
    #expect(
      session.run("kubectl rollout history deployment/nginx").output
        == "deployment.apps/nginx \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n")
  }

  @Test func rolloutHistoryRevisionKeepsTabs() {
    var session = Session.rolledOut()
    let output = session.run("kubectl rollout history deployment/nginx --revision=1").output
    let hash = session.cluster.listReplicaSets(namespace: "default")[0].metadata.labels["pod-template-hash"]!
    #expect(
      output == """
        deployment.apps/nginx with revision #1
        Pod Template:
          Labels:\tapp=nginx
        \tpod-template-hash=\(hash)
          Annotations:\t<none>
          Containers:
           nginx:
            Image:\tnginx:1.14.2
            Port:\t<none>
            Host Port:\t<none>
            Environment:\t<none>
            Mounts:\t<none>
          Volumes:\t<none>
          Node-Selectors:\t<none>
          Tolerations:\t<none>


        """)
    #expect(
      session.run("kubectl rollout history deployment/nginx --revision=9").output
        == "error: unable to find the specified revision\n")
  }

  /// `docs/reference/kubectl-output.md` §1.10 and §7.3: undo bumps the old revision and drops it from the list.
  @Test func undoRollsBackAndRenumbers() {
    var session = Session.rolledOut()
    #expect(
      session.run("kubectl rollout undo deployment/nginx").output
        == "error: no rollout history found for deployment \"nginx\"\n")
    _ = session.run("kubectl set image deployment/nginx nginx=nginx:1.16.1")
    _ = session.run("kubectl rollout status deployment/nginx")
    #expect(
      session.run("kubectl rollout undo deployment/nginx --to-revision=7").output
        == "error: unable to find specified revision 7 in history\n")
    #expect(session.run("kubectl rollout undo deployment/nginx").output == "deployment.apps/nginx rolled back\n")
    _ = session.run("kubectl rollout status deployment/nginx")
    #expect(
      session.run("kubectl rollout history deployment/nginx").output
        == "deployment.apps/nginx \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n")
    #expect(session.cluster.deployments["default/nginx"]?.template.spec.containers[0].image == "nginx:1.14.2")
    #expect(
      session.run("kubectl rollout undo deployment/nginx --to-revision=3").output
        == "deployment.apps/nginx skipped rollback (current template already matches revision 3)\n")
  }

  @Test func pauseAndResumeMessages() {
    var session = Session.rolledOut()
    #expect(session.run("kubectl rollout pause deployment/nginx").output == "deployment.apps/nginx paused\n")
    #expect(
      session.run("kubectl rollout pause deployment/nginx").output
        == "error: deployments.apps \"nginx\" is already paused\n")
    #expect(
      session.run("kubectl rollout undo deployment/nginx").output
        == "error: no rollout history found for deployment \"nginx\"\n")
    #expect(
      session.run("kubectl rollout restart deployment/nginx").output
        == "error: deployments.apps \"nginx\" can't restart paused deployment (run rollout resume first)\n")
    _ = session.run("kubectl set image deployment/nginx nginx=nginx:1.16.1")
    #expect(session.cluster.listReplicaSets(namespace: "default").count == 1, "no rollout while paused")
    #expect(session.run("kubectl rollout resume deployment/nginx").output == "deployment.apps/nginx resumed\n")
    #expect(
      session.run("kubectl rollout resume deployment/nginx").output
        == "error: deployments.apps \"nginx\" is not paused\n")
    _ = session.run("kubectl rollout status deployment/nginx")
    #expect(session.cluster.listReplicaSets(namespace: "default").count == 2)
  }

  @Test func restartMakesANewRevision() {
    var session = Session.rolledOut()
    #expect(session.run("kubectl rollout restart deployment/nginx").output == "deployment.apps/nginx restarted\n")
    _ = session.run("kubectl rollout status deployment/nginx")
    let annotations = session.cluster.deployments["default/nginx"]!.template.annotations
    #expect(annotations["kubectl.kubernetes.io/restartedAt"] != nil)
    #expect(session.cluster.listReplicaSets(namespace: "default").count == 2)
  }

  /// `docs/reference/kubectl-output.md` §8 and §9.3.
  @Test func scaleAndSetImageMessages() {
    var session = Session.rolledOut()
    #expect(session.run("kubectl scale deployment nginx --replicas=5").output == "deployment.apps/nginx scaled\n")
    #expect(
      session.run("kubectl scale deployment nginx --replicas=-1").output
        == "error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n")
    #expect(
      session.run("kubectl scale deployment nginx --current-replicas=2 --replicas=3").output
        == "error: Expected replicas to be 2, was 5\n")
    #expect(
      session.run("kubectl set image deployment/nginx nginx=nginx:1.16.1").output
        == "deployment.apps/nginx image updated\n")
    #expect(session.run("kubectl set image deployment/nginx nginx=nginx:1.16.1").output == "")
    #expect(
      session.run("kubectl set image deployment/nginx foo=nginx").output
        == "error: unable to find container named \"foo\"\n")
    // kubectl v1.32 `RunScale`: nothing found, so `no objects passed to scale %w` wraps the NotFound.
    #expect(
      session.run("kubectl scale deployment nothere --replicas=1").output
        == "error: no objects passed to scale deployments.apps \"nothere\" not found\n")
  }

  /// `docs/reference/kubectl-output.md` §4 column sets for Deployments and ReplicaSets.
  @Test func getDeploymentAndReplicaSetTables() {
    var session = Session.rolledOut()
    let hash = session.cluster.listReplicaSets(namespace: "default")[0].metadata.labels["pod-template-hash"]!
    let age =
      "\((session.cluster.now.milliseconds - session.cluster.deployments["default/nginx"]!.metadata.creationTimestamp.milliseconds) / 1000)s"
    #expect(
      session.run("kubectl get deploy").output == """
        NAME    READY   UP-TO-DATE   AVAILABLE   AGE
        nginx   3/3     3            3           \(age)

        """)
    let wide = session.run("kubectl get rs -o wide").output
    let rows = wide.split(separator: "\n")
    let nameWidth = "nginx-\(hash)".count + 3
    let namePad = { (text: String) in text + String(repeating: " ", count: nameWidth - text.count) }
    #expect(
      rows[0].hasPrefix(namePad("NAME") + "DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES         SELECTOR"))
    #expect(rows[1].hasPrefix(namePad("nginx-\(hash)") + "3         3         3       "))
    #expect(rows[1].hasSuffix("nginx        nginx:1.14.2   app=nginx,pod-template-hash=\(hash)"))
  }

  @Test func deleteDeploymentCascades() {
    var session = Session.rolledOut()
    #expect(session.run("kubectl delete deployment nginx").output == "deployment.apps \"nginx\" deleted\n")
    #expect(session.cluster.listReplicaSets(namespace: "default").isEmpty)
    #expect(session.run("kubectl get deploy").output == "No resources found in default namespace.\n")
    _ = session.run("kubectl apply -f deploy.yaml")
    _ = session.run("kubectl rollout status deployment/nginx")
    #expect(
      session.run("kubectl delete deployment nginx --cascade=orphan").output == "deployment.apps \"nginx\" deleted\n")
    #expect(session.cluster.listReplicaSets(namespace: "default").count == 1)
    #expect(session.cluster.listPods(namespace: "default").filter { $0.metadata.deletionTimestamp == nil }.count == 3)
  }

  @Test func applyTwiceIsUnchangedAndScaledReplicasSurviveApply() {
    var session = Session()
    #expect(session.run("kubectl apply -f deploy.yaml").output == "deployment.apps/nginx created\n")
    #expect(session.run("kubectl apply -f deploy.yaml").output == "deployment.apps/nginx unchanged\n")
    _ = session.run("kubectl scale deployment nginx --replicas=5")
    #expect(session.run("kubectl apply -f deploy.yaml").output == "deployment.apps/nginx configured\n")
    #expect(session.cluster.deployments["default/nginx"]?.replicas == 3)
  }

  @Test func invalidDeploymentsGetTheServersMessages() {
    var session = Session()
    session.files.files["bad.yaml"] = Self.manifest.replacingOccurrences(
      of: "      app: nginx\n  template", with: "      app: web\n  template")
    let result = session.run("kubectl apply -f bad.yaml")
    #expect(
      result.output
        == "The Deployment \"nginx\" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"nginx\"}: `selector` does not match template `labels`\n"
    )
    #expect(result.exitCode == 1)
  }

  @Test func hugeReplicaCountsAreRefusedNotHung() {
    var session = Session()
    let result = session.run("kubectl create deployment big --image=nginx --replicas=5000000")
    #expect(result.exitCode == 1)
    #expect(result.output.contains("kubebook simulates at most"))
  }
}

/// `kubectl get -w` (`docs/reference/kubectl-output.md` §1.8).
@Suite struct WatchTests {
  func run(_ line: String, _ cluster: inout Cluster) -> CommandResult {
    SimulatedKubectl.run(line, cluster: &cluster)
  }

  @Test func rowsFollowTheListWithoutRepeatedHeadersAndRememberWidths() {
    var cluster = Cluster()
    _ = run("kubectl run web --image=nginx", &cluster)
    let output = run("kubectl get pods -w", &cluster).output
    let lines = output.split(separator: "\n").map(String.init)
    #expect(lines.first == "NAME   READY   STATUS              RESTARTS   AGE")
    #expect(lines.filter { $0.hasPrefix("NAME") }.count == 1)
    #expect(lines[1] == "web    0/1     ContainerCreating   0          0s")
    // The Running row keeps the STATUS width that ContainerCreating needed.
    #expect(lines.last?.hasPrefix("web    1/1     Running             0          ") == true)
  }

  @Test func onlyOneTypeMayBeWatched() {
    var cluster = Cluster()
    #expect(
      run("kubectl get pods,rs -w", &cluster).output
        == "error: watch is only supported on individual resources and resource collections - more than 1 resource was found\n"
    )
  }

  @Test func deletedPodsEndWithTheirLastState() {
    var cluster = Cluster()
    _ = run("kubectl run web --image=nginx", &cluster)
    _ = run("kubectl get pods -w", &cluster)
    _ = run("kubectl delete pod web --wait=false", &cluster)
    let lines = run("kubectl get pods -w", &cluster).output.split(separator: "\n")
    #expect(lines[1].contains("0/1     Terminating"))
    #expect(lines.last?.contains("Completed") == true)
  }

  @Test func aWatchEndsWhenTheClusterIsQuiet() {
    var cluster = Cluster()
    _ = run("kubectl create deployment web --image=nginx --replicas=3", &cluster)
    let start = cluster.now
    _ = run("kubectl get pods -w", &cluster)
    #expect(cluster.now.milliseconds - start.milliseconds < 60_000)
    #expect(cluster.listPods(namespace: "default").allSatisfy { $0.isReady })
  }
}

/// `kubectl label` and `annotate` (`docs/reference/kubectl-output.md` §8 and the `--local` captures of §11).
@Suite struct LabelTests {
  func run(_ line: String, _ cluster: inout Cluster) -> CommandResult {
    SimulatedKubectl.run(line, cluster: &cluster)
  }

  @Test func labelMessages() {
    var cluster = Cluster()
    _ = run("kubectl create deployment nginx --image=nginx", &cluster)
    #expect(run("kubectl label deployment nginx tier=frontend", &cluster).output == "deployment.apps/nginx labeled\n")
    let clash = run("kubectl label deployment nginx app=other", &cluster)
    #expect(clash.output == "error: 'app' already has a value (nginx), and --overwrite is false\n")
    #expect(clash.exitCode == 1)
    #expect(
      run("kubectl label deployment nginx app=other --overwrite", &cluster).output == "deployment.apps/nginx labeled\n")
    #expect(run("kubectl label deployment nginx tier-", &cluster).output == "deployment.apps/nginx unlabeled\n")
    #expect(cluster.deployments["default/nginx"]?.metadata.labels == ["app": "other"])
    #expect(run("kubectl annotate deployment nginx note=hello", &cluster).output == "deployment.apps/nginx annotated\n")
    #expect(cluster.deployments["default/nginx"]?.metadata.annotations["note"] == "hello")
  }

  @Test func relabelingAPodReleasesItFromItsReplicaSet() throws {
    var cluster = Cluster()
    _ = run("kubectl create deployment web --image=nginx --replicas=2", &cluster)
    try cluster.advance(seconds: 20)
    let pod = cluster.listPods(namespace: "default")[0].metadata.name
    #expect(run("kubectl label pod \(pod) app=debug --overwrite", &cluster).output == "pod/\(pod) labeled\n")
    try cluster.advance(seconds: 20)
    #expect(cluster.pod(pod, namespace: "default")?.metadata.ownerReferences.isEmpty == true)
    #expect(cluster.listPods(namespace: "default").count == 3, "the ReplicaSet made a replacement")
  }
}

/// Node failure, cordon and drain (`docs/reference/controllers.md` §7.1, `docs/reference/kubectl-output.md` §8).
@Suite struct NodeFaultTests {
  @Test func aFailedNodeGoesNotReadyAndItsPodsAreReplacedAfterTheTolerations() {
    var terminal = Terminal(config: ClusterConfig(workers: 3, seed: 1))
    _ = terminal.run("kubectl create deployment web --image=nginx --replicas=3")
    _ = terminal.run("kubectl rollout status deployment/web")
    #expect(terminal.run("sim node fail worker-1").exitCode == 0)
    _ = terminal.run("sleep 49")
    #expect(terminal.cluster.nodes["worker-1"]?.status.ready == .true, "within the 50 s grace period")
    _ = terminal.run("sleep 2")
    #expect(terminal.run("kubectl get nodes worker-1").output.contains("worker-1   NotReady   <none>"))
    _ = terminal.run("sleep 299")
    #expect(terminal.cluster.listPods(namespace: "default").filter { $0.metadata.deletionTimestamp == nil }.count == 3)
    #expect(
      terminal.cluster.listPods(namespace: "default").contains {
        $0.spec.nodeName == "worker-1" && $0.metadata.deletionTimestamp != nil
      })
    _ = terminal.run("sim node recover worker-1")
    _ = terminal.run("sleep 60")
    #expect(terminal.cluster.listPods(namespace: "default").count == 3)
    #expect(terminal.run("sim node fail worker-9").output == "sim: node \"worker-9\" not found\n")
  }

  @Test func cordonAndDrain() {
    var terminal = Terminal(config: ClusterConfig(workers: 2, seed: 1))
    _ = terminal.run("kubectl create deployment web --image=nginx --replicas=2")
    _ = terminal.run("kubectl rollout status deployment/web")
    #expect(terminal.run("kubectl cordon worker-1").output == "node/worker-1 cordoned\n")
    #expect(terminal.run("kubectl cordon worker-1").output == "node/worker-1 already cordoned\n")
    #expect(terminal.run("kubectl get nodes worker-1").output.contains("Ready,SchedulingDisabled"))
    #expect(terminal.run("kubectl uncordon worker-1").output == "node/worker-1 uncordoned\n")
    let drain = terminal.run("kubectl drain worker-1 --ignore-daemonsets").output
    #expect(
      drain.hasPrefix(
        "node/worker-1 cordoned\nWarning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-"))
    #expect(drain.contains("\nevicting pod default/web-"))
    #expect(drain.hasSuffix("node/worker-1 drained\n"))
    #expect(terminal.cluster.listPods(namespace: "default").allSatisfy { $0.spec.nodeName == "worker-2" })
    _ = terminal.run("kubectl run bare --image=nginx")
    _ = terminal.run("kubectl uncordon worker-1")
    _ = terminal.run("sleep 10")
    let refused = terminal.run("kubectl drain worker-2")
    #expect(refused.exitCode == 1)
    // Both filters refuse: the first line shows the aggregate, the last lines each error.
    let proxy = terminal.cluster.listPods(onNode: "worker-2").first { $0.metadata.name.hasPrefix("kube-proxy-") }!
    let daemonError =
      "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/\(proxy.metadata.name)"
    let bareError =
      "cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare"
    #expect(
      refused.output == "node/worker-2 cordoned\n"
        + "error: unable to drain node \"worker-2\" due to error: [\(daemonError), \(bareError)], continuing command...\n"
        + "There are pending nodes to be drained:\n worker-2\n\(daemonError)\n\(bareError)\n")
  }
}

/// Crash loops and failing pulls (`docs/reference/controllers.md` §7.2–§7.4).
@Suite struct ContainerFaultTests {
  @Test func crashLoopBacksOffTenTwentyFortySeconds() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run bb --image=busybox")
    var restartTimes: [Int64] = []
    var lastCount = 0
    for _ in 0..<400 {
      _ = terminal.run("sleep 1")
      let status = terminal.cluster.pod("bb", namespace: "default")!.status.containerStatuses[0]
      if status.restartCount != lastCount {
        restartTimes.append(terminal.cluster.now.seconds)
        lastCount = status.restartCount
      }
    }
    // The first restart is immediate; then the waits double: 10 s, 20 s, 40 s, 80 s, 160 s.
    let gaps = zip(restartTimes.dropFirst(), restartTimes).map { $0 - $1 }
    #expect(gaps.prefix(4).map { $0 >= 10 && $0 <= 13 } == [true, false, false, false])
    #expect(gaps.count >= 4)
    #expect(gaps[1] >= 20 && gaps[1] <= 23)
    #expect(gaps[2] >= 40 && gaps[2] <= 43)
    let pod = terminal.cluster.pod("bb", namespace: "default")!
    guard case .waiting(let reason, let message?) = pod.status.containerStatuses[0].state else {
      Issue.record("expected a waiting container")
      return
    }
    #expect(reason == "CrashLoopBackOff")
    #expect(message.hasPrefix("back-off "))
    #expect(message.hasSuffix(" restarting failed container=bb pod=bb_default(\(pod.metadata.uid))"))
    #expect(
      terminal.cluster.events.contains {
        $0.reason == "BackOff" && $0.type == .warning
          && $0.message == "Back-off restarting failed container bb in pod bb_default(\(pod.metadata.uid))"
      })
  }

  @Test func crashedContainersRestartAndCountRestarts() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run web --image=nginx")
    _ = terminal.run("sleep 20")
    #expect(terminal.run("sim pod crash web").exitCode == 0)
    _ = terminal.run("sleep 5")
    let row = terminal.run("kubectl get pod web").output.split(separator: "\n")[1]
    #expect(row.contains("1/1     Running   1 (5s ago)"))
    #expect(terminal.run("sim pod crash nothere").output == "sim: pod \"nothere\" not found in namespace \"default\"\n")
  }

  @Test func missingImagesAlternateBetweenErrImagePullAndImagePullBackOff() {
    var terminal = Terminal()
    _ = terminal.run("sim image missing nginx:9.9")
    _ = terminal.run("kubectl run web --image=nginx:9.9")
    var seen: [String] = []
    for _ in 0..<40 {
      _ = terminal.run("sleep 1")
      let row = terminal.run("kubectl get pod web").output.split(separator: "\n")[1]
      let status = row.split(separator: " ", omittingEmptySubsequences: true)[2]
      if seen.last != String(status) { seen.append(String(status)) }
    }
    #expect(seen.prefix(3) == ["ContainerCreating", "ErrImagePull", "ImagePullBackOff"])
    #expect(seen.contains("ErrImagePull") && seen.filter { $0 == "ErrImagePull" }.count >= 2)
  }
}

/// `kubectl get events` and `kubectl logs` (`docs/reference/kubectl-output.md` §3.18, §9.1).
@Suite struct EventsAndLogsTests {
  @Test func eventsHaveTheReferenceColumnsAndGroupByObject() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx --replicas=1")
    _ = terminal.run("sleep 20")
    let lines = terminal.run("kubectl get events").output.split(separator: "\n")
    let header = lines[0].split(separator: " ", omittingEmptySubsequences: true)
    #expect(header == ["LAST", "SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE"])
    let objects = lines.dropFirst().map { $0.split(separator: " ", omittingEmptySubsequences: true)[3] }
    #expect(objects.contains("deployment/web"))
    // Server order is by event name: the object's name first, so each object's events are together.
    var seen: [Substring] = []
    for object in objects where seen.last != object {
      #expect(!seen.contains(object))
      seen.append(object)
    }
  }

  /// client-go's recorder names an event `<object name>.<hex UnixNano>` (tools/record/event.go:492,
  /// v0.32.4) and the API server lists in etcd key order, so the events of the Pods `web-…` and the
  /// ReplicaSet `web-…` come before those of the Deployment `web` (`-` sorts before `.`), and with
  /// `-A` the namespaces come in order.
  @Test func eventsComeInEventNameOrder() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx --replicas=1")
    _ = terminal.run("sleep 20")
    let objects = terminal.run("kubectl get events").output.split(separator: "\n").dropFirst()
      .map { $0.split(separator: " ", omittingEmptySubsequences: true)[3] }
    let deployment = objects.firstIndex(of: "deployment/web")
    let replicaSet = objects.firstIndex { $0.hasPrefix("replicaset/web-") }
    let pod = objects.firstIndex { $0.hasPrefix("pod/web-") }
    #expect(deployment != nil && replicaSet != nil && pod != nil)
    if let deployment, let replicaSet, let pod {
      #expect(pod < replicaSet && replicaSet < deployment)
    }
    let namespaces = terminal.run("kubectl get events -A").output.split(separator: "\n").dropFirst()
      .map { String($0.split(separator: " ", omittingEmptySubsequences: true)[0]) }
    #expect(namespaces == namespaces.sorted())
    #expect(Set(namespaces).count > 1)
  }

  @Test func logsNeedAStartedContainer() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run web --image=nginx")
    let early = terminal.run("kubectl logs web")
    #expect(early.exitCode == 1)
    #expect(
      early.output
        == "Error from server (BadRequest): container \"web\" in pod \"web\" is waiting to start: ContainerCreating\n")
    _ = terminal.run("sleep 10")
    #expect(terminal.run("kubectl logs web").output.contains("Configuration complete; ready for start up"))
    #expect(
      terminal.run("kubectl logs nginx").output
        == "error: error from server (NotFound): pods \"nginx\" not found in namespace \"default\"\n")
  }
}

/// Readiness probes and minReadySeconds (`docs/reference/controllers.md` §7.5, §1.12).
@Suite struct ReadinessTests {
  static let manifest = """
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      replicas: 2
      minReadySeconds: 5
      selector:
        matchLabels:
          app: web
      template:
        metadata:
          labels:
            app: web
        spec:
          containers:
          - name: nginx
            image: nginx:1.27
            readinessProbe:
              httpGet:
                port: 80
              initialDelaySeconds: 10

    """

  @Test func podsAreReadyAfterTheProbeDelayAndAvailableAfterMinReadySeconds() throws {
    var terminal = Terminal(files: VirtualDirectory(files: ["web.yaml": Self.manifest]))
    _ = terminal.run("kubectl apply -f web.yaml")
    try terminal.cluster.advance(until: terminal.cluster.now.adding(seconds: 120)) { state in
      state.listPods(namespace: "default").allSatisfy { $0.status.phase == .running }
    }
    let running = terminal.cluster.listPods(namespace: "default")
    #expect(running.allSatisfy { !$0.isReady }, "running but not ready during the initial delay")
    let started = running.compactMap { pod -> Timestamp? in
      if case .running(let at) = pod.status.containerStatuses[0].state { return at }
      return nil
    }.max()!
    try terminal.cluster.advance(until: started.adding(seconds: 10)) { _ in false }
    #expect(terminal.cluster.listPods(namespace: "default").allSatisfy { $0.isReady })
    #expect(terminal.cluster.deployments["default/web"]?.status.availableReplicas == 0, "minReadySeconds not yet over")
    try terminal.cluster.advance(until: started.adding(seconds: 16)) { _ in false }
    #expect(terminal.cluster.deployments["default/web"]?.status.availableReplicas == 2)
    let pod = terminal.cluster.listPods(namespace: "default")[0].metadata.name
    #expect(
      terminal.run("kubectl describe pod \(pod)").output.contains(
        "    Readiness:      http-get http://:80/ delay=10s timeout=1s period=10s #success=1 #failure=3\n"))
  }

  @Test func shellSyntaxIsRefusedClearly() {
    var terminal = Terminal()
    let result = terminal.run("kubectl get pods | grep web")
    #expect(result.exitCode == 2)
    #expect(result.output.hasPrefix("kubebook: \"|\" is shell syntax"))
  }
}

/// `kubectl apply`'s three-way merge on `spec.replicas`.
@Suite struct ApplyReplicasTests {
  @Test func droppingReplicasFromTheManifestResetsToOne() {
    var terminal = Terminal(files: VirtualDirectory(files: ["d.yaml": WorkloadCommandTests.manifest]))
    _ = terminal.run("kubectl apply -f d.yaml")
    _ = terminal.run("kubectl scale deployment nginx --replicas=5")
    terminal.files.files["d.yaml"] = WorkloadCommandTests.manifest.replacingOccurrences(of: "  replicas: 3\n", with: "")
    #expect(terminal.run("kubectl apply -f d.yaml").output == "deployment.apps/nginx configured\n")
    #expect(terminal.cluster.deployments["default/nginx"]?.replicas == 1, "the deleted field is defaulted to 1")
  }

  @Test func replicasNeverInTheManifestKeepTheScaledValue() {
    let manifest = WorkloadCommandTests.manifest.replacingOccurrences(of: "  replicas: 3\n", with: "")
    var terminal = Terminal(files: VirtualDirectory(files: ["d.yaml": manifest]))
    _ = terminal.run("kubectl apply -f d.yaml")
    _ = terminal.run("kubectl scale deployment nginx --replicas=5")
    #expect(terminal.run("kubectl apply -f d.yaml").output == "deployment.apps/nginx unchanged\n")
    #expect(terminal.cluster.deployments["default/nginx"]?.replicas == 5)
  }
}

/// `rollout status --timeout` (kubectl's `--timeout`: "the length of time to wait before
/// ending watch, zero means never"): a paused rollout never finishes, so the watch times out
/// with apimachinery's `wait` error.
@Suite struct RolloutTimeoutTests {
  @Test func pausedRolloutTimesOut() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.26 --replicas=2")
    _ = terminal.run("kubectl rollout status deployment/web")
    _ = terminal.run("kubectl rollout pause deployment/web")
    _ = terminal.run("kubectl set image deployment/web nginx=nginx:1.27")
    let start = terminal.cluster.now
    let result = terminal.run("kubectl rollout status deployment/web --timeout=30s")
    #expect(result.exitCode == 1)
    #expect(result.output.hasSuffix("error: timed out waiting for the condition\n"))
    #expect(result.output.hasPrefix("Waiting for deployment \"web\" rollout to finish: 0 out of 2 new replicas"))
    #expect(terminal.cluster.now.milliseconds - start.milliseconds == 30_000)
    let bad = terminal.run("kubectl rollout status deployment/web --timeout=3")
    // Go's time.ParseDuration: "missing unit", as the real kubectl prints it.
    #expect(
      bad.output.hasPrefix("Error: invalid argument \"3\" for \"--timeout\" flag: time: missing unit in duration \"3\"")
    )
  }
}
