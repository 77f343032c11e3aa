import KubeSim
import Kubectl

/// `kubebook shell`: commands typed against a simulated cluster — a fresh one, or the one a
/// lesson has built up to one of its scenario blocks, with that page's `file=` files. It
/// accepts what a scenario accepts (`kubectl`, `sleep`, `sim`, heredocs) plus `help`,
/// `clock` and `exit`. Lines go in one at a time (``feed(_:)``), so the same session serves a
/// terminal and a piped script.
public struct ShellSession: Sendable {
  /// What one line of input produced.
  public enum Response: Sendable, Equatable {
    /// The line was part of a command that is not complete yet (a heredoc's body).
    case needMore
    /// A command ran: its lines as typed (heredoc included), what it printed, its status.
    case ran(lines: [String], output: String, status: Int32)
    /// `exit`.
    case exit
  }

  /// Why a session cannot start.
  public struct StartError: Error, Sendable, Equatable {
    public var message: String
  }

  public private(set) var terminal: Terminal
  /// When the parts of the last command's output appeared in virtual time (see
  /// ``CommandResult/marks``), so a terminal can show a watch's rows as time passes.
  public private(set) var lastMarks: [OutputMark] = []

  /// What listens for `kubectl port-forward` (set on a terminal only).
  public var portForwarder: PortForwarder? {
    get { terminal.portForwarder }
    set { terminal.portForwarder = newValue }
  }

  /// Files behind the page's, read-only (the directory `kubebook shell` runs in).
  public var outsideFiles: (any FileProvider)? {
    get { terminal.outsideFiles }
    set { terminal.outsideFiles = newValue }
  }

  /// The editor `kubectl edit` opens (set on a terminal only).
  public var editor: TextEditor? {
    get { terminal.editor }
    set { terminal.editor = newValue }
  }
  var pending: (command: String, heredoc: Heredoc, lines: [String], body: [String])?

  /// A session on a fresh default cluster.
  public init() {
    terminal = Terminal()
  }

  /// A session that starts where `lesson` is right after its scenario block `block`
  /// (1-based; nil: the last), with the page's files up to there.
  public init(from lesson: Lesson, block: Int?) throws(StartError) {
    let blocks = lesson.items.filter { if case .scenario = $0 { return true } else { return false } }.count
    guard blocks > 0 else {
      throw StartError(message: "\(lesson.displayPath): error: the lesson has no scenario block to start from")
    }
    let wanted = block ?? blocks
    guard (1...blocks).contains(wanted) else {
      throw StartError(
        message:
          "\(lesson.displayPath): error: the lesson has \(blocks) scenario block\(blocks == 1 ? "" : "s"); there is no block #\(wanted)"
      )
    }
    // The page's files, those after the block included, are there for `kubectl apply -f`.
    // (The lesson has a block, so the run has made a terminal.)
    terminal = LessonRunner.execute(lesson, blocks: wanted).terminal ?? Terminal()
  }

  /// The commands `help` lists.
  public static let helpText = """
    kubectl ...        a kubectl command against the simulated cluster
    sleep DURATION     let virtual time pass (sleep 30, sleep 2m)
    sim ...            the simulator's own commands (sim node fail NODE, sim load ..., sim image missing IMAGE)
    clock              the virtual time
    help               this list
    exit               leave the shell

    """

  /// Takes one line of input.
  public mutating func feed(_ line: String) -> Response {
    if var open = pending {
      open.lines.append(line)
      let candidate = open.heredoc.stripsTabs ? String(line.drop { $0 == "\t" }) : line
      if candidate == open.heredoc.delimiter {
        pending = nil
        let stdin = open.body.isEmpty ? "" : open.body.joined(separator: "\n") + "\n"
        let result = terminal.run(open.command, stdin: stdin)
        lastMarks = result.marks
        return .ran(lines: open.lines, output: result.output, status: result.exitCode)
      }
      open.body.append(open.heredoc.stripsTabs ? candidate : line)
      pending = open
      return .needMore
    }
    lastMarks = []
    let trimmed = line.trimmingCharacters(in: " \t")
    switch trimmed {
    case "": return .ran(lines: [], output: "", status: 0)
    case "exit", "quit": return .exit
    case "help": return .ran(lines: [line], output: Self.helpText, status: 0)
    case "clock": return .ran(lines: [line], output: terminal.cluster.now.rfc3339 + "\n", status: 0)
    default: break
    }
    if let heredoc = Heredoc.find(in: trimmed) {
      pending = (heredoc.command, heredoc, [line], [])
      return .needMore
    }
    let result = terminal.run(trimmed)
    lastMarks = result.marks
    return .ran(lines: [line], output: result.output, status: result.exitCode)
  }

  /// Where the next wait stops, as Ctrl-C stops it (see ``Cluster/interruptAt``); nil: no limit.
  public var interruptAt: Timestamp? {
    get { terminal.cluster.interruptAt }
    set { terminal.cluster.interruptAt = newValue }
  }

  /// The words that complete the last word of `line` (the text before the cursor).
  public func completions(for line: String) -> [String] {
    ShellCompletion.candidates(for: line, terminal: terminal, inHeredoc: pending != nil)
  }

  /// Drops a heredoc that is being typed (Ctrl-C at its `> ` prompt).
  public mutating func abandonUnfinished() {
    pending = nil
  }

  /// What is wrong when input ends in the middle of a command, if anything.
  public var unfinished: String? {
    pending.map { "here-document ended by end of input (wanted \"\($0.heredoc.delimiter)\")" }
  }

  /// One command in scenario syntax: `$ ` before the first line, `? N` for a non-zero status,
  /// then the output (so a piped session prints a block ready to paste into a lesson).
  public static func transcript(lines: [String], output: String, status: Int32) -> String {
    guard let first = lines.first else { return "" }
    var text = "$ " + first + "\n"
    for line in lines.dropFirst() { text += line + "\n" }
    if status != 0 { text += "? \(status)\n" }
    text += output
    if !output.isEmpty && !output.hasSuffix("\n") { text += "\n" }
    return text
  }
}
