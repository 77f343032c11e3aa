import KubeSim
import Kubectl
import Testing

@testable import Course

/// How a waiting command's output is replayed on a terminal, and what a Ctrl-C during a
/// pause stands for.
@Suite struct WaitPlaybackTests {
  let start = Timestamp(seconds: 1_000)

  @Test func stepsFollowTheMarks() {
    let marks = [
      OutputMark(offset: 0, time: start), OutputMark(offset: 10, time: start.adding(seconds: 5)),
      OutputMark(offset: 25, time: start.adding(seconds: 65)),
    ]
    let playback = WaitPlayback(byteCount: 40, marks: marks, start: start, end: start.adding(seconds: 70))
    #expect(playback.steps.map(\.bytes) == [0..<10, 10..<25, 25..<40, 40..<40])
    // 10 virtual seconds a second; no pause longer than 2 s.
    #expect(playback.steps.map(\.pause) == [0, 0.5, 2, 0.5])
    #expect(
      playback.steps.map(\.to) == [
        start, start.adding(seconds: 5), start.adding(seconds: 65), start.adding(seconds: 70),
      ])
  }

  @Test func outputBeforeTheFirstMarkAppearsAtOnce() {
    let playback = WaitPlayback(
      byteCount: 12, marks: [OutputMark(offset: 4, time: start.adding(seconds: 1))], start: start,
      end: start.adding(seconds: 1),
      virtualSecondsPerSecond: 1)
    #expect(playback.steps.map(\.bytes) == [0..<4, 4..<12])
    #expect(playback.steps.map(\.pause) == [0, 1])
  }

  @Test func instantOfAnInterrupt() {
    let step = WaitPlayback.Step(pause: 2, from: start, to: start.adding(seconds: 60), bytes: 0..<1)
    #expect(WaitPlayback.instant(in: step, elapsed: 0) == start)
    #expect(WaitPlayback.instant(in: step, elapsed: 1) == start.adding(seconds: 30))
    // Never the instant the output appeared: what was printed is what the cut run prints.
    #expect(WaitPlayback.instant(in: step, elapsed: 2) == start.adding(milliseconds: 59_999))
    #expect(WaitPlayback.instant(in: step, elapsed: 5) == start.adding(milliseconds: 59_999))
  }

  @Test func noPausesAtSpeedZero() {
    let playback = WaitPlayback(
      byteCount: 3, marks: [], start: start, end: start.adding(seconds: 600), virtualSecondsPerSecond: 0)
    #expect(playback.steps.allSatisfy { $0.pause == 0 })
  }
}
