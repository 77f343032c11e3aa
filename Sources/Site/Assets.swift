/// The theme's stylesheet and script, written next to the pages so the site needs no
/// network and works from `file://`.
enum Assets {
  static let css = """
    :root {
      --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0b62c4;
      --sidebar-bg: #f6f8fa; --code-bg: #f3f4f6; --term-bg: #161b22; --term-fg: #e6edf3;
      --term-prompt: #7ee787; --term-cmd: #ffffff; --term-out: #c9d1d9; --term-err: #ff9492;
      --note: #0969da; --tip: #1a7f37; --warning: #9a6700; --caution: #cf222e; --important: #8250df;
      --font: -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
        "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
      --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "Noto Sans Mono CJK SC", monospace;
    }
    @media (prefers-color-scheme: dark) {
      :root {
        --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --accent: #4493f8;
        --sidebar-bg: #151b23; --code-bg: #1f2630; --term-bg: #010409;
      }
    }
    * { box-sizing: border-box; }
    html { font-size: 17px; }
    body { margin: 0; background: var(--bg); color: var(--fg); font-family: var(--font); line-height: 1.75;
      display: grid; grid-template-columns: 17rem minmax(0, 1fr); grid-template-rows: auto 1fr;
      grid-template-areas: "top top" "side main"; min-height: 100vh; }
    a { color: var(--accent); }
    a:focus-visible, button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
    .skip-link { position: absolute; left: -999px; }
    .skip-link:focus { left: 1rem; top: 1rem; background: var(--bg); padding: .25rem .5rem; z-index: 10; }
    .topbar { grid-area: top; padding: .6rem 1.25rem; border-bottom: 1px solid var(--line); }
    .course-title { font-weight: 600; text-decoration: none; color: var(--fg); }
    .sidebar { grid-area: side; background: var(--sidebar-bg); border-right: 1px solid var(--line);
      padding: 1rem .75rem; font-size: .9rem; overflow-y: auto; }
    .sidebar ol { list-style: none; margin: 0; padding-left: .9rem; }
    .sidebar > ol { padding-left: 0; }
    .sidebar a { color: var(--fg); text-decoration: none; display: block; padding: .1rem .35rem; border-radius: 4px; }
    .sidebar a:hover { background: var(--line); }
    .sidebar a.active { background: var(--accent); color: #fff; }
    .draft { color: var(--muted); }
    main { grid-area: main; max-width: 60rem; padding: 1rem 2rem 3rem; width: 100%; }
    h1, h2, h3, h4 { line-height: 1.35; }
    h1 .anchor, h2 .anchor, h3 .anchor, h4 .anchor { color: inherit; text-decoration: none; }
    code { font-family: var(--mono); font-size: .88em; background: var(--code-bg); padding: .1em .3em; border-radius: 4px; }
    pre { background: var(--code-bg); padding: .8rem 1rem; border-radius: 6px; overflow-x: auto; line-height: 1.45; }
    pre code { background: none; padding: 0; font-size: .85rem; }
    figure.file { margin: 1rem 0; }
    figure.file figcaption { font-family: var(--mono); font-size: .8rem; color: var(--muted);
      border: 1px solid var(--line); border-bottom: none; border-radius: 6px 6px 0 0; padding: .2rem .8rem; display: inline-block; }
    figure.file pre { margin-top: 0; border-top-left-radius: 0; }
    .terminal { background: var(--term-bg); color: var(--term-out); border-radius: 8px; margin: 1rem 0; padding: .2rem 0; }
    .terminal pre { background: none; color: inherit; margin: 0; font-family: var(--mono); font-size: .82rem; }
    .terminal .prompt { color: var(--term-prompt); user-select: none; }
    .terminal .command { color: var(--term-cmd); font-weight: 600; }
    .terminal .heredoc { color: var(--term-cmd); }
    .terminal .output.failed { color: var(--term-err); }
    .sim-event { margin: .3rem 1rem; padding: .3rem .6rem; border-left: 3px solid #d29922; color: var(--term-fg);
      font-size: .85rem; background: rgba(210, 153, 34, .12); }
    .sim-badge { font-weight: 700; color: #d29922; }
    .sim-event code { background: none; color: inherit; }
    .table-wrapper { overflow-x: auto; }
    table { border-collapse: collapse; margin: 1rem 0; }
    th, td { border: 1px solid var(--line); padding: .35rem .7rem; }
    th { background: var(--sidebar-bg); }
    blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 4px solid var(--line); color: var(--muted); }
    .callout { margin: 1rem 0; padding: .5rem 1rem; border-left: 4px solid var(--note); background: var(--code-bg); border-radius: 0 6px 6px 0; }
    .callout-title { font-weight: 700; margin: 0; }
    .callout-note { border-color: var(--note); } .callout-note .callout-title { color: var(--note); }
    .callout-tip { border-color: var(--tip); } .callout-tip .callout-title { color: var(--tip); }
    .callout-important { border-color: var(--important); } .callout-important .callout-title { color: var(--important); }
    .callout-warning { border-color: var(--warning); } .callout-warning .callout-title { color: var(--warning); }
    .callout-caution { border-color: var(--caution); } .callout-caution .callout-title { color: var(--caution); }
    .pager { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem; border-top: 1px solid var(--line); padding-top: 1rem; }
    .pager a[rel="next"] { margin-left: auto; }
    ol.contents { line-height: 2; }
    @media (max-width: 48rem) {
      body { grid-template-columns: minmax(0, 1fr); grid-template-areas: "top" "main" "side"; }
      .sidebar { border-right: none; border-top: 1px solid var(--line); }
      main { padding: 1rem; }
    }
    @media print { .sidebar, .topbar, .pager { display: none; } body { display: block; } }

    """

  static let javascript = """
    // kubebook: keyboard navigation between pages (← and →), as in mdBook.
    (function () {
      document.addEventListener("keydown", function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
        var target = event.target;
        if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
        var rel = event.key === "ArrowLeft" ? "prev" : event.key === "ArrowRight" ? "next" : null;
        if (!rel) return;
        var link = document.querySelector('a[rel="' + rel + '"]');
        if (link) { event.preventDefault(); window.location.href = link.href; }
      });
    })();

    """
}
