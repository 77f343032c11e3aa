/// A course's theme (its `theme/` directory, read by Workspace): the page template, the
/// stylesheet that replaces the built-in one, and files copied into the site as they are.
public struct Theme: Sendable {
  /// The page template (`page.mustache`, or the built-in one).
  public var template = PageTemplate.builtIn
  /// `style.css`, replacing `assets/kubebook.css` whole; nil: the built-in stylesheet.
  public var stylesheet: [UInt8]?
  /// Every other file of the theme, at its path in the site (`favicon.svg`, `fonts/x.woff2`).
  public var files: [SiteFile] = []

  /// The built-in theme.
  public init() {}
}
