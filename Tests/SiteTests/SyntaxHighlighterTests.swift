import Testing

@testable import Site

/// Build-time highlighting: what each language marks, and that everything stays escaped.
@Suite struct SyntaxHighlighterTests {
  func yaml(_ code: String) -> String { SyntaxHighlighter.html(code, language: .yaml) }

  @Test func languagesByInfoString() {
    #expect(SyntaxHighlighter.language(named: "yaml") == .yaml)
    #expect(SyntaxHighlighter.language(named: "YML") == .yaml)
    #expect(SyntaxHighlighter.language(named: "bash") == .shell)
    #expect(SyntaxHighlighter.language(named: "json") == .json)
    #expect(SyntaxHighlighter.language(named: "console") == .console)
    #expect(SyntaxHighlighter.language(named: "python") == nil)
  }

  @Test func yamlKeysAndScalars() {
    #expect(
      yaml("kind: Deployment\nspec:\n  replicas: 3\n  paused: false\n")
        == """
        <span class="hl-key">kind</span>: <span class="hl-string">Deployment</span>
        <span class="hl-key">spec</span>:
          <span class="hl-key">replicas</span>: <span class="hl-number">3</span>
          <span class="hl-key">paused</span>: <span class="hl-keyword">false</span>
        """)
  }

  @Test func yamlSequencesQuotesAndComments() {
    #expect(
      yaml("- name: web # 网页\n- \"a: b\"\n# 注释\n---")
        == """
        <span class="hl-punctuation">-</span> <span class="hl-key">name</span>: \
        <span class="hl-string">web</span> <span class="hl-comment"># 网页</span>
        <span class="hl-punctuation">-</span> <span class="hl-string">&quot;a: b&quot;</span>
        <span class="hl-comment"># 注释</span>
        <span class="hl-punctuation">---</span>
        """)
  }

  @Test func yamlBlockScalarLinesAreOneString() {
    #expect(
      yaml("data:\n  app.conf: |\n    port: 80\n    # not a comment\n  other: x")
        == """
        <span class="hl-key">data</span>:
          <span class="hl-key">app.conf</span>: <span class="hl-punctuation">|</span>
        <span class="hl-string">    port: 80</span>
        <span class="hl-string">    # not a comment</span>
          <span class="hl-key">other</span>: <span class="hl-string">x</span>
        """)
  }

  @Test func yamlKeepsURLsAndTimesInOneValue() {
    #expect(
      yaml("image: nginx:1.27") == "<span class=\"hl-key\">image</span>: <span class=\"hl-string\">nginx:1.27</span>")
    #expect(
      yaml("url: http://x/#top") == "<span class=\"hl-key\">url</span>: <span class=\"hl-string\">http://x/#top</span>")
  }

  @Test func shellCommandsFlagsStringsAndVariables() {
    #expect(
      SyntaxHighlighter.html("kubectl get pods -l 'app=web' --output=wide | grep $NAME # 看看", language: .shell)
        == """
        <span class="hl-command">kubectl</span> get pods <span class="hl-flag">-l</span> \
        <span class="hl-string">&#39;app=web&#39;</span> <span class="hl-flag">--output=</span>wide \
        <span class="hl-punctuation">|</span> <span class="hl-command">grep</span> \
        <span class="hl-variable">$NAME</span> <span class="hl-comment"># 看看</span>
        """)
  }

  @Test func shellRedirectionIsNotACommand() {
    #expect(
      SyntaxHighlighter.commandHTML("kubectl apply -f - <<EOF")
        == "<span class=\"hl-command\">kubectl</span> apply <span class=\"hl-flag\">-f</span> -"
        + " <span class=\"hl-punctuation\">&lt;&lt;</span>EOF")
    #expect(
      SyntaxHighlighter.commandHTML("--replicas=3", continued: true) == "<span class=\"hl-flag\">--replicas=</span>3")
  }

  @Test func jsonKeysAndValues() {
    #expect(
      SyntaxHighlighter.html("{\"a\": [1, true, \"x<\"]}", language: .json)
        == "<span class=\"hl-punctuation\">{</span><span class=\"hl-key\">&quot;a&quot;</span>"
        + "<span class=\"hl-punctuation\">:</span> <span class=\"hl-punctuation\">[</span>"
        + "<span class=\"hl-number\">1</span><span class=\"hl-punctuation\">,</span> "
        + "<span class=\"hl-keyword\">true</span><span class=\"hl-punctuation\">,</span> "
        + "<span class=\"hl-string\">&quot;x&lt;&quot;</span><span class=\"hl-punctuation\">]</span>"
        + "<span class=\"hl-punctuation\">}</span>")
  }

  /// Headers as kubectl v1.32 prints them (`get pods`, `top pod`, `get svc`) are marked;
  /// rows and messages are not.
  @Test(arguments: [
    ("NAME                     READY   STATUS    RESTARTS   AGE", true),
    ("NAME                     CPU(cores)   MEMORY(bytes)", true),
    ("NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE", true),
    ("web-6dc5cd68db-gsz44   1/1     Running   0          8s", false),
    ("NAME", false),
    ("Error from server (NotFound): pods \"x\" not found", false),
    ("deployment \"web\" successfully rolled out", false),
  ])
  func tableHeaders(line: String, isHeader: Bool) {
    #expect(SyntaxHighlighter.isTableHeader(ArraySlice(Array(line.utf8))) == isHeader)
  }

  @Test func consoleTranscript() {
    #expect(
      SyntaxHighlighter.html(
        "$ kubectl get ns\nNAME          STATUS   AGE\ndefault       Active   1m", language: .console)
          == """
          <span class="hl-prompt">$ </span><span class="hl-command">kubectl</span> get ns
          <span class="hl-header">NAME          STATUS   AGE</span>
          default       Active   1m
          """)
  }

  /// Whatever the input, the output has no markup but the highlighter's own spans.
  @Test(arguments: [SyntaxHighlighter.Language.yaml, .shell, .json, .console])
  func everythingIsEscaped(language: SyntaxHighlighter.Language) {
    let hostile = "<script>alert('x')</script>: \"<b>\" # <i>\n- <img src=x>\n$ echo \"<&>\" '<'\n{\"<\": \"&\"}"
    let html = SyntaxHighlighter.html(hostile, language: language)
    let withoutSpans = html.replacingOccurrences(of: "</span>", with: "")
      .split(separator: "<", omittingEmptySubsequences: false).dropFirst()
    #expect(withoutSpans.allSatisfy { $0.hasPrefix("span class=\"hl-") }, "\(html)")
    #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>"))
  }
}
