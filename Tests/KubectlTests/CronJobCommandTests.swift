import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// CronJobs (`docs/reference/controllers.md` §4.3, `docs/reference/kubectl-output.md` §3.8): the generator against the real
/// kubectl, Job names by scheduled minute, history limits, concurrency policies, and the
/// bound on a long wait.
@Suite struct CronJobCommandTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "create cronjob my-cj --image=busybox --schedule=*/1_*_*_*_* --dry-run=client -o yaml",
      "create cronjob my-cj --image=busybox --schedule=*/1_*_*_*_* --dry-run=client -o yaml -- date",
      "create cronjob my-cj --image=busybox --schedule=@hourly --dry-run=client -o json -- echo hi",
      "create cronjob my-cj --image=busybox --schedule=*/1_*_*_*_* --dry-run=client",
    ])
  func createCronJobMatchesRealKubectl(command: String) throws {
    let words = command.split(separator: " ").map { $0.replacingOccurrences(of: "_", with: " ") }
    var cluster = Cluster()
    let ours = Kubectl.run(words, cluster: &cluster, files: VirtualDirectory())
    let real = try RealKubectl.runCombined(words)
    #expect(ours.output == real.output)
    #expect(ours.exitCode == real.status)
  }

  /// Every minute a Job named `<cronjob>-<minutes since the epoch>`; three successful Jobs
  /// kept; the table's SUSPEND, ACTIVE and LAST SCHEDULE.
  @Test func runsEveryMinuteAndKeepsThreeSuccesses() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create cronjob hello --image=busybox --schedule='*/1 * * * *' -- echo hi")
    _ = terminal.run("sleep 60")
    // 2025-03-03T09:01:00Z is 1740992460 s since the epoch: minute 29016541.
    #expect(terminal.cluster.jobs["default/hello-29016541"] != nil)
    #expect(
      terminal.run("kubectl get cj").output
        == "NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\nhello   */1 * * * *   <none>     False     1        0s              60s\n"
    )
    _ = terminal.run("sleep 300")
    let names = Job.list(in: terminal.cluster, namespace: "default").map(\.metadata.name)
    #expect(names == ["hello-29016543", "hello-29016544", "hello-29016545", "hello-29016546"])
    #expect(terminal.cluster.listPods(namespace: "default").count == 4)
    #expect(terminal.run("kubectl delete cronjob hello").output == "cronjob.batch \"hello\" deleted\n")
    _ = terminal.run("sleep 30")
    #expect(terminal.cluster.jobs.isEmpty)
    #expect(terminal.cluster.listPods(namespace: "default").isEmpty)
  }

  static func manifest(policy: String) -> String {
    """
    apiVersion: batch/v1
    kind: CronJob
    metadata: {name: slow}
    spec:
      schedule: "*/1 * * * *"
      concurrencyPolicy: \(policy)
      jobTemplate:
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - {name: slow, image: busybox, command: ["sleep", "150"]}
    """
  }

  /// A run that outlasts the interval: Allow overlaps, Forbid skips (JobAlreadyActive),
  /// Replace deletes the running Job.
  @Test(arguments: [("Allow", 3), ("Forbid", 1), ("Replace", 1)])
  func concurrencyPolicies(policy: String, maxActive: Int) throws {
    var terminal = Terminal()
    terminal.files.files["cj.yaml"] = Self.manifest(policy: policy)
    _ = terminal.run("kubectl apply -f cj.yaml")
    var seenMax = 0
    for _ in 0..<6 {
      _ = terminal.run("sleep 60")
      let cronJob = try #require(terminal.cluster.cronJobs["default/slow"])
      seenMax = max(seenMax, cronJob.status.active.count)
    }
    #expect(seenMax == maxActive)
    let events = terminal.run("kubectl get events").output
    #expect(events.contains("JobAlreadyActive") == (policy == "Forbid"))
    #expect(events.contains("Deleted job") == (policy == "Replace"))
  }

  /// A per-minute CronJob across ten years of virtual time ends promptly (the quiet cycles
  /// are skipped) with its history within the limits; beyond the per-command bound the sleep
  /// is refused, and a cluster that is never quiet stops at the step bound and says so.
  @Test func longWaitIsBounded() {
    var config = ClusterConfig()
    config.limits.maxTimeSteps = 3000
    var terminal = Terminal(config: config)
    _ = terminal.run("kubectl create cronjob hello --image=busybox --schedule='*/1 * * * *' -- echo hi")
    let decade = terminal.run("sleep 3650d")
    #expect(decade.exitCode == 0, "\(decade.output)")
    #expect(terminal.cluster.jobs.count <= 4)
    #expect(terminal.cluster.events.count < 1000)
    let tooLong = terminal.run("sleep 3661d")
    #expect(tooLong.exitCode != 0)
    #expect(tooLong.output.contains("advances virtual time by at most 3660 days per command"))
    _ = terminal.run("kubectl run spin --image=busybox -- sh -c 'sleep 1; exit 1'")
    let year = terminal.run("sleep 300d")
    #expect(year.exitCode != 0)
    #expect(year.output.contains("time steps in one command and was stopped"))
    #expect(terminal.cluster.jobs.count <= 4)
  }
}
