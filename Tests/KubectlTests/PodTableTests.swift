import KubeSim
import Testing

@testable import Kubectl

/// The STATUS, READY and RESTARTS rules of printPod (`docs/reference/kubectl-output.md` §3.1,
/// `docs/reference/controllers.md` §7.2).
@Suite struct PodTableTests {
  /// The pod's `kubectl get pods` row (`printPod`).
  static func row(_ pod: Pod, now: Timestamp) -> [String] { pod.row(now: now) }

  static let created = Timestamp(seconds: 1_700_000_000)

  func pod(_ statuses: [ContainerStatus], phase: PodPhase = .running) -> Pod {
    var metadata = ObjectMeta(name: "web", namespace: "default")
    metadata.creationTimestamp = Self.created
    var pod = Pod(
      metadata: metadata,
      spec: PodSpec(containers: statuses.map { Container(name: $0.name, image: "nginx:1.27") }))
    pod.status.phase = phase
    pod.status.containerStatuses = statuses
    return pod
  }

  func running(_ name: String, ready: Bool = true, restarts: Int = 0) -> ContainerStatus {
    var status = ContainerStatus(name: name, image: "nginx:1.27", state: .running(startedAt: Self.created))
    status.ready = ready
    status.restartCount = restarts
    return status
  }

  @Test func waitingReasonWins() {
    let row = Self.row(
      pod(
        [ContainerStatus(name: "a", image: "x", state: .waiting(reason: "ContainerCreating", message: nil))],
        phase: .pending),
      now: Self.created.adding(seconds: 3))
    #expect(row[1] == "0/1")
    #expect(row[2] == "ContainerCreating")
    #expect(row[4] == "3s")
  }

  @Test func theFirstContainerWithAStateWinsBecauseTheScanRunsBackwards() {
    let row = Self.row(
      pod([
        ContainerStatus(name: "a", image: "x", state: .waiting(reason: "ErrImagePull", message: nil)),
        ContainerStatus(name: "b", image: "x", state: .waiting(reason: "ContainerCreating", message: nil)),
      ]),
      now: Self.created)
    #expect(row[2] == "ErrImagePull")
    #expect(row[1] == "0/2")
  }

  @Test func readyRunningContainersAreCounted() {
    let row = Self.row(pod([running("a"), running("b", ready: false)]), now: Self.created)
    #expect(row[1] == "1/2")
    #expect(row[2] == "Running")
  }

  @Test func deletionShowsTerminatingUnlessFinished() {
    var terminating = pod([running("a")])
    terminating.metadata.deletionTimestamp = Self.created.adding(seconds: 30)
    #expect(Self.row(terminating, now: Self.created)[2] == "Terminating")
    var finished = terminating
    finished.status.phase = .succeeded
    finished.status.containerStatuses = [
      ContainerStatus(
        name: "a", image: "x",
        state: .terminated(exitCode: 0, reason: "Completed", startedAt: Self.created, finishedAt: Self.created))
    ]
    #expect(Self.row(finished, now: Self.created)[2] == "Completed")
  }

  @Test func restartsShowTheAgeOfTheLastTermination() {
    var crashed = ContainerStatus(
      name: "a", image: "x",
      state: .terminated(
        exitCode: 1, reason: "Error", startedAt: Self.created, finishedAt: Self.created.adding(seconds: 15)))
    crashed.restartCount = 2
    let row = Self.row(pod([crashed]), now: Self.created.adding(seconds: 60))
    #expect(row[2] == "Error")
    #expect(row[3] == "2 (45s ago)")
  }

  @Test func exitCodeWithoutReason() {
    let status = ContainerStatus(
      name: "a", image: "x",
      state: .terminated(exitCode: 137, reason: "", startedAt: Self.created, finishedAt: Self.created))
    #expect(Self.row(pod([status]), now: Self.created)[2] == "ExitCode:137")
  }

  @Test func completedWithAReadyContainerIsRunningOrNotReady() {
    let done = ContainerStatus(
      name: "a", image: "x",
      state: .terminated(exitCode: 0, reason: "Completed", startedAt: Self.created, finishedAt: Self.created))
    var mixed = pod([done, running("b")])
    #expect(Self.row(mixed, now: Self.created)[2] == "NotReady")
    mixed.status.conditions = [PodCondition(type: "Ready", status: .true, lastTransitionTime: Self.created)]
    #expect(Self.row(mixed, now: Self.created)[2] == "Running")
  }
}
