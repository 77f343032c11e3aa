import KubeSim
import Kubectl

/// Tab completion in `kubebook shell`: the shell's own commands, the `sim` commands with
/// the names they take, and `kubectl` lines through ``KubectlCompletion``.
enum ShellCompletion {
  /// The commands a shell line can start with.
  static let commands = ["clock", "exit", "help", "kubectl", "sim", "sleep"]

  /// The `sim` command words, by the words before them.
  static let simWords: [String: [String]] = [
    "": ["image", "load", "node", "pod"],
    "image": ["missing"],
    "node": ["add", "fail", "recover"],
    "pod": ["crash"],
  ]

  /// The words that can replace the last word of `line` (the text before the cursor):
  /// sorted, each a whole word. Nothing inside a heredoc's body or an unfinished quote.
  static func candidates(for line: String, terminal: Terminal, inHeredoc: Bool) -> [String] {
    guard !inHeredoc, !line.contains("\""), !line.contains("'") else { return [] }
    var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    let partial = line.last.map { $0 == " " || $0 == "\t" } ?? true ? "" : words.removeLast()
    guard let first = words.first else { return commands.filter { $0.hasPrefix(partial) } }
    let rest = Array(words.dropFirst())
    let offered: [String]
    switch first {
    case "kubectl":
      return KubectlCompletion.candidates(
        after: rest, partial: partial, cluster: terminal.cluster, files: terminal.files,
        defaultNamespace: terminal.kubeconfig.namespace ?? "default", kubeconfig: terminal.kubeconfig)
    case "sim":
      offered = simCandidates(after: rest, cluster: terminal.cluster)
    default:
      offered = []
    }
    return offered.filter { $0.hasPrefix(partial) }.sorted()
  }

  static func simCandidates(after words: [String], cluster: Cluster) -> [String] {
    if words == ["load"] {
      return cluster.deployments.values.filter { $0.metadata.namespace == "default" }
        .map { "deployment/" + $0.metadata.name }
    }
    if words.count < 2, let offered = simWords[words.first ?? ""] { return offered }
    guard words.count == 2 else { return [] }
    switch (words[0], words[1]) {
    case ("node", "fail"), ("node", "recover"):
      return cluster.sortedNodes.map(\.metadata.name)
    case ("pod", "crash"):
      return cluster.pods.values.filter { $0.metadata.namespace == "default" }.map(\.metadata.name)
    default:
      return []
    }
  }
}
