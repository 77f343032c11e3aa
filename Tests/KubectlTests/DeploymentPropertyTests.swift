import KubeSim
import Testing

@testable import Kubectl

/// Random Deployments driven by random command sequences: the rolling-update invariants hold
/// at every step, cascading deletes leave nothing behind, and a seed replays exactly.
@Suite struct DeploymentPropertyTests {
  struct Scenario {
    var manifest: String
    var commands: [String]
    var replicas: Int
    var surge: IntOrPercent
    var unavailable: IntOrPercent
  }

  /// A random Deployment and a random sequence of the commands the course uses.
  static func scenario(seed: UInt64) -> Scenario {
    var random = SeededGenerator(seed: seed)
    let replicas = 1 + random.below(12)
    let values: [IntOrPercent] = [.int(0), .int(1), .int(2), .int(3), .percent(25), .percent(50), .percent(10)]
    var surge = values[random.below(values.count)]
    var unavailable = values[random.below(values.count)]
    if surge.scaled(total: 100, roundUp: true) == 0 && unavailable.scaled(total: 100, roundUp: true) == 0 {
      surge = .int(1)
    }
    if random.below(4) == 0 { unavailable = .percent(25) }
    func yaml(_ value: IntOrPercent) -> String {
      if case .percent = value { return "\"\(value.text)\"" }
      return value.text
    }
    // The images come from a registry the simulator knows nothing about, so every version pulls.
    let manifest = """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
      spec:
        replicas: \(replicas)
        minReadySeconds: \(random.below(3) * 5)
        strategy:
          rollingUpdate:
            maxSurge: \(yaml(surge))
            maxUnavailable: \(yaml(unavailable))
        selector:
          matchLabels:
            app: web
        template:
          metadata:
            labels:
              app: web
          spec:
            containers:
            - name: web
              image: registry.example.com/web:1.20

      """
    var commands = ["kubectl apply -f web.yaml", "kubectl rollout status deployment/web"]
    var version = 20
    var scaled = replicas
    for _ in 0..<(4 + random.below(6)) {
      switch random.below(6) {
      case 0:
        scaled = 1 + random.below(12)
        commands.append("kubectl scale deployment/web --replicas=\(scaled)")
      case 1, 2:
        version += 1
        commands.append("kubectl set image deployment/web web=registry.example.com/web:1.\(version)")
      case 3:
        commands.append("kubectl rollout undo deployment/web")
      case 4:
        commands += [
          "kubectl rollout pause deployment/web",
          "kubectl set image deployment/web web=registry.example.com/web:1.\(version + 50)",
          "kubectl rollout resume deployment/web",
        ]
        version += 50
      default:
        commands.append("sleep \(1 + random.below(20))")
      }
      commands.append("kubectl rollout status deployment/web")
    }
    return Scenario(manifest: manifest, commands: commands, replicas: replicas, surge: surge, unavailable: unavailable)
  }

  func transcript(_ scenario: Scenario, seed: UInt64) -> String {
    var terminal = Terminal(
      config: ClusterConfig(workers: 3, seed: seed), files: VirtualDirectory(files: ["web.yaml": scenario.manifest]))
    var text = ""
    for command in scenario.commands {
      let result = terminal.run(command)
      text += "$ \(command)\n\(result.output)"
    }
    return text
  }

  @Test(arguments: Array(UInt64(1)...UInt64(40)))
  func rollingUpdateInvariantsHold(seed: UInt64) throws {
    let scenario = Self.scenario(seed: seed)
    var terminal = Terminal(
      config: ClusterConfig(workers: 3, seed: seed), files: VirtualDirectory(files: ["web.yaml": scenario.manifest]))
    var paused = false
    for command in scenario.commands where !command.hasPrefix("kubectl rollout status") {
      let result = terminal.run(command)
      #expect(result.exitCode == 0 || command.contains("undo"), "\(command): \(result.output)")
      if command.contains("rollout pause") { paused = true }
      if command.contains("rollout resume") { paused = false }
      guard let d = terminal.cluster.deployments["default/web"], !paused, !command.hasPrefix("sleep") else { continue }
      // Creation and scaling change the replica count itself; the invariants are about
      // rollouts at a fixed count.
      if command.contains("apply") || command.contains("scale") {
        _ = terminal.run("kubectl rollout status deployment/web")
        continue
      }
      let (surge, unavailable) = d.fenceposts
      var violations: [String] = []
      try terminal.cluster.advance(
        until: terminal.cluster.now.adding(seconds: 900),
        observe: { state in
          let sets = state.replicaSets.values.filter { $0.metadata.controller?.uid == d.metadata.uid }
          let total = sets.reduce(0) { $0 + $1.replicas }
          let available = sets.reduce(0) { $0 + $1.status.availableReplicas }
          if total > d.replicas + surge { violations.append("total \(total) > \(d.replicas) + \(surge)") }
          if available < d.replicas - unavailable {
            violations.append("available \(available) < \(d.replicas) - \(unavailable)")
          }
        },
        done: { RolloutCommand.statusLine($0.deployments["default/web"]!).done })
      #expect(violations.isEmpty, "seed \(seed) after \(command): \(violations.prefix(3))")
      #expect(RolloutCommand.statusLine(terminal.cluster.deployments["default/web"]!).done, "seed \(seed) finished")
    }
    for cascade in ["background", "foreground"] {
      var copy = terminal
      _ = copy.run("kubectl delete deployment web --cascade=\(cascade)")
      try copy.cluster.advance(seconds: 120)
      #expect(
        copy.cluster.deployments["default/web"] == nil && copy.cluster.listReplicaSets(namespace: "default").isEmpty
          && copy.cluster.listPods(namespace: "default").isEmpty)
    }
  }

  @Test(arguments: [UInt64(3), UInt64(17)])
  func sameSeedSameTranscript(seed: UInt64) {
    let scenario = Self.scenario(seed: seed)
    let first = transcript(scenario, seed: seed)
    #expect(first == transcript(scenario, seed: seed))
    #expect(first.contains("successfully rolled out"))
  }
}
