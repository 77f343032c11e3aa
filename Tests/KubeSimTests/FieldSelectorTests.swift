import Testing

@testable import KubeSim

/// Cases from `apimachinery/pkg/fields/selector_test.go` (v0.32.4): TestSplitTerms,
/// TestSplitTerm, TestEscapeValue, TestSelectorParse, TestDeterministicParse and
/// TestSelectorMatches; error texts from `selector.go` (`parseSelector`,
/// `InvalidEscapeSequence`, `UnescapedRune`).
@Suite struct FieldSelectorTests {
  @Test(
    arguments: [
      (#"a"#, [#"a"#]),
      (#"a=avalue"#, [#"a=avalue"#]),
      (#"a=avalue,b=bvalue"#, [#"a=avalue"#, #"b=bvalue"#]),
      (#"a=avalue,b==bvalue,c!=cvalue"#, [#"a=avalue"#, #"b==bvalue"#, #"c!=cvalue"#]),
      (#""#, []),
      (#"a=a,"#, [#"a=a"#, #""#]),
      (#",a=a"#, [#""#, #"a=a"#]),
      (#"k=\,,k2=v2"#, [#"k=\,"#, #"k2=v2"#]),
      (#"k=\\,k2=v2"#, [#"k=\\"#, #"k2=v2"#]),
      (#"k=\\\,,k2=v2"#, [#"k=\\\,"#, #"k2=v2"#]),
      (#"k=\a\b\"#, [#"k=\a\b\"#]),
      (#"k=\"#, [#"k=\"#]),
      (#"함=수,목=록"#, [#"함=수"#, #"목=록"#]),
    ] as [(String, [String])])
  func splitTerms(selector: String, terms: [String]) {
    #expect(FieldSelector.splitTerms(selector) == terms)
  }

  @Test(
    arguments: [
      (#"a=value"#, "a", "=", "value"),
      (#"b==value"#, "b", "==", "value"),
      (#"c!=value"#, "c", "!=", "value"),
      (#"k=\,"#, "k", "=", #"\,"#),
      (#"k=\="#, "k", "=", #"\="#),
      (#"k=\\\a\b\=\,\"#, "k", "=", #"\\\a\b\=\,\"#),
      (#"함=수"#, "함", "=", "수"),
    ] as [(String, String, String, String)])
  func splitTerm(term: String, field: String, op: String, value: String) throws {
    let split = try #require(FieldSelector.splitTerm(term))
    #expect(split.field == field && split.op == op && split.value == value)
  }

  @Test func termsWithoutAnOperatorDoNotSplit() {
    #expect(FieldSelector.splitTerm("") == nil)
    #expect(FieldSelector.splitTerm("a") == nil)
  }

  @Test(
    arguments: [
      ("", ""), ("a", "a"), ("=", #"\="#), (",", #"\,"#), (#"\"#, #"\\"#), (#"\=\,\"#, #"\\\=\\\,\\"#),
    ] as [(String, String)])
  func escapeRoundTrips(unescaped: String, escaped: String) throws {
    #expect(FieldSelector.escape(unescaped) == escaped)
    #expect(try FieldSelector.unescape(escaped) == unescaped)
  }

  @Test(arguments: [#"\"#, #"\\\"#, #"\a"#])
  func invalidEscapeSequences(value: String) {
    #expect {
      try FieldSelector.unescape(value)
    } throws: { error in
      (error as? FieldSelectorError)?.message.hasPrefix("invalid field selector: invalid escape sequence: ") == true
    }
  }

  /// TestSelectorParse's good strings read back as they were written (`String()`).
  @Test(arguments: ["x=a,y=b,z=c", "", "x!=a,y=b", #"x=a||y\=b"#, #"x=a\=\=b"#])
  func goodSelectorsRoundTrip(text: String) throws {
    #expect(try FieldSelector.parse(text).description == text)
  }

  @Test(arguments: ["x=a||y=b", "x==a==b", "x=a,b", "x in (a)", "x in (a,b,c)", "x"])
  func badSelectorsAreRejected(text: String) {
    #expect(throws: FieldSelectorError.self) { try FieldSelector.parse(text) }
  }

  @Test func parseIsDeterministic() throws {
    #expect(try FieldSelector.parse("x=a,a=x").description == FieldSelector.parse("a=x,x=a").description)
  }

  /// The messages `parseSelector` and `UnescapeValue` return (`%v` of a rune is its number).
  @Test(
    arguments: [
      ("x", "invalid selector: 'x'; can't understand 'x'"),
      ("a=b,x", "invalid selector: 'a=b,x'; can't understand 'x'"),
      ("x=a,b", "invalid selector: 'x=a,b'; can't understand 'b'"),
      ("x==a==b", "invalid field selector: unescaped character in value: 61"),
      (#"k=\"#, #"invalid field selector: invalid escape sequence: \"#),
      (#"k=\a"#, #"invalid field selector: invalid escape sequence: \a"#),
    ] as [(String, String)])
  func parseErrorMessages(text: String, message: String) {
    #expect(throws: FieldSelectorError(message: message)) { try FieldSelector.parse(text) }
  }

  @Test(
    arguments: [
      ("", ["x": "y"], true),
      ("x=y", ["x": "y"], true),
      ("x=y,z=w", ["x": "y", "z": "w"], true),
      ("x!=y,z!=w", ["x": "z", "z": "a"], true),
      ("notin=in", ["notin": "in"], true),
      ("x=y", ["x": "z"], false),
      ("x=y,z=w", ["x": "w", "z": "w"], false),
      ("x!=y,z!=w", ["x": "z", "z": "w"], false),
      ("foo=bar", ["foo": "bar", "baz": "blah", "complex": #"=value\,\"#], true),
      ("baz=blah", ["foo": "bar", "baz": "blah", "complex": #"=value\,\"#], true),
      ("foo=bar,baz=blah", ["foo": "bar", "baz": "blah", "complex": #"=value\,\"#], true),
      (#"foo=bar,baz=blah,complex=\=value\\\,\\"#, ["foo": "bar", "baz": "blah", "complex": #"=value\,\"#], true),
      ("foo=blah", ["foo": "bar", "baz": "blah", "complex": #"=value\,\"#], false),
      ("baz=bar", ["foo": "bar", "baz": "blah", "complex": #"=value\,\"#], false),
      ("foo=bar,foobar=bar,baz=blah", ["foo": "bar", "baz": "blah", "complex": #"=value\,\"#], false),
    ] as [(String, [String: String], Bool)])
  func matching(selector: String, fields: [String: String], matches: Bool) throws {
    #expect(try FieldSelector.parse(selector).matches(fields) == matches)
  }
}
