import KubeSim
import Testing

@testable import Kubectl

/// The patch engines on the cases of the libraries and RFCs they port: apimachinery's
/// `pkg/util/strategicpatch/patch_test.go` (v0.32, its three-way cases applied to `Current`),
/// RFC 7386 appendix A (JSON merge patch) and RFC 6902 appendix A (JSON patch), also in
/// evanphx/json-patch's `merge_test.go` and `patch_test.go`.
@Suite struct PatchLibraryCaseTests {
  /// patch_test.go's test schema: `mergingList` merges by `name`, `mergingIntList` merges.
  static let testSchema = PatchSchema(fields: [
    "mergingList": PatchSchema.mergeList(by: "name"), "mergingIntList": PatchSchema.mergedScalars,
  ])

  static func yaml(_ text: String) throws -> JSONValue {
    try ManifestReader.documents(text, source: "test").first ?? .null
  }

  /// (description in patch_test.go, Current, ThreeWay, Result).
  static let strategicCases: [(String, String, String, String)] = [
    (
      "add multiple items in a list and preserve order",
      "mergingList:\n- name: 1\n  other: a\n- name: 2\n  value: 2\n  other: b\n",
      "$setElementOrder/mergingList:\n- name: 1\n- name: 4\n- name: 2\n- name: 3\nmergingList:\n- name: 4\n  value: 4\n- name: 3\n  value: 3\n",
      "mergingList:\n- name: 1\n  other: a\n- name: 4\n  value: 4\n- name: 2\n  value: 2\n  other: b\n- name: 3\n  value: 3\n"
    ),
    (
      "add and delete an item in a list and preserve order",
      "mergingList:\n- name: 1\n  other: a\n- name: 2\n  value: 2\n  other: b\n- name: 3\n  value: 3\n",
      "$setElementOrder/mergingList:\n- name: 4\n- name: 2\n- name: 1\nmergingList:\n- name: 4\n  value: 4\n- name: 3\n  $patch: delete\n",
      "mergingList:\n- name: 4\n  value: 4\n- name: 2\n  value: 2\n  other: b\n- name: 1\n  other: a\n"
    ),
    (
      "set elements order in a list with server-only items 2",
      "mergingList:\n- name: 1\n  other: a\n- name: 2\n  value: 2\n- name: 9\n- name: 3\n  value: 3\n- name: 4\n  value: 4\n",
      "$setElementOrder/mergingList:\n- name: 2\n- name: 1\n- name: 4\n- name: 3\n",
      "mergingList:\n- name: 2\n  value: 2\n- name: 1\n  other: a\n- name: 9\n- name: 4\n  value: 4\n- name: 3\n  value: 3\n"
    ),
    (
      "set elements order in a int list with server-only items 3",
      "mergingIntList: [1, 2, 7, 9, 8, 3, 4]\n",
      "$setElementOrder/mergingIntList: [2, 1, 4, 3]\n",
      "mergingIntList: [2, 1, 7, 9, 8, 4, 3]\n"
    ),
  ]

  @Test(arguments: strategicCases.indices)
  func strategicMergePatchTestCases(_ index: Int) throws {
    let (description, current, patch, result) = Self.strategicCases[index]
    let patched = try StrategicMergePatch.apply(
      try Self.yaml(patch), to: try Self.yaml(current), schema: Self.testSchema)
    #expect(patched.sameJSON(as: try Self.yaml(result)), "\(description)")
  }

  /// RFC 7386 appendix A: (original, patch, result), as JSON.
  static let mergeCases: [(String, String, String)] = [
    (#"{"a":"b"}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
    (#"{"a":"b"}"#, #"{"b":"c"}"#, #"{"a":"b","b":"c"}"#),
    (#"{"a":"b"}"#, #"{"a":null}"#, #"{}"#),
    (#"{"a":"b","b":"c"}"#, #"{"a":null}"#, #"{"b":"c"}"#),
    (#"{"a":["b"]}"#, #"{"a":"c"}"#, #"{"a":"c"}"#),
    (#"{"a":"c"}"#, #"{"a":["b"]}"#, #"{"a":["b"]}"#),
    (#"{"a":{"b":"c"}}"#, #"{"a":{"b":"d","c":null}}"#, #"{"a":{"b":"d"}}"#),
    (#"{"a":[{"b":"c"}]}"#, #"{"a":[1]}"#, #"{"a":[1]}"#),
    (#"["a","b"]"#, #"["c","d"]"#, #"["c","d"]"#),
    (#"{"a":"b"}"#, #"["c"]"#, #"["c"]"#),
    (#"{"e":null}"#, #"{"a":1}"#, #"{"e":null,"a":1}"#),
    (#"[1,2]"#, #"{"a":"b","c":null}"#, #"{"a":"b"}"#),
    (#"{}"#, #"{"a":{"bb":{"ccc":null}}}"#, #"{"a":{"bb":{}}}"#),
  ]

  @Test(arguments: mergeCases.indices)
  func rfc7386Examples(_ index: Int) throws {
    let (original, patch, result) = Self.mergeCases[index]
    let patched = try JSONMergePatch.apply(
      try GoJSONParser.parse(patch).get(), to: try GoJSONParser.parse(original).get())
    #expect(patched.sameJSON(as: try GoJSONParser.parse(result).get()))
  }

  @Test func rfc7386RefusesScalarPatches() throws {
    // evanphx/json-patch `doMergePatch`: a patch that is not an object or array.
    #expect(throws: PatchError("Invalid JSON Patch")) { try JSONMergePatch.apply(.string("x"), to: .object([])) }
    #expect(throws: PatchError("Invalid JSON Patch")) { try JSONMergePatch.apply(.null, to: .object([])) }
  }

  /// RFC 6902 appendix A: (document, patch, result or nil for an error).
  static let jsonCases: [(String, String, String?)] = [
    (#"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz","value":"qux"}]"#, #"{"baz":"qux","foo":"bar"}"#),
    (#"{"foo":["bar","baz"]}"#, #"[{"op":"add","path":"/foo/1","value":"qux"}]"#, #"{"foo":["bar","qux","baz"]}"#),
    (#"{"baz":"qux","foo":"bar"}"#, #"[{"op":"remove","path":"/baz"}]"#, #"{"foo":"bar"}"#),
    (#"{"foo":["bar","qux","baz"]}"#, #"[{"op":"remove","path":"/foo/1"}]"#, #"{"foo":["bar","baz"]}"#),
    (#"{"baz":"qux","foo":"bar"}"#, #"[{"op":"replace","path":"/baz","value":"boo"}]"#, #"{"baz":"boo","foo":"bar"}"#),
    (
      #"{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}"#,
      #"[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]"#,
      #"{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}"#
    ),
    (
      #"{"foo":["all","grass","cows","eat"]}"#, #"[{"op":"move","from":"/foo/1","path":"/foo/3"}]"#,
      #"{"foo":["all","cows","eat","grass"]}"#
    ),
    (
      #"{"baz":"qux","foo":["a",2,"c"]}"#,
      #"[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]"#,
      #"{"baz":"qux","foo":["a",2,"c"]}"#
    ),
    (#"{"baz":"qux"}"#, #"[{"op":"test","path":"/baz","value":"bar"}]"#, nil),
    (
      #"{"foo":"bar"}"#, #"[{"op":"add","path":"/child","value":{"grandchild":{}}}]"#,
      #"{"foo":"bar","child":{"grandchild":{}}}"#
    ),
    (#"{"foo":"bar"}"#, #"[{"op":"add","path":"/baz/bat","value":"qux"}]"#, nil),
    (#"{"/":9,"~1":10}"#, #"[{"op":"test","path":"/~01","value":10}]"#, #"{"/":9,"~1":10}"#),
    (#"{"foo":["bar"]}"#, #"[{"op":"add","path":"/foo/-","value":["abc","def"]}]"#, #"{"foo":["bar",["abc","def"]]}"#),
  ]

  @Test(arguments: jsonCases.indices)
  func rfc6902Examples(_ index: Int) throws {
    let (document, patch, result) = Self.jsonCases[index]
    let outcome = Result { () throws(PatchError) in
      try JSONPatch.apply(try GoJSONParser.parse(patch).get(), to: try GoJSONParser.parse(document).get())
    }
    if let result {
      #expect(try outcome.get().sameJSON(as: try GoJSONParser.parse(result).get()))
    } else {
      #expect(throws: PatchError.self) { try outcome.get() }
    }
  }

  @Test func jsonPointerTokensDecodeInOnePass() {
    // RFC 6901 §4: `~01` is `~1`, not `/`.
    #expect(JSONPointerContainer.decode("~01") == "~1")
    #expect(JSONPointerContainer.decode("a~1b~0c") == "a/b~c")
  }
}
