import CEditLine

#if canImport(Glibc)
  import Glibc
#endif

/// Line editing on a terminal through libedit's readline interface: arrow keys, history
/// (↑ ↓ and Ctrl-R), Tab completion from a function the caller gives, and Ctrl-C, which
/// abandons the line being typed or — through ``interrupted`` — a command that is running.
///
/// There is one terminal, so there is one editor: libedit keeps its state in globals.
public enum LineEditor {
  /// What one call to ``readLine(prompt:)`` got.
  public enum Input: Equatable, Sendable {
    /// A line (without its newline).
    case line(String)
    /// Ctrl-C: the line was abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or the end of input.
    case end
  }

  /// The words that may replace the last word of a line; set by the caller. Its argument is
  /// the line up to the cursor.
  nonisolated(unsafe) public static var completer: (String) -> [String] = { _ in [] }

  /// Set by the SIGINT handler; cleared by ``clearInterrupt()``.
  nonisolated(unsafe) static var interruptFlag: sig_atomic_t = 0

  /// Whether Ctrl-C was pressed since the last ``clearInterrupt()``.
  public static var interrupted: Bool { interruptFlag != 0 }

  /// Forgets an earlier Ctrl-C.
  public static func clearInterrupt() { interruptFlag = 0 }

  /// Sets libedit up: the program's name (for `~/.editrc` sections), completion, and a
  /// SIGINT handler that records Ctrl-C instead of ending the program.
  public static func start(name: String) {
    // Words are separated by blanks only, so `deployment/web` and `--output=yaml` are one word.
    kubebook_editline_setup(strdup(name)) { _, _, _ in LineEditor.completionMatches() }
    var action = sigaction()
    action.__sigaction_handler.sa_handler = { _ in LineEditor.interruptFlag = 1 }
    sigemptyset(&action.sa_mask)
    action.sa_flags = 0  // no SA_RESTART: a read waiting for input returns at Ctrl-C
    sigaction(SIGINT, &action, nil)
  }

  /// Reads a line after `prompt`, with editing and completion.
  public static func readLine(prompt: String) -> Input {
    clearInterrupt()
    guard let pointer = readline(prompt) else {
      return interrupted ? .interrupted : .end
    }
    defer { free(pointer) }
    if interrupted { return .interrupted }
    return .line(String(cString: pointer))
  }

  /// Adds `line` to the history that ↑ and Ctrl-R search (in memory only: nothing is written
  /// to disk).
  public static func addToHistory(_ line: String) {
    add_history(line)
  }

  /// libedit's completion hook: the candidates as a malloc'd, NULL-terminated array whose
  /// first entry is what replaces the word (their longest common prefix).
  static func completionMatches() -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    var point: Int32 = 0
    let buffer = kubebook_editline_buffer(&point)
    let bytes = UnsafeRawBufferPointer(start: buffer, count: buffer == nil ? 0 : Int(point))
    let candidates = completer(String(decoding: bytes, as: UTF8.self))
    guard !candidates.isEmpty else {
      kubebook_editline_completion_ends(0)
      return nil
    }
    var common = candidates[0]
    for candidate in candidates.dropFirst() {
      common = String(zip(common, candidate).prefix { $0 == $1 }.map(\.0))
    }
    // A unique `TYPE/` or `--flag=` is continued, not ended with a space.
    let last = candidates.count == 1 ? common.last : nil
    kubebook_editline_completion_ends(last == "/" || last == "=" || candidates.count > 1 ? 0 : 32)
    let entries = [common] + (candidates.count == 1 ? [] : candidates)
    // Two NULLs at the end: libedit tests `matches[2] == NULL` before `matches[1]` to spot
    // a single match, so a one-entry array must still be readable at index 2.
    let capacity = entries.count + 2
    guard let raw = calloc(capacity, MemoryLayout<UnsafeMutablePointer<CChar>?>.stride) else { return nil }
    let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: capacity)
    for (index, entry) in entries.enumerated() { array[index] = strdup(entry) }
    return array
  }
}
