/// Turns a block quote that starts with `[!NOTE]`, `[!TIP]`, ... into a callout.
enum CalloutRecognizer {
  /// Returns a callout block kind when `blocks` (a block quote's content) start with a
  /// callout marker on a line of its own, or nil.
  static func recognize(_ blocks: [Block]) -> BlockKind? {
    guard case .paragraph(let inlines)? = blocks.first?.kind,
      case .text(let first)? = inlines.first
    else { return nil }
    for kind in CalloutKind.allCases {
      let marker = "[!\(kind.rawValue)]"
      guard first.uppercased().hasPrefix(marker) else { continue }
      let rest = first.dropFirst(marker.count).trimmingSpaces()
      guard rest.isEmpty else { return nil }
      var remaining = Array(inlines.dropFirst())
      if let next = remaining.first, next == .softBreak || next == .lineBreak {
        remaining.removeFirst()
      }
      var body = blocks
      if remaining.isEmpty {
        body.removeFirst()
      } else {
        body[0].kind = .paragraph(remaining)
        body[0].line += 1
      }
      return .callout(kind, body)
    }
    return nil
  }
}
