import Foundation
import KubeSim
import Kubectl
import Testing

/// The real kubectl binary, when installed: ground truth for client-side output.
public enum RealKubectl {
  /// Where the binary is, or nil when this machine has none.
  public static var path: String? {
    ["/usr/bin/kubectl", "/usr/local/bin/kubectl"].first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  /// Runs kubectl (never against a cluster: no kubeconfig) and returns its standard output
  /// and exit status.
  public static func run(_ arguments: [String]) throws -> (output: String, status: Int32) {
    try run(arguments, standardError: FileHandle.nullDevice)
  }

  /// Like ``run(_:)``, with standard error appended to standard output (kubectl's errors).
  public static func runCombined(_ arguments: [String]) throws -> (output: String, status: Int32) {
    try run(arguments, standardError: nil)
  }

  /// Runs kubectl on the kubeconfig file at `kubeconfig` (for `kubectl config ...`), standard
  /// error appended to standard output, inside a network namespace of its own (`unshare -n`)
  /// so that the file's server address can never be reached.
  /// Relative paths are `directory`'s when given.
  public static func runCombined(_ arguments: [String], kubeconfig: String, in directory: URL? = nil) throws -> (
    output: String, status: Int32
  ) {
    try run(
      ["-n", path ?? "/usr/bin/kubectl"] + arguments, standardError: nil, executable: "/usr/bin/unshare",
      kubeconfig: kubeconfig, directory: directory)
  }

  /// Like ``runCombined(_:)``, run in `directory` (for relative `-f` paths).
  public static func runCombined(_ arguments: [String], in directory: URL) throws -> (output: String, status: Int32) {
    try run(arguments, standardError: nil, directory: directory)
  }

  /// Expects our kubectl, on a fresh cluster, to print what the real one prints (standard
  /// output and error together) for `command`, and to exit with its status.
  public static func expectSameOutput(_ command: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let (ours, real, _) = try compare(command, withErrors: true)
    #expect(ours.output == real.output, sourceLocation: sourceLocation)
    #expect(ours.exitCode == real.status, sourceLocation: sourceLocation)
  }

  /// Expects our kubectl, on a fresh cluster, and the real one, both in a directory holding
  /// `files`, to print the same (standard output and error together) and exit alike.
  public static func expectSameOutput(
    _ arguments: [String], files: [String: String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let directory = try TemporaryDirectory.create("kubebook-real-kubectl")
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, text) in files {
      try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }
    let real = try runCombined(arguments, in: directory)
    var cluster = Cluster()
    let ours = Kubectl.run(arguments, cluster: &cluster, files: VirtualDirectory(files: files))
    #expect(ours.output == real.output, sourceLocation: sourceLocation)
    #expect(ours.exitCode == real.status, sourceLocation: sourceLocation)
  }

  /// Runs `command` (kubectl's arguments, without `kubectl`) in our kubectl on a fresh
  /// cluster and in the real binary: our result, the real output (with standard error when
  /// `withErrors`) and status, and our cluster afterwards.
  public static func compare(
    _ command: String, withErrors: Bool = false
  ) throws -> (ours: CommandResult, real: (output: String, status: Int32), cluster: Cluster) {
    let words = try ShellWords.split(command)
    var cluster = Cluster()
    let ours = Kubectl.run(words, cluster: &cluster, files: VirtualDirectory())
    let real = try withErrors ? runCombined(words) : run(words)
    return (ours, real, cluster)
  }

  /// Runs kubectl with no kubeconfig; its standard error goes to `standardError`, or, when
  /// that is nil, into the standard output it returns.
  private static func run(
    _ arguments: [String], standardError: FileHandle?, executable: String? = nil, kubeconfig: String = "/dev/null",
    directory: URL? = nil
  ) throws -> (output: String, status: Int32) {
    let process = Process()
    if let directory { process.currentDirectoryURL = directory }
    process.executableURL = URL(fileURLWithPath: executable ?? path ?? "/usr/bin/kubectl")
    process.arguments = arguments
    process.environment = ["KUBECONFIG": kubeconfig, "PATH": "/usr/bin:/bin"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = standardError ?? pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
  }
}
