import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// Templates run by the real kubectl on one object file and by our printer on the same
/// object. The real side is `kubectl label --local -f FILE nope- -o jsonpath=...`: removing a
/// label the object does not have changes nothing, so the real template sees the file's
/// object as it is (read as unstructured, as `get` gives it), errors included with their dump
/// of the object. Templates that walk a map with several keys through `*` or `..` are left
/// out: Go visits map keys in random order there.
@Suite struct JSONPathKubectlTests {
  static let fixture = """
    {"apiVersion": "v1", "kind": "ConfigMap",
     "metadata": {"name": "demo", "namespace": "default",
       "labels": {"app": "web", "app.kubernetes.io/name": "webby"}, "annotations": {"note": "a.b"}},
     "status": {"conditions": [
       {"type": "Ready", "status": "True", "count": 3, "ratio": 0.5},
       {"type": "Progressing", "status": "False", "count": 10, "ratio": 1.5},
       {"type": "Available", "status": "True"}]},
     "spec": {"containers": [
       {"name": "nginx", "image": "nginx:1.25", "ports": [{"containerPort": 80}, {"containerPort": 443}]},
       {"name": "side", "image": "busybox", "ports": []}],
       "replicas": 3, "paused": false, "weights": [5, 1, 4, 2, 3], "nothing": null, "empty": {}, "list": [],
       "text": "a <b> & c", "big": 1000000.0, "small": 0.00001, "unicode": "é\\u0001"}}
    """

  static let templates: [String] = [
    "{.metadata.name}",
    "{.metadata}",
    "{.spec.containers[*].image}",
    "{.spec.containers[0].ports[*].containerPort}",
    "{.spec.containers[-1].name}",
    "{.spec.weights[1:4]}",
    "{.spec.weights[::2]}",
    "{.spec.weights[-2:]}",
    "{.spec.weights}",
    "{.spec.weights[10:10]}",
    "{.status.conditions[?(@.type==\"Ready\")].status}",
    "{.status.conditions[?(@.status!=\"True\")].type}",
    "{.status.conditions[?(@.count>3)].type}",
    "{.status.conditions[?(@.count<=3)].type}",
    "{.status.conditions[?(@.ratio>=1.5)].type}",
    "{.status.conditions[?(@.ratio<1.0)].type}",
    "{.status.conditions[?(@.count)].type}",
    "{.status.conditions[?(@.status>\"Fa\")].type}",
    "{range .status.conditions[*]}{.type}={.status}{\"\\n\"}{end}",
    "{range .spec.containers[*]}{.name}{\"\\t\"}{.image}{\"\\n\"}{end}",
    "{range .spec.containers[*]}{range .ports[*]}{.containerPort},{end};{end}",
    "{range .spec.weights[*]}[{@}]{end}",
    "{.metadata.labels.app\\.kubernetes\\.io/name}",
    "{.metadata.labels['app']}",
    "{.metadata.labels['app.kubernetes.io/name']}",
    "{.spec.containers[*]['name','image']}",
    "{.spec.weights[0,2,4]}",
    "{..image}",
    "{.spec..containerPort}",
    "{.spec.paused} {.spec.replicas} {.spec.nothing} {.spec.text}",
    "{.spec.empty}{.spec.list}",
    "{.spec.big} {.spec.small} {.spec.unicode}",
    "{.spec}",
    "{.missing}",
    "{.missing.deeper[0]}",
    "name: {.metadata.name}",
    "{\"quoted \\\"x\\\" \"}{'single'}",
    ".metadata.name",
    "{$.kind} {@.kind}",
    "{.status.conditions[?(@.status==\"True\")]}",
    "{.spec.weights[?(@>2)]}",
    "{.metadata.name.*}",
    "{.spec.containers[0].ports[?(@.containerPort==443)].containerPort}",
    "{true}{1}{2.5}{-3}",
    "{.status.conditions[?(@.type==\"Ready\")].count}/{.status.conditions[?(@.type==\"Ready\")].ratio}",
    "{.spec.nothing.x}{.spec.nothing[0]}",
    "{.}",
    "{@}",
    "{.spec.containers[*].ports[*]}",
    "{range .spec.containers[*]}{.name}{end}{.kind}",
    "{.spec.text}{\"\\u00e9\\x41\\101\"}",
    "{range .status.conditions[?(@.count)]}{.type}:{.count}{\"\\n\"}{end}",
    "{.spec.containers[?(@.name==\"side\")].ports}",
    "{..ports[0].containerPort}",
    "{.status.conditions[?(@.ratio==0.5)].type}",
    "{.spec.weights[?(@==1)]}",
    "{.status.conditions[?(@.type!=@.status)].type}",
    "{.status.conditions[?(@.status=='True')].type}",
    "{.spec.weights[1:4:2]} {.spec.weights[-3]}",
    // Errors, at parse time and at run time.
    "{[*]}",
    "{.spec.weights[-1:-3]}",
    "{.status.conditions[?(@.count==3.0)].type}",
    "{.metadata.name}{range .spec.weights[*]}{@}",
    "{.spec.containers[*].ports[?(@.containerPort>100)]}{.nope",
    "{.metadata.name",
    "{.spec.weights[10]}",
    "{.spec.weights[3:1]}",
    "{.spec.weights[::0]}",
    "{.metadata.name[0]}",
    "{.metadata[?(@.a)]}",
    "{.spec.nothing[?(@.a)]}",
    "{.status.conditions[?(@.ratio>1)].type}",
    "{.status.conditions[?(@.status==True)]}",
    "{end}",
    "{.spec.weights[x]}",
    "{.a[?(@.b]}",
    "{\"abc}",
    "{.a[1}",
    "{....a}",
    "{.a~}",
    "{.status.conditions[?(@.type=~\"R\")]}",
    "{1.2.3}",
    "{.status.conditions[*].type[?(@.x)]}",
    "{.spec.containers[?(@.ports[*].containerPort==80)].name}",
    "{.spec.paused[?(@)]}",
    "{.status.conditions[?(@.count<>1)]}",
    "{.status.conditions[?(@.type>true)]}",
    "{.metadata}{.spec.weights[7]}",
  ]

  static let asJSONTemplates: [String] = [
    "{.metadata.name}", "{.spec.weights[*]}", "{.metadata.labels}{.missing}",
    "text {.spec.containers[0].ports}",
  ]

  /// The fixture in a temporary file.
  static func fixtureFile() throws -> URL {
    let directory = try TemporaryDirectory.create("jsonpath")
    let file = directory.appendingPathComponent("object.json")
    try fixture.write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  /// What our printer makes of `format` (`jsonpath=...`) on the fixture, as kubectl prints it.
  static func ours(_ format: String) throws -> (output: String, failed: Bool) {
    let object = try ManifestReader.documents(fixture, source: "fixture")[0]
    do {
      guard case .jsonPath(let template) = try OutputFormat.parse(format) else { return ("", true) }
      return (try template.print(object), false)
    } catch let error as KubectlError {
      return (error.text + "\n", true)
    }
  }

  /// The real kubectl's output (errors included) and status for `format` on `file`.
  static func real(_ format: String, file: URL) throws -> (output: String, status: Int32) {
    try RealKubectl.runCombined(["label", "--local", "-f", file.path, "nope-", "-o", format])
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"), arguments: templates)
  func jsonPathMatchesRealKubectl(template: String) throws {
    let file = try Self.fixtureFile()
    let real = try Self.real("jsonpath=" + template, file: file)
    let ours = try Self.ours("jsonpath=" + template)
    #expect(ours.output == real.output)
    #expect(ours.failed == (real.status != 0))
  }

  @Test(.enabled(if: RealKubectl.path != nil, "needs the real kubectl binary"), arguments: asJSONTemplates)
  func jsonPathAsJSONMatchesRealKubectl(template: String) throws {
    let file = try Self.fixtureFile()
    let real = try Self.real("jsonpath-as-json=" + template, file: file)
    let ours = try Self.ours("jsonpath-as-json=" + template)
    #expect(ours.output == real.output)
    #expect(ours.failed == (real.status != 0))
  }
}
