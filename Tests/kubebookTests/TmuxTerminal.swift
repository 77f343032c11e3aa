import Foundation
import TestSupport
import Testing

/// A real terminal for end-to-end tests of `kubebook shell`: a detached tmux session on its
/// own server socket, driven with `send-keys` and read with `capture-pane`.
final class TmuxTerminal {
  let socket = "kubebook-test-\(UUID().uuidString)"

  /// Starts `arguments` (the kubebook binary's) in `directory`; after the program ends the
  /// pane shows `[exit STATUS]`.
  init(_ arguments: [String], in directory: URL, width: Int = 200, height: Int = 60) throws {
    let command = ([CommandLineTests.binary.path] + arguments).map(Self.quoted).joined(separator: " ")
    // The server this starts lives on: it must not hold a pipe the test reads to its end.
    try tmux(
      [
        "new-session", "-d", "-x", String(width), "-y", String(height), "-c", directory.path,
        // Ctrl-C reaches the whole foreground group: the trap keeps `sh` alive to report.
        "sh -c 'trap : INT; \(command); echo \"[exit $?]\"; sleep 120'",
      ], capture: false)
  }

  deinit {
    _ = try? tmux(["kill-server"], capture: false)
  }

  static func quoted(_ word: String) -> String {
    word.allSatisfy { $0.isLetter || $0.isNumber || "-_./#=".contains($0) } ? word : "\"" + word + "\""
  }

  /// Runs tmux on this terminal's server and waits for it; returns what it printed if
  /// `capture`. Spawned directly with its output in a file: the server a `new-session` forks
  /// must hold no pipe of ours, and Foundation's `Process` was seen never to reap the client.
  @discardableResult
  func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
    let output = TemporaryDirectory.url(socket).appendingPathExtension("out")
    defer { try? FileManager.default.removeItem(at: output) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(
      &actions, 1, capture ? output.path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    SpawnActions.closeInherited(&actions)
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment.removeValue(forKey: "TMUX")
    let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
    let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid = pid_t()
    let spawned = posix_spawnp(&pid, "tmux", &actions, nil, argv, envp)
    guard spawned == 0 else { throw TmuxError(message: "cannot start tmux: error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    guard capture else { return "" }
    return String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
  }

  /// Types `text` as it is.
  func type(_ text: String) throws {
    try tmux(["send-keys", "-l", "--", text], capture: false)
  }

  /// Presses keys by tmux's names: `Enter`, `Tab`, `Up`, `C-c`, `C-r`, `C-d`.
  func press(_ keys: String...) throws {
    try tmux(["send-keys"] + keys, capture: false)
  }

  /// The pane's text with its scrollback, trailing blank lines removed.
  func screen() throws -> String {
    let text = try tmux(["capture-pane", "-p", "-S", "-500"])
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
    while lines.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// Waits up to `seconds` for `condition` to hold on the screen; records an issue with the
  /// screen if it never does.
  @discardableResult
  func wait(
    for what: String, seconds: Double = 20, sourceLocation: SourceLocation = #_sourceLocation,
    _ condition: (String) -> Bool
  ) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var text = try screen()
    while !condition(text) {
      if Date() > deadline {
        Issue.record("timed out waiting for \(what); the screen:\n\(text)", sourceLocation: sourceLocation)
        return text
      }
      usleep(50_000)
      text = try screen()
    }
    return text
  }

  /// Waits for `text` to appear on the screen `count` times.
  @discardableResult
  func wait(
    forText text: String, count: Int = 1, seconds: Double = 20, sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> String {
    try wait(for: "\"\(text)\"", seconds: seconds, sourceLocation: sourceLocation) {
      $0.components(separatedBy: text).count - 1 >= count
    }
  }

  /// Types `line`, presses Enter and waits for `text` on the screen.
  @discardableResult
  func enter(_ line: String, thenWaitFor text: String, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> String
  {
    try type(line)
    try press("Enter")
    return try wait(forText: text, sourceLocation: sourceLocation)
  }

  /// Types `text`, presses Tab and waits for the completion `completed` on the screen (as a
  /// person looks at each completion before typing on).
  func complete(_ text: String, expecting completed: String, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    try type(text)
    try press("Tab")
    try wait(forText: completed, sourceLocation: sourceLocation)
  }

  /// The last line on the screen.
  func lastLine() throws -> String {
    try screen().split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
  }
}

/// tmux could not be started.
struct TmuxError: Error {
  let message: String
}
