/// The HTML frame around every page: head, sidebar placeholder (filled by `toc.js`), the
/// lesson, and previous / next links.
enum PageLayout {
  /// What one page shows.
  struct Page {
    /// Its path in the site (`pods.html`).
    var path: String
    var title: String
    var courseTitle: String
    /// The rendered lesson.
    var body: String
    var previous: (path: String, title: String)?
    var next: (path: String, title: String)?
  }

  static func page(_ page: Page) -> String {
    let (head, tail) = frame(page)
    return head + page.body + tail
  }

  /// The page's HTML before its body and after it (the print page puts its chapters, as
  /// bytes, in between).
  static func frame(_ page: Page) -> (head: String, tail: String) {
    let root = PagePaths.root(for: page.path)
    let pageTitle = page.title == page.courseTitle ? page.title : page.title + " - " + page.courseTitle
    let html = """
      <!DOCTYPE html>
      <html lang="zh-CN">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(HTML.escape(pageTitle))</title>
      <link rel="stylesheet" href="\(root)assets/kubebook.css">
      <script src="\(root)assets/theme.js"></script>
      <script src="\(root)toc.js" defer></script>
      <script src="\(root)assets/kubebook.js" defer></script>
      </head>
      <body data-root="\(root)" data-page="\(HTML.escape(PagePaths.link(to: page.path)))">
      <a class="skip-link" href="#content">跳到正文</a>
      <header class="topbar"><a class="course-title" href="\(root)index.html">\(HTML.escape(page.courseTitle))</a><a class="toc-link" href="#sidebar">目录</a><input id="search" class="search" type="search" placeholder="搜索（按 s）" aria-label="搜索" autocomplete="off"><a class="print-link" href="\(root)print.html" title="全书在一页上，可打印或存为 PDF">打印</a><button id="theme-toggle" class="theme-toggle" type="button" aria-label="切换深色或浅色主题">主题</button></header>
      <nav id="sidebar" class="sidebar" aria-label="目录"><noscript><a href="\(root)index.html">目录</a></noscript></nav>
      <main id="content">
      <div id="search-results" class="search-results" role="region" aria-label="搜索结果" aria-live="polite" hidden></div>

      """
    var tail = "<nav class=\"pager\" aria-label=\"翻页\">"
    if let previous = page.previous {
      tail +=
        "<a rel=\"prev\" href=\"\(root)\(HTML.escape(PagePaths.link(to: previous.path)))\">← "
        + HTML.escape(previous.title) + "</a>"
    }
    if let next = page.next {
      tail +=
        "<a rel=\"next\" href=\"\(root)\(HTML.escape(PagePaths.link(to: next.path)))\">" + HTML.escape(next.title)
        + " →</a>"
    }
    tail += "</nav>\n</main>\n</body>\n</html>\n"
    return (html, tail)
  }
}
