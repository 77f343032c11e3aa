import KubeSim

/// The table of every kubectl command and flag and whether kubebook simulates it
/// (`guide/kubectl-coverage.md`), generated from kubectl's own command tree
/// (``KubectlCommandTree``) by asking kubebook's kubectl: a command is refused when running it
/// says "kubebook does not simulate" it, and a flag when the parser names it as not simulated.
/// Nothing in the table is written by hand, so it cannot drift from what kubebook does.
public enum KubectlCoverage {
  /// How far kubebook carries out one command.
  struct Entry {
    var path: String
    /// Why the command is refused, or nil when kubebook runs it.
    var refusal: String?
    var simulatedFlags: [KubectlCommandTree.Flag]
    var unsimulatedFlags: [KubectlCommandTree.Flag]
  }

  /// The coverage of every command but the root, in kubectl's help order.
  static func entries(on base: Cluster = Cluster()) -> [Entry] {
    return KubectlCommandTree.commands.filter { !$0.path.isEmpty }.map { command in
      let words = command.path.split(separator: " ").map(String.init)
      let refusal = refusal(of: run(words, on: base), path: command.path)
      var entry = Entry(path: command.path, refusal: refusal, simulatedFlags: [], unsimulatedFlags: [])
      guard refusal == nil else { return entry }
      for flag in command.flags {
        let probe = words + ["--\(flag.name)=\(flag.isBoolean ? "true" : "1")"]
        if run(probe, on: base).contains("does not simulate the --\(flag.name) flag") {
          entry.unsimulatedFlags.append(flag)
        } else {
          entry.simulatedFlags.append(flag)
        }
      }
      return entry
    }
  }

  /// The global flags kubebook accepts on every command, and those it does not simulate.
  static func globalFlags(on base: Cluster = Cluster()) -> (
    simulated: [KubectlCommandTree.Flag], unsimulated: [KubectlCommandTree.Flag]
  ) {
    var result: (simulated: [KubectlCommandTree.Flag], unsimulated: [KubectlCommandTree.Flag]) = ([], [])
    for flag in KubectlCommandTree.globalFlags {
      let output = run(["version", "--client", "--\(flag.name)=\(flag.isBoolean ? "true" : "1")"], on: base)
      if output.contains("does not simulate the --\(flag.name) flag") {
        result.unsimulated.append(flag)
      } else {
        result.simulated.append(flag)
      }
    }
    return result
  }

  /// The Markdown page: a summary, then one row per command.
  public static func markdown() -> String {
    // One booted cluster, copied for every probe.
    let base = Cluster()
    let entries = entries(on: base)
    let global = globalFlags(on: base)
    let simulated = entries.filter { $0.refusal == nil }
    let complete = simulated.filter(\.unsimulatedFlags.isEmpty)
    var text = """
      # kubectl coverage

      What kubebook's simulated kubectl does with each command and flag of kubectl v1.32. The
      table is generated from kubectl's own help texts (captured from the binary by
      `scripts/capture-kubectl-help`) by running each command and flag in kubebook; the test
      `KubectlCoverageTests` fails when it is out of date, and
      `KUBEBOOK_WRITE_COVERAGE=1 swift test --filter KubectlCoverageTests` rewrites it.

      - **simulated**: kubebook runs the command and accepts every flag kubectl has for it.
      - **partly**: kubebook runs the command; the flags in the last column are refused with
        "kubebook does not simulate the --FLAG flag", never silently ignored.
      - **not simulated**: the command says so, with the reason in the table.

      A flag kubebook accepts is parsed as kubectl parses it; how faithfully each one acts is
      described by the tests in `Tests/KubectlTests`.

      \(simulated.count) of \(entries.count) commands run (\(complete.count) with all their flags).


      """
    text += "| Command | Status | Flags kubebook does not simulate |\n|---|---|---|\n"
    for entry in entries {
      let status: String
      let flags: String
      if let refusal = entry.refusal {
        status = "not simulated: " + escaped(refusal)
        flags = ""
      } else if entry.unsimulatedFlags.isEmpty {
        status = "simulated"
        flags = ""
      } else {
        status =
          "partly (\(entry.simulatedFlags.count) of \(entry.simulatedFlags.count + entry.unsimulatedFlags.count) flags)"
        flags = entry.unsimulatedFlags.map { "`--\($0.name)`" }.joined(separator: ", ")
      }
      text += "| `kubectl \(entry.path)` | \(status) | \(flags) |\n"
    }
    text += "\n## Flags of every command\n\n"
    text += "Accepted: " + global.simulated.map { "`--\($0.name)`" }.joined(separator: ", ") + ".\n\n"
    text += "Not simulated: " + global.unsimulated.map { "`--\($0.name)`" }.joined(separator: ", ") + ".\n"
    return text
  }

  /// Runs kubectl with `words` on a copy of `cluster` and returns what it printed.
  private static func run(_ words: [String], on cluster: Cluster) -> String {
    var copy = cluster
    return Kubectl.run(words, cluster: &copy, files: VirtualDirectory()).output
  }

  /// The reason kubebook gives for not running the command at `path`, if it gives one.
  private static func refusal(of output: String, path: String) -> String? {
    guard let line = output.split(separator: "\n").first(where: { $0.contains("kubebook does not simulate") })
    else { return nil }
    // A refused flag is not a refused command.
    if line.contains(" flag of ") { return nil }
    return line.hasPrefix("error: ") ? String(line.dropFirst(7)) : String(line)
  }

  /// Text safe inside a Markdown table cell.
  private static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "|", with: "\\|")
  }
}
