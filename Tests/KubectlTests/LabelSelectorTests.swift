import KubeSim
import Testing

/// Cases adapted from `apimachinery/pkg/labels/selector_test.go` (TestSelectorParse,
/// TestSelectorMatches) and the set-based forms of `kubectl get -l`.
@Suite struct LabelSelectorTests {
  @Test(arguments: [
    "", "x=a,y=b,z=c", "x!=a,y=b", "x=", "x= ", "x=,z= ", "x in (a)", "x in (a,b,c)", "x notin (a)",
    "x in (a, b)", "!x", "x", "x,!y", "x==a", "environment in (production, qa),tier notin (frontend)",
  ])
  func validSelectorsParse(text: String) {
    #expect(throws: Never.self) { try LabelSelector.parse(text) }
  }

  @Test(arguments: ["x=a||y=b", "x==a==b", "!x=a", "x in a", "x in (a", ",", "x=a,", "=a"])
  func invalidSelectorsAreRejected(text: String) {
    #expect(throws: LabelSelectorError.self) { try LabelSelector.parse(text) }
  }

  @Test(
    arguments: [
      ("", [:], true),
      ("x=y", ["x": "y"], true),
      ("x=y,z=w", ["x": "y", "z": "w"], true),
      ("x!=y,z!=w", ["x": "z", "z": "a"], true),
      ("notin=in", ["notin": "in"], true),
      ("x", ["x": "z"], true),
      ("!x", ["y": "z"], true),
      ("x in (y,z)", ["x": "z"], true),
      ("x notin (y,z)", ["x": "w"], true),
      ("x notin (y,z)", [:], true),
      ("x=z", [:], false),
      ("x=y", ["x": "z"], false),
      ("x=y,z=w", ["x": "w", "z": "w"], false),
      ("x!=y", ["x": "y"], false),
      ("!x", ["x": "z"], false),
      ("x", ["y": "z"], false),
      ("x in (y,z)", ["x": "w"], false),
      ("x in (y,z)", [:], false),
      ("x notin (y,z)", ["x": "y"], false),
    ] as [(String, [String: String], Bool)])
  func matching(selector: String, labels: [String: String], matches: Bool) throws {
    #expect(try LabelSelector.parse(selector).matches(labels) == matches)
  }

  /// `metav1.FormatLabelSelector` prints the parsed `labels.Selector`: requirements sorted by
  /// key, `in`/`notin` values sorted (apimachinery's `internalSelector.Add` and
  /// `Requirement.String`).
  @Test func formattedSelectorSortsKeysAndValues() {
    let selector = SelectorSpec(
      matchLabels: ["foo": "bar"],
      matchExpressions: [
        .init(key: "baz", op: .known(.in), values: ["qux", "norf"]),
        .init(key: "tier", op: .known(.notIn), values: ["web", "db"]),
        .init(key: "alpha", op: .known(.exists), values: []),
      ])
    #expect(selector.formatted == "alpha,baz in (norf,qux),foo=bar,tier notin (db,web)")
    #expect(SelectorSpec(matchLabels: [:]).formatted == "<none>")
  }
}
