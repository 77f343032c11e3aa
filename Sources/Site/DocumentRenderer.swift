import Course
import Markdown

/// Renders a lesson's Markdown tree to HTML, putting scenario transcripts and captioned file
/// blocks where their fences were.
struct DocumentRenderer {
  /// Whether authors' raw HTML is kept (otherwise dropped, as cmark's safe mode does).
  var allowRawHTML = false
  /// The rendered scenario blocks by fence line.
  var scenarios: [Int: String] = [:]

  func render(_ blocks: [Block]) -> String {
    var output = ""
    output.reserveCapacity(8192)
    render(blocks, into: &output)
    return output
  }

  private func render(_ blocks: [Block], into output: inout String) {
    for block in blocks { render(block, into: &output, tight: false) }
  }

  private func render(_ block: Block, into output: inout String, tight: Bool) {
    switch block.kind {
    case .paragraph(let inlines):
      if tight {
        inline(inlines, into: &output)
        output += "\n"
      } else {
        output += "<p>"
        inline(inlines, into: &output)
        output += "</p>\n"
      }
    case .heading(let level, let content, let id):
      let escapedID = HTML.escape(id)
      output += "<h\(level) id=\"\(escapedID)\"><a class=\"anchor\" href=\"#\(escapedID)\">"
      inline(content, into: &output)
      output += "</a></h\(level)>\n"
    case .codeBlock(let code):
      output += codeBlock(code, line: block.line)
    case .blockQuote(let children):
      output += "<blockquote>\n"
      render(children, into: &output)
      output += "</blockquote>\n"
    case .callout(let kind, let children):
      let name = kind.rawValue.lowercased()
      output += "<div class=\"callout callout-\(name)\" role=\"note\"><p class=\"callout-title\">"
      output += Self.calloutTitles[kind]! + "</p>\n"
      render(children, into: &output)
      output += "</div>\n"
    case .list(let info, let items):
      let tag = info.ordered ? "ol" : "ul"
      let start = info.ordered && info.start != 1 ? " start=\"\(info.start)\"" : ""
      output += "<\(tag)\(start)>\n"
      for item in items {
        output += "<li>"
        for child in item { render(child, into: &output, tight: info.tight) }
        output += "</li>\n"
      }
      output += "</\(tag)>\n"
    case .table(let table):
      output += tableHTML(table)
    case .thematicBreak:
      output += "<hr>\n"
    case .html(let raw):
      if allowRawHTML { output += raw }
    }
  }

  static let calloutTitles: [CalloutKind: String] = [
    .note: "注意", .tip: "提示", .important: "重要", .warning: "警告", .caution: "小心",
  ]

  private func codeBlock(_ code: CodeBlock, line: Int) -> String {
    let info = InfoString(code.info)
    if info.language == "scenario" {
      return scenarios[line] ?? ""
    }
    let language = info.language.isEmpty ? "" : " class=\"language-\(HTML.escape(info.language))\""
    let highlighted = SyntaxHighlighter.language(named: info.language).map {
      SyntaxHighlighter.html(code.literal, language: $0)
    }
    let body = "<pre><code\(language)>" + (highlighted ?? HTML.escape(code.literal)) + "</code></pre>\n"
    if let name = info.value("file") {
      return "<figure class=\"file\"><figcaption>" + HTML.escape(name) + "</figcaption>\n" + body
        + "</figure>\n"
    }
    return body
  }

  private func tableHTML(_ table: Markdown.Table) -> String {
    func alignment(_ index: Int) -> String {
      guard index < table.alignments.count else { return "" }
      switch table.alignments[index] {
      case .none: return ""
      case .left: return " style=\"text-align:left\""
      case .center: return " style=\"text-align:center\""
      case .right: return " style=\"text-align:right\""
      }
    }
    var output = "<div class=\"table-wrapper\"><table>\n<thead><tr>"
    for (index, cell) in table.header.enumerated() {
      output += "<th\(alignment(index))>"
      inline(cell, into: &output)
      output += "</th>"
    }
    output += "</tr></thead>\n<tbody>\n"
    for row in table.rows {
      output += "<tr>"
      for (index, cell) in row.enumerated() {
        output += "<td\(alignment(index))>"
        inline(cell, into: &output)
        output += "</td>"
      }
      output += "</tr>\n"
    }
    return output + "</tbody></table></div>\n"
  }

  func inline(_ inlines: [Inline], into output: inout String) {
    for element in inlines {
      switch element {
      case .text(let text): output += HTML.escape(text)
      case .code(let text):
        output += "<code>"
        output += HTML.escape(text)
        output += "</code>"
      case .emphasis(let children):
        output += "<em>"
        inline(children, into: &output)
        output += "</em>"
      case .strong(let children):
        output += "<strong>"
        inline(children, into: &output)
        output += "</strong>"
      case .link(let destination, let title, let content):
        let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
        output += "<a href=\"\(HTML.href(destination))\"\(titleAttribute)>"
        inline(content, into: &output)
        output += "</a>"
      case .image(let source, let title, let alt):
        let titleAttribute = title.isEmpty ? "" : " title=\"\(HTML.escape(title))\""
        output += "<img src=\"\(HTML.href(source))\" alt=\"\(HTML.escape(alt.plainText))\"\(titleAttribute)>"
      case .softBreak: output += "\n"
      case .lineBreak: output += "<br>\n"
      case .html(let raw): if allowRawHTML { output += raw }
      }
    }
  }
}
