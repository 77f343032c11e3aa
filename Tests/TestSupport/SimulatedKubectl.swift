import KubeSim
import Kubectl
import Testing

/// Our kubectl, driven by command lines as a test types them (`kubectl get pods`).
public enum SimulatedKubectl {
  /// Runs one `kubectl ...` line on `cluster`, with `files` as the working directory and
  /// `stdin` as its standard input. A line the shell cannot split, or one that does not
  /// start with `kubectl` (`sleep` and `sim` need a ``Terminal``), is a test bug: it is
  /// recorded as an issue and yields an empty result with status 2.
  public static func run(
    _ line: String, stdin: String? = nil, cluster: inout Cluster, files: VirtualDirectory = VirtualDirectory(),
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> CommandResult {
    let words: [String]
    do { words = try ShellWords.split(line) } catch {
      Issue.record("cannot split \(line): \(error.message)", sourceLocation: sourceLocation)
      return CommandResult(exitCode: 2)
    }
    guard words.first == "kubectl" else {
      Issue.record("not a kubectl command line: \(line)", sourceLocation: sourceLocation)
      return CommandResult(exitCode: 2)
    }
    return Kubectl.run(Array(words.dropFirst()), stdin: stdin, cluster: &cluster, files: files)
  }

  /// A fresh cluster on which `lines` have run, in order, their output discarded.
  public static func cluster(after lines: [String], files: VirtualDirectory = VirtualDirectory()) -> Cluster {
    var cluster = Cluster()
    for line in lines { _ = run(line, cluster: &cluster, files: files) }
    return cluster
  }
}
