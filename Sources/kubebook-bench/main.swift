import Dispatch
import KubeSim
import Kubectl

/// Benchmarks the simulator: a Deployment of N replicas (25 %/25 %) rolled from one image to
/// another, timed from `kubectl apply` of the new manifest to "successfully rolled out"; or,
/// with `daemonset`, a DaemonSet applied on a cluster of N workers, timed from `kubectl apply`
/// to "successfully rolled out"; or, with `cronjob`, a `* * * * *` CronJob across `sleep Nd`.
///
/// Usage: kubebook-bench [N ...]             (default: 100 1000 10000)
///        kubebook-bench daemonset [N ...]   (default: 10 100 1000)
///        kubebook-bench cronjob [DAYS ...]  (default: 1 30)

func manifest(replicas: Int, image: String) -> String {
  """
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: big
  spec:
    replicas: \(replicas)
    selector:
      matchLabels:
        app: big
    template:
      metadata:
        labels:
          app: big
      spec:
        containers:
        - name: app
          image: \(image)

  """
}

func seconds(_ start: DispatchTime) -> Double {
  Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

let mode = CommandLine.arguments.dropFirst().first
let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
if mode == "daemonset" {
  benchmarkDaemonSet(sizes.isEmpty ? [10, 100, 1000] : sizes)
} else if mode == "cronjob" {
  benchmarkCronJob(sizes.isEmpty ? [1, 30] : sizes)
} else {
  benchmarkRollout(sizes.isEmpty ? [100, 1000, 10000] : sizes)
}

func benchmarkRollout(_ sizes: [Int]) {
  print("| replicas | nodes | set-up (s) | rollout: apply → rolled out (s) | status lines | controller rounds |")
  print("|---|---|---|---|---|---|")
  for replicas in sizes {
    let nodes = replicas / 100 + 2
    var terminal = Terminal(config: ClusterConfig(workers: nodes, seed: 1))
    let setUpStart = DispatchTime.now()
    terminal.files.files["big.yaml"] = manifest(replicas: replicas, image: "nginx:1.26")
    _ = terminal.run("kubectl apply -f big.yaml")
    let first = terminal.run("kubectl rollout status deployment/big")
    precondition(first.output.hasSuffix("successfully rolled out\n"), first.output)
    let setUp = seconds(setUpStart)
    let roundsBefore = terminal.cluster.settleRounds
    terminal.files.files["big.yaml"] = manifest(replicas: replicas, image: "nginx:1.27")
    let start = DispatchTime.now()
    let applied = terminal.run("kubectl apply -f big.yaml")
    let status = terminal.run("kubectl rollout status deployment/big")
    let rollout = seconds(start)
    precondition(applied.output == "deployment.apps/big configured\n", applied.output)
    precondition(status.output.hasSuffix("successfully rolled out\n"), status.output)
    let lines = status.output.split(separator: "\n").count
    let rounds = terminal.cluster.settleRounds - roundsBefore
    print(
      "| \(replicas) | \(nodes) | \(String(format3(setUp))) | \(String(format3(rollout))) | \(lines) | \(rounds) |")
  }

}

func benchmarkDaemonSet(_ sizes: [Int]) {
  print("| workers | cluster set-up (s) | DaemonSet: apply → rolled out (s) | pods | controller rounds |")
  print("|---|---|---|---|---|")
  let manifest = """
    apiVersion: apps/v1
    kind: DaemonSet
    metadata:
      name: agent
    spec:
      selector:
        matchLabels:
          app: agent
      template:
        metadata:
          labels:
            app: agent
        spec:
          containers:
          - name: agent
            image: fluent/fluent-bit:3.1

    """
  for workers in sizes {
    let setUpStart = DispatchTime.now()
    var terminal = Terminal(config: ClusterConfig(workers: workers, seed: 1))
    let setUp = seconds(setUpStart)
    terminal.files.files["ds.yaml"] = manifest
    let roundsBefore = terminal.cluster.settleRounds
    let start = DispatchTime.now()
    let applied = terminal.run("kubectl apply -f ds.yaml")
    let status = terminal.run("kubectl rollout status ds/agent")
    let elapsed = seconds(start)
    precondition(applied.output == "daemonset.apps/agent created\n", applied.output)
    precondition(status.output.hasSuffix("successfully rolled out\n"), status.output)
    let pods = terminal.cluster.listPods(namespace: "default").count
    precondition(pods == workers, "expected one pod per worker")
    print(
      "| \(workers) | \(format3(setUp)) | \(format3(elapsed)) | \(pods) | \(terminal.cluster.settleRounds - roundsBefore) |"
    )
  }
}

func benchmarkCronJob(_ days: [Int]) {
  print("| virtual days | sleep (s) | jobs kept | pods | events kept | controller rounds | tick by tick (s) |")
  print("|---|---|---|---|---|---|---|")
  for count in days {
    var terminal = cronJobTerminal()
    let roundsBefore = terminal.cluster.settleRounds
    let start = DispatchTime.now()
    let slept = terminal.run("sleep \(count)d")
    let elapsed = seconds(start)
    if slept.exitCode != 0 { print(slept.output) }
    let jobs = terminal.run("kubectl get jobs -o name").output.split(separator: "\n").count
    let pods = terminal.cluster.listPods(namespace: "default").count
    let events = terminal.cluster.events.count
    // The same sleep without skipping quiet cycles, for comparison (up to 30 days).
    var tickByTick = "–"
    if count <= 30 {
      var slow = cronJobTerminal()
      let slowStart = DispatchTime.now()
      do {
        try slow.cluster.sleep(seconds: Double(count) * 86400, fastForward: false)
        tickByTick = format3(seconds(slowStart))
      } catch {
        tickByTick = "stopped: \(error)"
      }
    }
    print(
      "| \(count) | \(format3(elapsed)) | \(jobs) | \(pods) | \(events) | \(terminal.cluster.settleRounds - roundsBefore) | \(tickByTick) |"
    )
  }
}

/// A cluster with a `* * * * *` CronJob whose Jobs run `date` and succeed.
func cronJobTerminal() -> Terminal {
  var config = ClusterConfig(workers: 2, seed: 1)
  config.limits.maxTimeSteps = 1_000_000
  var terminal = Terminal(config: config)
  let created = terminal.run("kubectl create cronjob tick --image=busybox:1.36 --schedule=\"* * * * *\" -- date")
  precondition(created.output == "cronjob.batch/tick created\n", created.output)
  return terminal
}

func format3(_ value: Double) -> String {
  let scaled = Int((value * 1000).rounded())
  let fraction = String(scaled % 1000)
  return "\(scaled / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
}
