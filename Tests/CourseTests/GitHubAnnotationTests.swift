import Course
import Testing

/// GitHub Actions workflow commands, escaped as actions/toolkit's command.ts escapes them
/// (escapeData: `%` `\r` `\n`; escapeProperty: those and `:` `,`).
@Suite struct GitHubAnnotationTests {
  @Test func messageAndPropertiesAreEscaped() {
    let diagnostic = Diagnostic(path: "a,b:c%.md", line: 7, message: "100% wrong\r\nnext")
    #expect(GitHubAnnotation.line(for: diagnostic) == "::error file=a%2Cb%3Ac%25.md,line=7::100%25 wrong%0D%0Anext")
  }

  @Test func warningsAndFileWideProblems() {
    let diagnostic = Diagnostic(path: "x.md", line: nil, severity: .warning, message: "not listed")
    #expect(GitHubAnnotation.line(for: diagnostic) == "::warning file=x.md::not listed")
  }
}
