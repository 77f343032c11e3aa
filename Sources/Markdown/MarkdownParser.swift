import CCmark

/// Parses CommonMark text into a ``Document``, adding pipe tables, callouts and heading ids
/// on top of cmark.
///
/// This is the only code in kubebook that touches cmark. No C pointer outlives ``parse(_:)``.
///
/// The tree it makes is never deeper than ``maximumNesting`` containers (block quotes, lists,
/// list items, paragraphs, emphasis, links, ...), so every walk over it may recurse: deeper
/// containers are flattened into the one at the limit, and the document records the line of
/// the first one (``Document/tooDeepLine``) for the caller to report as an error.
public enum MarkdownParser {
  /// The most containers a document's tree nests (cmark itself has no limit).
  public static let maximumNesting = 100

  /// The most markup characters (``MarkupCount``) a source may hold: the course's largest
  /// lesson has under a thousand; cmark's nodes for this many take about 40 MB.
  public static let maximumMarkup = 200_000

  /// Parses `source` (UTF-8 Markdown) into a value tree; one with too much markup gives an
  /// empty document naming the line (``Document/tooMuchMarkupLine``).
  public static func parse(_ source: String) -> Document {
    if let line = MarkupCount.lineExceeding(maximumMarkup, in: source) {
      return Document(blocks: [], tooMuchMarkupLine: line)
    }
    var tooDeepLine: Int?
    var blocks = convert(source: source, lines: SourceLines(source), depth: 0, tooDeepLine: &tooDeepLine)
    HeadingIDs.assign(to: &blocks)
    return Document(blocks: blocks, tooDeepLine: tooDeepLine)
  }

  /// Parses `text` as the inline content of a single paragraph (used for table cells) that
  /// sits `depth` containers deep; `tooDeep` is set when its content nests past the limit.
  static func parseInlines(_ text: String, depth: Int = 0, tooDeep: inout Bool) -> [Inline] {
    let trimmed = text.trimmingSpaces()
    if trimmed.isEmpty { return [] }
    let text = escapeBlockStart(trimmed)
    var tooDeepLine: Int?
    let blocks = convert(
      source: text, lines: SourceLines(""), recognizeExtensions: false, depth: depth, tooDeepLine: &tooDeepLine)
    if tooDeepLine != nil { tooDeep = true }
    if case .paragraph(let inlines)? = blocks.first?.kind { return inlines }
    return [.text(trimmed)]
  }

  /// Backslash-escapes a start that would make a cell's text a block (heading, list, quote,
  /// thematic break, fence) rather than inline content.
  private static func escapeBlockStart(_ text: String) -> String {
    guard let first = text.first else { return text }
    let second = text.dropFirst().first
    let spaceAfterMarker = second == nil || second == " " || second == "\t"
    if first == ">" || text.hasPrefix("```") || text.hasPrefix("~~~") { return "\\" + text }
    if first == "#" && (spaceAfterMarker || text.drop { $0 == "#" }.first.map { $0 == " " } ?? true) {
      return "\\" + text
    }
    if "-+*".contains(first) && spaceAfterMarker { return "\\" + text }
    let marks = text.filter { $0 != " " && $0 != "\t" }
    if marks.count >= 3, let mark = marks.first, "-*_".contains(mark), marks.allSatisfy({ $0 == mark }) {
      return "\\" + text
    }
    let digits = text.prefix(while: \.isASCIIDigit)
    if !digits.isEmpty {
      let rest = text.dropFirst(digits.count)
      if let marker = rest.first, marker == "." || marker == ")" {
        let after = rest.dropFirst().first
        if after == nil || after == " " { return digits + "\\" + rest }
      }
    }
    return text
  }

  // MARK: - Conversion from cmark

  /// One open container while walking cmark's tree.
  private struct Frame {
    var node: OpaquePointer
    var type: cmark_node_type
    var blocks: [Block] = []
    var inlines: [Inline] = []
    var items: [[Block]] = []
  }

  /// Converts cmark's tree of `source` to blocks; `depth` containers are open around it
  /// already. Containers past ``maximumNesting`` are left out (their content goes to the
  /// innermost one kept) and the first one's line is put in `tooDeepLine`.
  private static func convert(
    source: String, lines: SourceLines, recognizeExtensions: Bool = true, depth: Int, tooDeepLine: inout Int?
  ) -> [Block] {
    let bytes = Array(source.utf8)
    guard
      let root = bytes.withUnsafeBufferPointer({ buffer -> OpaquePointer? in
        buffer.baseAddress.flatMap { base in
          base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
          }
        } ?? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
      })
    else { return [] }
    defer { cmark_node_free(root) }
    guard let iterator = cmark_iter_new(root) else { return [] }
    defer { cmark_iter_free(iterator) }

    var stack: [Frame] = []
    var result: [Block] = []
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      let type = cmark_node_get_type(node)
      if type == CMARK_NODE_DOCUMENT {
        if event == CMARK_EVENT_EXIT, let frame = stack.popLast() { result = frame.blocks }
        if event == CMARK_EVENT_ENTER { stack.append(Frame(node: node, type: type)) }
        continue
      }
      if event == CMARK_EVENT_ENTER, isContainer(type) {
        // The document's frame is not a level.
        if depth + stack.count > maximumNesting {
          if tooDeepLine == nil { tooDeepLine = Int(cmark_node_get_start_line(node)) }
          continue
        }
        stack.append(Frame(node: node, type: type))
        continue
      }
      if event == CMARK_EVENT_EXIT {
        // A container left out past the limit has no frame.
        guard stack.last?.node == node, let frame = stack.popLast() else { continue }
        finish(
          frame, into: &stack, lines: lines, recognizeExtensions: recognizeExtensions,
          depth: depth + stack.count, tooDeepLine: &tooDeepLine)
        continue
      }
      leaf(node, type: type, lines: lines, into: &stack)
    }
    return result
  }

  private static func isContainer(_ type: cmark_node_type) -> Bool {
    switch type {
    case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM, CMARK_NODE_PARAGRAPH,
      CMARK_NODE_HEADING, CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK,
      CMARK_NODE_IMAGE, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
      return true
    default:
      return false
    }
  }

  private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(cString: $0) } ?? ""
  }

  private static func lineRange(_ node: OpaquePointer) -> (Int, Int) {
    let start = Int(cmark_node_get_start_line(node))
    return (start, max(start, Int(cmark_node_get_end_line(node))))
  }

  /// Converts a leaf node and appends it to the innermost open frame.
  private static func leaf(
    _ node: OpaquePointer, type: cmark_node_type, lines: SourceLines, into stack: inout [Frame]
  ) {
    guard !stack.isEmpty else { return }
    let (line, endLine) = lineRange(node)
    switch type {
    case CMARK_NODE_TEXT:
      appendText(string(cmark_node_get_literal(node)), to: &stack[stack.count - 1].inlines)
    case CMARK_NODE_CODE:
      stack[stack.count - 1].inlines.append(.code(string(cmark_node_get_literal(node))))
    case CMARK_NODE_SOFTBREAK:
      stack[stack.count - 1].inlines.append(.softBreak)
    case CMARK_NODE_LINEBREAK:
      stack[stack.count - 1].inlines.append(.lineBreak)
    case CMARK_NODE_HTML_INLINE:
      stack[stack.count - 1].inlines.append(.html(string(cmark_node_get_literal(node))))
    case CMARK_NODE_CODE_BLOCK:
      let info = string(cmark_node_get_fence_info(node))
      let literal = string(cmark_node_get_literal(node))
      let fenced = isFence(lines: lines, line: line)
      stack[stack.count - 1].blocks.append(
        Block(.codeBlock(CodeBlock(info: info, literal: literal, fenced: fenced)), line: line, endLine: endLine))
    case CMARK_NODE_HTML_BLOCK:
      stack[stack.count - 1].blocks.append(
        Block(.html(string(cmark_node_get_literal(node))), line: line, endLine: endLine))
    case CMARK_NODE_THEMATIC_BREAK:
      stack[stack.count - 1].blocks.append(Block(.thematicBreak, line: line, endLine: endLine))
    default:
      break
    }
  }

  /// Whether source line `line` opens a fence (cmark 0.30 does not expose this).
  private static func isFence(lines: SourceLines, line: Int) -> Bool {
    guard line >= 1, line <= lines.count else { return false }
    let text = lines[line].drop { $0 == " " || $0 == ">" || $0 == "\t" }
    return text.hasPrefix("```") || text.hasPrefix("~~~")
  }

  /// Merges adjacent text runs, which cmark splits at every delimiter character.
  private static func appendText(_ text: String, to inlines: inout [Inline]) {
    if case .text(let previous)? = inlines.last {
      inlines[inlines.count - 1] = .text(previous + text)
    } else {
      inlines.append(.text(text))
    }
  }

  /// Closes a container frame, `depth` containers deep, and appends its value to the parent
  /// frame.
  private static func finish(
    _ frame: Frame, into stack: inout [Frame], lines: SourceLines, recognizeExtensions: Bool, depth: Int,
    tooDeepLine: inout Int?
  ) {
    guard !stack.isEmpty else { return }
    let node = frame.node
    let (line, endLine) = lineRange(node)
    let parent = stack.count - 1
    switch frame.type {
    case CMARK_NODE_PARAGRAPH:
      // A table's cells are parsed as paragraphs in the table's place.
      var tooDeep = false
      defer { if tooDeep && tooDeepLine == nil { tooDeepLine = line } }
      if recognizeExtensions,
        let split = PipeTableRecognizer.recognize(
          lines: lines, from: line, to: endLine, column: Int(cmark_node_get_start_column(node)), depth: depth - 1,
          tooDeep: &tooDeep)
      {
        if !split.leadingText.isEmpty {
          let text = parseInlines(split.leadingText, depth: depth - 1, tooDeep: &tooDeep)
          stack[parent].blocks.append(Block(.paragraph(text), line: line, endLine: split.tableLine - 1))
        }
        stack[parent].blocks.append(Block(.table(split.table), line: split.tableLine, endLine: endLine))
      } else {
        stack[parent].blocks.append(Block(.paragraph(frame.inlines), line: line, endLine: endLine))
      }
    case CMARK_NODE_HEADING:
      let level = Int(cmark_node_get_heading_level(node))
      stack[parent].blocks.append(
        Block(.heading(level: level, content: frame.inlines, id: ""), line: line, endLine: endLine))
    case CMARK_NODE_BLOCK_QUOTE:
      let kind: BlockKind =
        recognizeExtensions
        ? CalloutRecognizer.recognize(frame.blocks) ?? .blockQuote(frame.blocks)
        : .blockQuote(frame.blocks)
      stack[parent].blocks.append(Block(kind, line: line, endLine: endLine))
    case CMARK_NODE_ITEM:
      stack[parent].items.append(frame.blocks)
    case CMARK_NODE_LIST:
      let info = ListInfo(
        ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
        start: Int(cmark_node_get_list_start(node)),
        tight: cmark_node_get_list_tight(node) != 0)
      stack[parent].blocks.append(Block(.list(info, items: frame.items), line: line, endLine: endLine))
    case CMARK_NODE_EMPH:
      stack[parent].inlines.append(.emphasis(frame.inlines))
    case CMARK_NODE_STRONG:
      stack[parent].inlines.append(.strong(frame.inlines))
    case CMARK_NODE_LINK:
      stack[parent].inlines.append(
        .link(
          destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
          content: frame.inlines))
    case CMARK_NODE_IMAGE:
      stack[parent].inlines.append(
        .image(
          source: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
          alt: frame.inlines))
    default:
      stack[parent].blocks.append(contentsOf: frame.blocks)
      stack[parent].inlines.append(contentsOf: frame.inlines)
    }
  }
}

extension StringProtocol {
  /// The text without leading spaces and tabs and trailing spaces, tabs and carriage returns
  /// (ASCII, so the text is trimmed as UTF-8 bytes).
  func trimmingSpaces() -> String {
    let text = Substring(self)
    let bytes = text.utf8
    var start = bytes.startIndex
    var end = bytes.endIndex
    while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start = bytes.index(after: start) }
    while start < end {
      let last = bytes[bytes.index(before: end)]
      guard last == 0x20 || last == 0x09 || last == 0x0D else { break }
      end = bytes.index(before: end)
    }
    return String(text[start..<end])
  }
}

extension Character {
  /// Whether the character is one of `0`–`9`.
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
