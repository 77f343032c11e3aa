import Testing

@testable import Markdown

@Suite struct MarkdownParserTests {
  @Test func paragraphsAndHeadingsKeepSourceLines() {
    let document = MarkdownParser.parse("# Title\n\nSome *text*.\n\n## Next\n")
    #expect(document.blocks.count == 3)
    #expect(document.blocks[0].line == 1)
    #expect(document.blocks[1].line == 3)
    #expect(document.blocks[2].line == 5)
    #expect(document.blocks[1].kind == .paragraph([.text("Some "), .emphasis([.text("text")]), .text(".")]))
  }

  @Test func fencedCodeBlockKeepsInfoAndContent() {
    let source = "intro\n\n```scenario new\n$ kubectl get pods\nNo resources found in default namespace.\n```\n"
    let document = MarkdownParser.parse(source)
    guard case .codeBlock(let code) = document.blocks[1].kind else {
      Issue.record("expected a code block")
      return
    }
    #expect(code.info == "scenario new")
    #expect(code.language == "scenario")
    #expect(code.fenced)
    #expect(code.literal == "$ kubectl get pods\nNo resources found in default namespace.\n")
    #expect(document.blocks[1].line == 3)
    #expect(document.blocks[1].endLine == 6)
  }

  @Test func rawHTMLIsKeptAsANodeForTheRendererToDrop() {
    let document = MarkdownParser.parse("<script>alert(1)</script>\n\ntext <b>bold</b>\n")
    #expect(document.blocks[0].kind == .html("<script>alert(1)</script>\n"))
    guard case .paragraph(let inlines) = document.blocks[1].kind else {
      Issue.record("expected a paragraph")
      return
    }
    #expect(inlines.contains(.html("<b>")))
  }

  @Test func deeplyNestedInputDoesNotCrash() {
    let source = String(repeating: "> ", count: 5000) + "deep\n" + String(repeating: "[", count: 20000)
    let document = MarkdownParser.parse(source)
    #expect(!document.blocks.isEmpty)
  }
}

@Suite struct PipeTableTests {
  @Test func tableWithAlignmentAndInlineMarkdown() {
    let source = """
      | Kind | `kubectl` short name | Namespaced |
      |:-----|:--------------------:|-----------:|
      | **Pod** | `po` | yes |
      | Node | `no` | no |

      """
    let document = MarkdownParser.parse(source)
    guard case .table(let table) = document.blocks.first?.kind else {
      Issue.record("expected a table, got \(document.blocks)")
      return
    }
    #expect(table.alignments == [.left, .center, .right])
    #expect(table.header[1] == [.code("kubectl"), .text(" short name")])
    #expect(table.rows.count == 2)
    #expect(table.rows[0][0] == [.strong([.text("Pod")])])
    #expect(table.rows[1][1] == [.code("no")])
  }

  @Test func escapedPipeStaysInTheCell() {
    let document = MarkdownParser.parse("| a | b |\n|---|---|\n| x \\| y | z |\n")
    guard case .table(let table) = document.blocks.first?.kind else {
      Issue.record("expected a table")
      return
    }
    #expect(table.rows[0][0] == [.text("x | y")])
  }

  @Test func shortAndLongRowsAreFittedToTheHeader() {
    let document = MarkdownParser.parse("| a | b |\n| --- | --- |\n| 1 |\n| 1 | 2 | 3 |\n")
    guard case .table(let table) = document.blocks.first?.kind else {
      Issue.record("expected a table")
      return
    }
    #expect(table.rows[0] == [[.text("1")], []])
    #expect(table.rows[1] == [[.text("1")], [.text("2")]])
  }

  @Test func cellsThatLookLikeBlocksStayInline() {
    let document = MarkdownParser.parse("| a | b |\n|---|---|\n| # not a heading | 1. not a list |\n")
    guard case .table(let table) = document.blocks.first?.kind else {
      Issue.record("expected a table")
      return
    }
    #expect(table.rows[0][0] == [.text("# not a heading")])
    #expect(table.rows[0][1] == [.text("1. not a list")])
  }

  @Test func paragraphTextBeforeATableIsKept() {
    let document = MarkdownParser.parse("Intro line\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    #expect(document.blocks.count == 2)
    #expect(document.blocks[0].kind == .paragraph([.text("Intro line")]))
    guard case .table = document.blocks[1].kind else {
      Issue.record("expected a table")
      return
    }
    #expect(document.blocks[1].line == 2)
  }

  @Test func delimiterRowMustMatchTheHeaderWidth() {
    let document = MarkdownParser.parse("| a | b |\n|---|\n")
    guard case .paragraph = document.blocks.first?.kind else {
      Issue.record("a mismatched delimiter row is not a table")
      return
    }
  }

  @Test func textWithPipesButNoDelimiterRowIsAParagraph() {
    let document = MarkdownParser.parse("run `a | b` here\nand there\n")
    guard case .paragraph = document.blocks.first?.kind else {
      Issue.record("expected a paragraph")
      return
    }
  }
}

@Suite struct CalloutTests {
  @Test(arguments: CalloutKind.allCases)
  func everyKindIsRecognised(kind: CalloutKind) {
    let document = MarkdownParser.parse("> [!\(kind.rawValue)]\n> Body text.\n")
    #expect(document.blocks.first?.kind == .callout(kind, [Block(.paragraph([.text("Body text.")]), line: 2)]))
  }

  @Test func markerMustStandAlone() {
    let document = MarkdownParser.parse("> [!NOTE] inline text\n")
    guard case .blockQuote = document.blocks.first?.kind else {
      Issue.record("a marker followed by text is an ordinary quote")
      return
    }
  }

  @Test func plainQuoteStaysAQuote() {
    let document = MarkdownParser.parse("> just a quote\n")
    guard case .blockQuote = document.blocks.first?.kind else {
      Issue.record("expected a block quote")
      return
    }
  }
}

@Suite struct HeadingIDTests {
  @Test(arguments: [
    ("Pods: the shared dorm room", "pods-the-shared-dorm-room"),
    ("Pod：共享的宿舍房间", "pod共享的宿舍房间"),
    ("什么是 Pod？", "什么是-pod"),
    ("kubectl get -o wide", "kubectl-get--o-wide"),
    ("maxSurge & maxUnavailable", "maxsurge--maxunavailable"),
    ("!!!", "section"),
    ("Ärger Über Ⅻ", "ärger-über-ⅻ"),
  ])
  func slugs(text: String, id: String) {
    #expect(HeadingIDs.slug(text) == id)
  }

  @Test func repeatedHeadingsGetNumberedIDs() {
    let document = MarkdownParser.parse("## 示例\n\n## 示例\n\n> ## 示例\n")
    var ids: [String] = []
    for block in document.blocks {
      switch block.kind {
      case .heading(_, _, let id): ids.append(id)
      case .blockQuote(let children):
        if case .heading(_, _, let id) = children[0].kind { ids.append(id) }
      default: break
      }
    }
    #expect(ids == ["示例", "示例-1", "示例-2"])
  }
}
