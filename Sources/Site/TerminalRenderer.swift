import BookConfig
import Course
import Kubectl

/// Renders a scenario's transcript as a terminal block: prompts, commands and output told
/// apart by markup, `sim` commands shown as events in the story rather than as commands.
enum TerminalRenderer {
  static func render(_ result: ScenarioResult, strings: SiteStrings) -> String {
    if result.scenario.options.hidden { return "" }
    return render(steps: result.steps[...], strings: strings)
  }

  /// The terminal block of `steps` alone (a step of the step-through player).
  static func render(steps: ArraySlice<StepResult>, strings: SiteStrings) -> String {
    var output = "<div class=\"terminal\" role=\"figure\" aria-label=\"\(HTML.escape(strings[.terminal]))\"><pre>"
    for step in steps {
      let command = step.step.command
      if command.hasPrefix("sim ") {
        output +=
          "</pre><p class=\"sim-event\"><span class=\"sim-badge\">" + HTML.escape(strings[.simulated])
          + "</span> <code>"
          + HTML.escape(command) + "</code> "
          + HTML.escape(step.result.output.trimmingTrailingNewlines()) + "</p><pre>"
        continue
      }
      for (index, line) in step.step.displayLines.enumerated() {
        let prompt = index == 0 ? "$ " : "> "
        output +=
          "<span class=\"prompt\">\(HTML.escape(prompt))</span><span class=\"command\">"
          + SyntaxHighlighter.commandHTML(String(line.dropFirst(2)), continued: index > 0) + "</span>\n"
      }
      if !step.step.heredocLines.isEmpty {
        // A heredoc's body is the manifest it feeds kubectl, shown as YAML; its last line
        // is the delimiter.
        let body = step.step.heredocLines.dropLast().joined(separator: "\n")
        output += "<span class=\"heredoc\">"
        if !body.isEmpty { output += SyntaxHighlighter.html(body, language: .yaml) + "\n" }
        output += HTML.escape(step.step.heredocLines.last ?? "") + "</span>\n"
      }
      if !step.result.output.isEmpty {
        let cssClass = step.result.exitCode == 0 ? "output" : "output failed"
        var body =
          step.result.exitCode == 0
          ? outputLanguage(of: step.result.shape).map { SyntaxHighlighter.html(step.result.output, language: $0) }
          : nil
        // The YAML and JSON highlighters drop the output's last newline; without it the next
        // prompt would follow the last line of the object.
        if let highlighted = body, step.result.output.hasSuffix("\n"), !highlighted.hasSuffix("\n") {
          body = highlighted + "\n"
        }
        output +=
          "<span class=\"\(cssClass)\">" + (body ?? SyntaxHighlighter.outputHTML(step.result.output)) + "</span>"
      }
    }
    output += "</pre></div>\n"
    return output.replacingOccurrences(of: "<pre></pre>", with: "")
  }
}

extension TerminalRenderer {
  /// The language of what a command prints: YAML for `-o yaml`, JSON for `-o json`, nil for
  /// kubectl's tables and messages.
  static func outputLanguage(of shape: CommandShape) -> SyntaxHighlighter.Language? {
    switch shape.format {
    case .yaml: return .yaml
    case .json: return .json
    case nil: return nil
    }
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
