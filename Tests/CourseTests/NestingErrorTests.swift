import TestSupport
import Testing

@testable import Course

/// A lesson or SUMMARY.md nested deeper than the Markdown parser goes is an error at the
/// line where it goes too deep, not a crash.
@Suite struct NestingErrorTests {
  static let message =
    "error: Markdown nested more than 100 levels deep (each block quote, list, list item, paragraph, emphasis and link is a level); nest less"

  @Test func aTooDeepLessonFailsAtItsLine() {
    let lesson = "# A\n\nintro\n\n" + String(repeating: ">", count: 20_000) + " deep\n"
    let sources = CourseFixture.sources(["a.md": lesson], summary: "- [A](a.md)\n")
    do {
      _ = try Course.assemble(sources)
      Issue.record("expected an error")
    } catch {
      #expect(error.diagnostics.map(\.description) == ["content/a.md:5: " + Self.message])
    }
  }

  @Test func aTooDeepSummaryFailsAtItsLine() {
    // Each level of the table of contents is a list and an item: the 50th entry's paragraph
    // is the 101st container.
    let summary = (0..<60).map { String(repeating: "  ", count: $0) + "- [A](a.md)\n" }.joined()
    #expect(throws: CourseError.self) { try Summary.parse(summary, displayPath: "content/SUMMARY.md") }
    do {
      _ = try Summary.parse(summary, displayPath: "content/SUMMARY.md")
    } catch {
      #expect(error.diagnostics.map(\.description) == ["content/SUMMARY.md:50: " + Self.message])
    }
  }

  @Test func aSummaryAtTheLimitLoads() throws {
    // 49 levels of list and item, and the last item's paragraph: 99 containers.
    let summary = (0..<49).map { String(repeating: "  ", count: $0) + "- [A](a.md)\n" }.joined()
    let parsed = try Summary.parse(summary, displayPath: "content/SUMMARY.md")
    #expect(parsed.flattened.count == 49)
    #expect(parsed.flattened.last?.depth == 48)
  }

  @Test func tooMuchMarkupFailsAtItsLine() {
    let lesson = "# A\n\nintro\n\n" + String(repeating: "&", count: 5_000_000) + "\n"
    let sources = CourseFixture.sources(["a.md": lesson], summary: "- [A](a.md)\n")
    do {
      _ = try Course.assemble(sources)
      Issue.record("expected an error")
    } catch {
      #expect(
        error.diagnostics.map(\.description) == [
          "content/a.md:5: error: more than 200000 Markdown markup characters (line breaks, backslashes, backticks and & < > [ ] ! * _ - + |); split the file"
        ])
    }
  }
}
