import Course
import Markdown

/// The offline search data, built with the site and shipped as `search-index.js` (a script,
/// not JSON, so a page opened from `file://` can load it without `fetch`): one document per
/// searchable section — a lesson's text up to its first heading, then each heading's text —
/// with its title, link and plain text. The page script looks for Chinese text by character
/// pairs (every pair of the query must occur) and for Latin text by words, matched from the
/// start of a word, case-insensitively (`kubectl`, `maxSurge`, `max`). It scans the documents
/// instead of carrying an inverted index: that keeps the file at the size of the text and its
/// building as cheap as writing the pages (a 2000-page course searches in milliseconds).
enum SearchIndex {
  /// One searchable section.
  struct Section: Equatable {
    /// The page title, with the section heading if there is one (`Pod · 重启策略`).
    var title: String
    /// The page path, with `#anchor` for a heading.
    var url: String
    /// The section's plain text (for the snippet).
    var text: String
  }

  /// The sections of one lesson page.
  static func sections(page: String, title: String, document: Document) -> [Section] {
    var sections: [Section] = []
    var current = Section(title: title, url: page, text: "")
    // Pieces of text are appended to the section's text as they come, separated by spaces.
    func flush() {
      if !current.text.isEmpty || current.url != page { sections.append(current) }
    }
    func separate() {
      if !current.text.isEmpty { current.text += " " }
    }
    func add(_ inlines: [Inline]) {
      separate()
      let before = current.text.utf8.count
      inlines.appendPlainText(to: &current.text)
      // Nothing added: take back the separator.
      if current.text.utf8.count == before && before > 0 { current.text.removeLast() }
    }
    func add(_ text: String) {
      guard !text.isEmpty else { return }
      separate()
      current.text += text
    }
    func walk(_ blocks: [Block]) {
      for block in blocks {
        switch block.kind {
        case .heading(let level, let content, let id) where level >= 2:
          flush()
          current = Section(title: title + " · " + content.plainText, url: page + "#" + id, text: "")
        case .heading(_, let content, _):
          add(content)
        case .paragraph(let inlines):
          add(inlines)
        case .codeBlock(let code):
          // Commands and output are searchable; long outputs are cut to keep the file small.
          add(codeText(code.literal))
        case .blockQuote(let children), .callout(_, let children):
          walk(children)
        case .list(_, let items):
          for item in items { walk(item) }
        case .table(let table):
          add(table.header.map(\.plainText).joined(separator: " "))
          for row in table.rows { add(row.map(\.plainText).joined(separator: " ")) }
        case .thematicBreak, .html:
          continue
        }
      }
    }
    walk(document.blocks)
    flush()
    return sections
  }

  /// The first 600 bytes of a code block (cut at a character boundary), its lines joined by
  /// spaces.
  static func codeText(_ literal: String) -> String {
    var bytes = Array(literal.utf8)
    if bytes.count > 600 {
      var end = 600
      while end > 0 && bytes[end] & 0xC0 == 0x80 { end -= 1 }
      bytes.removeSubrange(end...)
    }
    for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") { bytes[index] = UInt8(ascii: " ") }
    while bytes.last == UInt8(ascii: " ") { bytes.removeLast() }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// One document of `search-index.js`: `["title","url","text"]`, escaped for a script.
  static func document(_ section: Section) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(section.text.utf8.count + section.title.utf8.count + section.url.utf8.count + 16)
    bytes += Array("[\"".utf8)
    Navigation.appendEscaped(section.title, to: &bytes)
    bytes += Array("\",\"".utf8)
    Navigation.appendEscaped(section.url, to: &bytes)
    bytes += Array("\",\"".utf8)
    Navigation.appendEscaped(section.text, to: &bytes)
    bytes += Array("\"]".utf8)
    return bytes
  }

  /// A page's documents (``document(_:)``) as one run, separated by commas.
  static func pageDocuments(_ sections: [Section]) -> [UInt8] {
    var bytes: [UInt8] = []
    for (index, section) in sections.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      bytes += document(section)
    }
    return bytes
  }

  /// The `search-index.js` script from each page's documents (``pageDocuments(_:)``), pages
  /// without any left out. `kubebook build` writes the same bytes piece by piece as pages come.
  static func script(pages: [[UInt8]]) -> [UInt8] {
    scriptHead + Array(pages.filter { !$0.isEmpty }.joined(separator: scriptSeparator)) + scriptTail
  }

  /// The script before the pages' documents.
  static let scriptHead = Array(
    "// Generated by kubebook: the offline search data.\nwindow.kubebookSearch = {\"docs\":[".utf8)
  /// Between two pages' (non-empty) documents.
  static let scriptSeparator = [UInt8(ascii: ",")]
  /// The script after the pages' documents.
  static let scriptTail = Array("]};\n".utf8)
}
