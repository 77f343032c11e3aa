import KubeSim

/// A parsed `scenario` block: its options and the commands with their expected output.
public struct Scenario: Sendable, Equatable {
  /// One command and what it should print.
  public struct Step: Sendable, Equatable {
    /// The command as typed, continuation lines joined (without the heredoc).
    public var command: String
    /// The command's source lines as written (`$ ...` and `> ...` lines), for display.
    public var displayLines: [String]
    /// A heredoc's text, given to the command as standard input.
    public var stdin: String?
    /// The heredoc's source lines including the terminator, for display.
    public var heredocLines: [String]
    /// The expected exit status (`? N`, default 0).
    public var expectedStatus: Int32
    /// Whether the exit status was written explicitly.
    public var hasStatusLine: Bool
    /// The expected output lines (may contain `...` and `[..]`).
    public var expected: [String]
    /// The 0-based index within the block of the command's first line.
    public var commandIndex: Int
    /// The 0-based index of the `? N` line, or of where it would go.
    public var statusIndex: Int
    /// The 0-based index of the first expected-output line.
    public var expectedIndex: Int
  }

  /// Options from the info string.
  public var options: ScenarioOptions
  /// The commands, in order.
  public var steps: [Step]
  /// The 1-based file line of the opening fence.
  public var fenceLine: Int
  /// The number of lines between the fences (the block's content).
  public var contentLineCount: Int
  /// Whether a closing fence ends the block (false when it runs to the end of its container).
  public var hasClosingFence: Bool
}

/// What a scenario's info string asks for.
public struct ScenarioOptions: Sendable, Equatable {
  /// Start from a fresh cluster.
  public var fresh = false
  /// Worker nodes of a fresh cluster.
  public var nodes: Int?
  /// Seed of a fresh cluster.
  public var seed: UInt64?
  /// Run and check, but do not show.
  public var hidden = false
  /// Pictures asked for after the transcript (`show=tables,map,timeline` or `show=none`).
  public var pictures: [String] = []

  /// The picture names an author may ask for.
  public static let pictureNames: Set<String> = ["tables", "map", "timeline", "none"]

  /// Creates default options.
  public init() {}

  /// Reads the options from an info string, or explains what is wrong with them.
  public init(_ info: InfoString) throws(ScenarioSyntaxError) {
    for flag in info.flags {
      switch flag {
      case "new": fresh = true
      case "hidden": hidden = true
      default: throw ScenarioSyntaxError(offset: -1, message: "unknown scenario option \"\(flag)\"")
      }
    }
    for (key, value) in info.options {
      switch key {
      case "nodes":
        guard let count = Int(value), (1...1000).contains(count) else {
          throw ScenarioSyntaxError(
            offset: -1, message: "nodes=\(value): expected a number of worker nodes from 1 to 1000")
        }
        nodes = count
      case "seed":
        guard let number = UInt64(value) else {
          throw ScenarioSyntaxError(offset: -1, message: "seed=\(value): expected a non-negative integer")
        }
        seed = number
      case "show":
        pictures = value.split(separator: ",").map(String.init)
        if let unknown = pictures.first(where: { !Self.pictureNames.contains($0) }) {
          throw ScenarioSyntaxError(
            offset: -1, message: "show=\(value): unknown picture \"\(unknown)\" (tables, map, timeline or none)")
        }
      default:
        throw ScenarioSyntaxError(offset: -1, message: "unknown scenario option \"\(key)=\(value)\"")
      }
    }
  }

  /// The configuration of a fresh cluster for these options, over the course's `defaults`.
  public func clusterConfig(defaults: ClusterConfig = ClusterConfig()) -> ClusterConfig {
    var config = defaults
    if let nodes { config.workers = nodes }
    if let seed { config.seed = seed }
    return config
  }
}

/// A scenario that does not follow the syntax; `offset` is the 0-based line within the
/// block (-1 for the fence line).
public struct ScenarioSyntaxError: Error, Sendable, Equatable {
  public var offset: Int
  public var message: String
}
