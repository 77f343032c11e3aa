import Foundation
import Testing

/// `kubebook shell` on a real terminal (tmux): Tab completion, history with ↑ and Ctrl-R,
/// Ctrl-C that stops a wait and keeps the shell, `--from` in the state `kubebook run`
/// reaches, and bad input answered with an error, never a crash.
@Suite(.serialized) struct ShellTerminalTests {
  let cli = CommandLineTests()

  static let lesson = """
    # Shell

    ```scenario
    $ kubectl create deployment web --image=nginx:1.27 --replicas=2
    deployment.apps/web created
    $ sleep 20
    ```

    ```scenario
    $ kubectl scale deployment web --replicas=3
    deployment.apps/web scaled
    ```

    """

  func course() throws -> URL {
    try cli.course(["SUMMARY.md": "# 课程\n\n- [Shell](shell.md)\n", "shell.md": Self.lesson])
  }

  @Test func completionAndHistory() throws {
    let root = try course()
    defer { try? FileManager.default.removeItem(at: root) }
    let terminal = try TmuxTerminal(["shell", "--speed", "0"], in: root)
    try terminal.wait(forText: "Type help")
    try terminal.enter("kubectl create deployment web --image=nginx", thenWaitFor: "deployment.apps/web created")
    // Tab completes a command, a resource type and an object's name, each followed by a
    // space (capture-pane drops trailing spaces, so the next word is typed without one).
    // Like a person, the test looks at each completion before it types on.
    try terminal.complete("kubec", expecting: "$ kubectl")
    try terminal.complete("get dep", expecting: "$ kubectl get deployments")
    try terminal.complete("w", expecting: "$ kubectl get deployments web")
    try terminal.type("-o name")
    try terminal.wait(forText: "$ kubectl get deployments web -o name")
    try terminal.press("Enter")
    try terminal.wait(forText: "\ndeployment.apps/web\n$")
    try terminal.complete("kubectl rollout status dep", expecting: "$ kubectl rollout status deployment/")
    try terminal.complete("w", expecting: "$ kubectl rollout status deployment/web")
    try terminal.press("Enter")
    try terminal.wait(forText: "deployment \"web\" successfully rolled out")
    // ↑ brings the last command back; Ctrl-C abandons it.
    try terminal.press("Up")
    try terminal.wait(for: "the last command on the prompt") {
      $0.hasSuffix("$ kubectl rollout status deployment/web ")
        || $0.hasSuffix("$ kubectl rollout status deployment/web")
    }
    try terminal.press("C-c")
    try terminal.wait(for: "an empty prompt after Ctrl-C") { $0.hasSuffix("\n$") || $0.hasSuffix("\n$ ") }
    // Ctrl-R finds an earlier command by a piece of it; Enter runs it again.
    try terminal.press("C-r")
    try terminal.type("get dep")
    try terminal.press("Enter")
    try terminal.wait(forText: "\ndeployment.apps/web\n$", count: 2)
    try terminal.enter("exit", thenWaitFor: "[exit 0]")
  }

  /// A wait to interrupt: the command, what it prints first, and what only its end prints.
  struct Wait: Sendable, CustomStringConvertible {
    let command: String
    let first: String
    let last: String
    var description: String { command }
  }

  static let waits = [
    Wait(
      command: "kubectl rollout status deployment/web",
      first: "Waiting for deployment \"web\" rollout to finish", last: "successfully rolled out"),
    Wait(command: "kubectl get pods -w", first: "NAME ", last: "Running"),
  ]

  @Test(arguments: waits) func ctrlCStopsAWaitAndKeepsTheShell(wait: Wait) throws {
    let root = try course()
    defer { try? FileManager.default.removeItem(at: root) }
    // Where the clock is when the whole wait has run, from a piped session.
    let create = "kubectl create deployment web --image=nginx --replicas=3"
    let piped = try cli.kubebook(["shell"], in: root, stdin: "\(create)\n\(wait.command)\nclock\n")
    #expect(piped.stdout.contains(wait.last))
    let finished = try #require(piped.stdout.split(separator: "\n").last { $0.hasPrefix("2025-") })
    // One virtual second per real second: the wait takes seconds of real time.
    let terminal = try TmuxTerminal(["shell", "--speed", "1"], in: root)
    try terminal.wait(forText: "Type help")
    try terminal.enter(create, thenWaitFor: "deployment.apps/web created")
    try terminal.enter(wait.command, thenWaitFor: wait.first)
    try terminal.press("C-c")
    try terminal.wait(for: "the prompt after Ctrl-C") { $0.hasSuffix("\n$") || $0.hasSuffix("\n$ ") }
    try terminal.type("clock")
    try terminal.press("Enter")
    let screen = try terminal.wait(for: "the clock") { $0.contains("\n2025-") }
    let stopped = try #require(screen.split(separator: "\n").last { $0.hasPrefix("2025-") })
    #expect(stopped < finished, "Ctrl-C left the cluster at \(stopped), before the wait ends at \(finished)")
    #expect(!screen.contains(wait.last))
    #expect(!screen.contains("error"))
    // The shell goes on: the next command runs.
    try terminal.enter("kubectl get deployments", thenWaitFor: "NAME   READY   UP-TO-DATE   AVAILABLE   AGE")
    try terminal.enter("exit", thenWaitFor: "[exit 0]")
  }

  @Test func fromStartsWhereRunLeavesTheCluster() throws {
    let root = try course()
    defer { try? FileManager.default.removeItem(at: root) }
    let next = "kubectl get pods -o wide"
    let piped = try cli.kubebook(["shell", "--from", "content/shell.md#1"], in: root, stdin: next + "\n")
    let expected = piped.stdout.split(separator: "\n").dropFirst(2).dropLast().joined(separator: "\n")
    #expect(expected.contains("web-"))
    let terminal = try TmuxTerminal(["shell", "--from", "content/shell.md#1", "--speed", "0"], in: root)
    try terminal.wait(forText: "Type help")
    try terminal.type(next)
    try terminal.press("Enter")
    let screen = try terminal.wait(forText: "$ " + next + "\n" + expected + "\n$")
    #expect(screen.contains(expected))
    // The page's files and later blocks are not run: two pods, as after block 1.
    #expect(expected.split(separator: "\n").count == 3)
    try terminal.press("C-d")
    try terminal.wait(forText: "[exit 0]")
  }

  @Test func badInputIsAnError() throws {
    let root = try course()
    defer { try? FileManager.default.removeItem(at: root) }
    let terminal = try TmuxTerminal(["shell", "--speed", "0"], in: root)
    try terminal.wait(forText: "Type help")
    try terminal.type("kubectl nope")
    try terminal.press("Enter")
    // kubectl's own wording, capital E (cobra's), as the v1.32 binary prints it.
    try terminal.wait(forText: "Error: unknown command \"nope\" for \"kubectl\"")
    try terminal.enter("kubectl get pods \"app", thenWaitFor: "sh: 1: Syntax error: ")
    try terminal.enter("helm install x", thenWaitFor: "sh: 1: helm: not found")
    // End of input inside a heredoc: the error, and exit status 2.
    try terminal.type("kubectl apply -f - <<EOF")
    try terminal.press("Enter")
    try terminal.type("kind: Pod")
    try terminal.press("Enter")
    try terminal.press("C-d")
    try terminal.wait(forText: "[exit 2]")
    let screen = try terminal.screen()
    #expect(screen.contains("kubebook shell: error: here-document ended by end of input (wanted \"EOF\")"))
  }
}
