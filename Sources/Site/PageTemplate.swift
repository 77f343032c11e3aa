import Mustache

/// The page template: the built-in one (``builtIn``) or a theme's `page.mustache`, parsed
/// once per build. Every value it is given is HTML already (escaped text, or markup), so a
/// template writes values with triple braces: `{{{title}}}`. `guide/configuration.md` lists them.
public struct PageTemplate: Sendable {
  /// The parsed template.
  let template: MustacheTemplate

  /// A template that does not parse: the parser's message.
  public struct SyntaxError: Error, Sendable {
    /// What is wrong, as the Mustache parser says it.
    public var message: String
  }

  /// Parses `text`.
  public init(_ text: String) throws(SyntaxError) {
    do { template = try MustacheTemplate(string: text) } catch {
      throw SyntaxError(message: "the page template does not parse: \(error)")
    }
  }

  /// The built-in template.
  public static let builtIn: PageTemplate = {
    switch Result(catching: { () throws(SyntaxError) in try PageTemplate(builtInText) }) {
    case .success(let template): return template
    case .failure(let error): fatalError("the built-in page template: \(error.message)")
    }
  }()

  /// Where the page's body goes: rendered in place of `{{{body}}}`, then split there so the
  /// body, already bytes, is never copied into a string.
  static let bodyMark = "\u{1}kubebook-body\u{1}"

  /// The page around its body: the text before `{{{body}}}` and after it.
  func frame(_ values: [String: Any]) -> (head: String, tail: String) {
    var values = values
    values["body"] = Self.bodyMark
    let page = template.render(values)
    guard let mark = page.range(of: Self.bodyMark) else { return (page, "") }
    return (String(page[..<mark.lowerBound]), String(page[mark.upperBound...]))
  }

  /// The built-in page: head, top bar, sidebar placeholder (filled by `toc.js`), search
  /// results, the body and the pager.
  public static let builtInText = """
    <!DOCTYPE html>
    <html lang="{{{lang}}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{{title}}}</title>
    {{#description}}
    <meta name="description" content="{{{description}}}">
    {{/description}}
    {{#authors}}
    <meta name="author" content="{{{authors}}}">
    {{/authors}}
    <meta property="og:title" content="{{{page-title}}}">
    <meta property="og:type" content="{{{og-type}}}">
    {{#description}}
    <meta property="og:description" content="{{{description}}}">
    {{/description}}
    {{#url}}
    <meta property="og:url" content="{{{url}}}">
    <link rel="canonical" href="{{{url}}}">
    {{/url}}
    <link rel="icon" href="{{{root}}}favicon.svg" type="image/svg+xml">
    <link rel="stylesheet" href="{{{root}}}assets/kubebook.css">
    <script src="{{{root}}}assets/theme.js"></script>
    <script src="{{{root}}}toc.js" defer></script>
    <script src="{{{root}}}assets/kubebook.js" defer></script>
    </head>
    <body data-root="{{{root}}}" data-page="{{{page}}}">
    <a class="skip-link" href="#content">{{{strings.skip-to-content}}}</a>
    <header class="topbar"><a class="course-title" href="{{{root}}}index.html">{{{course-title}}}</a><a class="toc-link" href="#sidebar">{{{strings.contents}}}</a><input id="search" class="search" type="search" placeholder="{{{strings.search-placeholder}}}" aria-label="{{{strings.search-label}}}" autocomplete="off"><a class="print-link" href="{{{root}}}print.html" title="{{{strings.print-title}}}">{{{strings.print}}}</a>{{#repository}}<a class="print-link repository-link" href="{{{repository}}}">{{{strings.repository}}}</a>{{/repository}}<button id="theme-toggle" class="theme-toggle" type="button" aria-label="{{{strings.theme-label}}}">{{{strings.theme}}}</button></header>
    <nav id="sidebar" class="sidebar" aria-label="{{{strings.contents}}}"><noscript><a href="{{{root}}}index.html">{{{strings.contents}}}</a></noscript></nav>
    <main id="content">
    <div id="search-results" class="search-results" role="region" aria-label="{{{strings.search-results}}}" aria-live="polite" hidden></div>
    {{{body}}}{{#edit-url}}<p class="edit-page"><a href="{{{edit-url}}}">{{{strings.edit-page}}}</a></p>
    {{/edit-url}}<nav class="pager" aria-label="{{{strings.pager}}}">{{#previous}}<a rel="prev" href="{{{root}}}{{{path}}}">← {{{title}}}</a>{{/previous}}{{#next}}<a rel="next" href="{{{root}}}{{{path}}}">{{{title}}} →</a>{{/next}}</nav>
    </main>
    </body>
    </html>

    """
}
