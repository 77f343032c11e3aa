import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `kubectl get -o jsonpath` on simulated objects. The server side has no offline ground
/// truth, so the real kubectl applies the same template to what our `get -o json` printed:
/// `kubectl label --local -f FILE nope- -o jsonpath=...` reads the file as unstructured (as
/// `get` does) and removing a label the objects do not have changes nothing. A list is
/// handed to it inside one wrapper object, under the key `podlist` (`label` takes an object
/// with `items` for a list and prints its items one by one), and the real template reads
/// `.podlist` where ours reads `.items`; the list templates only read there and only succeed.
@Suite struct GetJSONPathTests {
  /// A cluster with a deployment's pods running and a service.
  static func terminal() -> Terminal {
    var terminal = Terminal()
    _ = terminal.run("kubectl create deployment web --image=nginx:1.25 --replicas=2")
    _ = terminal.run("kubectl run solo --image=busybox --labels=app=solo,tier=batch")
    _ = terminal.run("kubectl rollout status deployment/web")
    return terminal
  }

  /// The real kubectl applying `template` to `json` (output with errors, and status).
  static func realOutput(_ json: String, template: String) throws -> (output: String, status: Int32) {
    let directory = try TemporaryDirectory.create("get-jsonpath")
    let file = directory.appendingPathComponent("objects.json")
    try json.write(to: file, atomically: true, encoding: .utf8)
    return try RealKubectl.runCombined(["label", "--local", "-f", file.path, "nope-", "-o", "jsonpath=" + template])
  }

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "{.spec.replicas}", "{.status.readyReplicas}/{.status.replicas}", "{.metadata.labels}",
      "{.spec.template.spec.containers[0]}", "{.spec.selector.matchLabels.app}",
      "{.status.conditions[?(@.type==\"Available\")].status}", "{.spec.replicas[0]}",
    ])
  func namedObject(template: String) throws {
    var terminal = Self.terminal()
    // jsonpath sees the managedFields the server sent; only -o json drops them unless asked
    // (cli-runtime `json_yaml_flags.go`), so the real kubectl gets them too.
    let json = terminal.run("kubectl get deployment web -o json --show-managed-fields").output
    let real = try Self.realOutput(json, template: template)
    let ours = terminal.run("kubectl get deployment web -o jsonpath='\(template)'")
    #expect(ours.output == real.output)
    #expect((ours.exitCode != 0) == (real.status != 0))
  }

  @Test(
    .enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"),
    arguments: [
      "{.items[*].metadata.name}",
      "{range .items[*]}{.metadata.name}{\"\\t\"}{.status.phase}{\"\\t\"}{.spec.nodeName}{\"\\n\"}{end}",
      "{.items[*].spec.containers[*].image}",
      "{.items[?(@.metadata.labels.app==\"web\")].metadata.name}",
      "{.items[0].status.conditions[?(@.type==\"Ready\")].status}",
      "{range .items[*]}{.metadata.labels}{\"\\n\"}{end}",
      "{.items[-1:].status.podIP}",
    ])
  func list(template: String) throws {
    var terminal = Self.terminal()
    let json = terminal.run("kubectl get pods -o json --show-managed-fields").output
    let list = try #require(ManifestReader.documents(json, source: "get").first)
    let wrapper: JSONValue = .object([
      ("apiVersion", .string("v1")), ("kind", .string("ConfigMap")),
      ("metadata", .object([("name", .string("wrapper")), ("labels", .object([("a", .string("b"))]))])),
      ("podlist", list["items"] ?? .null),
    ])
    let real = try Self.realOutput(
      JSONPrinter.print(wrapper), template: template.replacingOccurrences(of: ".items", with: ".podlist"))
    let ours = terminal.run("kubectl get pods -o jsonpath='\(template)'")
    #expect(real.status == 0)
    #expect(!real.output.isEmpty)
    #expect(ours.output == real.output)
  }
}
