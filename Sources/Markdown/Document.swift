/// A parsed Markdown document: a tree of Swift values with source line numbers.
///
/// Nothing in it refers to cmark; it is safe to share across threads.
public struct Document: Sendable, Equatable {
  /// The top-level blocks, in source order.
  public var blocks: [Block]
  /// The 1-based line of the first container nested deeper than
  /// ``MarkdownParser/maximumNesting`` (left out of the tree, its content kept in the
  /// container around it), or nil when none is: an error to report.
  public var tooDeepLine: Int?
  /// The 1-based line on which the source passes ``MarkdownParser/maximumMarkup`` markup
  /// characters (the document is then empty), or nil: an error to report.
  public var tooMuchMarkupLine: Int?

  /// Creates a document from its top-level blocks.
  public init(blocks: [Block], tooDeepLine: Int? = nil, tooMuchMarkupLine: Int? = nil) {
    self.blocks = blocks
    self.tooDeepLine = tooDeepLine
    self.tooMuchMarkupLine = tooMuchMarkupLine
  }
}

/// One block-level element and the 1-based source line it starts on.
public struct Block: Sendable, Equatable {
  /// What the block is.
  public var kind: BlockKind
  /// The 1-based line of the block's first source line.
  public var line: Int
  /// The 1-based line of the block's last source line.
  public var endLine: Int

  /// Creates a block.
  public init(_ kind: BlockKind, line: Int, endLine: Int? = nil) {
    self.kind = kind
    self.line = line
    self.endLine = endLine ?? line
  }
}

/// The kinds of block-level element kubebook understands.
public indirect enum BlockKind: Sendable, Equatable {
  case paragraph([Inline])
  case heading(level: Int, content: [Inline], id: String)
  case codeBlock(CodeBlock)
  case blockQuote([Block])
  case callout(CalloutKind, [Block])
  case list(ListInfo, items: [[Block]])
  case table(Table)
  case thematicBreak
  case html(String)
}

/// A fenced or indented code block.
public struct CodeBlock: Sendable, Equatable {
  /// The info string after the opening fence (empty for indented blocks).
  public var info: String
  /// The block's content, each line ending in a newline.
  public var literal: String
  /// Whether the block was fenced (and so has fence lines around its content).
  public var fenced: Bool

  /// Creates a code block.
  public init(info: String, literal: String, fenced: Bool) {
    self.info = info
    self.literal = literal
    self.fenced = fenced
  }

  /// The first word of the info string: the block's language or tag.
  public var language: String {
    String(info.split(separator: " ", maxSplits: 1).first ?? "")
  }
}

/// How a list is numbered and spaced.
public struct ListInfo: Sendable, Equatable {
  /// Whether the list is numbered.
  public var ordered: Bool
  /// The first number of an ordered list.
  public var start: Int
  /// Whether the items are tight (no paragraphs around item text).
  public var tight: Bool

  /// Creates list information.
  public init(ordered: Bool, start: Int, tight: Bool) {
    self.ordered = ordered
    self.start = start
    self.tight = tight
  }
}

/// The GitHub callout kinds (`> [!NOTE]` and friends).
public enum CalloutKind: String, Sendable, CaseIterable {
  case note = "NOTE"
  case tip = "TIP"
  case important = "IMPORTANT"
  case warning = "WARNING"
  case caution = "CAUTION"
}

/// An inline element.
public indirect enum Inline: Sendable, Equatable {
  case text(String)
  case code(String)
  case emphasis([Inline])
  case strong([Inline])
  case link(destination: String, title: String, content: [Inline])
  case image(source: String, title: String, alt: [Inline])
  case softBreak
  case lineBreak
  case html(String)
}

extension Inline {
  /// The element's text with all markup removed (for ids, titles and search).
  public var plainText: String {
    var result = ""
    appendPlainText(to: &result)
    return result
  }

  /// Appends ``plainText`` to `result`, without making it first.
  public func appendPlainText(to result: inout String) {
    switch self {
    case .text(let text), .code(let text): result += text
    case .emphasis(let children), .strong(let children): children.appendPlainText(to: &result)
    case .link(_, _, let content): content.appendPlainText(to: &result)
    case .image(_, _, let alt): alt.appendPlainText(to: &result)
    case .softBreak, .lineBreak: result += " "
    case .html: break
    }
  }
}

extension Array where Element == Inline {
  /// The concatenated plain text of the elements.
  public var plainText: String {
    var result = ""
    appendPlainText(to: &result)
    return result
  }

  /// Appends ``plainText`` to `result`, without making it first.
  public func appendPlainText(to result: inout String) {
    for inline in self { inline.appendPlainText(to: &result) }
  }
}
