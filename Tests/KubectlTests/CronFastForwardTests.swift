import Foundation
import KubeSim
import Testing

@testable import Kubectl

/// A long `sleep` may skip CronJob cycles nothing can observe afterwards (``CronFastForward``):
/// what kubectl shows at the end must be what the tick-by-tick simulation shows, up to the
/// seeded random suffixes of pod names and the uids.
@Suite struct CronFastForwardTests {
  /// What a learner can look at after the sleep.
  static let probes = [
    "kubectl get cronjobs", "kubectl get jobs", "kubectl get pods", "kubectl get events",
    "kubectl describe cronjob tick", "kubectl get cronjob tick -o yaml", "kubectl get nodes",
  ]

  /// The output with what the seeded random streams and the number of writes decide masked:
  /// pod-name suffixes, uids, resource versions, the seconds of durations (container start
  /// jitter shifts a Job's duration by a second) and which of two equally loaded workers a pod
  /// went to. Job names, statuses, event reasons and messages, counts and minutes remain.
  static func masked(_ text: String) -> String {
    let patterns = [
      (#"-[a-z0-9]{5}\b"#, "-?????"),
      (#"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#, "UID"),
      (#"\b[0-9]+s\b"#, "Ns"), (#"([0-9]+m)[0-9]+s\b"#, "$1Ns"),
      (#"[0-9]{2}:[0-9]{2}:[0-9]{2}Z"#, "hh:mm:ssZ"), (#"resourceVersion: "[0-9]+""#, "resourceVersion: N"),
      (#"worker-[0-9]+"#, "worker-N"),
    ]
    var result = text
    for (pattern, template) in patterns {
      result = result.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
    }
    return result
  }

  static func transcript(_ example: Example, fastForward: Bool) throws -> [String] {
    var terminal = Terminal(config: ClusterConfig(workers: 2, seed: 7))
    terminal.files.files["cj.yaml"] = example.manifest
    for line in example.setUp {
      let result = terminal.run(line)
      #expect(result.exitCode == 0, "\(line): \(result.output)")
    }
    _ = terminal.run("sleep 90")
    let roundsBefore = terminal.cluster.settleRounds
    try terminal.cluster.sleep(seconds: example.hours * 3600, fastForward: fastForward)
    let rounds = terminal.cluster.settleRounds - roundsBefore
    return probes.map { masked(terminal.run($0).output) } + ["\(rounds)"]
  }

  /// A CronJob set-up and a sleep long enough for a skip (more than twice the horizon).
  struct Example: Sendable, CustomTestStringConvertible {
    var setUp: [String]
    var manifest = ""
    var hours: Double
    var testDescription: String { setUp.joined(separator: "; ") }
  }

  static let failingManifest = """
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: tick}
    spec:
      schedule: "*/2 * * * *"
      failedJobsHistoryLimit: 2
      jobTemplate:
        spec:
          backoffLimit: 0
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: fail
                image: busybox:1.36
                command: ["sh", "-c", "exit 3"]

    """

  @Test(
    arguments: [
      // Every minute, succeeding.
      Example(setUp: ["kubectl create cronjob tick --image=busybox:1.36 --schedule='* * * * *' -- date"], hours: 2.7),
      // Every two minutes, failing at once: the failed-history limit.
      Example(setUp: ["kubectl apply -f cj.yaml"], manifest: failingManifest, hours: 3.5),
      // Every five minutes, Jobs of 90 s.
      Example(
        setUp: ["kubectl create cronjob tick --image=busybox:1.36 --schedule='*/5 * * * *' -- sleep 90"], hours: 4.2),
      // Hourly, beside a Deployment that keeps running.
      Example(
        setUp: [
          "kubectl create deployment web --image=nginx:1.27 --replicas=2",
          "kubectl create cronjob tick --image=busybox:1.36 --schedule='@hourly' -- echo hi",
        ], hours: 24),
    ])
  func sameOutputAsTickByTick(example: Example) throws {
    let skipped = try Self.transcript(example, fastForward: true)
    let full = try Self.transcript(example, fastForward: false)
    for (probe, (fast, slow)) in zip(Self.probes, zip(skipped, full)) {
      let fastLines = fast.split(separator: "\n", omittingEmptySubsequences: false)
      let slowLines = slow.split(separator: "\n", omittingEmptySubsequences: false)
      let firstDifference = zip(fastLines, slowLines).first { $0 != $1 }
      #expect(fastLines.count == slowLines.count, "\(probe)")
      #expect(firstDifference == nil, "\(probe): \(firstDifference.map { "\($0.0) | \($0.1)" } ?? "")")
    }
    // The skip happened, or the comparison proves nothing.
    let (fastRounds, slowRounds) = (Int(skipped.last ?? "") ?? 0, Int(full.last ?? "") ?? 0)
    #expect(fastRounds * 3 / 2 < slowRounds, "rounds \(fastRounds) vs \(slowRounds)")
  }

  /// The skip happens (otherwise the comparison above proves nothing) and is quick: far fewer
  /// controller rounds than a tick-by-tick run.
  @Test func skipsMostOfALongSleep() throws {
    var terminal = Terminal(config: ClusterConfig(workers: 2, seed: 7))
    _ = terminal.run("kubectl create cronjob tick --image=busybox:1.36 --schedule='* * * * *' -- date")
    let before = terminal.cluster.settleRounds
    #expect(terminal.run("sleep 30d").exitCode == 0)
    #expect(terminal.cluster.settleRounds - before < 2000)
    // 30 days after 2025-03-03T09:00:00Z, the last Job is for minute 29016540 + 43200.
    #expect(terminal.cluster.jobs["default/tick-29059740"] != nil)
    #expect(terminal.cluster.jobs.count == 4)
    let age = terminal.run("kubectl get cronjob tick").output
    #expect(age.contains("0s              30d"), "\(age)")
  }

  /// Without a quiet moment (a Job that outlasts the schedule's period keeps one running),
  /// nothing is skipped and the step bound still applies.
  @Test func noSkipWhileJobsOverlap() {
    var config = ClusterConfig()
    config.limits.maxTimeSteps = 2000
    var terminal = Terminal(config: config)
    _ = terminal.run("kubectl create cronjob tick --image=busybox:1.36 --schedule='* * * * *' -- sleep 90")
    let result = terminal.run("sleep 10d")
    #expect(result.exitCode != 0)
    #expect(result.output.contains("time steps in one command and was stopped"))
  }

  /// Events older than the API server's one-hour TTL are gone.
  @Test func eventsExpireAfterAnHour() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run web --image=nginx:1.27")
    _ = terminal.run("sleep 59m")
    #expect(terminal.run("kubectl get events").output.contains("Scheduled"))
    _ = terminal.run("sleep 2m")
    #expect(terminal.run("kubectl get events").output == "No resources found in default namespace.\n")
  }
}
