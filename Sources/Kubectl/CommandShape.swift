/// What a command line is, read from its words once, where the terminal splits it to run it:
/// whether it waits on the cluster (so a rollout timeline belongs after it) and whether it
/// prints YAML or JSON (so its output is highlighted as such).
public struct CommandShape: Sendable, Equatable {
  /// A structured output format a command prints in.
  public enum Format: Sendable, Equatable {
    case yaml, json
  }

  /// `rollout status`, `wait`, `get -w` and `sleep`: commands that let virtual time pass.
  public var waits = false
  /// `-o yaml` or `-o json` (any spelling of the flag), else nil.
  public var format: Format?

  /// The shape of a command of `words` (the program first).
  public init(_ words: [String]) {
    waits = Self.waits(words)
    format = Self.format(words)
  }

  /// Creates the shape of a command that neither waits nor prints YAML or JSON.
  public init() {}

  static func waits(_ words: [String]) -> Bool {
    if words.first == "sleep" { return true }
    guard words.first == "kubectl" else { return false }
    let command = words.dropFirst()
    if command.prefix(2) == ["rollout", "status"] || command.first == "wait" { return true }
    return command.first == "get"
      && command.contains { $0 == "-w" || $0 == "--watch" || $0 == "--watch=true" || $0 == "--watch-only" }
  }

  static func format(_ words: [String]) -> Format? {
    guard words.first == "kubectl" else { return nil }
    for (index, word) in words.enumerated() {
      let value: Substring?
      switch word {
      case "-o", "--output": value = index + 1 < words.count ? Substring(words[index + 1]) : nil
      case _ where word.hasPrefix("--output="): value = word.dropFirst("--output=".count)
      case _ where word.hasPrefix("-o"): value = word.dropFirst(2).drop { $0 == "=" }
      default: value = nil
      }
      if value == "yaml" { return .yaml }
      if value == "json" { return .json }
    }
    return nil
  }
}
