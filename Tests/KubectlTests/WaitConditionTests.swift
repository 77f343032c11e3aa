import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl wait --for=...`: the forms of kubectl v1.32's `conditionFuncFor`
/// (`pkg/cmd/wait/wait.go`), its errors compared with the real binary, and the checks of
/// `condition.go` and `json.go` on the simulated cluster.
@Suite struct WaitConditionTests {
  /// Errors kubectl gives before it asks the server anything.
  @Test(arguments: [
    "kubectl wait pod/x",
    "kubectl wait --for=foo pod/x",
    "kubectl wait --for=jsonpath={.a}=1=2 pod/x",
    "kubectl wait --for=jsonpath={.a}= pod/x",
    "kubectl wait --for=jsonpath={.a}=\"\" pod/x",
    "kubectl wait --for=jsonpath={.a pod/x",
    "kubectl wait --for=jsonpath={.a}==1 pod/x",
  ])
  func parseErrorsAreKubectls(command: String) throws {
    try RealKubectl.expectSameOutput(command)
  }

  @Test func splitsAtSingleEqualsSigns() {
    #expect(WaitCondition.splitJSONPathInput("{.a}=1") == ["{.a}", "1"])
    #expect(WaitCondition.splitJSONPathInput("{.a[?(@.b==\"c\")].d}=x") == ["{.a[?(@.b==\"c\")].d}", "x"])
    #expect(WaitCondition.splitJSONPathInput("{.a}") == ["{.a}"])
  }

  @Test func parsesEachForm() throws {
    #expect(try WaitCondition.parse("Delete") == .deleted)
    #expect(try WaitCondition.parse("create") == .created)
    #expect(try WaitCondition.parse("condition=Ready") == .condition(name: "Ready", status: "true"))
    #expect(try WaitCondition.parse("condition=Ready=False") == .condition(name: "Ready", status: "False"))
    #expect(
      try WaitCondition.parse("jsonpath={.status.phase}=Running")
        == .jsonPath(expression: "{.status.phase}", value: "Running"))
    #expect(
      try WaitCondition.parse("jsonpath=.status.phase='Running'")
        == .jsonPath(expression: "{.status.phase}", value: "Running"))
    #expect(try WaitCondition.parse("jsonpath={.status.podIP}") == .jsonPath(expression: "{.status.podIP}", value: nil))
  }

  /// `condition.go`: the type and status compare without case; a condition observed for an
  /// older generation is not met.
  @Test func conditionsFollowConditionGo() {
    let object = JSONValue.object([
      ("metadata", .object([("generation", .int(2))])),
      (
        "status",
        .object([
          ("observedGeneration", .int(1)),
          ("conditions", .array([.object([("type", .string("Available")), ("status", .string("True"))])])),
        ])
      ),
    ])
    #expect(!WaitCondition.conditionMet(object, name: "available", status: "true"))
    let current = JSONValue.object([
      ("metadata", .object([("generation", .int(2))])),
      (
        "status",
        .object([
          ("conditions", .array([.object([("type", .string("Available")), ("status", .string("True"))])]))
        ])
      ),
    ])
    #expect(WaitCondition.conditionMet(current, name: "available", status: "TRUE"))
    #expect(!WaitCondition.conditionMet(current, name: "Available", status: "false"))
  }

  @Test func jsonPathWaitsForThePhase() {
    var terminal = Terminal()
    _ = terminal.run("kubectl run hello --image=busybox:1.36 --restart=Never -- echo hello")
    let result = terminal.run("kubectl wait --for=jsonpath={.status.phase}=Succeeded pod/hello")
    #expect(result.output == "pod/hello condition met\n")
    #expect(result.exitCode == 0)
    // Without a value any value will do (matchAnyValue); with one, a list is an error.
    #expect(
      terminal.run("kubectl wait --for=jsonpath={.status.conditions} pod/hello").output == "pod/hello condition met\n")
    let list = terminal.run("kubectl wait --for=jsonpath={.status.conditions}=x pod/hello --timeout=1s")
    #expect(list.output == "error: jsonpath leads to a nested object or list which is not supported\n")
  }

  @Test func createWaitsForTheObjectAndDeleteOfAMissingOneIsDone() {
    var terminal = Terminal()
    let missing = terminal.run("kubectl wait --for=create pod/later --timeout=2s")
    #expect(missing.output == "error: timed out waiting for the condition\n")
    #expect(missing.exitCode == 1)
    _ = terminal.run("kubectl run later --image=nginx")
    #expect(terminal.run("kubectl wait --for=create pod/later").output == "pod/later condition met\n")
    let gone = terminal.run("kubectl wait --for=delete pod/never-there")
    #expect(gone.output.isEmpty)
    #expect(gone.exitCode == 0)
  }
}
