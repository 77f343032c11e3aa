import Dispatch
import KubeSim
import Kubectl

/// Benchmarks the simulator: a Deployment of N replicas (25 %/25 %) rolled from one image to
/// another, timed from `kubectl apply` of the new manifest to "successfully rolled out"; or,
/// with `daemonset`, a DaemonSet applied on a cluster of N workers, timed from `kubectl apply`
/// to "successfully rolled out".
///
/// Usage: kubebook-bench [N ...]             (default: 100 1000 10000)
///        kubebook-bench daemonset [N ...]   (default: 10 100 1000)

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

let daemonSetMode = CommandLine.arguments.dropFirst().first == "daemonset"
let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
if daemonSetMode {
  benchmarkDaemonSet(sizes.isEmpty ? [10, 100, 1000] : sizes)
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

func format3(_ value: Double) -> String {
  let scaled = Int((value * 1000).rounded())
  let fraction = String(scaled % 1000)
  return "\(scaled / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
}
