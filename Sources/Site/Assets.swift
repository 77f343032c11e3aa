import BookConfig
import Foundation

/// The theme's stylesheet and script, written next to the pages so the site needs no
/// network and works from `file://`.
enum Assets {
  static let css = """
    :root {
      --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --accent: #0b62c4;
      --sidebar-bg: #f6f8fa; --code-bg: #f3f4f6; --term-bg: #161b22; --term-fg: #e6edf3;
      --term-prompt: #7ee787; --term-cmd: #ffffff; --term-out: #c9d1d9; --term-err: #ff9492;
      --hl-key: #116329; --hl-string: #0a3069; --hl-number: #0550ae; --hl-comment: #59636e;
      --hl-command: #8250df; --hl-flag: #0550ae; --hl-variable: #953800; --hl-punctuation: #59636e;
      --note: #0969da; --tip: #1a7f37; --warning: #9a6700; --caution: #cf222e; --important: #8250df;
      --font: -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB",
        "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif;
      --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "Noto Sans Mono CJK SC", monospace;
    }
    @media (prefers-color-scheme: dark) {
      :root:not([data-theme="light"]) {
        --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --accent: #4493f8;
        --sidebar-bg: #151b23; --code-bg: #1f2630; --term-bg: #010409;
        --hl-key: #7ee787; --hl-string: #a5d6ff; --hl-number: #79c0ff; --hl-comment: #9198a1;
        --hl-command: #d2a8ff; --hl-flag: #79c0ff; --hl-variable: #ffa657; --hl-punctuation: #9198a1;
      }
    }
    :root[data-theme="dark"] {
      --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --accent: #4493f8;
      --sidebar-bg: #151b23; --code-bg: #1f2630; --term-bg: #010409;
      --hl-key: #7ee787; --hl-string: #a5d6ff; --hl-number: #79c0ff; --hl-comment: #9198a1;
      --hl-command: #d2a8ff; --hl-flag: #79c0ff; --hl-variable: #ffa657; --hl-punctuation: #9198a1;
    }
    .theme-toggle { flex: none; white-space: nowrap; font: inherit; font-size: .85rem; padding: .2rem .6rem; border: 1px solid var(--line);
      border-radius: 6px; background: var(--bg); color: var(--fg); cursor: pointer; }
    .practice { margin: -.6rem 0 1rem; font-size: .8rem; color: var(--muted); }
    .practice code { font-size: .95em; }
    .page-toc { border: 1px solid var(--line); border-radius: 8px; padding: .3rem 1rem; margin: 0 0 1.5rem; font-size: .92rem; }
    .page-toc summary { cursor: pointer; color: var(--muted); }
    .page-toc ol { margin: .3rem 0 .5rem; padding-left: 1.2rem; }
    .page-toc .level-3 { margin-left: 1rem; list-style: circle; }
    .sidebar .chapter-toggle { font: inherit; border: none; background: none; color: var(--muted); cursor: pointer;
      padding: 0 .25rem; }
    .sidebar li.collapsed > ol { display: none; }
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
    .topbar { display: flex; align-items: center; gap: 1rem; }
    .search { margin-left: auto; width: min(16rem, 45vw); font: inherit; font-size: .9rem; padding: .2rem .5rem;
      border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
    .search:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
    .search-results { border: 1px solid var(--line); border-radius: 8px; padding: .5rem 1rem; margin: 1rem 0 2rem; }
    .search-summary { color: var(--muted); margin: .2rem 0 .5rem; }
    .search-hit { display: block; padding: .4rem 0; border-top: 1px solid var(--line); text-decoration: none; color: var(--fg); }
    .search-hit:hover .search-title { text-decoration: underline; }
    .search-title { display: block; color: var(--accent); font-weight: 600; }
    .search-snippet { display: block; color: var(--muted); font-size: .9rem; }
    .search-snippet mark { background: #fff3b0; color: #1f2328; border-radius: 2px; }
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
    .hl-key { color: var(--hl-key); } .hl-string { color: var(--hl-string); } .hl-number, .hl-keyword { color: var(--hl-number); }
    .hl-comment { color: var(--hl-comment); font-style: italic; } .hl-punctuation { color: var(--hl-punctuation); }
    .hl-command { color: var(--hl-command); font-weight: 600; } .hl-flag { color: var(--hl-flag); }
    .hl-variable { color: var(--hl-variable); } .hl-prompt { color: var(--muted); user-select: none; }
    /* The terminal is dark in both themes: its own colours. */
    .terminal { --hl-key: #7ee787; --hl-string: #a5d6ff; --hl-number: #79c0ff; --hl-comment: #9198a1;
      --hl-command: #ffffff; --hl-flag: #79c0ff; --hl-variable: #ffa657; --hl-punctuation: #9198a1; }
    .terminal .hl-header { color: #ffa657; font-weight: 600; }
    .print-link { flex: none; font-size: .85rem; color: var(--muted); }
    .print-lesson + .print-lesson { border-top: 1px solid var(--line); margin-top: 2rem; }
    @media print {
      .topbar, .sidebar, .pager, .practice, .skip-link, .search-results, .page-toc, .player { display: none !important; }
      .print-lesson + .print-lesson { break-before: page; border: none; }
      .terminal, pre, .cluster-map, .timeline { break-inside: avoid; }
    }
    .cluster-state { margin: -.4rem 0 1.2rem; }
    .cluster-state summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
    table.state { font-family: var(--mono); font-size: .78rem; margin: .6rem 0; }
    table.state caption { text-align: left; font-size: .8rem; color: var(--muted); padding-bottom: .2rem; }
    table.state caption code { background: none; padding: 0; }
    table.state th, table.state td { padding: .15rem .6rem; white-space: nowrap; }
    table.state th { text-align: left; } table.state tbody th { font-weight: 500; }
    table.state tr.new, table.state tr.changed { background: rgba(210, 153, 34, .16); }
    .row-mark { font-family: var(--font); font-size: .7rem; color: #9a6700; border: 1px solid currentColor; border-radius: 3px; padding: 0 .2rem; }
    .status { font-weight: 600; }
    .status-ok { color: #1a7f37; } .status-wait { color: #9a6700; } .status-bad { color: #cf222e; } .status-done { color: var(--muted); }
    :root[data-theme="dark"] .status-ok { color: #3fb950; } :root[data-theme="dark"] .status-wait { color: #d29922; }
    :root[data-theme="dark"] .status-bad { color: #ff7b72; } :root[data-theme="dark"] .row-mark { color: #d29922; }
    @media (prefers-color-scheme: dark) {
      :root:not([data-theme="light"]) .status-ok { color: #3fb950; } :root:not([data-theme="light"]) .status-wait { color: #d29922; }
      :root:not([data-theme="light"]) .status-bad { color: #ff7b72; } :root:not([data-theme="light"]) .row-mark { color: #d29922; }
    }
    .cluster-map { margin: .6rem 0; max-width: 760px; }
    .cluster-map svg { display: block; font-family: var(--font); }
    .map-node { fill: var(--sidebar-bg); stroke: var(--line); stroke-width: 1.5; }
    .map-node-down { stroke: #cf222e; stroke-dasharray: 6 4; }
    .map-node-name { font-size: 13px; font-weight: 600; fill: var(--fg); }
    .map-node-status { font-weight: 400; fill: var(--muted); }
    .map-chip-text { font-size: 11px; fill: #ffffff; font-family: var(--mono); }
    .map-chip-text-dark { fill: #1f2328; }
    .map-chip-status { font-family: var(--font); }
    .map-pod-wait rect { stroke: #d29922; stroke-width: 2.5; stroke-dasharray: 5 3; }
    .map-pod-bad rect { stroke: #cf222e; stroke-width: 3; }
    .map-pod-done { opacity: .5; }
    .map-legend, .map-more { font-size: 12px; fill: var(--fg); }
    .player { margin: -.4rem 0 1.2rem; }
    .player summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
    .player-controls { display: flex; align-items: center; gap: .6rem; margin: .6rem 0; flex-wrap: wrap; }
    .player-controls[hidden] { display: none; }
    .player-controls button { font: inherit; padding: .2rem .7rem; border: 1px solid var(--line); border-radius: 6px; background: var(--sidebar-bg); color: var(--fg); cursor: pointer; }
    .player-slider { flex: 1 1 12rem; }
    .player-position { color: var(--muted); font-size: .9rem; min-width: 6rem; }
    .player-label { margin: .6rem 0 .2rem; font-size: .85rem; color: var(--muted); }
    .player-same { color: var(--muted); font-size: .9rem; }
    .player-live .player-label, .player-live .player-state { display: none; }
    .player-live .player-state.player-shown { display: block; }
    .player-live .player-step .terminal { margin: 0; border-radius: 0; }
    .player-step[hidden] { display: none; }
    .timeline { margin: .6rem 0 1rem; max-width: 760px; }
    .timeline svg { display: block; font-family: var(--font); }
    .timeline-axis { stroke: var(--fg); stroke-width: 1; }
    .timeline-grid { stroke: var(--line); stroke-width: 1; }
    .timeline-label, .timeline-legend { font-size: 12px; fill: var(--fg); }
    .timeline-ready, .timeline-current { fill: none; stroke-width: 3; stroke-linejoin: round; }
    .timeline-current { stroke-width: 1.5; stroke-dasharray: 5 4; }
    .timeline-event path { fill: var(--muted); }
    .timeline-event:hover path { fill: var(--fg); }
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
    .toc-link { display: none; flex: none; font-size: .85rem; color: var(--muted); }
    @media (max-width: 48rem) {
      body { grid-template-columns: minmax(0, 1fr); grid-template-areas: "top" "main" "side"; }
      .sidebar { border-right: none; border-top: 1px solid var(--line); }
      main { padding: 1rem; }
      /* The top bar wraps: title and buttons on one row, the search box on its own below. */
      .topbar { flex-wrap: wrap; gap: .5rem .75rem; padding: .5rem 1rem; }
      .toc-link { display: inline; margin-left: auto; }
      .search { order: 5; flex: 1 1 100%; width: auto; margin-left: 0; }
    }
    @media print { .sidebar, .topbar, .pager { display: none; } body { display: block; } }

    """

  /// Applied before the page is drawn (a blocking script in the head), so a chosen theme
  /// does not flash: the choice remembered in localStorage, or the system's.
  static let themeScript = """
    // kubebook: the remembered light / dark choice, set before the page is drawn.
    (function () {
      try {
        var theme = localStorage.getItem("kubebook-theme");
        if (theme === "light" || theme === "dark") document.documentElement.setAttribute("data-theme", theme);
      } catch (e) {}
    })();

    """

  /// The page script, its strings in the site's language: each `{{key}}` of
  /// ``javascriptTemplate`` becomes the string as an expression (``ScriptText``) over the
  /// script's variables there.
  static func javascript(_ strings: SiteStrings) -> String {
    javascriptTemplate
      .replacingOccurrences(
        of: "{{player-position}}",
        with: ScriptText.expression(strings, .playerPosition, ["step": "current", "count": "count"])
      )
      .replacingOccurrences(of: "{{theme-light}}", with: ScriptText.expression(strings, .themeLight))
      .replacingOccurrences(of: "{{theme-dark}}", with: ScriptText.expression(strings, .themeDark))
      .replacingOccurrences(
        of: "{{search-found}}", with: ScriptText.expression(strings, .searchFound, ["count": "hits.length"])
      )
      .replacingOccurrences(
        of: "{{search-nothing}}", with: ScriptText.expression(strings, .searchNothing, ["query": "query"]))
  }

  /// The default favicon: a ship's wheel in the accent colour.
  static let favicon = """
    <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#0b62c4"/><circle cx="16" cy="16" r="8" fill="none" stroke="#fff" stroke-width="2.5"/><path d="M16 3v26M3 16h26M6.8 6.8l18.4 18.4M25.2 6.8 6.8 25.2" stroke="#fff" stroke-width="2"/><circle cx="16" cy="16" r="3" fill="#fff"/></svg>

    """

  /// The page script, `{{key}}` where a string of the site goes (``javascript(_:)``).
  static let javascriptTemplate = """
    // kubebook: the step-through players. Each starts at step 1 with its controls shown;
    // step k shows the commands 1..k and the cluster after k (or after the last step
    // before it that changed the cluster). Without this script every step is shown in order.
    (function () {
      var players = document.querySelectorAll("details.player");
      Array.prototype.forEach.call(players, function (player) {
        var count = Number(player.getAttribute("data-steps"));
        var controls = player.querySelector(".player-controls");
        var slider = player.querySelector(".player-slider");
        var position = player.querySelector(".player-position");
        var steps = player.querySelectorAll(".player-step");
        var states = player.querySelectorAll(".player-state");
        var current = 1;
        function show(step) {
          current = Math.max(1, Math.min(count, step));
          slider.value = String(current);
          position.textContent = {{player-position}};
          Array.prototype.forEach.call(steps, function (element) {
            element.hidden = Number(element.getAttribute("data-step")) > current;
          });
          var shown = null;
          Array.prototype.forEach.call(states, function (element) {
            var at = Number(element.getAttribute("data-step"));
            if (at <= current && element.classList.contains("player-state-drawn")) shown = element;
            if (at === current && !shown) shown = element;
          });
          Array.prototype.forEach.call(states, function (element) {
            element.classList.toggle("player-shown", element === shown);
          });
          // The picture goes after the commands shown so far.
          if (shown) player.appendChild(shown);
        }
        player.classList.add("player-live");
        controls.hidden = false;
        player.querySelector(".player-prev").addEventListener("click", function () { show(current - 1); });
        player.querySelector(".player-next").addEventListener("click", function () { show(current + 1); });
        slider.addEventListener("input", function () { show(Number(slider.value)); });
        player.addEventListener("keydown", function (event) {
          if (event.target === slider) { event.stopPropagation(); return; }
          if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
          event.preventDefault();
          event.stopPropagation();
          show(current + (event.key === "ArrowLeft" ? -1 : 1));
        });
        show(1);
      });
    })();

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

    // kubebook: the theme button switches between light and dark and remembers the choice.
    (function () {
      var button = document.getElementById("theme-toggle");
      if (!button) return;
      function current() {
        var set = document.documentElement.getAttribute("data-theme");
        if (set) return set;
        return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
      }
      function label() {
        var dark = current() === "dark";
        button.textContent = dark ? {{theme-light}} : {{theme-dark}};
        button.setAttribute("aria-pressed", dark ? "true" : "false");
      }
      button.addEventListener("click", function () {
        var next = current() === "dark" ? "light" : "dark";
        document.documentElement.setAttribute("data-theme", next);
        try { localStorage.setItem("kubebook-theme", next); } catch (e) {}
        label();
      });
      label();
    })();

    // kubebook: offline search. The documents are a script (search-index.js) added to the page
    // on first use, so it works from file:// without fetch. A query is cut into Latin words
    // (matched from the start of a word, case-insensitively) and Chinese character pairs (a
    // lone character stays itself); a hit contains every one.
    (function () {
      var input = document.getElementById("search");
      var box = document.getElementById("search-results");
      if (!input || !box) return;
      var root = document.body.getAttribute("data-root") || "";
      var waiting = null;
      var requested = false;
      var lowered = null;
      function isCJK(code) {
        return (code >= 0x3040 && code <= 0x30FF) || (code >= 0x3400 && code <= 0x4DBF) ||
          (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0xAC00 && code <= 0xD7AF) ||
          (code >= 0xF900 && code <= 0xFAFF) || (code >= 0x20000 && code <= 0x2FA1F);
      }
      function pieces(text) {
        var words = [], word = "", run = "";
        Array.from(text).forEach(function (ch) {
          var code = ch.codePointAt(0);
          if (isCJK(code)) {
            if (word) { words.push({ latin: word }); word = ""; }
            run += ch;
          } else if (/[A-Za-z0-9]/.test(ch)) {
            if (run) { words.push({ cjk: run }); run = ""; }
            word += ch.toLowerCase();
          } else {
            if (word) { words.push({ latin: word }); word = ""; }
            if (run) { words.push({ cjk: run }); run = ""; }
          }
        });
        if (word) words.push({ latin: word });
        if (run) words.push({ cjk: run });
        return words;
      }
      function matchers(words) {
        var out = [];
        words.forEach(function (w) {
          if (w.latin) { out.push(new RegExp("(^|[^a-z0-9])" + w.latin)); return; }
          var chars = Array.from(w.cjk);
          if (chars.length === 1) out.push(chars[0]);
          for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
        });
        return out;
      }
      function contains(text, matcher) {
        return typeof matcher === "string" ? text.indexOf(matcher) >= 0 : matcher.test(text);
      }
      function snippet(text, words) {
        var lower = text.toLowerCase(), at = -1, length = 0;
        words.forEach(function (w) {
          var needle = w.latin || w.cjk, found = lower.indexOf(needle);
          if (found >= 0 && (at < 0 || found < at)) { at = found; length = needle.length; }
        });
        var span = document.createElement("span");
        span.className = "search-snippet";
        if (at < 0) { span.textContent = text.slice(0, 100) + (text.length > 100 ? "…" : ""); return span; }
        var start = Math.max(0, at - 30), end = Math.min(text.length, at + length + 70);
        span.appendChild(document.createTextNode((start > 0 ? "…" : "") + text.slice(start, at)));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(at, at + length);
        span.appendChild(mark);
        span.appendChild(document.createTextNode(text.slice(at + length, end) + (end < text.length ? "…" : "")));
        return span;
      }
      function run(query) {
        var data = window.kubebookSearch, words = pieces(query), wanted = matchers(words);
        if (!lowered) lowered = data.docs.map(function (doc) { return (doc[0] + " " + doc[2]).toLowerCase(); });
        var hits = [];
        if (wanted.length) {
          lowered.forEach(function (text, index) {
            if (wanted.every(function (m) { return contains(text, m); })) hits.push(index);
          });
        }
        box.textContent = "";
        var summary = document.createElement("p");
        summary.className = "search-summary";
        summary.textContent = hits.length ? {{search-found}} : {{search-nothing}};
        box.appendChild(summary);
        hits.slice(0, 50).forEach(function (index) {
          var doc = data.docs[index];
          var link = document.createElement("a");
          link.className = "search-hit";
          link.href = root + doc[1];
          var title = document.createElement("span");
          title.className = "search-title";
          title.textContent = doc[0];
          link.appendChild(title);
          link.appendChild(snippet(doc[2], words));
          box.appendChild(link);
        });
        box.hidden = false;
      }
      function search(query) {
        query = query.trim();
        if (!query) { box.hidden = true; box.textContent = ""; return; }
        if (window.kubebookSearch) { run(query); return; }
        waiting = query;
        if (requested) return;
        requested = true;
        var script = document.createElement("script");
        script.src = root + "search-index.js";
        script.onload = function () { if (waiting !== null) run(waiting); };
        document.head.appendChild(script);
      }
      input.addEventListener("input", function () { search(input.value); });
      input.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { input.value = ""; search(""); input.blur(); }
      });
      document.addEventListener("keydown", function (event) {
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        var target = event.target;
        if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
        if (event.key === "s" || event.key === "/") { event.preventDefault(); input.focus(); }
      });
      var match = /[?&]search=([^&#]*)/.exec(window.location.search);
      if (match) {
        input.value = decodeURIComponent(match[1].replace(/\\+/g, " "));
        search(input.value);
      }
    })();

    """
}
