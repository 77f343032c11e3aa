import Testing

@testable import Markdown

/// cmark keeps a node of about 150 bytes for each markup character of a document, so a line
/// of five million `[`, `<` or `&` took a gigabyte: past ``MarkdownParser/maximumMarkup`` of
/// them the parser refuses the source, naming the line, before cmark sees it.
@Suite struct MarkupLimitTests {
  /// `# T`, a blank line, then `count` copies of `character` on line 3 and its newline: the
  /// two line breaks before it and the one ending it count too.
  static func source(_ character: Character, count: Int) -> String {
    "# T\n\n" + String(repeating: character, count: count) + "\n"
  }

  @Test(arguments: ["[", "<", "&", "*", "_", "!", "`", "|", "-", "+", ">", "]", "\\"] as [Character])
  func theLimitIsExactAndNamesTheLine(character: Character) {
    let largest = MarkdownParser.maximumMarkup - 3
    let accepted = MarkdownParser.parse(Self.source(character, count: largest))
    #expect(accepted.tooMuchMarkupLine == nil)
    #expect(!accepted.blocks.isEmpty)
    let refused = MarkdownParser.parse(Self.source(character, count: largest + 1))
    #expect(refused.tooMuchMarkupLine == 3)
    #expect(refused.blocks.isEmpty)
  }

  @Test func lineBreaksCountAndPlainTextDoesNot() {
    let lines = String(repeating: "a\n", count: MarkdownParser.maximumMarkup + 1)
    #expect(MarkdownParser.parse(lines).tooMuchMarkupLine == MarkdownParser.maximumMarkup + 1)
    let plain = String(repeating: "word ", count: 1_000_000) + "1.5 (a) 2) b.c"
    #expect(MarkdownParser.parse(plain).tooMuchMarkupLine == nil)
    #expect(MarkupCount.lineExceeding(1, in: "1. x 2) y") == 1)
    #expect(MarkupCount.lineExceeding(1, in: "a. x b) y") == nil)
  }
}
