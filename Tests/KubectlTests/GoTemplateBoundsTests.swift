import KubeSim
import Testing

@testable import Kubectl

/// The bounds of the Go template engine (house rule 3): recursion through `{{template}}`,
/// output size, work, nesting, and no crash on arbitrary input.
@Suite struct GoTemplateBoundsTests {
  static let object: JSONValue = .object([
    ("kind", .string("ConfigMap")), ("items", .array((0..<50).map { .int($0) })),
    ("name", .string("x")),
  ])

  /// Our printer's output or error text for `template`.
  static func run(_ template: String) -> String {
    do { return try GoTemplatePrinter(template).print(served: object) } catch { return error.text }
  }

  @Test func recursiveTemplateStopsAtTheDepthBound() {
    let text = Self.run("{{define \"loop\"}}{{template \"loop\" .}}{{end}}{{template \"loop\" .}}")
    #expect(text.contains("exceeded maximum template depth (\(GoTemplateExecutor.maxTemplateDepth))"))
    #expect(text.hasPrefix("Error executing template: template: output:1:"))
  }

  @Test func outputStopsAtTheByteBound() {
    let text = Self.run(
      "{{range .items}}{{range $.items}}{{range $.items}}{{printf \"%1000s\" \"x\"}}{{end}}{{end}}{{end}}")
    #expect(text.contains("kubebook stops template output at \(GoTemplateExecutor.maxOutputBytes) bytes"))
    #expect(text.utf8.count < GoTemplateExecutor.maxOutputBytes + 10_000)
  }

  @Test func workStopsAtTheStepBound() {
    let text = Self.run(
      "{{range .items}}{{range $.items}}{{range $.items}}{{range $.items}}{{end}}{{end}}{{end}}{{end}}")
    #expect(text.contains("kubebook stops a template after \(GoTemplateExecutor.maxSteps) steps"))
  }

  @Test func deepNestingIsAParseError() {
    let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
    let text = Self.run("{{" + deep + "}}")
    #expect(text.hasPrefix("error: error parsing template"))
    #expect(text.contains("nested more than \(GoTemplateParser.maxDepth) levels"))
    let ifs = String(repeating: "{{if 1}}", count: 5000) + String(repeating: "{{end}}", count: 5000)
    #expect(Self.run(ifs).contains("nested more than"))
  }

  /// A seeded generator (SplitMix64): the same strings on every run.
  struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  @Test func randomTemplatesNeverCrash() {
    let pieces = [
      "{{", "}}", "{{-", "-}}", " ", ".", ".name", ".items", "$", "$x", ":=", "=", "|", "(", ")", "\"", "`", "'",
      "range", "if", "else", "end", "with", "define", "template", "block", "break", "continue", "nil", "true",
      "1", "-2", "0x1F", "1e3", "'a'", "\"s\"", "printf", "\"%d %s %v\"", "index", "slice", "len", "eq", "lt",
      "and", "or", "not", "print", "html", "js", "exists", "base64decode", "call", "/*", "*/", ",", "\n", "é", "\\",
    ]
    var random = SplitMix(state: 16)
    for _ in 0..<3000 {
      let count = Int(random.next() % 12) + 1
      var template = ""
      for _ in 0..<count { template += pieces[Int(random.next() % UInt64(pieces.count))] }
      _ = Self.run(template)
      var bytes: [UInt8] = []
      for _ in 0..<Int(random.next() % 24) { bytes.append(UInt8(truncatingIfNeeded: random.next() % 128)) }
      _ = Self.run("{{" + String(decoding: bytes, as: UTF8.self) + "}}")
    }
  }
}
