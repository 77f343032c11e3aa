/// A diagnostic as a GitHub Actions workflow command
/// (`::error file=PATH,line=N::MESSAGE`), escaped as GitHub's toolkit escapes them
/// (actions/toolkit, packages/core/src/command.ts): in the message `%`, CR and LF become
/// `%25`, `%0D` and `%0A`; in a property, `:` and `,` also become `%3A` and `%2C`.
public enum GitHubAnnotation {
  /// The workflow command for `diagnostic`; its detail (a diff) follows the message on
  /// lines of its own.
  public static func line(for diagnostic: Diagnostic) -> String {
    var properties = "file=" + escapeProperty(diagnostic.path)
    if let line = diagnostic.line { properties += ",line=\(line)" }
    let message = diagnostic.message + (diagnostic.detail.map { "\n" + $0 } ?? "")
    return "::\(diagnostic.severity.rawValue) \(properties)::" + escapeData(message)
  }

  /// A message escaped for a workflow command.
  static func escapeData(_ text: String) -> String {
    var result = ""
    for character in text.unicodeScalars {
      switch character {
      case "%": result += "%25"
      case "\r": result += "%0D"
      case "\n": result += "%0A"
      default: result.unicodeScalars.append(character)
      }
    }
    return result
  }

  /// A property value escaped for a workflow command.
  static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
  }
}

extension String {
  /// Every `target` character replaced by `replacement`.
  fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
    var result = ""
    for character in self {
      if character == target { result += replacement } else { result.append(character) }
    }
    return result
  }
}
