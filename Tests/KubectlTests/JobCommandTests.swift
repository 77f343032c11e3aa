import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// Jobs (`docs/reference/controllers.md` §4.2, `docs/reference/kubectl-output.md` §3.7): the generator against the real
/// kubectl, parallelism and completions, the back-off limit with its doubling delay, the
/// printer's columns, `kubectl wait`.
@Suite struct JobCommandTests {
  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "create job my-job --image=busybox --dry-run=client -o yaml",
      "create job my-job --image=busybox --dry-run=client -o yaml -- echo hello",
      "create job my-job --image=busybox --dry-run=client -o json -- sh -c 'echo hi'",
      "create job my-job --image=busybox --dry-run=client",
    ])
  func createJobMatchesRealKubectl(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  static func manifest(completions: Int, parallelism: Int, script: String, backoffLimit: Int = 6) -> String {
    """
    apiVersion: batch/v1
    kind: Job
    metadata: {name: work}
    spec:
      completions: \(completions)
      parallelism: \(parallelism)
      backoffLimit: \(backoffLimit)
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: work
            image: busybox:1.36
            command: ["sh", "-c", "\(script)"]
    """
  }

  /// Never more than `parallelism` pods at once; exactly `completions` successes; the table's
  /// STATUS, COMPLETIONS and DURATION as §3.7 describes them.
  @Test(arguments: [(5, 2), (3, 3), (4, 1)])
  func parallelismAndCompletions(completions: Int, parallelism: Int) {
    var terminal = Terminal()
    terminal.files.files["job.yaml"] = Self.manifest(
      completions: completions, parallelism: parallelism, script: "sleep 5")
    #expect(terminal.run("kubectl apply -f job.yaml").output == "job.batch/work created\n")
    var finished = false
    for _ in 0..<200 where !finished {
      let running = terminal.cluster.listPods(namespace: "default").filter {
        !$0.status.phase.isTerminal
      }
      #expect(running.count <= parallelism)
      finished = terminal.cluster.jobs["default/work"]?.status.isFinished ?? false
      _ = terminal.run("sleep 1")
    }
    #expect(finished)
    let pods = terminal.cluster.listPods(namespace: "default")
    #expect(pods.count == completions)
    #expect(pods.allSatisfy { $0.status.phase == .succeeded && $0.metadata.finalizers.isEmpty })
    let row = terminal.run("kubectl get jobs").output.split(separator: "\n")[1].split(separator: " ")
    #expect(Array(row.prefix(3)) == ["work", "Complete", "\(completions)/\(completions)"])
  }

  /// `backoffLimit: 2` allows three failures; replacements wait 10 s, then 20 s, after the
  /// previous failure; the Job ends Failed with BackoffLimitExceeded.
  @Test func backoffLimitAndDelay() throws {
    var terminal = Terminal()
    terminal.files.files["job.yaml"] = Self.manifest(completions: 1, parallelism: 1, script: "exit 1", backoffLimit: 2)
    _ = terminal.run("kubectl apply -f job.yaml")
    _ = terminal.run("sleep 120")
    let job = try #require(terminal.cluster.jobs["default/work"])
    #expect(job.status.failed == 3)
    #expect(job.status.conditions.map(\.type) == ["FailureTarget", "Failed"])
    #expect(job.status.conditions.last?.reason == "BackoffLimitExceeded")
    #expect(job.status.conditions.last?.message == "Job has reached the specified backoff limit")
    let starts = terminal.cluster.listPods(namespace: "default").map(\.metadata.creationTimestamp.milliseconds).sorted()
    #expect(starts.count == 3)
    let finishes = terminal.cluster.listPods(namespace: "default").compactMap { pod -> Int64? in
      if case .terminated(_, _, _, let finished) = pod.status.containerStatuses.first?.state {
        return finished.milliseconds
      }
      return nil
    }.sorted()
    #expect(starts[1] - finishes[0] >= 10_000 && starts[1] - finishes[0] < 11_000)
    #expect(starts[2] - finishes[1] >= 20_000 && starts[2] - finishes[1] < 21_000)
    #expect(terminal.run("kubectl get jobs").output.contains("work   Failed   0/1"))
  }

  @Test func waitAndValidation() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create job hello --image=busybox -- echo hi")
    #expect(terminal.run("kubectl wait --for=condition=complete job/hello").output == "job.batch/hello condition met\n")
    terminal.files.files["long.yaml"] = Self.manifest(completions: 1, parallelism: 1, script: "sleep 600")
    _ = terminal.run("kubectl apply -f long.yaml")
    let timedOut = terminal.run("kubectl wait --for=condition=complete job/work --timeout=10s")
    #expect(timedOut.output == "error: timed out waiting for the condition on jobs/work\n")
    #expect(timedOut.exitCode == 1)
    terminal.files.files["bad.yaml"] = """
      apiVersion: batch/v1
      kind: Job
      metadata: {name: bad}
      spec:
        template:
          spec:
            containers: [{name: c, image: busybox}]
      """
    #expect(
      terminal.run("kubectl apply -f bad.yaml").output
        == "The Job \"bad\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"\n"
    )
  }
}

/// `kubectl create job NAME --from=cronjob/NAME` (`createJobFromCronJob` and `Validate` in
/// kubectl `pkg/cmd/create/create_job.go` v0.32.4).
@Suite struct CreateJobFromCronJobTests {
  @Test func jobFromTheCronJobsTemplate() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create cronjob hello --image=busybox:1.28 --schedule=\"*/5 * * * *\" -- echo hi")
    #expect(terminal.run("kubectl create job manual --from=cronjob/hello").output == "job.batch/manual created\n")
    let job = terminal.run("kubectl get job manual -o json").output
    #expect(job.contains("\"cronjob.kubernetes.io/instantiate\": \"manual\""))
    let owner = terminal.run(
      "kubectl get job manual -o jsonpath={.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name}/{.metadata.ownerReferences[0].controller}"
    )
    #expect(owner.output == "CronJob/hello/true")
    // Not NewControllerRef: no blockOwnerDeletion.
    #expect(!job.contains("blockOwnerDeletion"))
    #expect(
      terminal.run("kubectl get job manual -o jsonpath={.spec.template.spec.containers[0].command}").output
        == "[\"echo\",\"hi\"]")
    let dryRun = terminal.run("kubectl create job again --from=cronjob/hello --dry-run=client -o yaml").output
    #expect(
      dryRun.hasPrefix(
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  annotations:\n    cronjob.kubernetes.io/instantiate: manual\n  creationTimestamp: null\n  name: again\n"
      ))
    #expect(terminal.run("kubectl get job again").exitCode == 1)
  }

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: ["create job x --from=cronjob/hello -- echo", "create job x --from=cronjob/hello --image=busybox"])
  func validationMatchesTheRealBinary(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  @Test(arguments: [
    ("kubectl create job x --from=cronjob/nope", "Error from server (NotFound): cronjobs.batch \"nope\" not found\n"),
    ("kubectl create job x --from=cronjob/hello -- echo", "error: cannot specify --from and command\n"),
    (
      "kubectl create job x --from=cronjob/hello --image=busybox", "error: either --image or --from must be specified\n"
    ),
    ("kubectl create job x --from=deployment/web", "error: unknown object type *v1.Deployment\n"),
  ])
  func errors(line: String, message: String) {
    var terminal = Terminal()
    _ = terminal.run("kubectl create cronjob hello --image=busybox:1.28 --schedule=\"*/5 * * * *\"")
    _ = terminal.run("kubectl create deployment web --image=nginx:1.27")
    let result = terminal.run(line)
    #expect(result.output == message)
    #expect(result.exitCode == 1)
  }
}
