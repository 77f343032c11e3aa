/// A parse or execution error of a Go template, with Go's full text
/// (`template: output:1: unclosed action`).
struct GoTemplateError: Error, Equatable, Sendable {
  var message: String
  /// What an execution wrote before it failed (Go writes as it goes).
  var partialOutput = ""
}
