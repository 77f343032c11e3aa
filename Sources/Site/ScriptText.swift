import BookConfig

/// The site's strings as JavaScript, for the scripts the build writes (`toc.js`,
/// `kubebook.js`): each string becomes an expression that joins its text, as string
/// literals, with the script's variables in place of its `{placeholders}`.
enum ScriptText {
  /// `key`'s text as an expression: `"第 " + current + " / " + count + " 步"`, each
  /// placeholder named in `variables` replaced by that JavaScript expression.
  static func expression(_ strings: SiteStrings, _ key: UIString, _ variables: KeyValuePairs<String, String> = [:])
    -> String
  {
    var parts: [String] = []
    var literal = ""
    for piece in strings.pieces(key) {
      if !piece.literal, let variable = variables.first(where: { $0.key == piece.text })?.value {
        if !literal.isEmpty { parts.append("\"" + Navigation.jsEscape(literal) + "\"") }
        literal = ""
        parts.append(variable)
      } else {
        literal += piece.literal ? piece.text : "{" + piece.text + "}"
      }
    }
    if !literal.isEmpty || parts.isEmpty { parts.append("\"" + Navigation.jsEscape(literal) + "\"") }
    // A string that starts with a variable still reads as text, not as a sum.
    if parts.count > 1, !parts[0].hasPrefix("\"") { parts.insert("\"\"", at: 0) }
    return parts.joined(separator: " + ")
  }
}
