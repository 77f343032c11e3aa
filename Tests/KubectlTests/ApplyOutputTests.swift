import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// `apply -o yaml|json|name` and `create -o ...`: apply prints every applied object at the
/// end, one as it is and several in a `v1 List` (`apply.go` `printObjects`); create prints
/// each as it goes, YAML documents after the first behind `---` (`printers.YAMLPrinter`).
@Suite struct ApplyOutputTests {
  static let files = VirtualDirectory(files: [
    "cm.yaml": ManifestFilesTests.configMap("one"),
    "two.yaml": ManifestFilesTests.configMap("one") + "---\n" + ManifestFilesTests.configMap("two"),
  ])

  static func documents(_ text: String) throws -> [JSONValue] {
    try ManifestReader.documents(text, source: "output")
  }

  @Test func applyPrintsTheStoredObject() throws {
    var terminal = Terminal(files: Self.files)
    let result = terminal.run("kubectl apply -f cm.yaml -o yaml")
    #expect(result.exitCode == 0)
    let objects = try Self.documents(result.output)
    #expect(objects.count == 1)
    let object = try #require(objects.first)
    #expect(object["kind"]?.stringValue == "ConfigMap")
    #expect(object["metadata"]?["name"]?.stringValue == "one")
    #expect(object["metadata"]?["uid"]?.stringValue == terminal.cluster.configMaps["default/one"]?.metadata.uid)
    #expect(object["metadata"]?["annotations"]?[ApplyCommand.lastAppliedKey] != nil)
    #expect(result.output == YAMLPrinter.print(object))
  }

  @Test func applyPrintsSeveralObjectsInAList() throws {
    var terminal = Terminal(files: Self.files)
    let result = terminal.run("kubectl apply -f two.yaml -o json")
    #expect(result.output.hasPrefix("{\n    \"kind\": \"List\",\n    \"apiVersion\": \"v1\",\n    \"metadata\": {},\n"))
    let list = try #require(try Self.documents(result.output).first)
    #expect(list["items"]?.arrayValue?.compactMap { $0["metadata"]?["name"]?.stringValue } == ["one", "two"])
    var again = Terminal(files: Self.files)
    #expect(again.run("kubectl apply -f two.yaml -o name").output == "configmap/one\nconfigmap/two\n")
  }

  @Test func createPrintsEachObject() throws {
    var terminal = Terminal(files: Self.files)
    let result = terminal.run("kubectl create -f two.yaml -o yaml")
    #expect(result.output.components(separatedBy: "\n---\n").count == 2)
    #expect(try Self.documents(result.output).compactMap { $0["metadata"]?["name"]?.stringValue } == ["one", "two"])
  }

  @Test func clientDryRunPrintsTheManifestWithItsAnnotation() throws {
    var terminal = Terminal(files: Self.files)
    let result = terminal.run("kubectl apply -f cm.yaml -o yaml --dry-run=client")
    let object = try #require(try Self.documents(result.output).first)
    #expect(object["metadata"]?["namespace"]?.stringValue == "default")
    #expect(object["metadata"]?["uid"] == nil)
    #expect(
      object["metadata"]?["annotations"]?[ApplyCommand.lastAppliedKey]?.stringValue
        == #"{"apiVersion":"v1","data":{"k":"v"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"one","namespace":"default"}}"#
        + "\n")
    #expect(terminal.cluster.configMaps["default/one"] == nil)
  }
}
