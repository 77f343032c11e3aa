import Testing

@testable import Kubectl

/// What a command line is, read once when the terminal splits it: the site draws a timeline
/// after commands that wait and highlights YAML and JSON output.
@Suite struct CommandShapeTests {
  func shape(_ line: String) throws -> CommandShape {
    CommandShape(try ShellWords.split(line))
  }

  @Test(arguments: [
    ("kubectl get deploy web -o yaml", CommandShape.Format.yaml),
    ("kubectl get pods -oyaml", .yaml),
    ("kubectl create deployment x --image=y --dry-run=client --output=json", .json),
    ("kubectl get pods -o=json", .json),
  ])
  func structuredOutput(command: String, format: CommandShape.Format) throws {
    #expect(try shape(command).format == format)
  }

  @Test(arguments: ["kubectl get pods -o wide", "kubectl get pods", "kubectl logs yaml-writer", "echo -o"])
  func tablesAndText(command: String) throws {
    #expect(try shape(command).format == nil)
  }

  @Test(arguments: [
    ("kubectl rollout status deployment/web", true), ("sleep 30", true), ("kubectl get pods -w", true),
    ("kubectl get pods --watch", true), ("kubectl wait --for=condition=Ready pod/web", true),
    ("kubectl get pods", false), ("kubectl rollout undo deployment/web", false),
    ("kubectl scale deploy/web --replicas=2", false),
  ])
  func waitingCommands(command: String, waits: Bool) throws {
    #expect(try shape(command).waits == waits)
  }

  /// The terminal hands the shape over with the result, from the words it ran (quotes and
  /// all), so nothing splits the line again.
  @Test func theTerminalReportsTheShapeOfWhatItRan() {
    var terminal = Terminal()
    #expect(terminal.run("kubectl get pods -o 'yaml'").shape.format == .yaml)
    #expect(terminal.run("sleep 1").shape.waits)
    #expect(terminal.run("kubectl get pods").shape == CommandShape())
  }
}
