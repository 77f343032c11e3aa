import Testing

@testable import Markdown

/// Markdown nested deeper than ``MarkdownParser/maximumNesting`` containers (20,000 `>`, 50,000
/// list items, ...) used to overflow the stack in the recursive walks over the tree; the tree
/// now stops at the limit and the document names the first line past it.
@Suite struct NestingLimitTests {
  /// The most containers on any path from the root to a leaf, found without recursion.
  static func depth(_ blocks: [Block]) -> Int {
    var deepest = 0
    var pendingBlocks: [([Block], Int)] = [(blocks, 0)]
    var pendingInlines: [([Inline], Int)] = []
    while let (level, depth) = pendingBlocks.popLast() {
      for block in level {
        switch block.kind {
        case .paragraph(let inlines), .heading(_, let inlines, _):
          pendingInlines.append((inlines, depth + 1))
        case .blockQuote(let children), .callout(_, let children):
          pendingBlocks.append((children, depth + 1))
        case .list(_, let items):
          for item in items { pendingBlocks.append((item, depth + 2)) }
        case .table(let table):
          for cell in table.header + table.rows.flatMap({ $0 }) { pendingInlines.append((cell, depth + 1)) }
        case .codeBlock, .thematicBreak, .html:
          deepest = max(deepest, depth + 1)
        }
      }
      deepest = max(deepest, depth)
    }
    while let (level, depth) = pendingInlines.popLast() {
      deepest = max(deepest, depth)
      for inline in level {
        switch inline {
        case .emphasis(let children), .strong(let children), .link(_, _, let children), .image(_, _, let children):
          pendingInlines.append((children, depth + 1))
        default:
          continue
        }
      }
    }
    return deepest
  }

  @Test(arguments: [
    String(repeating: ">", count: 20_000) + " deep\n",
    String(repeating: "- ", count: 50_000) + "deep\n",
    String(repeating: "*", count: 50_000) + "deep" + String(repeating: "*", count: 50_000) + "\n",
    String(repeating: "![", count: 20_000) + "deep" + String(repeating: "](x.png)", count: 20_000) + "\n",
  ])
  func deepNestingStopsAtTheLimitAndNamesItsLine(body: String) {
    let document = MarkdownParser.parse("# Title\n\n" + body)
    #expect(document.tooDeepLine == 3)
    #expect(Self.depth(document.blocks) <= MarkdownParser.maximumNesting)
    #expect(Self.depth(document.blocks) >= MarkdownParser.maximumNesting - 1)
  }

  @Test func aDocumentAtTheLimitIsWhole() {
    // 99 block quotes and their paragraph: 100 containers.
    let atLimit = MarkdownParser.parse(String(repeating: ">", count: 99) + " text\n")
    #expect(atLimit.tooDeepLine == nil)
    #expect(Self.depth(atLimit.blocks) == 100)
    var innermost = atLimit.blocks
    for _ in 0..<99 {
      guard case .blockQuote(let children)? = innermost.first?.kind else {
        Issue.record("expected a block quote")
        return
      }
      innermost = children
    }
    #expect(innermost.first?.kind == .paragraph([.text("text")]))
    // One more level is past it.
    let past = MarkdownParser.parse("intro\n\n" + String(repeating: ">", count: 100) + " text\n")
    #expect(past.tooDeepLine == 3)
  }

  @Test func tableCellsCountTheContainersAroundTheTable() {
    // 99 quotes, the table (in its paragraph's place), then emphasis nested in a cell.
    let quotes = String(repeating: ">", count: 99)
    let plain = MarkdownParser.parse("\(quotes) | a | b |\n\(quotes) |---|---|\n\(quotes) | x | y |\n")
    #expect(plain.tooDeepLine == nil)
    let cell = String(repeating: "*", count: 4) + "x" + String(repeating: "*", count: 4)
    let deep = MarkdownParser.parse("\(quotes) | a | b |\n\(quotes) |---|---|\n\(quotes) | \(cell) | y |\n")
    #expect(deep.tooDeepLine == 3)
    #expect(Self.depth(deep.blocks) <= MarkdownParser.maximumNesting)
  }
}
