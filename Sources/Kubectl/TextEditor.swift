/// The user's text editor, for `kubectl edit`: given a file's text, it returns the text as the
/// user saved it. Only `kubebook shell` on a terminal has one (it writes a temporary file and
/// runs `$KUBE_EDITOR`, `$EDITOR` or `vi`); lessons run without, and tests pass a function.
public struct TextEditor: Sendable {
  /// Edits `text`; a failure carries the message kubectl prints (the editor could not run).
  public var edit: @Sendable (_ text: String) -> Result<String, EditorFailure>

  /// An editor that runs `edit`.
  public init(edit: @escaping @Sendable (_ text: String) -> Result<String, EditorFailure>) {
    self.edit = edit
  }
}

/// Why the editor gave no text back.
public struct EditorFailure: Error, Sendable, Equatable {
  /// What kubectl prints after `error: `.
  public var message: String

  /// A failure with `message`.
  public init(message: String) {
    self.message = message
  }
}
