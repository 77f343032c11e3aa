import Course

/// Renders a scenario's transcript as a terminal block: prompts, commands and output told
/// apart by markup, `sim` commands shown as events in the story rather than as commands.
enum TerminalRenderer {
  static func render(_ result: ScenarioResult) -> String {
    if result.scenario.options.hidden { return "" }
    var output = "<div class=\"terminal\" role=\"figure\" aria-label=\"终端\"><pre>"
    for step in result.steps {
      let command = step.step.command
      if command.hasPrefix("sim ") {
        output +=
          "</pre><p class=\"sim-event\"><span class=\"sim-badge\">模拟</span> <code>"
          + HTML.escape(command) + "</code> "
          + HTML.escape(step.result.output.trimmingTrailingNewlines()) + "</p><pre>"
        continue
      }
      for (index, line) in step.step.displayLines.enumerated() {
        let prompt = index == 0 ? "$ " : "> "
        output +=
          "<span class=\"prompt\">\(HTML.escape(prompt))</span><span class=\"command\">"
          + HTML.escape(String(line.dropFirst(2))) + "</span>\n"
      }
      for line in step.step.heredocLines {
        output += "<span class=\"heredoc\">" + HTML.escape(line) + "</span>\n"
      }
      if !step.result.output.isEmpty {
        let cssClass = step.result.exitCode == 0 ? "output" : "output failed"
        output += "<span class=\"\(cssClass)\">" + HTML.escape(step.result.output) + "</span>"
      }
    }
    output += "</pre></div>\n"
    return output.replacingOccurrences(of: "<pre></pre>", with: "")
  }
}

extension String {
  func trimmingTrailingNewlines() -> String {
    var text = self
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }

  /// Every occurrence of `target` replaced by `replacement`.
  func replacingOccurrences(of target: String, with replacement: String) -> String {
    guard contains(target) else { return self }
    var output = ""
    var rest = Substring(self)
    while let range = rest.range(of: target) {
      output += rest[..<range.lowerBound]
      output += replacement
      rest = rest[range.upperBound...]
    }
    output += rest
    return output
  }
}

extension Substring {
  fileprivate func range(of needle: String) -> Range<Substring.Index>? {
    var index = startIndex
    while index < endIndex {
      if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
      index = self.index(after: index)
    }
    return nil
  }
}
