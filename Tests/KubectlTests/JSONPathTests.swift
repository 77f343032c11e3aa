import Foundation
import KubeSim
import TestSupport
import Testing

@testable import Kubectl

/// The JSONPath engine: a slice of client-go's own table (`util/jsonpath/jsonpath_test.go`,
/// the JSON-input cases; struct inputs and the `=~` cases of a fork left out), and many
/// templates run by the real kubectl on one object file.
@Suite struct JSONPathTests {
  /// `jsonpath_test.go` `TestKubernetes`' input.
  static let nodes = """
    {"kind": "List", "items": [
      {"kind": "None", "metadata": {"name": "127.0.0.1", "labels": {"kubernetes.io/hostname": "127.0.0.1"}},
       "status": {"capacity": {"cpu": "4"}, "ready": true, "addresses": [{"type": "LegacyHostIP", "address": "127.0.0.1"}]}},
      {"kind": "None", "metadata": {"name": "127.0.0.2", "labels": {"kubernetes.io/hostname": "127.0.0.2"}},
       "status": {"capacity": {"cpu": "8"}, "ready": false, "addresses": [
         {"type": "LegacyHostIP", "address": "127.0.0.2"}, {"type": "another", "address": "127.0.0.3"}]}}],
     "users": [{"name": "myself", "user": {}}, {"name": "e2e", "user": {"username": "admin", "password": "secret"}}]}
    """
  /// `TestJSONInput`'s points.
  static let points = """
    [{"id": "i1", "x": 4, "y": -5}, {"id": "i2", "x": -2, "y": -5, "z": 1}, {"id": "i3", "x": 8, "y": 3},
     {"id": "i4", "x": -6, "y": -1}, {"id": "i5", "x": 0, "y": 2, "z": 1}, {"id": "i6", "x": 1, "y": 4}]
    """
  /// `TestNestedRanges`' pods.
  static let nested = """
    {"items": [
      {"metadata": {"name": "pod1"}, "spec": {"containers": [
        {"name": "foo", "another": [{"name": "value1"}, {"name": "value2"}]},
        {"name": "bar", "another": [{"name": "value1"}, {"name": "value2"}]}]}},
      {"metadata": {"name": "pod2"}, "spec": {"containers": [
        {"name": "baz", "another": [{"name": "value1"}, {"name": "value2"}]}]}}]}
    """
  /// `TestNegativeIndex` and `TestStep`'s containers (six; the index cases use the first four
  /// through their own bounds).
  static func containers(_ count: Int) -> String {
    "{\"spec\": {\"containers\": ["
      + (0..<count).map { "{\"image\": \"radial/busyboxplus:curl\", \"name\": \"fake\($0)\"}" }.joined(separator: ",")
      + "]}}"
  }
  /// `TestFilterPartialMatchesSometimesMissingAnnotations`.
  static let annotated = """
    {"kind": "List", "items": [{"kind": "Pod", "metadata": {"name": "pod1", "annotations": {"color": "blue"}}},
     {"kind": "Pod", "metadata": {"name": "pod2"}},
     {"kind": "Pod", "metadata": {"name": "pod3", "annotations": {"color": "green"}}},
     {"kind": "Pod", "metadata": {"name": "pod4", "annotations": {"color": "blue"}}}]}
    """
  /// `TestTypesInput`, the kinds JSON can hold.
  static let types = """
    {"bools": [true, false, true, false], "integers": [1, 2, 3, 4], "floats": [1.0, 2.2, 3.3, 4.0],
     "strings": ["one", "two", "three", "four"], "interfaces": [true, "one", 1, 1.1],
     "maps": [{"name": "one", "value": 1}, {"name": "two", "value": 2.02}, {"name": "three", "value": 3.03},
              {"name": "four", "value": 4.04}]}
    """

  /// One client-go case: template, input, expected output (nil: an error), missing keys allowed.
  struct Case: Sendable, CustomTestStringConvertible {
    var template: String
    var input: String
    var expected: String?
    var allowMissingKeys = false
    var testDescription: String { template }
  }

  static let clientGoCases: [Case] = [
    // TestTypesInput
    Case(template: "{ .bools }", input: types, expected: "[true,false,true,false]"),
    Case(template: "{ .bools[-1] }", input: types, expected: "false"),
    Case(template: "{ .bools[:4:2] }", input: types, expected: "true true"),
    Case(template: "{ .integers[-2] }", input: types, expected: "3"),
    Case(template: "{ .integers[:4:2] }", input: types, expected: "1 3"),
    Case(template: "{ .floats }", input: types, expected: "[1,2.2,3.3,4]"),
    Case(template: "{ .floats[0:2] }", input: types, expected: "1 2.2"),
    Case(template: "{ .strings }", input: types, expected: "[\"one\",\"two\",\"three\",\"four\"]"),
    Case(template: "{ .strings[-2] }", input: types, expected: "three"),
    Case(template: "{ .interfaces }", input: types, expected: "[true,\"one\",1,1.1]"),
    Case(template: "{ .interfaces[:4:2] }", input: types, expected: "true 1"),
    Case(template: "{ .maps[-2] }", input: types, expected: "{\"name\":\"three\",\"value\":3.03}"),
    Case(
      template: "{ .maps[1::2] }", input: types,
      expected: "{\"name\":\"two\",\"value\":2.02} {\"name\":\"four\",\"value\":4.04}"),
    // TestStructInput, the cases without structs
    Case(template: "hello jsonpath", input: "null", expected: "hello jsonpath"),
    Case(template: "{..}", input: "[1, 2, 3]", expected: "[1,2,3]"),
    Case(template: "{[?(@<5)]}", input: "[2, 6, 3, 7]", expected: "2 3"),
    Case(template: "{\"{\"}", input: "null", expected: "{"),
    Case(template: "{[1,3,4]}", input: "[0, 1, 2, 3, 4]", expected: "1 3 4"),
    Case(template: "{[0:2]}", input: "[\"Monday\", \"Tudesday\"]", expected: "Monday Tudesday"),
    Case(template: "{............................................................Price}", input: "{}", expected: nil),
    // TestJSONInput
    Case(template: "{[?(@.z)].id}", input: points, expected: "i2 i5"),
    Case(template: "{[0]['id']}", input: points, expected: "i1"),
    // TestKubernetes
    Case(
      template: "{range .items[*]}{.metadata.name}, {end}{.kind}", input: nodes, expected: "127.0.0.1, 127.0.0.2, List"),
    Case(
      template: "{range .items[*]}{.metadata.name}{\"\\t\"}{end}", input: nodes, expected: "127.0.0.1\t127.0.0.2\t"),
    Case(
      template: "{.items[*].status.addresses[*].address}", input: nodes, expected: "127.0.0.1 127.0.0.2 127.0.0.3"),
    Case(
      template: "{range .items[*]}{range .status.addresses[*]}{.address}, {end}{end}", input: nodes,
      expected: "127.0.0.1, 127.0.0.2, 127.0.0.3, "),
    Case(
      template: "{.items[*]['metadata.name', 'status.capacity']}", input: nodes,
      expected: "127.0.0.1 127.0.0.2 {\"cpu\":\"4\"} {\"cpu\":\"8\"}"),
    Case(
      template: "{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}", input: nodes,
      expected: "[127.0.0.1, {\"cpu\":\"4\"}] [127.0.0.2, {\"cpu\":\"8\"}] "),
    Case(template: "{.users[?(@.name==\"e2e\")].user.password}", input: nodes, expected: "secret"),
    Case(template: "{.items[0].metadata.labels.kubernetes\\.io/hostname}", input: nodes, expected: "127.0.0.1"),
    Case(
      template: "{.items[?(@.metadata.labels.kubernetes\\.io/hostname==\"127.0.0.1\")].kind}", input: nodes,
      expected: "None"),
    Case(template: "{.items[?(@..ready==true)].metadata.name}", input: nodes, expected: "127.0.0.1"),
    // TestEmptyRange
    Case(
      template: "{range .items[*]}{.metadata.name}{end}", input: "{\"items\": []}", expected: "",
      allowMissingKeys: true),
    Case(
      template: "{range .items[*]}{.metadata.name}{\":\"}{range @.spec.containers[*]}{.name}{\",\"}{end}{\"+\"}{end}",
      input: "{\"items\": []}", expected: "", allowMissingKeys: true),
    // TestNestedRanges
    Case(
      template: "{range .items[*]}{.metadata.name}{\":\"}{range @.spec.containers[*]}{.name}{\",\"}{end}{\"+\"}{end}",
      input: nested, expected: "pod1:foo,bar,+pod2:baz,+"),
    Case(
      template:
        "{range .items[*]}{.metadata.name}{\"~\"}{range @.spec.containers[*]}{.name}{\":\"}{range @.another[*]}{.name}{\",\"}{end}{\"+\"}{end}{\"#\"}{end}",
      input: nested, expected: "pod1~foo:value1,value2,+bar:value1,value2,+#pod2~baz:value1,value2,+#"),
    Case(
      template:
        "{range .items[*]}{.metadata.name}{\"\\t\"}{range @.spec.containers[*]}{.name}{\" \"}{end}{\"\\t\"}{range @.spec.containers[*]}{.name}{\" \"}{end}{\"\\n\"}{end}",
      input: nested, expected: "pod1\tfoo bar \tfoo bar \npod2\tbaz \tbaz \n"),
    // TestFilterPartialMatchesSometimesMissingAnnotations
    Case(
      template: "{.items[?(@.metadata.annotations.color==\"blue\")].metadata.name}", input: annotated,
      expected: "pod1 pod4", allowMissingKeys: true),
    Case(
      template: "{.items[?(@.metadata.annotations.color==\"blue\")].metadata.name}", input: annotated, expected: nil),
    // TestNegativeIndex
    Case(template: "{.spec.containers[0:0].name}", input: containers(4), expected: ""),
    Case(template: "{.spec.containers[0:-1].name}", input: containers(4), expected: "fake0 fake1 fake2"),
    Case(template: "{.spec.containers[-1:0].name}", input: containers(4), expected: nil),
    Case(template: "{.spec.containers[-1].name}", input: containers(4), expected: "fake3"),
    Case(template: "{.spec.containers[-2:].name}", input: containers(4), expected: "fake2 fake3"),
    Case(template: "{.spec.containers[-4:].name}", input: containers(4), expected: "fake0 fake1 fake2 fake3"),
    Case(template: "{.spec.containers[-5].name}", input: containers(4), expected: nil),
    Case(template: "{.spec.containers[5:5].name}", input: containers(4), expected: ""),
    Case(template: "{.spec.containers[-5:-5].name}", input: containers(4), expected: ""),
    Case(template: "{.spec.containers[3:1].name}", input: containers(4), expected: nil),
    Case(template: "{.spec.containers[-1:-2].name}", input: containers(4), expected: nil),
    // TestStep
    Case(
      template: "{.spec.containers[0:6:].name}", input: containers(6), expected: "fake0 fake1 fake2 fake3 fake4 fake5"),
    Case(template: "{.spec.containers[0:6:0].name}", input: containers(6), expected: nil),
    Case(template: "{.spec.containers[0:6:-1].name}", input: containers(6), expected: nil),
    Case(template: "{.spec.containers[1:4:2].name}", input: containers(6), expected: "fake1 fake3"),
    Case(template: "{.spec.containers[1:4:4].name}", input: containers(6), expected: "fake1"),
    Case(template: "{.spec.containers[0:6:5].name}", input: containers(6), expected: "fake0 fake5"),
  ]

  /// The JSON text read as kubebook reads manifests.
  static func value(_ json: String) throws -> JSONValue {
    try ManifestReader.documents(json, source: "test").first ?? .null
  }

  @Test(arguments: clientGoCases)
  func clientGoTable(_ test: Case) throws {
    let input = try Self.value(test.input)
    var output: String?
    do {
      output = try JSONPathTemplate(test.template).render(input, allowMissingKeys: test.allowMissingKeys)
    } catch {
      output = nil
    }
    #expect(output == test.expected)
  }

  /// `failStoreTests` and `TestRunningPodsJSONPathOutput`'s messages (maps of JSON, not Go types).
  @Test func clientGoErrors() throws {
    let store = try Self.value("{\"Labels\": {\"k8s-app\": 20}, \"Book\": [{\"Price\": 8.95}]}")
    /// The error text of `template` on the store, or nil when it succeeds.
    func failure(_ template: String) -> String? {
      do {
        _ = try JSONPathTemplate(template).render(store, allowMissingKeys: false)
        return nil
      } catch let error as JSONPathError { return error.message } catch { return "\(error)" }
    }
    #expect(failure("{hello}") == "unrecognized identifier hello")
    #expect(failure("{.hello}") == "hello is not found")
    #expect(failure("{.Labels[0]}") == "map[string]interface {} is not array or slice")
    #expect(failure("{.Book[?(@.Price<>10)]}") == "unrecognized filter operator <>")
    #expect(failure("{range .Labels.*}{@}{end}{end}") == "not in range, nothing to end")
  }
}

/// Hostile templates end with an error or a bounded result, never a crash or a hang.
@Suite struct JSONPathBoundsTests {
  /// Deep ranges, value explosions, long templates and huge indices.
  @Test func hostileTemplates() throws {
    let object = try JSONPathTests.value(JSONPathKubectlTests.fixture)
    let deepRanges = String(repeating: "{range .spec.weights[*]}", count: 200) + String(repeating: "{end}", count: 200)
    #expect(throws: JSONPathError.self) { try JSONPathTemplate(deepRanges).render(object, allowMissingKeys: true) }
    // Each level walks everything below the current value: it ends, with output or the value cap.
    let explosive = String(repeating: "{range ..}", count: 12) + "{@}" + String(repeating: "{end}", count: 12)
    _ = try? JSONPathTemplate(explosive).render(object, allowMissingKeys: true)
    let long = String(repeating: "{.metadata.name}", count: 20_000)
    #expect(try JSONPathTemplate(long).render(object, allowMissingKeys: true).count == 4 * 20_000)
    #expect(throws: KubectlError.self) { try JSONPathTemplate("{.spec.weights[99999999999999999999]}") }
    // Go's int arithmetic wraps: the start becomes -9223372036854775803 and is out of bounds.
    #expect(throws: JSONPathError.self) {
      try JSONPathTemplate("{.spec.weights[-9223372036854775808:9223372036854775807:9223372036854775807]}")
        .render(object, allowMissingKeys: true)
    }
  }
}
