/// The page template rendered once for each shape a page can have — which of its optional
/// values (previous, next, description, url, edit-url) it has — with a mark in place of
/// every value that changes from page to page. A page is then its shape's pieces joined
/// with its values: Mustache runs 32 times a build, not once a page. A template that
/// changes a value rather than placing it (a transform, `{{uppercased(title)}}`) leaves a
/// mark it cannot be joined at; its pages are rendered one by one instead.
struct PageShapes: Sendable {
  /// One piece of a rendered shape.
  enum Piece: Sendable, Equatable {
    /// Template text, as it is.
    case text(String)
    /// The page's value of this name.
    case value(String)
    /// Where the body goes.
    case body
  }

  /// The values a page may lack, each a bit of the shape's number.
  static let optionalNames = ["previous", "next", "description", "url", "edit-url"]
  /// The values that change from page to page, by their names in ``PageLayout``'s values
  /// (`previous.path` is `path` inside `previous`).
  static let pageNames: Set<String> = [
    "root", "title", "page-title", "page", "og-type", "description", "url", "edit-url", "previous.path",
    "previous.title", "next.path", "next.title",
  ]
  /// Marks a value: `\u{1}v:NAME\u{1}`; the body is `\u{1}body\u{1}`.
  static let separator: Character = "\u{1}"

  /// The pieces of each shape, by its number; nil when the template changes a value.
  let pieces: [[Piece]]?

  /// Renders `template` in every shape, with `shared` (the values every page has).
  init(template: PageTemplate, shared: [String: Any]) {
    var all: [[Piece]] = []
    for shape in 0..<(1 << Self.optionalNames.count) {
      guard let pieces = Self.pieces(of: template.template.render(Self.markedValues(shape, shared: shared))) else {
        self.pieces = nil
        return
      }
      all.append(pieces)
    }
    self.pieces = all
  }

  /// The shape of a page with `values`.
  static func shape(of values: [String: String]) -> Int {
    var shape = 0
    for (bit, name) in optionalNames.enumerated() where values[name] != nil || values[name + ".path"] != nil {
      shape |= 1 << bit
    }
    return shape
  }

  /// The values of `shape` with marks for every page value.
  static func markedValues(_ shape: Int, shared: [String: Any]) -> [String: Any] {
    var values = shared
    func mark(_ name: String) -> String { "\u{1}v:" + name + "\u{1}" }
    for name in ["root", "title", "page-title", "page", "og-type"] { values[name] = mark(name) }
    values["body"] = "\u{1}body\u{1}"
    for (bit, name) in optionalNames.enumerated() where shape & (1 << bit) != 0 {
      if name == "previous" || name == "next" {
        values[name] = ["path": mark(name + ".path"), "title": mark(name + ".title")]
      } else {
        values[name] = mark(name)
      }
    }
    return values
  }

  /// `rendered` cut at its marks; nil when a mark was changed or the body is there twice.
  static func pieces(of rendered: String) -> [Piece]? {
    var pieces: [Piece] = []
    var bodies = 0
    for (index, part) in rendered.split(separator: separator, omittingEmptySubsequences: false).enumerated() {
      if index % 2 == 0 {
        if !part.isEmpty { pieces.append(.text(String(part))) }
      } else if part == "body" {
        bodies += 1
        pieces.append(.body)
      } else if part.hasPrefix("v:"), pageNames.contains(String(part.dropFirst(2))) {
        pieces.append(.value(String(part.dropFirst(2))))
      } else {
        return nil
      }
    }
    // An odd number of separators leaves a mark open.
    guard rendered.count(where: { $0 == separator }) % 2 == 0, bodies <= 1 else { return nil }
    return pieces
  }

  /// The page with `values` (by ``pageNames``) around its body; nil when the template is
  /// rendered page by page.
  func frame(_ values: [String: String]) -> (head: String, tail: String)? {
    guard let pieces else { return nil }
    var head = ""
    var tail = ""
    var pastBody = false
    for piece in pieces[Self.shape(of: values)] {
      switch piece {
      case .text(let text):
        if pastBody { tail += text } else { head += text }
      case .value(let name):
        let value = values[name] ?? ""
        if pastBody { tail += value } else { head += value }
      case .body:
        pastBody = true
      }
    }
    return (head, tail)
  }
}
