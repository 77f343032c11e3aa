import KubeSim
import Kubectl

/// What one command of a scenario printed, and whether that is what the lesson expects.
public struct StepResult: Sendable {
  public var step: Scenario.Step
  public var result: CommandResult
  /// The cluster right after the command (for the step-through player's pictures).
  public var clusterAfter: Cluster
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
  /// The cluster right after the block's last command.
  public var clusterAfter: Cluster

  /// Whether every step passed.
  public var passed: Bool { steps.allSatisfy(\.passed) }
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
  /// Runs every scenario of `lesson`.
  public static func run(_ lesson: Lesson) -> LessonResult {
    LessonResult(lesson: lesson, scenarios: execute(lesson, blocks: nil).results)
  }

  /// Runs the page in order — its `file=` blocks all, its scenario blocks up to `limit` (all
  /// when nil) — and returns the results with the terminal as they leave it (holding every
  /// file of the page).
  static func execute(_ lesson: Lesson, blocks limit: Int?) -> (results: [ScenarioResult], terminal: Terminal?) {
    var files = VirtualDirectory()
    var terminal: Terminal?
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
          terminal = Terminal(config: options.clusterConfig, files: files)
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
        results.append(ScenarioResult(scenario: scenario, steps: steps, clusterAfter: terminal!.cluster))
      }
    }
    return (results, terminal)
  }
}
