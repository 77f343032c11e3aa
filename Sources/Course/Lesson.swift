import KubeSim
import Kubectl
import Markdown

/// One lesson: its Markdown, parsed, with its scenario and file blocks found and checked
/// for syntax.
public struct Lesson: Sendable {
  /// A block kubebook acts on, in page order.
  public enum Item: Sendable {
    /// A `file=NAME` block: saved in the page's working directory.
    case file(name: String, contents: String, line: Int)
    /// A `scenario` block.
    case scenario(Scenario)
  }

  /// The path relative to the content directory (`pods.md`).
  public var path: String
  /// The path as diagnostics show it (`content/pods.md`).
  public var displayPath: String
  /// The Markdown source.
  public var source: String
  /// The parsed document.
  public var document: Document
  /// The file and scenario blocks in page order.
  public var items: [Item]
  /// Syntax problems found in the blocks.
  public var diagnostics: [Diagnostic]
  /// The course's defaults for a fresh cluster (`kubebook.toml`'s `[cluster]`).
  public var cluster = ClusterConfig()

  /// Decodes and parses a lesson.
  ///
  /// - Throws: a ``Diagnostic`` at the first byte that is not UTF-8.
  public init(path: String, displayPath: String, bytes: [UInt8]) throws(Diagnostic) {
    self.init(path: path, displayPath: displayPath, source: try InvalidUTF8.decode(bytes, path: displayPath))
  }

  /// Parses a lesson from text.
  public init(path: String, displayPath: String, source: String) {
    self.path = path
    self.displayPath = displayPath
    self.source = source
    self.document = MarkdownParser.parse(source)
    var items: [Item] = []
    var diagnostics = Self.limitDiagnostics(document, displayPath: displayPath)
    Self.collect(document.blocks, displayPath: displayPath, items: &items, diagnostics: &diagnostics)
    self.items = items
    self.diagnostics = diagnostics
  }

  /// The errors for a document past the parser's limits (too deeply nested, too much
  /// markup), at the line where it passed them.
  static func limitDiagnostics(_ document: Document, displayPath: String) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    if let line = document.tooMuchMarkupLine {
      diagnostics.append(
        Diagnostic(
          path: displayPath, line: line,
          message:
            "more than \(MarkdownParser.maximumMarkup) Markdown markup characters (line breaks, backslashes, backticks and & < > [ ] ! * _ - + |); split the file"
        ))
    }
    if let line = document.tooDeepLine {
      diagnostics.append(
        Diagnostic(
          path: displayPath, line: line,
          message:
            "Markdown nested more than \(MarkdownParser.maximumNesting) levels deep (each block quote, list, list item, paragraph, emphasis and link is a level); nest less"
        ))
    }
    return diagnostics
  }

  /// The scenarios of the page, in order.
  public var scenarios: [Scenario] {
    items.compactMap { if case .scenario(let scenario) = $0 { return scenario } else { return nil } }
  }

  private static func collect(
    _ blocks: [Block], displayPath: String, items: inout [Item], diagnostics: inout [Diagnostic]
  ) {
    for block in blocks {
      switch block.kind {
      case .codeBlock(let code):
        let info = InfoString(code.info)
        if info.language == "scenario" {
          do {
            items.append(
              .scenario(
                try ScenarioParser.parse(
                  literal: code.literal, info: info, fenceLine: block.line, endLine: block.endLine)))
          } catch {
            let line = error.offset < 0 ? block.line : block.line + 1 + error.offset
            diagnostics.append(Diagnostic(path: displayPath, line: line, message: error.message))
          }
        } else if let name = info.value("file") {
          guard let normalized = VirtualDirectory.normalize(name) else {
            diagnostics.append(
              Diagnostic(
                path: displayPath, line: block.line,
                message:
                  "file=\(name) leaves the page's directory; use a name relative to the page, without \"..\" or a leading \"/\""
              ))
            continue
          }
          items.append(.file(name: normalized, contents: code.literal, line: block.line))
        }
      case .blockQuote(let children), .callout(_, let children):
        collect(children, displayPath: displayPath, items: &items, diagnostics: &diagnostics)
      case .list(_, let listItems):
        for item in listItems {
          collect(item, displayPath: displayPath, items: &items, diagnostics: &diagnostics)
        }
      default:
        break
      }
    }
  }
}
