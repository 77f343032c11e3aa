import BookConfig
import Course
import Markdown

/// Renders a lesson's Markdown tree to HTML, putting scenario transcripts and captioned file
/// blocks where their fences were. Writes UTF-8 bytes: text is escaped and code highlighted
/// straight into the output, without a string per piece.
struct DocumentRenderer {
  /// Whether authors' raw HTML is kept (otherwise dropped, as cmark's safe mode does).
  var allowRawHTML = false
  /// The rendered scenario blocks by fence line.
  var scenarios: [Int: String] = [:]
  /// The site's strings (the callouts' titles).
  var strings = SiteStrings.simplifiedChinese

  /// Appends the HTML of `blocks` to `output`.
  func render(_ blocks: [Block], into output: inout [UInt8]) {
    for block in blocks { render(block, into: &output, tight: false) }
  }

  private func render(_ block: Block, into output: inout [UInt8], tight: Bool) {
    switch block.kind {
    case .paragraph(let inlines):
      if tight {
        inline(inlines, into: &output)
        output += "\n".utf8
      } else {
        output += "<p>".utf8
        inline(inlines, into: &output)
        output += "</p>\n".utf8
      }
    case .heading(let level, let content, let id):
      output += "<h\(level) id=\"".utf8
      HTML.appendEscaped(id.utf8, to: &output)
      output += "\"><a class=\"anchor\" href=\"#".utf8
      HTML.appendEscaped(id.utf8, to: &output)
      output += "\">".utf8
      inline(content, into: &output)
      output += "</a></h\(level)>\n".utf8
    case .codeBlock(let code):
      codeBlock(code, line: block.line, into: &output)
    case .blockQuote(let children):
      output += "<blockquote>\n".utf8
      render(children, into: &output)
      output += "</blockquote>\n".utf8
    case .callout(let kind, let children):
      output +=
        "<div class=\"callout callout-\(kind.rawValue.lowercased())\" role=\"note\"><p class=\"callout-title\">".utf8
      output += HTML.escape(strings[Self.calloutTitles[kind]!]).utf8
      output += "</p>\n".utf8
      render(children, into: &output)
      output += "</div>\n".utf8
    case .list(let info, let items):
      let tag = info.ordered ? "ol" : "ul"
      let start = info.ordered && info.start != 1 ? " start=\"\(info.start)\"" : ""
      output += "<\(tag)\(start)>\n".utf8
      for item in items {
        output += "<li>".utf8
        for child in item { render(child, into: &output, tight: info.tight) }
        output += "</li>\n".utf8
      }
      output += "</\(tag)>\n".utf8
    case .table(let table):
      tableHTML(table, into: &output)
    case .thematicBreak:
      output += "<hr>\n".utf8
    case .html(let raw):
      if allowRawHTML { output += raw.utf8 }
    }
  }

  /// The string that titles each kind of callout.
  static let calloutTitles: [CalloutKind: UIString] = [
    .note: .noteCallout, .tip: .tipCallout, .important: .importantCallout, .warning: .warningCallout,
    .caution: .cautionCallout,
  ]

  private func codeBlock(_ code: CodeBlock, line: Int, into output: inout [UInt8]) {
    let info = InfoString(code.info)
    if info.language == "scenario" {
      output += (scenarios[line] ?? "").utf8
      return
    }
    let name = info.value("file")
    if let name {
      output += "<figure class=\"file\"><figcaption>".utf8
      HTML.appendEscaped(name.utf8, to: &output)
      output += "</figcaption>\n".utf8
    }
    output += "<pre><code".utf8
    if !info.language.isEmpty {
      output += " class=\"language-".utf8
      HTML.appendEscaped(info.language.utf8, to: &output)
      output += "\"".utf8
    }
    output += ">".utf8
    if let language = SyntaxHighlighter.language(named: info.language) {
      SyntaxHighlighter.append(code.literal, language: language, to: &output)
    } else {
      HTML.appendEscaped(code.literal.utf8, to: &output)
    }
    output += "</code></pre>\n".utf8
    if name != nil { output += "</figure>\n".utf8 }
  }

  private func tableHTML(_ table: Markdown.Table, into output: inout [UInt8]) {
    func alignment(_ index: Int) -> String {
      guard index < table.alignments.count else { return "" }
      switch table.alignments[index] {
      case .none: return ""
      case .left: return " style=\"text-align:left\""
      case .center: return " style=\"text-align:center\""
      case .right: return " style=\"text-align:right\""
      }
    }
    output += "<div class=\"table-wrapper\"><table>\n<thead><tr>".utf8
    for (index, cell) in table.header.enumerated() {
      output += "<th\(alignment(index))>".utf8
      inline(cell, into: &output)
      output += "</th>".utf8
    }
    output += "</tr></thead>\n<tbody>\n".utf8
    for row in table.rows {
      output += "<tr>".utf8
      for (index, cell) in row.enumerated() {
        output += "<td\(alignment(index))>".utf8
        inline(cell, into: &output)
        output += "</td>".utf8
      }
      output += "</tr>\n".utf8
    }
    output += "</tbody></table></div>\n".utf8
  }

  func inline(_ inlines: [Inline], into output: inout [UInt8]) {
    for element in inlines {
      switch element {
      case .text(let text): HTML.appendEscaped(text.utf8, to: &output)
      case .code(let text):
        output += "<code>".utf8
        HTML.appendEscaped(text.utf8, to: &output)
        output += "</code>".utf8
      case .emphasis(let children):
        output += "<em>".utf8
        inline(children, into: &output)
        output += "</em>".utf8
      case .strong(let children):
        output += "<strong>".utf8
        inline(children, into: &output)
        output += "</strong>".utf8
      case .link(let destination, let title, let content):
        output += "<a href=\"".utf8
        output += HTML.href(destination).utf8
        output += "\"".utf8
        appendTitle(title, to: &output)
        output += ">".utf8
        inline(content, into: &output)
        output += "</a>".utf8
      case .image(let source, let title, let alt):
        output += "<img src=\"".utf8
        output += HTML.href(source).utf8
        output += "\" alt=\"".utf8
        HTML.appendEscaped(alt.plainText.utf8, to: &output)
        output += "\"".utf8
        appendTitle(title, to: &output)
        output += ">".utf8
      case .softBreak: output += "\n".utf8
      case .lineBreak: output += "<br>\n".utf8
      case .html(let raw): if allowRawHTML { output += raw.utf8 }
      }
    }
  }

  /// ` title="…"` for a link or image with a title; nothing without one.
  private func appendTitle(_ title: String, to output: inout [UInt8]) {
    guard !title.isEmpty else { return }
    output += " title=\"".utf8
    HTML.appendEscaped(title.utf8, to: &output)
    output += "\"".utf8
  }
}
