import KubeSim
import Kubectl

/// How `kubebook shell` replays a command that waited (`get -w`, `rollout status`,
/// `sleep`) on a terminal: its output in pieces, each after a real-time pause that stands
/// for the virtual time between them (``virtualSecondsPerSecond`` times faster, no pause
/// longer than ``longestPause``), and which virtual instant a Ctrl-C during a pause means.
public struct WaitPlayback: Sendable, Equatable {
  /// One piece of output and the pause before it.
  public struct Step: Sendable, Equatable {
    /// The real seconds to wait before printing.
    public var pause: Double
    /// The virtual instant the pause starts at.
    public var from: Timestamp
    /// The virtual instant the output appeared at (the pause's end).
    public var to: Timestamp
    /// The output's UTF-8 byte range.
    public var bytes: Range<Int>
  }

  /// The pieces in order; the first has no pause.
  public private(set) var steps: [Step] = []

  /// How many virtual seconds pass in a real second.
  public var virtualSecondsPerSecond: Double
  /// The longest real pause, in seconds.
  public var longestPause: Double

  /// Plans the replay of `byteCount` bytes of output printed from `start` to `end` with `marks`.
  public init(
    byteCount: Int, marks: [OutputMark], start: Timestamp, end: Timestamp, virtualSecondsPerSecond: Double = 10,
    longestPause: Double = 2
  ) {
    self.virtualSecondsPerSecond = virtualSecondsPerSecond
    self.longestPause = longestPause
    var boundaries = marks.filter { $0.offset <= byteCount && $0.time >= start }
    if boundaries.first?.offset != 0 { boundaries.insert(OutputMark(offset: 0, time: start), at: 0) }
    boundaries.append(OutputMark(offset: byteCount, time: max(end, boundaries.last?.time ?? start)))
    var previous = start
    for (index, mark) in boundaries.enumerated() {
      let upper = index + 1 < boundaries.count ? boundaries[index + 1].offset : byteCount
      guard index + 1 < boundaries.count || mark.time > previous else { break }
      steps.append(
        Step(
          pause: pause(from: previous, to: mark.time), from: previous, to: mark.time,
          bytes: mark.offset..<max(upper, mark.offset)
        ))
      previous = mark.time
    }
  }

  /// The real pause that stands for the virtual time from `from` to `to`.
  func pause(from: Timestamp, to: Timestamp) -> Double {
    guard virtualSecondsPerSecond > 0 else { return 0 }
    let seconds = Double(to.milliseconds - from.milliseconds) / 1000 / virtualSecondsPerSecond
    return min(max(seconds, 0), longestPause)
  }

  /// The virtual instant that `elapsed` real seconds into `step`'s pause stand for: always
  /// before the step's output appeared, so what was printed is exactly what a stop there shows.
  public static func instant(in step: Step, elapsed: Double) -> Timestamp {
    let span = step.to.milliseconds - step.from.milliseconds
    guard span > 0, step.pause > 0 else { return step.from }
    let fraction = min(max(elapsed / step.pause, 0), 1)
    let offset = min(Int64((Double(span) * fraction).rounded(.down)), span - 1)
    return step.from.adding(milliseconds: offset)
  }
}
