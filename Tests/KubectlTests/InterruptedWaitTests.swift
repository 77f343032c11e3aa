import KubeSim
import Testing

@testable import Kubectl

/// Ctrl-C in `kubebook shell`: a command that waits, run again with ``Cluster/interruptAt``,
/// prints exactly the part of its output that had appeared by then (the marks say when each
/// part appeared), leaves the cluster at that instant and exits 130 without the error a
/// timeout would print.
@Suite struct InterruptedWaitTests {
  func rollingOut() -> Terminal {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.26 --replicas=3")
    _ = terminal.run("kubectl rollout status deployment/web")
    _ = terminal.run("kubectl set image deployment/web nginx=nginx:1.27")
    return terminal
  }

  @Test func rolloutStatusStopsWhereInterrupted() throws {
    let before = rollingOut()
    var full = before
    let whole = full.run("kubectl rollout status deployment/web")
    #expect(whole.exitCode == 0)
    #expect(whole.output.hasSuffix("deployment \"web\" successfully rolled out\n"))
    let marks = whole.marks
    #expect(marks.count >= 3)
    #expect(marks.first?.offset == 0)
    #expect(zip(marks, marks.dropFirst()).allSatisfy { $0.offset < $1.offset && $0.time < $1.time })
    #expect(marks.last.map { $0.time <= full.cluster.now } == true)
    // Every line of the watch starts at a mark: interrupting just before a mark's instant
    // shows the output up to it, and nothing of it.
    let bytes = Array(whole.output.utf8)
    for mark in marks.dropFirst() {
      var cut = before
      let instant = mark.time.adding(milliseconds: -1)
      cut.cluster.interruptAt = instant
      let result = cut.run("kubectl rollout status deployment/web")
      #expect(result.exitCode == CommandResult.interruptedStatus)
      #expect(Array(result.output.utf8) == Array(bytes[..<mark.offset]))
      #expect(cut.cluster.now == instant)
      #expect(cut.cluster.wasInterrupted)
    }
    // An instant after the rollout finished interrupts nothing.
    var late = before
    late.cluster.interruptAt = full.cluster.now.adding(seconds: 60)
    #expect(late.run("kubectl rollout status deployment/web") == whole)
    #expect(!late.cluster.wasInterrupted)
  }

  @Test func watchRowsCarryTheirInstants() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx --replicas=2")
    let start = terminal.cluster.now
    let watch = terminal.run("kubectl get pods -w")
    #expect(watch.exitCode == 0)
    #expect(watch.marks.allSatisfy { $0.time >= start && $0.time <= terminal.cluster.now })
    // The first rows (the list) appear at once; the Running rows last, at the start-up instant.
    let lines = watch.output.split(separator: "\n")
    #expect(lines.count == 7)
    let firstMark = watch.marks.first { $0.offset > 0 }
    #expect(firstMark.map { $0.time > start } == true)
  }

  @Test func sleepStopsWhereInterrupted() {
    var terminal = Terminal()
    let start = terminal.cluster.now
    terminal.cluster.interruptAt = start.adding(seconds: 20)
    #expect(terminal.run("sleep 60") == CommandResult(output: "", exitCode: 130))
    #expect(terminal.cluster.now == start.adding(seconds: 20))
    terminal.cluster.interruptAt = nil
    #expect(terminal.run("sleep 60") == CommandResult())
    #expect(terminal.cluster.now == start.adding(seconds: 80))
  }

  @Test func waitForConditionDropsItsTimeoutError() {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx")
    let start = terminal.cluster.now
    terminal.cluster.interruptAt = start.adding(seconds: 2)
    let result = terminal.run("kubectl wait --for=condition=available deployment/web --timeout=60s")
    #expect(result == CommandResult(output: "", exitCode: 130))
    #expect(terminal.cluster.now == start.adding(seconds: 2))
  }
}
