import KubeSim
import Kubectl

/// What one command of a scenario printed, and whether that is what the lesson expects.
public struct StepResult: Sendable {
  public var step: Scenario.Step
  public var result: CommandResult
  /// The cluster right after the command (for the step-through player's pictures); nil in
  /// a result kept after its block was handed on (``LessonRunner/run(_:handing:)``).
  public var clusterAfter: Cluster?
  /// The ReplicaSets' counts while the command ran (for the rollout timeline); nil when
  /// it was not recorded.
  public var timeline: ReplicaTimeline?
  /// The virtual instant the command started at.
  public var startedAt: Timestamp

  /// The actual output split into lines (no trailing empty line).
  public var actualLines: [String] {
    var lines = result.output.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
      String(Substring($0))
    }
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// Whether the output matches the expected lines.
  public var outputMatches: Bool {
    OutputMatcher.matches(expected: step.expected, actual: actualLines)
  }

  /// Whether the exit status is the expected one.
  public var statusMatches: Bool { result.exitCode == step.expectedStatus }

  /// Whether the step passed.
  public var passed: Bool { statusMatches && outputMatches }
}

/// The outcome of one scenario block.
public struct ScenarioResult: Sendable {
  public var scenario: Scenario
  public var steps: [StepResult]
  /// The cluster right after the block's last command; nil in a result kept after the block
  /// was handed on (``LessonRunner/run(_:handing:)``).
  public var clusterAfter: Cluster?

  /// Whether every step passed.
  public var passed: Bool { steps.allSatisfy(\.passed) }

  /// The result without its clusters (what checking, blessing and reports read).
  var withoutClusters: ScenarioResult {
    var result = self
    result.clusterAfter = nil
    for index in result.steps.indices { result.steps[index].clusterAfter = nil }
    return result
  }
}

/// The outcome of running all scenarios of a lesson.
public struct LessonResult: Sendable {
  public var lesson: Lesson
  public var scenarios: [ScenarioResult]
}

/// Runs a lesson's scenarios in page order on one simulated cluster, as the contract says:
/// `file=` blocks fill the page's working directory; `new`, `nodes=` and `seed=` start a
/// fresh cluster.
public enum LessonRunner {
  /// Runs every scenario of `lesson`; the results keep the clusters after every command.
  public static func run(_ lesson: Lesson) -> LessonResult {
    LessonResult(lesson: lesson, scenarios: execute(lesson, blocks: nil).results)
  }

  /// Runs every scenario of `lesson`, handing each block's result, clusters included, to
  /// `each` as soon as the block ran; the result returned keeps the blocks without their
  /// clusters, so a page of many blocks holds one block's clusters at a time.
  public static func run(_ lesson: Lesson, handing each: (ScenarioResult) -> Void) -> LessonResult {
    withoutActuallyEscaping(each) { each in
      LessonResult(lesson: lesson, scenarios: execute(lesson, blocks: nil, handing: each).results)
    }
  }

  /// Runs the page in order — its `file=` blocks all, its scenario blocks up to `limit` (all
  /// when nil) — and returns the results with the terminal as they leave it (holding every
  /// file of the page). With `each`, every block's result goes to it and is kept without
  /// its clusters.
  static func execute(
    _ lesson: Lesson, blocks limit: Int?, handing each: ((ScenarioResult) -> Void)? = nil
  ) -> (results: [ScenarioResult], terminal: Terminal?) {
    var files = VirtualDirectory()
    var terminal: Terminal?
    var booted: (config: ClusterConfig, cluster: Cluster)?
    var results: [ScenarioResult] = []
    for item in lesson.items {
      switch item {
      case .file(let name, let contents, _):
        files.files[name] = contents
        terminal?.files = files
      case .scenario(let scenario):
        if let limit, results.count >= limit { continue }
        let options = scenario.options
        if terminal == nil || options.fresh || options.nodes != nil || options.seed != nil {
          // Booting costs more than most blocks: a fresh cluster like the last one booted is
          // a copy of it (a value, so nothing of the blocks that ran on it is shared).
          let config = options.clusterConfig(defaults: lesson.cluster)
          let cluster = booted.flatMap { $0.config == config ? $0.cluster : nil } ?? Cluster(config: config)
          booted = (config, cluster)
          terminal = Terminal(cluster: cluster, files: files)
        }
        var steps: [StepResult] = []
        for step in scenario.steps {
          let startedAt = terminal!.cluster.now
          terminal!.cluster.startReplicaTimeline()
          let result = terminal!.run(step.command, stdin: step.stdin)
          let timeline = terminal!.cluster.stopReplicaTimeline()
          steps.append(
            StepResult(
              step: step, result: result, clusterAfter: terminal!.cluster, timeline: timeline, startedAt: startedAt))
        }
        let result = ScenarioResult(scenario: scenario, steps: steps, clusterAfter: terminal!.cluster)
        if let each {
          each(result)
          results.append(result.withoutClusters)
        } else {
          results.append(result)
        }
      }
    }
    return (results, terminal)
  }
}
