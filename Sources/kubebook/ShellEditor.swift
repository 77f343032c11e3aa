import Foundation
import Kubectl

/// The editor `kubectl edit` opens in `kubebook shell` on a terminal, found as kubectl's
/// `editor.NewDefaultEditor([KUBE_EDITOR, EDITOR])` finds it: the first of those variables
/// that is set, else `vi`; a value with spaces is split on them, or, when it also has quotes
/// or backslashes, run by `$SHELL -c` (default `/bin/bash`) with the file's quoted path
/// appended. The text goes to a temporary `kubectl-edit-*.yaml` file, the editor runs on the
/// terminal, and the saved file is read back and removed.
enum ShellEditor {
  /// The editor's command line without the file, and whether it is a shell command.
  static func command(environment: [String: String]) -> (arguments: [String], shell: Bool) {
    let editor = ["KUBE_EDITOR", "EDITOR"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? "vi"
    if !editor.contains(" ") { return ([editor], false) }
    if !editor.contains(where: { "\"'\\".contains($0) }) {
      return (editor.split(separator: " ", omittingEmptySubsequences: false).map(String.init), false)
    }
    let shell = environment["SHELL"].flatMap { $0.isEmpty ? nil : $0 } ?? "/bin/bash"
    return ([shell, "-c", editor], true)
  }

  /// The ``TextEditor`` for this process's environment.
  static func editor() -> TextEditor {
    TextEditor { text in edit(text, environment: ProcessInfo.processInfo.environment) }
  }

  /// Writes `text` to a temporary file, runs the editor on it and returns what was saved.
  static func edit(_ text: String, environment: [String: String]) -> Result<String, EditorFailure> {
    let (arguments, shell) = command(environment: environment)
    let shown = arguments.joined(separator: " ")
    let directory = FileManager.default.temporaryDirectory
    let file = directory.appendingPathComponent("kubectl-edit-\(UUID().uuidString.prefix(8).lowercased()).yaml")
    do { try text.write(to: file, atomically: false, encoding: .utf8) } catch {
      return .failure(EditorFailure(message: "kubebook could not write the file to edit: \(error)"))
    }
    defer { try? FileManager.default.removeItem(at: file) }
    var command = arguments
    if shell {
      command[command.count - 1] += " " + goQuoted(file.path)
    } else {
      command.append(file.path)
    }
    guard let executable = locate(command[0], path: environment["PATH"] ?? "/usr/bin:/bin") else {
      return .failure(EditorFailure(message: "unable to launch the editor \(goQuoted(shown))"))
    }
    let process = Process()
    process.executableURL = executable
    process.arguments = Array(command.dropFirst())
    do {
      try process.run()
      process.waitUntilExit()
    } catch {
      return .failure(EditorFailure(message: "unable to launch the editor \(goQuoted(shown))"))
    }
    guard process.terminationStatus == 0 else {
      return .failure(EditorFailure(message: "there was a problem with the editor \(goQuoted(shown))"))
    }
    guard let data = FileManager.default.contents(atPath: file.path) else {
      return .failure(EditorFailure(message: "kubebook could not read back \(file.path)"))
    }
    return .success(String(decoding: data, as: UTF8.self))
  }

  /// `name` found as `exec.LookPath` finds it: as given when it has a slash, else in `path`.
  static func locate(_ name: String, path: String) -> URL? {
    if name.contains("/") {
      return FileManager.default.isExecutableFile(atPath: name) ? URL(fileURLWithPath: name) : nil
    }
    for directory in path.split(separator: ":") {
      let candidate = String(directory) + "/" + name
      if FileManager.default.isExecutableFile(atPath: candidate) { return URL(fileURLWithPath: candidate) }
    }
    return nil
  }

  /// `text` in Go's `%q` form for plain printable text: double quotes, `"` and `\` escaped.
  static func goQuoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
  }
}
